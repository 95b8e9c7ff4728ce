/**
 * Chapter 4 — the regularization path of a real data set (or an uploaded CSV): coefficients
 * against log λ with a λ cursor (drag it, or use the keyboard on its slider), the cross-validation
 * curve with λ.min and λ.1se, the model at the chosen λ — and, for 2-D data, a strip of decision
 * boundaries across λ. Fitting runs in the worker with the same solver and CV as `reglab cv`.
 */
import type { GlmFamily } from "../../../src/glm/glmPath.js";
import { modelDocument } from "../../../src/glm/modelDocument.js";
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import { cvFigure, cvPanel, pathFigure, pathPanel } from "../../../src/plot/glmFigures.js";
import { builtInCsv } from "../ui/builtInData.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { button, buttonRow, filePicker, select, slider } from "../ui/controls.js";
import { h, uniqueId } from "../ui/dom.js";
import { downloadBlob } from "../ui/exportFigure.js";
import { figureBlock } from "../ui/figure.js";
import { anyMessage, figureTranslator, onLanguageChange, t, tx } from "../ui/i18n.js";
import { isHidden, readNumber, readString, write } from "../ui/state.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";
import type { PathResult } from "../worker/protocol.js";
import { lambdaCursor, nearestIndex, type ScaledPanel } from "./lambdaCursor.js";
import { drawModelTable } from "./pathModelTable.js";
import { PATH_STORY } from "./pathStory.js";
import { boundaryStripSection } from "./pathStrip.js";

const BUILT_IN = ["diabetes", "breast_cancer", "wine", "iris"] as const;
type BuiltIn = (typeof BUILT_IN)[number];
const FAMILY_OF: Record<BuiltIn, GlmFamily> = {
  diabetes: "gaussian",
  breast_cancer: "binomial",
  wine: "multinomial",
  iris: "multinomial",
};

