/**
 * Chapter 3 — the overfitting playground: 2-D data, a network or a polynomial logistic model,
 * L1 / L2 / dropout changeable while it trains (in the worker), at a pace a student can watch. The
 * wiring of the chapter: its controls, the worker, clicks on the map and uploads; the view
 * (playgroundView) draws the frames. Divergence stops training and names the chain-rule factor
 * that exploded.
 */
import { DataError } from "../../../src/data/dataError.js";
import { dataset2d } from "../../../src/data/datasets2d.js";
import { parseCsv } from "../../../src/data/parseCsv.js";
import { formatNumber } from "../../../src/i18n/format.js";
import type { LiveSettings } from "../../../src/nn/trainer.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { button, buttonRow, filePicker } from "../ui/controls.js";
import { h, prefersReducedMotion } from "../ui/dom.js";
import { downloadBlob } from "../ui/exportFigure.js";
import { anyMessage, onLanguageChange, t } from "../ui/i18n.js";
import { readString, write } from "../ui/state.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";
import { frameQueue } from "../worker/frameQueue.js";
import type { PlaygroundFrame, Points2d } from "../worker/protocol.js";
import { playgroundControls, SPEEDS } from "./playgroundControls.js";
import { applyEdits, encodeEdits, parseEdits, pointsFromUpload, removeNearest } from "./playgroundPoints.js";
import { PLAYGROUND_STORY } from "./playgroundStory.js";
import { type LossPoint, playgroundView } from "./playgroundView.js";

const RESOLUTION = 50;
const CURVE_REFRESH_MS = 500;

