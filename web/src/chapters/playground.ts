/**
 * Chapter 3 — the overfitting playground: 2-D data, a network or a polynomial logistic model,
 * L1 / L2 / dropout changeable while it trains (in the worker), with the decision surface, the
 * train/test losses, and per-layer weights, gradients and saturation drawn live. Divergence stops
 * training and names the chain-rule factor that exploded.
 */
import * as Plot from "@observablehq/plot";
import { DataError } from "../../../src/data/dataError.js";
import { DATASETS_2D, type Dataset2dName, dataset2d } from "../../../src/data/datasets2d.js";
import { parseCsv } from "../../../src/data/parseCsv.js";
import type { DivergenceExplanation } from "../../../src/diagnostics/divergence.js";
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import type { ActivationName } from "../../../src/nn/activations.js";
import type { LossName } from "../../../src/nn/losses.js";
import type { EpochDiagnostics, LiveSettings } from "../../../src/nn/trainer.js";
import { boundaryFigure } from "../../../src/plot/networkFigures.js";
import { Heatmap } from "../charts/heatmap.js";
import { mapAxes } from "../charts/mapAxes.js";
import { CHART_STYLE, seriesChart, toSvgString } from "../charts/smallCharts.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { button, buttonRow, checkbox, filePicker, select, slider } from "../ui/controls.js";
import { h, prefersReducedMotion } from "../ui/dom.js";
import { downloadBlob } from "../ui/exportFigure.js";
import { figureBlock } from "../ui/figure.js";
import { anyMessage, figureTranslator, onLanguageChange, t, tx } from "../ui/i18n.js";
import { readString, write } from "../ui/state.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";
import type { PlaygroundFrame, Points2d } from "../worker/protocol.js";
import { PLAYGROUND_STORY } from "./playgroundStory.js";

const RESOLUTION = 50;
/**
 * Epochs per second at each speed. Slow is the default: on the noisy spiral the test loss turns up
 * after ~150 epochs, so a student sees the gap open over 10–20 s instead of in a blink.
 */
const SPEEDS = { slow: 15, medium: 100, fast: 0 } as const;
type Speed = keyof typeof SPEEDS;
const CURVE_REFRESH_MS = 500;

/** Added points "x,y,label;…" and removed row indices "i,j,…" as stored in the URL. */
function parseEdits(): { added: [number, number, number][]; removed: Set<number> } {
  const added = (readString("pg.add") ?? "")
    .split(";")
    .map((item) => item.split(",").map(Number))
    .filter((v) => v.length === 3 && v.every(Number.isFinite) && (v[2] === 0 || v[2] === 1))
    .map((v) => [v[0]!, v[1]!, v[2]!] as [number, number, number]);
  const removed = new Set(
    (readString("pg.del") ?? "")
      .split(",")
      .filter(Boolean)
      .map(Number)
      .filter((v) => Number.isInteger(v) && v >= 0),
  );
  return { added, removed };
}

