/**
 * Chapter 4 — the regularization path of a real data set (or an uploaded CSV): coefficients
 * against λ with a λ cursor (drag it, or use the keyboard on its slider), the cross-validation
 * curve with λ.min and λ.1se, the model at the chosen λ — and, for 2-D data, a strip of decision
 * boundaries across λ. Fitting runs in the worker with the same solver and CV as `reglab cv`.
 * This file is the wiring: the choices are plain data (pathState), the view draws a fitted path
 * (pathView), the controls (pathControls), the cursor (lambdaCursor) and the strip (pathStrip) each
 * live in a file of their own.
 */
import { modelDocument } from "../../../src/glm/modelDocument.js";
import { builtInCsv } from "../ui/builtInData.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { downloadBlob } from "../ui/exportFigure.js";
import { onLanguageChange } from "../ui/i18n.js";
import { readNumber, write } from "../ui/state.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";
import type { PathResult } from "../worker/protocol.js";
import { lambdaCursor } from "./lambdaCursor.js";
import { pathControls } from "./pathControls.js";
import { familyToFit, openingIndex } from "./pathState.js";
import { PATH_STORY } from "./pathStory.js";
import { boundaryStripSection } from "./pathStrip.js";
import { pathView } from "./pathView.js";

export function pathExplorer(): HTMLElement {
  const frame = chapterFrame("path", "path.title", "path.claim", PATH_STORY);
  let result: PathResult | null = null;
  let run = 0;
  let upload: { name: string; text: string } | null = null;

  const lambdaNow = () => result?.cv.lambda[cursor.index()] ?? 0;
  const view = pathView(
    () => ({ result, lambda: lambdaNow() }),
    () => render(),
  );
  const cursor = lambdaCursor(() => render());

  const render = () => {
    if (!result) return;
    const k = cursor.index();
    cursor.show(result.cv.lambda[k]!);
    const { summary, panel } = view.render(result, k);
    cursor.setPanel(panel);
    frame.live.textContent = summary;
  };

  const fitModels = async () => {
    run = nextRun();
    const mine = run;
    view.fitting();
    try {
      const name = controls.source.value();
      // a link cannot carry an uploaded file: say so rather than draw another data set
      if (name === "upload" && !upload) return view.showError("path.uploadNotInLink", {});
      const csv =
        upload && name === "upload" ? upload.text : await builtInCsv(name === "upload" ? "diabetes" : name);
      if (mine !== run) return; // another fit was asked for while the data loaded
      sendToWorker({
        type: "path.fit",
        run,
        csv,
        source: upload && name === "upload" ? upload.name : `data/${name}.csv`,
        family: familyToFit(name, controls.family.value()),
        alpha: controls.alpha.value(),
        folds: 10,
        seed: 1,
      });
    } catch (error) {
      view.showError("lab.unexpected", { message: String(error) });
    }
  };

  const jumpTo = (lambda: number) => {
    if (result) cursor.moveTo(result.cv.lambda.indexOf(lambda));
  };
  const exportModel = () => {
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
  };

  onWorkerMessage((message) => {
    if (message.type === "path.result" && message.run === run) {
      result = message.result;
      view.showClasses(result.cv.path);
      const linked = readNumber("path.lambda", Number.NaN, 0, Number.POSITIVE_INFINITY);
      cursor.setPath(result.cv.lambda, openingIndex(result.cv, linked));
      render();
    } else if (message.type === "error" && message.run === run) view.showError(message.key, message.params);
  });

  const controls = pathControls({
    onSource: () => {
      write("path.lambda", "", ""); // a new data set opens at its own λ.1se
      void fitModels();
    },
    refit: () => void fitModels(),
    onAlpha: () => strip.fit(),
    onUpload: async (file) => {
      upload = { name: file.name, text: await file.text() };
      controls.source.set("upload");
      void fitModels();
    },
    toLambdaMin: () => result && jumpTo(result.cv.lambdaMin),
    toLambdaOneSe: () => result && jumpTo(result.cv.lambdaOneSe),
    exportModel,
  });
  const strip = boundaryStripSection(() => controls.alpha.value(), view.showError);
  cursor.dragOn(view.pathChart);
  const { source, upload: uploadPicker, family, alpha } = controls;
  frame.controls.append(
    controlGroup(
      "path.controls",
      ...[source, uploadPicker, family, alpha].map((control) => control.element),
      cursor.control,
      view.classControl,
    ),
    controls.jumps,
    strip.controls,
  );
  frame.figures.append(...view.elements, strip.section);
  onLanguageChange(() => {
    render();
    strip.fit();
  });
  void fitModels();
  strip.fit();
  return frame.section;
}