export function playground(): HTMLElement {
  const frame = chapterFrame("playground", "playground.title", "playground.claim", PLAYGROUND_STORY);
  const view = playgroundView(() => ({ frame: last, points }));
  const { heatmap } = view;
  let points: Points2d = { x: new Float64Array(), y: new Float64Array() };
  let uploaded: Points2d | null = null;
  let edits = parseEdits(readString("pg.add"), readString("pg.del"));
  let run = 0;
  let running = false;
  let last: PlaygroundFrame | null = null;
  let history: LossPoint[] = [];
  let lastCurveDraw = 0;
  let lastAnnounce = 0;

  const errorBox = h("div", {
    class: "error",
    role: "alert",
    hidden: true,
    "data-testid": "playground-error",
  });
  const pointNote = h("p", { class: "small", "aria-live": "polite", "data-testid": "point-note" });

  // ── data ────────────────────────────────────────────────────────────────
  const makePoints = (): Points2d => {
    if (uploaded) return uploaded;
    const generated = dataset2d(dataset.value(), {
      samples: samples.value(),
      noise: noise.value(),
      seed: seed.value(),
    });
    return applyEdits(generated, edits);
  };
  const saveEdits = () => {
    const { add, del } = encodeEdits(edits);
    write("pg.add", add, "");
    write("pg.del", del, "");
  };

  const live = (): LiveSettings => ({
    learningRate: eta.value(),
    l2: useL2.value() ? l2.value() : 0,
    l1: useL1.value() ? l1.value() : 0,
    dropout: model.value() === "network" ? dropout.value() : 0,
    maxNorm: 0,
  });

  const restart = () => {
    points = makePoints();
    run = nextRun();
    history = [];
    last = null;
    view.warning.hidden = true;
    const hidden = Array.from({ length: layersCount.value() }, () => units.value());
    sendToWorker({
      type: "playground.start",
      run,
      config: {
        points,
        trainShare: trainShare.value(),
        seed: seed.value(),
        model: model.value(),
        hidden,
        activation: activation.value(),
        degree: degree.value(),
        loss: loss.value(),
        live: live(),
        warmup: warmup.value(),
        resolution: RESOLUTION,
      },
    });
    showModelControls();
  };
  const sendLive = () => sendToWorker({ type: "playground.live", live: live(), warmup: warmup.value() });

  const setRunning = (value: boolean) => {
    running = value;
    playButton.dataset.i18n = value ? "playground.pause" : "playground.train";
    playButton.textContent = t(value ? "playground.pause" : "playground.train");
    playButton.setAttribute("aria-pressed", String(value));
    sendToWorker({ type: "playground.run", running: value });
  };

  const onFrame = (message: PlaygroundFrame) => {
    if (message.run !== run) return;
    last = message;
    const d = message.diagnostics;
    if (history.at(-1)?.epoch !== message.epoch)
      history.push({ epoch: message.epoch, train: d.trainLoss, test: d.testLoss });
    if (history.length > 600) history = history.filter((_, k) => k % 2 === 0);
    view.drawMap(message, points);
    view.drawStats(d, message.epoch);
    const now = performance.now();
    if (!message.running || now - lastCurveDraw > CURVE_REFRESH_MS) {
      lastCurveDraw = now;
      view.drawCurves(history, d);
      view.drawBoundaryTable(message);
    }
    if (message.divergence) view.explain(message.divergence.epoch, message.divergence.explanation);
    // only a diverged run stops by itself; a frame posted before "train" was pressed says nothing
    if (message.divergence && running) setRunning(false);
    if (!message.running || now - lastAnnounce > 5000) {
      lastAnnounce = now;
      frame.live.textContent = t("playground.readout", {
        epoch: message.epoch,
        train: formatNumber(d.trainLoss),
        test: formatNumber(d.testLoss),
      });
    }
  };

  const receive = frameQueue(
    onFrame,
    (frames) => sendToWorker({ type: "playground.ack", frames }),
    prefersReducedMotion(),
  );
  onWorkerMessage((message) => {
    if (message.type === "playground.frame") receive(message);
    else if (message.type === "playground.model") {
      const blob = new Blob([`${JSON.stringify(message.model, null, 1)}\n`], { type: "application/json" });
      downloadBlob(blob, "reglab-playground-model.json");
    } else if (message.type === "error" && message.job === "playground" && message.run === run) {
      showError(anyMessage(message.key, message.params));
    }
  });

  const showError = (text: string) => {
    errorBox.textContent = text;
    errorBox.hidden = false;
  };

  // ── upload ──────────────────────────────────────────────────────────────
  const upload = filePicker({
    key: "pg.upload",
    label: "playground.upload",
    button: "lab.chooseFile",
    testId: "playground-upload",
    onFile: async (file) => {
      errorBox.hidden = true;
      try {
        const data = parseCsv(await file.text(), file.name);
        const usable = pointsFromUpload(data, file.name);
        if ("key" in usable) return showError(t(usable.key, usable.params));
        uploaded = usable.points;
        uploadedName.textContent = t("playground.uploaded", { file: file.name, count: data.n });
        showUploadInSelect();
        restart();
      } catch (error) {
        // the library's DataError names the file, row and column; anything else is unexpected
        showError(
          error instanceof DataError ? anyMessage(error.key, error.params) : anyMessage(String(error)),
        );
      }
    },
  });
  const uploadedName = h("p", { class: "small" });
  /** The data-set menu names the upload while it is in use (an entry not offered for choosing). */
  const showUploadInSelect = () => {
    const menu = dataset.element.querySelector("select")!;
    let entry = menu.querySelector<HTMLOptionElement>("option[value=uploaded]");
    entry ??= menu.appendChild(
      h("option", {
        value: "uploaded",
        disabled: true,
        "data-i18n": "path.dataset.upload",
        text: t("path.dataset.upload"),
      }),
    );
    menu.value = entry.value;
  };

  // ── clicks on the surface ───────────────────────────────────────────────
  heatmap.canvas.addEventListener("click", (event) => {
    if (uploaded) return;
    const rect = heatmap.canvas.getBoundingClientRect();
    const scale = heatmap.canvas.width / rect.width;
    const [a, b] = heatmap.toData((event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale);
    if (clickMode.value() === "remove") {
      if (!removeNearest(points, edits, a, b)) return;
    } else edits.added.push([a, b, clickMode.value() === "add1" ? 1 : 0]);
    saveEdits();
    restart();
    // a new point changes the split into training and test points: training starts over
    pointNote.textContent = t(running ? "playground.pointRestarted" : "playground.pointAdded", {
      count: points.y.length,
    });
  });

  // ── controls (playgroundControls) ───────────────────────────────────────
  const sendPace = () => sendToWorker({ type: "playground.pace", epochsPerSecond: SPEEDS[speed.value()] });
  const controls = playgroundControls({
    onDataSet: () => {
      uploaded = null;
      edits = { added: [], removed: new Set() };
      saveEdits();
      restart();
    },
    restart: () => restart(),
    sendLive: () => sendLive(),
    sendPace: () => sendPace(),
  });
  const { dataset, noise, samples, trainShare, seed, clickMode, model, layersCount, units } = controls;
  const { activation, degree, loss, eta, speed, useL2, l2, useL1, l1, dropout, warmup } = controls;

  const showModelControls = () => {
    const network = model.value() === "network";
    for (const control of [layersCount, units, activation, dropout])
      control.element.classList.toggle("not-applicable", !network);
    degree.element.classList.toggle("not-applicable", network);
  };

  const playButton = button("playground.train", () => setRunning(!running), {
    "data-testid": "playground-train",
    "aria-pressed": "false",
  });
  const penaltyGroup = controlGroup(
    "playground.regularization",
    eta.element,
    useL2.element,
    l2.element,
    useL1.element,
    l1.element,
    dropout.element,
    warmup.element,
  );
  penaltyGroup.classList.add("penalty-group");
  frame.controls.append(
    speed.element,
    buttonRow(
      "pg.run",
      "playground.run",
      playButton,
      button(
        "playground.step",
        () => {
          if (running) setRunning(false);
          sendToWorker({ type: "playground.step" });
        },
        { "data-testid": "playground-step" },
      ),
      button("playground.reset", () => {
        setRunning(false);
        restart();
      }),
      button("playground.export", () => sendToWorker({ type: "playground.export" })),
      button("playground.resetPoints", () => {
        uploaded = null;
        uploadedName.textContent = "";
        dataset.set(dataset.value()); // the menu shows the generated data set again
        edits = { added: [], removed: new Set() };
        saveEdits();
        restart();
      }),
    ),
    // the penalty first: beside the map while it trains (the column is sticky on wide screens,
    // and on a phone the group moves right under the map: style.css)
    penaltyGroup,
    controlGroup(
      "playground.dataControls",
      dataset.element,
      noise.element,
      samples.element,
      trainShare.element,
      seed.element,
      clickMode.element,
      pointNote,
      upload.element,
      uploadedName,
    ),
    controlGroup(
      "playground.modelControls",
      model.element,
      layersCount.element,
      units.element,
      activation.element,
      degree.element,
      loss.element,
    ),
  );
  frame.figures.append(errorBox, ...view.elements);
  onLanguageChange(() => {
    heatmap.canvas.setAttribute("aria-label", t("playground.heatmapLabel"));
    if (last) {
      view.drawStats(last.diagnostics, last.epoch);
      view.drawCurves(history, last.diagnostics);
      if (last.divergence) view.explain(last.divergence.epoch, last.divergence.explanation);
      frame.live.textContent = t("playground.readout", {
        epoch: last.epoch,
        train: formatNumber(last.diagnostics.trainLoss),
        test: formatNumber(last.diagnostics.testLoss),
      });
    }
  });
  sendPace();
  restart();
  return frame.section;
}
