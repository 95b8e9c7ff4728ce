/**
 * The chain-rule stepper's story: a stall from the first step, the penalty that ends it, an
 * overshoot, and a small weight that simply learns. Each step's budget of presses is the promise.
 */
import type { Story } from "../ui/chapter.js";

export const STEPPER_STORY: Story = {
  explain: "stepper.explain",
  next: "stepper.next",
  steps: [
    {
      id: "stepper.stall",
      label: "stepper.try.stall",
      promise: "stepper.try.stall.promise",
      state: { "cr.m0": 100, "cr.eta": 10, "cr.l2": false },
      press: { testId: "stepper-step", times: 5 },
      outcome: [
        { testId: "stepper-status", attribute: "data-steps", op: "=", value: 5 },
        { testId: "stepper-status", attribute: "data-first-stalled", op: "=", value: 1 },
        { testId: "stepper-status", attribute: "data-count-stalled", op: "=", value: 5 },
        { testId: "stepper-status", attribute: "data-m", op: ">", value: 99.9 },
        { testId: "stepper-status", attribute: "data-mean-dydz", op: "<", value: 0.01 },
      ],
    },
    {
      id: "stepper.penalty",
      label: "stepper.try.penalty",
      promise: "stepper.try.penalty.promise",
      state: { "cr.m0": 100, "cr.eta": 10, "cr.l2": true, "cr.lambda": 0.01 },
      press: { testId: "stepper-step", times: 20 },
      outcome: [
        { testId: "stepper-status", attribute: "data-steps", op: "=", value: 20 },
        { testId: "stepper-status", attribute: "data-count-learning", op: "=", value: 20 },
        { testId: "stepper-status", attribute: "data-m", op: "<", value: 15 },
      ],
    },
    {
      id: "stepper.overshoot",
      label: "stepper.try.overshoot",
      promise: "stepper.try.overshoot.promise",
      state: { "cr.m0": 100, "cr.eta": 10000, "cr.l2": false },
      press: { testId: "stepper-step", times: 20 },
      outcome: [
        { testId: "stepper-status", attribute: "data-steps", op: "=", value: 20 },
        { testId: "stepper-status", attribute: "data-first-overshoot", op: "<=", value: 20 },
        { testId: "stepper-loss-chart", attribute: "data-rings", op: ">=", value: 1 },
      ],
    },
    {
      id: "stepper.learn",
      label: "stepper.try.learn",
      promise: "stepper.try.learn.promise",
      state: { "cr.m0": 0.1, "cr.eta": 10, "cr.l2": false },
      press: { testId: "stepper-step", times: 20 },
      outcome: [
        { testId: "stepper-status", attribute: "data-first-reached", op: "<=", value: 20 },
        { testId: "stepper-status", attribute: "data-count-stalled", op: "=", value: 0 },
        { testId: "stepper-status", attribute: "data-count-overshoot", op: "=", value: 0 },
        { testId: "stepper-status", attribute: "data-mean-dydz", op: ">", value: 0.1 },
      ],
    },
  ],
};
