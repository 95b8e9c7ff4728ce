/**
 * The instability chapter's story: the claim where it holds (spiral), where saturation hides it
 * (circle, whose classes barely overlap), and a penalty so strong that the model is a constant.
 */
import type { Story } from "../ui/chapter.js";

const status = "instability-status";
const TRAINING_MS = 60_000;

export const INSTABILITY_STORY: Story = {
  explain: "instability.explain",
  next: "instability.next",
  steps: [
    {
      id: "instability.spiral",
      label: "instability.try.spiral",
      promise: "instability.try.spiral.promise",
      state: { "in.data": "spiral", "in.lambda": 0.002, "in.eps": 0.05 },
      outcome: [
        { testId: status, attribute: "data-verdict", op: "=", value: "holds" },
        { testId: status, attribute: "data-output-ratio", op: ">", value: 1 },
        { testId: status, attribute: "data-logit-ratio", op: ">", value: 1 },
        { testId: status, attribute: "data-test-loss-ratio", op: ">", value: 1 },
      ],
      within: TRAINING_MS,
    },
    {
      id: "instability.circle",
      label: "instability.try.circle",
      promise: "instability.try.circle.promise",
      state: { "in.data": "circle", "in.lambda": 0.002, "in.eps": 0.05 },
      outcome: [
        { testId: status, attribute: "data-verdict", op: "=", value: "saturationHides" },
        { testId: status, attribute: "data-output-ratio", op: "<", value: 1 },
        { testId: status, attribute: "data-logit-ratio", op: ">", value: 1 },
        { testId: "instability-note", attribute: "data-clean", op: "=", value: "1" },
      ],
      within: TRAINING_MS,
    },
    {
      id: "instability.constant",
      label: "instability.try.constant",
      promise: "instability.try.constant.promise",
      state: { "in.data": "spiral", "in.lambda": 0.3, "in.eps": 0.05 },
      outcome: [{ testId: status, attribute: "data-verdict", op: "=", value: "constant" }],
      within: TRAINING_MS,
    },
  ],
};
