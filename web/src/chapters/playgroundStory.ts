/**
 * The playground's story, at the default (slow) speed: a free network on the noisy spiral opens a
 * gap between test and training loss; an L2 penalty switched on while it trains closes it.
 */
import type { Story } from "../ui/chapter.js";

const stats = "playground-stats";
const TRAINING_MS = 60_000;

export const PLAYGROUND_STORY: Story = {
  explain: "playground.explain",
  next: "playground.next",
  steps: [
    {
      id: "playground.overfit",
      label: "playground.try.overfit",
      promise: "playground.try.overfit.promise",
      state: {
        "pg.model": "network",
        "pg.data": "spiral",
        "pg.noise": 0.5,
        "pg.speed": "slow",
        "pg.useL2": false,
        "pg.useL1": false,
        "pg.drop": 0,
      },
      press: { testId: "playground-train", times: 1 },
      outcome: [{ testId: stats, attribute: "data-gap", op: ">", value: 0.5 }],
      within: TRAINING_MS,
    },
    {
      id: "playground.penalty",
      label: "playground.try.penalty",
      promise: "playground.try.penalty.promise",
      state: { "pg.useL2": true, "pg.l2": 0.01 },
      press: { testId: "playground-train", times: 1 },
      outcome: [{ testId: stats, attribute: "data-gap", op: "<", value: 0.4 }],
      within: TRAINING_MS,
    },
  ],
};
