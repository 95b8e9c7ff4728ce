/**
 * Chapter 3 — the overfitting playground: 2-D data, a network or a polynomial logistic model,
 * L1 / L2 / dropout changeable while it trains (in the worker), at a pace a student can watch.
 * Divergence stops training and names the chain-rule factor that exploded. This file is the
 * wiring: its state (playgroundState) is plain data, its view (playgroundView) draws the worker's
 * frames, its drawing schedule (playgroundFrames) and its controls (setup, training, run
 * buttons, point input) each live in a file of their own.
 */
import { dataset2d } from "../../../src/data/datasets2d.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { h } from "../ui/dom.js";
import { downloadBlob } from "../ui/exportFigure.js";
import { anyMessage, onLanguageChange, t } from "../ui/i18n.js";
import { readString } from "../ui/state.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";
import type { Points2d } from "../worker/protocol.js";
import { playgroundFrames } from "./playgroundFrames.js";
import { playgroundPointInput } from "./playgroundPointInput.js";
import { applyEdits, parseEdits } from "./playgroundPoints.js";
import { playgroundRunControls } from "./playgroundRunControls.js";
import { playgroundSetupControls } from "./playgroundSetupControls.js";
import { initialState, liveSettings, startRun } from "./playgroundState.js";
import { PLAYGROUND_STORY } from "./playgroundStory.js";
import { playgroundTrainingControls, SPEEDS } from "./playgroundTrainingControls.js";
import { playgroundView } from "./playgroundView.js";

/** Grid points per axis of the decision map the worker evaluates. */
const RESOLUTION = 50;

export function playground(): HTMLElement {
  const frame = chapterFrame("playground", "playground.title", "playground.claim", PLAYGROUND_STORY);
  const state = initialState(parseEdits(readString("pg.add"), readString("pg.del")));
  const view = playgroundView(() => ({ frame: state.last, points: state.points }));

  const errorBox = h("div", {
    class: "error",
    role: "alert",
    hidden: true,
    "data-testid": "playground-error",
  });
  const showError = (text: string) => {
    errorBox.textContent = text;
    errorBox.hidden = false;
  };

  // ── what each control does ──────────────────────────────────────────────
  const makePoints = (): Points2d => {
    if (state.uploaded) return state.uploaded;
    const generated = dataset2d(setup.dataset.value(), {
      samples: setup.samples.value(),
      noise: setup.noise.value(),
      seed: setup.seed.value(),
    });
    return applyEdits(generated, state.edits);
  };
  const live = () =>
    liveSettings({
      learningRate: training.eta.value(),
      useL2: training.useL2.value(),
      l2: training.l2.value(),
      useL1: training.useL1.value(),
      l1: training.l1.value(),
      model: setup.model.value(),
      dropout: training.dropout.value(),
    });
  const restart = () => {
    startRun(state, nextRun(), makePoints());
    view.warning.hidden = true;
    sendToWorker({
      type: "playground.start",
      run: state.run,
      config: {
        points: state.points,
        trainShare: setup.trainShare.value(),
        seed: setup.seed.value(),
        model: setup.model.value(),
        hidden: Array.from({ length: setup.layersCount.value() }, () => setup.units.value()),
        activation: setup.activation.value(),
        degree: setup.degree.value(),
        loss: setup.loss.value(),
        live: live(),
        warmup: training.warmup.value(),
        resolution: RESOLUTION,
      },
    });
    showModelControls();
  };
  const sendLive = () =>
    sendToWorker({ type: "playground.live", live: live(), warmup: training.warmup.value() });
  const sendPace = () =>
    sendToWorker({ type: "playground.pace", epochsPerSecond: SPEEDS[training.speed.value()] });

  const setup = playgroundSetupControls({
    // another data set: the upload, its name under the picker and the clicked edits all go
    onDataSet: () => {
      pointInput.forget();
      restart();
    },
    restart,
  });
  const training = playgroundTrainingControls({ sendLive, sendPace });
  const runControls = playgroundRunControls(state, {
    restart,
    resetPoints: () => {
      pointInput.forget();
      restart();
    },
  });
  const pointInput = playgroundPointInput({
    state,
    heatmap: view.heatmap,
    setup,
    restart,
    showError,
    hideError: () => (errorBox.hidden = true),
  });
  /** The chosen model's own controls only: a polynomial has no layers, a network no degree. */
  const showModelControls = () => {
    const network = setup.model.value() === "network";
    for (const control of [setup.layersCount, setup.units, setup.activation, training.dropout])
      control.element.classList.toggle("not-applicable", !network);
    setup.degree.element.classList.toggle("not-applicable", network);
  };

  // ── frames from the worker ──────────────────────────────────────────────
  const frames = playgroundFrames(state, view, frame.live, () => runControls.setRunning(false));
  onWorkerMessage((message) => {
    if (message.type === "playground.frame") frames.receive(message);
    else if (message.type === "playground.model") {
      const blob = new Blob([`${JSON.stringify(message.model, null, 1)}\n`], { type: "application/json" });
      downloadBlob(blob, "reglab-playground-model.json");
    } else if (message.type === "error" && message.job === "playground" && message.run === state.run) {
      showError(anyMessage(message.key, message.params));
    }
  });

  // ── layout ──────────────────────────────────────────────────────────────
  const { eta, useL2, l2, useL1, l1, dropout, warmup } = training;
  const penaltyGroup = controlGroup(
    "playground.regularization",
    ...[eta, useL2, l2, useL1, l1, dropout, warmup].map((control) => control.element),
  );
  penaltyGroup.classList.add("penalty-group");
  const { dataset, noise, samples, trainShare, seed, clickMode } = setup;
  const { model, layersCount, units, activation, degree, loss } = setup;
  frame.controls.append(
    training.speed.element,
    runControls.element,
    // the penalty first: beside the map while it trains (the column is sticky on wide screens,
    // and on a phone the group moves right under the map: style.css)
    penaltyGroup,
    controlGroup(
      "playground.dataControls",
      ...[dataset, noise, samples, trainShare, seed, clickMode].map((control) => control.element),
      ...pointInput.elements,
    ),
    controlGroup(
      "playground.modelControls",
      ...[model, layersCount, units, activation, degree, loss].map((control) => control.element),
    ),
  );
  frame.figures.append(errorBox, ...view.elements);
  onLanguageChange(() => {
    view.heatmap.canvas.setAttribute("aria-label", t("playground.heatmapLabel"));
    frames.redraw();
  });
  sendPace();
  restart();
  return frame.section;
}
