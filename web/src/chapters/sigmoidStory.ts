/** The sigmoid chapter's story: the article's steepest and flattest slopes, a weight far too large, and the same weight on a short range. */
import type { Story } from "../ui/chapter.js";

const share = "saturated-share";

export const SIGMOID_STORY: Story = {
  explain: "sigmoid.explain",
  next: "sigmoid.next",
  steps: [
    {
      id: "sigmoid.steep",
      label: "sigmoid.try.steep",
      promise: "sigmoid.try.steep.promise",
      state: { "sig.m": 0.001, "sig.c": 0, "sig.x": 10000 },
      outcome: [
        { testId: share, attribute: "data-value", op: ">", value: 0.5 },
        { testId: share, attribute: "data-value", op: "<", value: 0.6 },
      ],
    },
    {
      id: "sigmoid.flat",
      label: "sigmoid.try.flat",
      promise: "sigmoid.try.flat.promise",
      state: { "sig.m": 0.0001, "sig.c": 0, "sig.x": 10000 },
      outcome: [{ testId: share, attribute: "data-value", op: "=", value: 0 }],
    },
    {
      id: "sigmoid.large",
      label: "sigmoid.try.large",
      promise: "sigmoid.try.large.promise",
      state: { "sig.m": 0.1, "sig.c": 0, "sig.x": 10000 },
      outcome: [{ testId: share, attribute: "data-value", op: ">", value: 0.99 }],
    },
    {
      id: "sigmoid.short",
      label: "sigmoid.try.short",
      promise: "sigmoid.try.short.promise",
      state: { "sig.m": 0.1, "sig.c": 0, "sig.x": 10 },
      outcome: [{ testId: share, attribute: "data-value", op: "=", value: 0 }],
    },
  ],
};
