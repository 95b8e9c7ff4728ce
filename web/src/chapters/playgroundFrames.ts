/**
 * What the playground draws of each frame the worker posts, and how often: the map and the numbers
 * every animation frame (they are what a student watches move), the curves and the map's data
 * table a few times a second (a chart rebuilt 60 times a second would cost the map its frames),
 * the screen reader's readout every few seconds. Only the newest frame of the run on screen is
 * drawn (frameQueue drops the stale ones).
 */
import { formatNumber } from "../../../src/i18n/format.js";
import { prefersReducedMotion } from "../ui/dom.js";
import { t } from "../ui/i18n.js";
import { sendToWorker } from "../worker/client.js";
import { frameQueue } from "../worker/frameQueue.js";
import type { PlaygroundFrame } from "../worker/protocol.js";
import { type PlaygroundState, recordLosses } from "./playgroundState.js";
import type { PlaygroundView } from "./playgroundView.js";

/** The curves are redrawn at most this often while training (the map and numbers every frame). */
const CURVE_REFRESH_MS = 500;
/** The screen reader hears the losses at most this often while training (and when it stops). */
const ANNOUNCE_MS = 5000;

export interface FrameDrawing {
  /** Takes a frame from the worker (drawn at the next animation frame if still the newest). */
  receive(frame: PlaygroundFrame): void;
  /** Draws the latest frame again (the language changed). */
  redraw(): void;
}

export function playgroundFrames(
  state: PlaygroundState,
  view: PlaygroundView,
  /** The chapter's polite live region. */
  live: HTMLElement,
  /** Pauses training (on the page and in the worker) when a run diverges. */
  stop: () => void,
): FrameDrawing {
  let lastCurveDraw = 0;
  let lastAnnounce = 0;
  const announce = (message: PlaygroundFrame) => {
    live.textContent = t("playground.readout", {
      epoch: message.epoch,
      train: formatNumber(message.diagnostics.trainLoss),
      test: formatNumber(message.diagnostics.testLoss),
    });
  };
  const draw = (message: PlaygroundFrame) => {
    if (message.run !== state.run) return;
    state.last = message;
    const d = message.diagnostics;
    state.history = recordLosses(state.history, {
      epoch: message.epoch,
      train: d.trainLoss,
      test: d.testLoss,
    });
    view.drawMap(message, state.points);
    view.drawStats(d, message.epoch);
    const now = performance.now();
    if (!message.running || now - lastCurveDraw > CURVE_REFRESH_MS) {
      lastCurveDraw = now;
      view.drawCurves(state.history, d);
      view.drawBoundaryTable(message);
    }
    if (message.divergence) view.explain(message.divergence.epoch, message.divergence.explanation);
    // only a diverged run stops by itself; a frame posted before "train" was pressed says nothing
    if (message.divergence && state.running) stop();
    if (!message.running || now - lastAnnounce > ANNOUNCE_MS) {
      lastAnnounce = now;
      announce(message);
    }
  };
  return {
    receive: frameQueue(
      draw,
      (frames) => sendToWorker({ type: "playground.ack", frames }),
      prefersReducedMotion(),
    ),
    redraw() {
      const last = state.last;
      if (!last) return;
      view.drawStats(last.diagnostics, last.epoch);
      view.drawCurves(state.history, last.diagnostics);
      if (last.divergence) view.explain(last.divergence.epoch, last.divergence.explanation);
      announce(last);
    },
  };
}
