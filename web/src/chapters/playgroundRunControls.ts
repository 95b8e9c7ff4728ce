/**
 * The playground's run buttons: train / pause (one toggle, its state in aria-pressed), one step,
 * start over, export the model, and reset the points. The toggle is also what a "Try this" step
 * presses, so its pressed state is the truth about whether the model trains.
 */
import type { LabKey } from "../../../src/i18n/lab.js";
import { button, buttonRow } from "../ui/controls.js";
import { t } from "../ui/i18n.js";
import { sendToWorker } from "../worker/client.js";
import type { PlaygroundState } from "./playgroundState.js";

export interface RunActions {
  /** Train the current model from scratch. */
  restart(): void;
  /** Forget the clicked edits and the upload, then restart on the generated data set. */
  resetPoints(): void;
}

export interface RunControls {
  element: HTMLDivElement;
  /** Starts or pauses training, on the page and in the worker. */
  setRunning(value: boolean): void;
}

export function playgroundRunControls(state: PlaygroundState, on: RunActions): RunControls {
  const setRunning = (value: boolean) => {
    state.running = value;
    const key: LabKey = value ? "playground.pause" : "playground.train";
    playButton.dataset.i18n = key;
    playButton.textContent = t(key);
    playButton.setAttribute("aria-pressed", String(value));
    sendToWorker({ type: "playground.run", running: value });
  };
  const playButton = button("playground.train", () => setRunning(!state.running), {
    "data-testid": "playground-train",
    "aria-pressed": "false",
  });
  const stepButton = button(
    "playground.step",
    () => {
      // one epoch at a time: a run in progress pauses first
      if (state.running) setRunning(false);
      sendToWorker({ type: "playground.step" });
    },
    { "data-testid": "playground-step" },
  );
  const element = buttonRow(
    "pg.run",
    "playground.run",
    playButton,
    stepButton,
    button("playground.reset", () => {
      setRunning(false);
      on.restart();
    }),
    button("playground.export", () => sendToWorker({ type: "playground.export" })),
    button("playground.resetPoints", on.resetPoints),
  );
  return { element, setRunning };
}