export function playground(): HTMLElement {
  const frame = chapterFrame("playground", "playground.title", "playground.claim", PLAYGROUND_STORY);
  const heatmap = new Heatmap(380, t("playground.heatmapLabel"));
  const reducedMotion = prefersReducedMotion();
  let points: Points2d = { x: new Float64Array(), y: new Float64Array() };
  let uploaded: Points2d | null = null;
  let edits = parseEdits();
  let run = 0;
  let running = false;
  let last: PlaygroundFrame | null = null;
  let history: { epoch: number; train: number; test: number }[] = [];
  let lastCurveDraw = 0;
  let lastAnnounce = 0;
  let lossSvg = "";
  let layersSvg = "";
  let framesDrawn = 0;
  let latestFrame: PlaygroundFrame | null = null;
  let framesReceived = 0;
  let drawScheduled = false;

  const boundary = figureBlock("boundary", "playground.boundaryFigure", () => {
    if (!last) return "";
    return boundaryFigure(
      { x1: last.axis, x2: last.axis, probability: last.grid },
      Array.from(points.y, (label, i) => ({
        x1: points.x[2 * i]!,
        x2: points.x[2 * i + 1]!,
        label,
        test: last!.isTrain[i] === 0,
      })),
      figureTranslator(),
      document,
    );
  });
  const losses = figureBlock("losses", "playground.lossFigure", () => lossSvg);
  const layers = figureBlock("layers", "playground.layersFigure", () => layersSvg);
  const axes = mapAxes(heatmap.canvas, "x1", "x2");
  boundary.chart.replaceWith(h("div", { class: "chart" }, axes.element));
  const warning = h("div", { class: "warning", role: "alert", hidden: true, "data-testid": "divergence" });
  const errorBox = h("div", {
    class: "error",
    role: "alert",
    hidden: true,
    "data-testid": "playground-error",
  });
  const stats = h("dl", { class: "stats", "data-testid": "playground-stats" });
  const pointNote = h("p", { class: "small", "aria-live": "polite", "data-testid": "point-note" });

  // ── data ────────────────────────────────────────────────────────────────
  const makePoints = (): Points2d => {
    if (uploaded) return uploaded;
    const generated = dataset2d(dataset.value(), {
      samples: samples.value(),
      noise: noise.value(),
      seed: seed.value(),
    });
    const keep: number[] = [];
    for (let i = 0; i < generated.n; i++) if (!edits.removed.has(i)) keep.push(i);
    const n = keep.length + edits.added.length;
    const x = new Float64Array(2 * n);
    const y = new Float64Array(n);
    keep.forEach((row, k) => {
      x[2 * k] = generated.x[2 * row]!;
      x[2 * k + 1] = generated.x[2 * row + 1]!;
      y[k] = generated.y[row]!;
    });
    edits.added.forEach(([a, b, label], k) => {
      x[2 * (keep.length + k)] = a;
      x[2 * (keep.length + k) + 1] = b;
      y[keep.length + k] = label;
    });
    return { x, y };
  };
  const saveEdits = () => {
    write("pg.add", edits.added.map((p) => p.map((v) => Number(v.toFixed(2))).join(",")).join(";"), "");
    write("pg.del", [...edits.removed].sort((a, b) => a - b).join(","), "");
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
    warning.hidden = true;
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

  // ── drawing ─────────────────────────────────────────────────────────────
  const explain = (epoch: number, explanation: DivergenceExplanation) => {
    const factorKey = `playground.factor.${explanation.factor}` as LabKey;
    const fixes = explanation.fixes.map((fix) => t(`playground.fix.${fix}` as LabKey)).join(" · ");
    warning.replaceChildren(
      h("strong", { text: t("playground.diverged", { epoch }) }),
      " ",
      t("playground.divergedFactor", {
        factor: t(factorKey),
        layer: explanation.layer,
        growth: Number.isFinite(explanation.growth) ? formatNumber(explanation.growth) : "∞",
      }),
      h("br"),
      t("playground.tryFixes", { fixes }),
    );
    warning.dataset.factor = explanation.factor;
    warning.hidden = false;
  };

  const drawStats = (d: EpochDiagnostics, epoch: number) => {
    const entries: [LabKey, string, string][] = [
      ["playground.epoch", String(epoch), "epoch"],
      ["playground.trainLoss", formatNumber(d.trainLoss), "trainLoss"],
      ["playground.testLoss", formatNumber(d.testLoss), "testLoss"],
      ["playground.gap", formatNumber(d.gap), "gap"],
      ["playground.trainAccuracy", formatShare(d.trainAccuracy), "trainAccuracy"],
      ["playground.testAccuracy", formatShare(d.testAccuracy), "testAccuracy"],
      ["playground.sensitivity", formatNumber(d.sensitivity), "sensitivity"],
    ];
    const saturation = d.layers
      .slice(0, -1)
      .map((layer) => `${t("playground.layer", { layer: layer.layer })} ${formatShare(layer.saturatedShare)}`)
      .join(" · ");
    stats.replaceChildren(
      ...entries.map(([key, value, id]) =>
        h("div", {}, h("dt", { text: t(key) }), h("dd", { "data-stat": id, text: value })),
      ),
      h(
        "div",
        { class: "wide" },
        h("dt", { text: t("playground.saturation") }),
        h("dd", { "data-stat": "saturation", text: saturation || "—" }),
      ),
    );
    stats.dataset.trainLoss = String(d.trainLoss);
    stats.dataset.testLoss = String(d.testLoss);
    stats.dataset.gap = String(d.testLoss - d.trainLoss);
    stats.dataset.epoch = String(epoch);
    stats.dataset.weightNorm = String(Math.hypot(...d.layers.map((layer) => layer.weightNorm)));
  };

  /** The decision map's text alternative: P(class 1) on every 5th grid point along each axis. */
  const drawBoundaryTable = () => {
    if (!last || last.divergence) return;
    const { grid, axis } = last;
    const R = axis.length;
    const rows: string[][] = [];
    for (let j = 0; j < R; j += 5)
      for (let i = 0; i < R; i += 5)
        rows.push([formatNumber(axis[i]!), formatNumber(axis[j]!), formatNumber(grid[j * R + i]!)]);
    boundary.setTable(["x1", "x2", t("playground.probability")], rows);
  };

  const drawCurves = (d: EpochDiagnostics) => {
    const train = t("playground.series.train");
    const test = t("playground.series.test");
    if (history.length < 2) {
      losses.chart.replaceChildren(tx("p", "playground.noCurveYet", undefined, { class: "small" }));
      lossSvg = "";
    } else {
      lossSvg = seriesChart(
        history.flatMap((row) => [
          { x: row.epoch, y: Math.max(1e-6, row.train), series: train },
          { x: row.epoch, y: Math.max(1e-6, row.test), series: test },
        ]),
        { xLabel: t("playground.epoch"), yLabel: t("playground.loss"), logY: true },
      );
      losses.setSvg(lossSvg);
    }
    losses.setTable(
      [t("playground.epoch"), train, test],
      history
        .filter((_, k) => k % Math.ceil(history.length / 20) === 0)
        .map((r) => [r.epoch, formatNumber(r.train), formatNumber(r.test)]),
    );
    const rows = d.layers.flatMap((layer) => [
      {
        x: layer.weightNorm,
        series: t("playground.weightNorm"),
        layer: t("playground.layer", { layer: layer.layer }),
      },
      {
        x: layer.gradientNorm,
        series: t("playground.gradientNorm"),
        layer: t("playground.layer", { layer: layer.layer }),
      },
    ]);
    layersSvg = layerChart(rows, t("playground.norm"));
    layers.setSvg(layersSvg);
    layers.setTable(
      [
        t("playground.layerHeader"),
        t("playground.units"),
        t("playground.weightNorm"),
        t("playground.gradientNorm"),
        t("playground.saturated"),
        t("playground.meanSlope"),
      ],
      d.layers.map((layer) => [
        layer.layer,
        layer.units,
        formatNumber(layer.weightNorm),
        formatNumber(layer.gradientNorm),
        formatShare(layer.saturatedShare),
        formatNumber(layer.meanDadz),
      ]),
    );
  };

  const onFrame = (message: PlaygroundFrame) => {
    if (message.run !== run) return;
    last = message;
    const d = message.diagnostics;
    if (history.at(-1)?.epoch !== message.epoch)
      history.push({ epoch: message.epoch, train: d.trainLoss, test: d.testLoss });
    if (history.length > 600) history = history.filter((_, k) => k % 2 === 0);
    const diverged = message.divergence !== null;
    heatmap.draw(
      diverged ? null : message.grid,
      message.axis,
      { ...points, isTrain: message.isTrain },
      false,
    );
    axes.update(...heatmap.extent());
    framesDrawn++;
    heatmap.canvas.dataset.frames = String(framesDrawn);
    drawStats(d, message.epoch);
    const now = performance.now();
    if (!message.running || now - lastCurveDraw > CURVE_REFRESH_MS) {
      lastCurveDraw = now;
      drawCurves(d);
      drawBoundaryTable();
    }
    if (message.divergence) explain(message.divergence.epoch, message.divergence.explanation);
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

  onWorkerMessage((message) => {
    if (message.type === "playground.frame") {
      // draw only the newest frame at the next animation frame; older ones are dropped as stale
      latestFrame = message;
      framesReceived++;
      if (!drawScheduled) {
        drawScheduled = true;
        const draw = () => {
          drawScheduled = false;
          const frames = framesReceived;
          framesReceived = 0;
          if (latestFrame) onFrame(latestFrame);
          latestFrame = null;
          sendToWorker({ type: "playground.ack", frames });
        };
        // reduced motion: redraw twice a second instead of every frame (training goes on meanwhile)
        if (reducedMotion) window.setTimeout(draw, 500);
        else requestAnimationFrame(draw);
      }
    } else if (message.type === "playground.model") {
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
        if (data.p !== 2) throw new Error(t("playground.needTwoColumns", { file: file.name, count: data.p }));
        const labels = new Set(data.y);
        if (![...labels].every((v) => v === 0 || v === 1) || labels.size !== 2)
          throw new Error(t("playground.needTwoClasses", { file: file.name, target: data.targetName }));
        uploaded = { x: data.x, y: data.y };
        uploadedName.textContent = t("playground.uploaded", { file: file.name, count: data.n });
        restart();
      } catch (error) {
        showError(
          error instanceof DataError ? anyMessage(error.key, error.params) : (error as Error).message,
        );
      }
    },
  });
  const uploadedName = h("p", { class: "small" });

  // ── clicks on the surface ───────────────────────────────────────────────
  heatmap.canvas.addEventListener("click", (event) => {
    if (uploaded) return;
    const rect = heatmap.canvas.getBoundingClientRect();
    const scale = heatmap.canvas.width / rect.width;
    const [a, b] = heatmap.toData((event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale);
    if (clickMode.value() === "remove") {
      // the nearest point within reach: a generated row (removed by index) or an added one
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let i = 0; i < points.y.length; i++) {
        const d = (points.x[2 * i]! - a) ** 2 + (points.x[2 * i + 1]! - b) ** 2;
        if (d < bestDistance) [best, bestDistance] = [i, d];
      }
      if (best < 0 || bestDistance > 0.25) return;
      const generatedKept = points.y.length - edits.added.length;
      if (best >= generatedKept) edits.added.splice(best - generatedKept, 1);
      else {
        // map the kept index back to the generated row
        let seen = -1;
        for (let row = 0; ; row++) {
          if (edits.removed.has(row)) continue;
          seen++;
          if (seen === best) {
            edits.removed.add(row);
            break;
          }
        }
      }
    } else edits.added.push([a, b, clickMode.value() === "add1" ? 1 : 0]);
    saveEdits();
    restart();
    // a new point changes the split into training and test points: training starts over
    pointNote.textContent = t(running ? "playground.pointRestarted" : "playground.pointAdded", {
      count: points.y.length,
    });
  });

  // ── controls ────────────────────────────────────────────────────────────
  const dataset = select<Dataset2dName>({
    key: "pg.data",
    label: "playground.dataset",
    options: DATASETS_2D.map((name) => ({ value: name, label: `playground.dataset.${name}` as LabKey })),
    value: "spiral",
    onChange: () => {
      uploaded = null;
      edits = { added: [], removed: new Set() };
      saveEdits();
      restart();
    },
  });
  const noise = slider({
    key: "pg.noise",
    label: "playground.noise",
    min: 0,
    max: 2,
    step: 0.05,
    value: 0.5,
    onInput: restart,
  });
  const samples = slider({
    key: "pg.n",
    label: "playground.samples",
    min: 20,
    max: 600,
    step: 10,
    value: 200,
    onInput: restart,
  });
  const trainShare = slider({
    key: "pg.train",
    label: "playground.trainShare",
    min: 0.1,
    max: 0.9,
    step: 0.05,
    value: 0.5,
    format: formatShare,
    onInput: restart,
  });
  const seed = slider({
    key: "pg.seed",
    label: "playground.seed",
    min: 1,
    max: 99,
    step: 1,
    value: 1,
    onInput: restart,
  });
  const clickMode = select<"add0" | "add1" | "remove">({
    key: "pg.click",
    label: "playground.click",
    options: [
      { value: "add1", label: "playground.click.add1" },
      { value: "add0", label: "playground.click.add0" },
      { value: "remove", label: "playground.click.remove" },
    ],
    value: "add1",
    onChange: () => {},
  });
  const model = select<"network" | "polynomial">({
    key: "pg.model",
    label: "playground.model",
    options: [
      { value: "network", label: "playground.model.network" },
      { value: "polynomial", label: "playground.model.polynomial" },
    ],
    value: "network",
    onChange: restart,
  });
  const layersCount = slider({
    key: "pg.layers",
    label: "playground.layers",
    min: 1,
    max: 4,
    step: 1,
    value: 2,
    onInput: restart,
  });
  const units = slider({
    key: "pg.units",
    label: "playground.units",
    min: 1,
    max: 32,
    step: 1,
    value: 12,
    onInput: restart,
  });
  const activation = select<ActivationName>({
    key: "pg.act",
    label: "playground.activation",
    options: [
      { value: "tanh", label: "playground.activation.tanh" },
      { value: "relu", label: "playground.activation.relu" },
      { value: "sigmoid", label: "playground.activation.sigmoid" },
    ],
    value: "tanh",
    onChange: restart,
  });
  const degree = slider({
    key: "pg.degree",
    label: "playground.degree",
    min: 1,
    max: 10,
    step: 1,
    value: 6,
    onInput: restart,
  });
  const loss = select<LossName>({
    key: "pg.loss",
    label: "playground.lossChoice",
    options: [
      { value: "log", label: "playground.loss.log" },
      { value: "squared", label: "playground.loss.squared" },
    ],
    value: "log",
    onChange: restart,
  });
  const eta = slider({
    key: "pg.eta",
    label: "playground.eta",
    min: 1e-4,
    max: 10,
    value: 0.01,
    scale: "log",
    onInput: sendLive,
  });
  const sendPace = () => sendToWorker({ type: "playground.pace", epochsPerSecond: SPEEDS[speed.value()] });
  const speed = select<Speed>({
    key: "pg.speed",
    label: "playground.speed",
    options: [
      { value: "slow", label: "playground.speed.slow" },
      { value: "medium", label: "playground.speed.medium" },
      { value: "fast", label: "playground.speed.fast" },
    ],
    value: "slow",
    onChange: sendPace,
  });
  const useL2 = checkbox({ key: "pg.useL2", label: "playground.useL2", value: false, onChange: sendLive });
  const l2 = slider({
    key: "pg.l2",
    label: "playground.l2",
    min: 1e-5,
    max: 1,
    value: 0.003,
    scale: "log",
    onInput: sendLive,
  });
  const useL1 = checkbox({ key: "pg.useL1", label: "playground.useL1", value: false, onChange: sendLive });
  const l1 = slider({
    key: "pg.l1",
    label: "playground.l1",
    min: 1e-5,
    max: 1,
    value: 0.001,
    scale: "log",
    onInput: sendLive,
  });
  const dropout = slider({
    key: "pg.drop",
    label: "playground.dropout",
    min: 0,
    max: 0.8,
    step: 0.05,
    value: 0,
    onInput: sendLive,
  });
  const warmup = slider({
    key: "pg.warmup",
    label: "playground.warmup",
    min: 0,
    max: 300,
    step: 10,
    value: 0,
    onInput: sendLive,
  });

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
        edits = { added: [], removed: new Set() };
        saveEdits();
        restart();
      }),
    ),
    // the penalty first: beside the map while it trains (the column is sticky on wide screens)
    controlGroup(
      "playground.regularization",
      eta.element,
      useL2.element,
      l2.element,
      useL1.element,
      l1.element,
      dropout.element,
      warmup.element,
    ),
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
  frame.figures.append(errorBox, warning, stats, boundary.element, losses.element, layers.element);
  onLanguageChange(() => {
    heatmap.canvas.setAttribute("aria-label", t("playground.heatmapLabel"));
    if (last) {
      drawStats(last.diagnostics, last.epoch);
      drawCurves(last.diagnostics);
      if (last.divergence) explain(last.divergence.epoch, last.divergence.explanation);
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

/** ‖W_l‖ and ‖∂E/∂W_l‖ per layer, on a log axis, side by side. */
function layerChart(rows: { x: number; series: string; layer: string }[], label: string): string {
  const data = rows.map((row) => ({ ...row, x: Math.max(1e-8, row.x) }));
  return toSvgString(
    Plot.plot({
      width: 460,
      height: 60 + 34 * new Set(rows.map((r) => r.layer)).size,
      marginLeft: 70,
      style: CHART_STYLE,
      color: {
        domain: [...new Set(rows.map((r) => r.series))],
        range: ["#2166ac", "#e08214"],
        legend: false,
      },
      x: { type: "log", label, grid: true, tickFormat: "~g" },
      y: { label: null },
      fy: { label: null },
      marks: [
        Plot.dot(data, { x: "x", y: "layer", fill: "series", r: 5, symbol: "series" }),
        Plot.text(data, { x: "x", y: "layer", text: "series", dy: -10, fontSize: 10, fill: "series" }),
      ],
    }),
  );
}
