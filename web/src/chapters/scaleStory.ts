/** The scale chapter's story: one weight, two scales; then early stopping as a penalty, early and late. */
import type { Story } from "../ui/chapter.js";

export const SCALE_STORY: Story = {
  explain: "scale.explain",
  steps: [
    {
      id: "scale.article",
      label: "scale.try.article",
      promise: "scale.try.article.promise",
      state: { "sc.m": 0.001 },
      outcome: [
        { testId: "scale-status", attribute: "data-standardized-m", op: ">", value: 5.77 },
        { testId: "scale-status", attribute: "data-standardized-m", op: "<", value: 5.79 },
      ],
    },
    {
      id: "scale.gentle",
      label: "scale.try.gentle",
      promise: "scale.try.gentle.promise",
      state: { "sc.m": 0.0001 },
      outcome: [
        { testId: "scale-status", attribute: "data-standardized-m", op: "<", value: 1 },
        { testId: "scale-status", attribute: "data-share", op: "=", value: 0 },
      ],
    },
    {
      id: "scale.early",
      label: "scale.try.early",
      promise: "scale.try.early.promise",
      state: { "sc.t": 5 },
      outcome: [
        { testId: "early-status", attribute: "data-step", op: "=", value: 5 },
        { testId: "early-status", attribute: "data-norm", op: "<", value: 0.6 },
        { testId: "early-status", attribute: "data-distance", op: "<", value: 0.2 },
      ],
    },
    {
      id: "scale.late",
      label: "scale.try.late",
      promise: "scale.try.late.promise",
      state: { "sc.t": 5000 },
      outcome: [
        { testId: "early-status", attribute: "data-step", op: "=", value: 5000 },
        { testId: "early-status", attribute: "data-norm", op: ">", value: 0.99 },
      ],
    },
  ],
};