export function pathExplorer(): HTMLElement {
  const frame = chapterFrame("path", "path.title", "path.claim", PATH_STORY);
  let result: PathResult | null = null;
  let run = 0;
  let upload: { name: string; text: string } | null = null;

  const pathBlock = figureBlock("path", "path.pathFigure", () =>
    result ? pathFigure(result.cv.path, figureTranslator(), document, lambdaNow()) : "",
  );
  const cvBlock = figureBlock("cv", "path.cvFigure", () =>
    result ? cvFigure(result.cv, figureTranslator(), document, lambdaNow()) : "",
  );
  const status = h("p", { class: "status", "data-testid": "path-status" });
  const errorBox = h("div", { class: "error", role: "alert", hidden: true, "data-testid": "path-error" });
  const modelTable = h("table", { class: "data-table coefficients", "data-testid": "path-model" });
  const cursor = lambdaCursor(() => render());

  const lambdaNow = () => result?.cv.lambda[cursor.index()] ?? 0;

  const showError = (key: string, params: Record<string, string | number>) => {
    errorBox.textContent = anyMessage(key, params);
    errorBox.hidden = false;
    status.textContent = "";
    status.dataset.state = "error";
  };

  const fitModels = async () => {
    run = nextRun();
    const mine = run;
    errorBox.hidden = true;
    status.textContent = t("path.fitting");
    status.dataset.state = "fitting";
    try {
      const name = source.value();
      // a link cannot carry an uploaded file: say so rather than draw another data set
      if (name === "upload" && !upload) return showError("path.uploadNotInLink", {});
      const csv =
        upload && name === "upload" ? upload.text : await builtInCsv(name === "upload" ? "diabetes" : name);
      if (mine !== run) return;
      const chosen = familyChoice.value();
      const family = chosen !== "auto" || name === "upload" ? chosen : FAMILY_OF[name];
      sendToWorker({
        type: "path.fit",
        run,
        csv,
        source: upload && name === "upload" ? upload.name : `data/${name}.csv`,
        family,
        alpha: alpha.value(),
        folds: 10,
        seed: 1,
      });
    } catch (error) {
      showError("lab.unexpected", { message: String(error) });
    }
  };

  /** Multinomial paths: which class's coefficients the figure draws (the table shows them all). */
  const classSelect = h("select", { id: uniqueId("path-class"), "data-testid": "path-class" });
  const classControl = h(
    "div",
    { class: "control", "data-control": "path.class", hidden: true },
    tx("label", "path.class", undefined, { for: classSelect.id }),
    classSelect,
  );
  classSelect.addEventListener("change", () => {
    write("path.class", classSelect.value, "0");
    render();
  });

  const render = () => {
    if (!result) return;
    const { cv } = result;
    const path = cv.path;
    const k = cursor.index();
    const lambda = cv.lambda[k]!;
    cursor.show(lambda);
    const t2 = figureTranslator();
    const multinomial = path.family === "multinomial";
    const classIndex = multinomial ? Math.min(Number(classSelect.value) || 0, path.classes.length - 1) : 0;
    const panel = pathPanel(path, t2, document, lambda, classIndex);
    pathBlock.setSvg(panel as Element);
    cursor.setPanel(panel as ScaledPanel);
    cvBlock.setSvg(cvPanel(cv, t2, document, lambda) as Element);
    const nonzero = drawModelTable(modelTable, path, lambda);
    const nearest = path.lambda.findIndex((l) => l <= lambda);
    const summary = t("path.summary", {
      lambda: formatNumber(lambda),
      nonzero,
      dev: formatShare(path.devRatio[Math.max(0, nearest)] ?? 0),
      cvm: formatNumber(cv.cvm[k]!),
      min: formatNumber(cv.lambdaMin),
      oneSe: formatNumber(cv.lambdaOneSe),
    });
    status.textContent = summary;
    status.dataset.state = "done";
    status.dataset.family = path.family;
    status.dataset.lambdaMin = String(cv.lambdaMin);
    status.dataset.lambdaOneSe = String(cv.lambdaOneSe);
    status.dataset.nonzero = String(nonzero);
    status.dataset.at = k === cv.indexOneSe ? "1se" : k === cv.indexMin ? "min" : "";
    frame.live.textContent = summary;
    const drawn = multinomial ? path.beta[classIndex]! : path.beta;
    pathBlock.setTable(
      [t("path.lambda"), ...path.featureNames],
      path.lambda
        .map((l, i) => [formatNumber(l), ...drawn[i]!.map((b) => formatNumber(b))])
        .filter((_, i) => i % 10 === 0),
    );
    cvBlock.setTable(
      [t("path.lambda"), t("path.cvm"), t("path.cvsd")],
      cv.lambda.map((l, i) => [formatNumber(l), formatNumber(cv.cvm[i]!), formatNumber(cv.cvsd[i]!)]),
    );
  };

  cursor.dragOn(pathBlock.chart);

  const jumpTo = (lambda: number) => {
    if (result) cursor.moveTo(result.cv.lambda.indexOf(lambda));
  };

  onWorkerMessage((message) => {
    if (message.type === "path.result" && message.run === run) {
      result = message.result;
      const path = result.cv.path;
      classControl.hidden = path.family !== "multinomial" || isHidden("path.class");
      if (path.family === "multinomial") {
        const wantedClass = readString("path.class") ?? "0";
        classSelect.replaceChildren(
          ...path.classes.map((label, c) =>
            h("option", { value: String(c), text: t("path.classColumn", { label: formatNumber(label) }) }),
          ),
        );
        classSelect.value = Number(wantedClass) < path.classes.length ? wantedClass : "0";
      }
      const wanted = readNumber("path.lambda", Number.NaN, 0, Number.POSITIVE_INFINITY);
      // the λ of the link, else the path's own λ.1se
      const index = Number.isFinite(wanted) ? nearestIndex(result.cv.lambda, wanted) : result.cv.indexOneSe;
      cursor.setPath(result.cv.lambda, index);
      render();
    } else if (message.type === "error" && message.run === run) showError(message.key, message.params);
  });

  // ── controls ────────────────────────────────────────────────────────────
  const source = select<BuiltIn | "upload">({
    key: "path.data",
    label: "path.dataset",
    options: [
      { value: "diabetes", label: "path.dataset.diabetes" },
      { value: "breast_cancer", label: "path.dataset.breast_cancer" },
      { value: "wine", label: "path.dataset.wine" },
      { value: "iris", label: "path.dataset.iris" },
      { value: "upload", label: "path.dataset.upload" },
    ],
    value: "diabetes",
    onChange: () => {
      write("path.lambda", "", ""); // a new data set opens at its own λ.1se
      void fitModels();
    },
  });
  const familyChoice = select<"auto" | GlmFamily>({
    key: "path.family",
    label: "path.family",
    options: [
      { value: "auto", label: "path.family.auto" },
      { value: "gaussian", label: "path.family.gaussian" },
      { value: "binomial", label: "path.family.binomial" },
      { value: "multinomial", label: "path.family.multinomial" },
    ],
    value: "auto",
    onChange: () => void fitModels(),
  });
  const alpha = slider({
    key: "path.alpha",
    label: "path.alpha",
    min: 0,
    max: 1,
    step: 0.05,
    value: 1,
    onInput: () => {
      void fitModels();
      strip.fit();
    },
  });
  const uploadPicker = filePicker({
    key: "path.upload",
    label: "path.upload",
    button: "lab.chooseFile",
    testId: "path-upload",
    onFile: async (file) => {
      upload = { name: file.name, text: await file.text() };
      source.set("upload");
      void fitModels();
    },
  });
  const strip = boundaryStripSection(() => alpha.value(), showError);
  frame.controls.append(
    controlGroup(
      "path.controls",
      source.element,
      uploadPicker.element,
      familyChoice.element,
      alpha.element,
      cursor.control,
      classControl,
    ),
    buttonRow(
      "path.jump",
      "path.jump",
      button("path.toMin", () => result && jumpTo(result.cv.lambdaMin), { "data-testid": "to-lambda-min" }),
      button("path.toOneSe", () => result && jumpTo(result.cv.lambdaOneSe)),
      button("path.export", () => {
        if (!result) return;
        const document_ = modelDocument(result.cv.path, result.targetName, result.classes, {
          lambda_min: result.cv.lambdaMin,
          lambda_1se: result.cv.lambdaOneSe,
          chosen_lambda: lambdaNow(),
        });
        downloadBlob(
          new Blob([`${JSON.stringify(document_)}\n`], { type: "application/json" }),
          "reglab-path-model.json",
        );
      }),
    ),
    strip.controls,
  );
  frame.figures.append(
    errorBox,
    status,
    pathBlock.element,
    cvBlock.element,
    h("div", { class: "model-table" }, modelTable),
    strip.section,
  );
  onLanguageChange(() => {
    render();
    strip.fit();
  });
  void fitModels();
  strip.fit();
  return frame.section;
}
