/**
 * What the playground draws of each frame the worker posts, and how often: the map every animation
 * frame (it is what a student watches move); the numbers' text ten times a second (faster is a
 * blur, and each rewrite re-lays out the list); the charts and the map's data table a few times a
 * second, one chart at a time (a chart costs several ms to build: 60 times a second, or two in one
 * frame, and the map would drop frames); the screen reader's readout every few seconds. Only the
 * newest frame of the run on screen is drawn (frameQueue drops the stale ones).
 */
import { formatNumber } from "../../../src/i18n/format.js";
import { prefersReducedMotion } from "../ui/dom.js";
import { t } from "../ui/i18n.js";
import { sendToWorker } from "../worker/client.js";
import { frameQueue } from "../worker/frameQueue.js";
import type { PlaygroundFrame } from "../worker/protocol.js";
import { type PlaygroundState, recordLosses } from "./playgroundState.js";
import type { PlaygroundView } from "./playgroundView.js";

/**
 * While training, each chart is redrawn about this often (the map and numbers every frame) — the
 * loss curves and the layer norms in turn, half this apart, so no frame builds two charts.
 */
const CHART_REFRESH_MS = 500;
/** While training, the numbers' text is rewritten this often (their data attributes every frame). */
const NUMBERS_TEXT_MS = 100;
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
  let lastChartDraw = 0;
  let nextChart: "losses" | "layers" = "losses";
  let lastAnnounce = 0;
  let lastNumbersText = 0;
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
    const now = performance.now();
    const showText = !message.running || now - lastNumbersText >= NUMBERS_TEXT_MS;
    if (showText) lastNumbersText = now;
    view.drawStats(d, message.epoch, showText);
    if (!message.running) {
      // paused, stepped or finished: everything at once, the student is looking
      view.drawLosses(state.history);
      view.drawLayers(d);
      view.drawBoundaryTable(message);
    } else if (now - lastChartDraw > CHART_REFRESH_MS / 2) {
      lastChartDraw = now;
      if (nextChart === "losses") view.drawLosses(state.history);
      else {
        view.drawLayers(d);
        view.drawBoundaryTable(message);
      }
      nextChart = nextChart === "losses" ? "layers" : "losses";
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
      view.drawLosses(state.history);
      view.drawLayers(last.diagnostics);
      if (last.divergence) view.explain(last.divergence.epoch, last.divergence.explanation);
      announce(last);
    },
  };
}
