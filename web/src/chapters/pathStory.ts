/**
 * The path chapter's story: the lasso picks a few features at λ.1se, the ridge keeps them all, and
 * a classification data set opens at its own λ.1se.
 */
import type { Story } from "../ui/chapter.js";

const status = "path-status";
const FITTING_MS = 60_000;

export const PATH_STORY: Story = {
  explain: "path.explain",
  next: "path.next",
  steps: [
    {
      id: "path.lasso",
      label: "path.try.lasso",
      promise: "path.try.lasso.promise",
      state: { "path.data": "diabetes", "path.family": "auto", "path.alpha": 1 },
      outcome: [
        { testId: status, attribute: "data-state", op: "=", value: "done" },
        { testId: status, attribute: "data-at", op: "=", value: "1se" },
        { testId: status, attribute: "data-nonzero", op: ">=", value: 1 },
        { testId: status, attribute: "data-nonzero", op: "<", value: 10 },
      ],
      within: FITTING_MS,
    },
    {
      id: "path.ridge",
      label: "path.try.ridge",
      promise: "path.try.ridge.promise",
      state: { "path.data": "diabetes", "path.family": "auto", "path.alpha": 0 },
      outcome: [
        { testId: status, attribute: "data-state", op: "=", value: "done" },
        { testId: status, attribute: "data-nonzero", op: "=", value: 10 },
      ],
      within: FITTING_MS,
    },
    {
      id: "path.classes",
      label: "path.try.classes",
      promise: "path.try.classes.promise",
      state: { "path.data": "breast_cancer", "path.family": "auto", "path.alpha": 1 },
      outcome: [
        { testId: status, attribute: "data-state", op: "=", value: "done" },
        { testId: status, attribute: "data-family", op: "=", value: "binomial" },
        { testId: status, attribute: "data-at", op: "=", value: "1se" },
        { testId: status, attribute: "data-nonzero", op: "<", value: 30 },
      ],
      within: FITTING_MS,
    },
  ],
};
