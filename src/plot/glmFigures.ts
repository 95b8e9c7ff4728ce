/**
 * Figures of regularization paths, as glmnet draws them: coefficients against log λ, one line per
 * feature labelled at its end (plot.glmnet), and the cross-validation curve with ±1 standard-error
 * bars and λ.min, λ.1se marked (plot.cv.glmnet).
 */
import * as Plot from "@observablehq/plot";
import { type CvResult, largestFold } from "../glm/crossValidation.js";
import type { GlmPath } from "../glm/glmPath.js";
import type { MgaussianPath } from "../glm/mgaussianPath.js";

/** A path the figure draws: one panel, or one per class (multinomial) or response (mgaussian). */
export type DrawnPath = GlmPath | MgaussianPath;

/** How many panels a path has: its classes or responses, else one. */
function blockCount(path: DrawnPath): number {
  if (path.family === "multinomial") return path.classes.length;
  if (path.family === "mgaussian") return path.responses.length;
  return 1;
}

import { formatNumber } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";
import { composeFigure, FONT_FAMILY } from "./composeFigure.js";
import { lambdaAxis } from "./lambdaAxis.js";
import { labelsThatFit, placeLabels } from "./placeLabels.js";

const style = { fontFamily: FONT_FAMILY, fontSize: "11px" };

/** Labels longer than this are cut (with …) on the figure; the full names are in the JSON. */
const LABEL_LENGTH = 24;
const short = (name: string) => (name.length > LABEL_LENGTH ? `${name.slice(0, LABEL_LENGTH - 1)}…` : name);

/**
 * The coefficient-path panel alone (its `scale("x")` maps log λ to pixels, which the web lab's λ
 * cursor uses), with an optional marked λ. For a multinomial path, `classIndex` picks the class
 * (plot.glmnet draws one such panel per class).
 */
/** At most this many coefficient paths in one panel: more are a grey mass, not a figure. */
const MOST_PATHS = 100;

/**
 * The features whose paths are drawn: those nonzero somewhere on the path (a path at 0 throughout
 * is the axis), and of a wide design (a sparse one of 100000 columns, say) the MOST_PATHS that
 * enter first — the ones a reader of the path looks for.
 */
function drawnFeatures(betas: readonly (readonly number[])[]): number[] {
  const p = betas[0]?.length ?? 0;
  const entry = new Array<number>(p).fill(Number.POSITIVE_INFINITY);
  betas.forEach((row, k) => {
    for (let j = 0; j < p; j++) if (row[j] !== 0 && entry[j] === Number.POSITIVE_INFINITY) entry[j] = k;
  });
  const entered = Array.from({ length: p }, (_, j) => j).filter((j) => entry[j]! < Number.POSITIVE_INFINITY);
  if (entered.length <= MOST_PATHS) return entered;
  return entered
    .sort((a, b) => entry[a]! - entry[b]! || a - b)
    .slice(0, MOST_PATHS)
    .sort((a, b) => a - b);
}

export function pathPanel(
  path: DrawnPath,
  t: Translator,
  document: Document,
  marker?: number,
  classIndex = 0,
): ReturnType<typeof Plot.plot> {
  const betas =
    path.family === "multinomial" || path.family === "mgaussian" ? path.beta[classIndex]! : path.beta;
  const drawn = drawnFeatures(betas);
  const points = path.lambda.flatMap((lambda, k) =>
    drawn.map((j) => ({
      logLambda: Math.log(lambda),
      coefficient: betas[k]![j]!,
      feature: short(path.featureNames[j] ?? `x${j + 1}`),
    })),
  );
  const height = blockCount(path) > 1 ? 300 : 440;
  // y domain fixed here, so label positions can be computed in pixels before Plot draws
  let [low, high] = [0, 0];
  for (const point of points) {
    low = Math.min(low, point.coefficient);
    high = Math.max(high, point.coefficient);
  }
  if (low === high) high = low + 1;
  const labels = endLabels(path, betas, { low, high, height }, drawn);
  return Plot.plot({
    document,
    width: 760,
    height,
    marginLeft: 64,
    marginRight: 150,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    style,
    x: lambdaAxis(path.lambda, t("figure.path.logLambda")),
    y: {
      domain: [low, high],
      label:
        path.family === "multinomial"
          ? t("figure.path.classCoefficient", {
              label: path.classLabels
                ? path.classLabels[path.classes[classIndex]!]!
                : formatNumber(path.classes[classIndex]!),
            })
          : path.family === "mgaussian"
            ? t("figure.path.responseCoefficient", { label: path.responses[classIndex]! })
            : t("figure.path.coefficient"),
      grid: true,
    },
    color: { scheme: "tableau10", domain: path.featureNames.map((name) => short(name)) },
    marks: [
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.line(points, { x: "logLambda", y: "coefficient", stroke: "feature", strokeWidth: 1.5 }),
      Plot.text(labels, {
        x: "logLambda",
        y: "placed",
        text: "feature",
        fill: "feature",
        textAnchor: "start",
        dx: 6,
      }),
      marker === undefined ? null : markerRule(marker),
    ],
  });
}

const MARGIN_TOP = 20;
const MARGIN_BOTTOM = 40;
/** Direct labels closer than this (px) would overlap at 11 px type. */
export const LABEL_GAP_PX = 13;

/**
 * The features that end the path (smallest λ) with a non-zero coefficient, labelled at their line's
 * end — the largest ones when not all fit, kept LABEL_GAP_PX apart (placeLabels). `placed` is the
 * label's y in data units, `at` in the panel's pixels.
 */
export function endLabels(
  path: DrawnPath,
  betas: readonly (readonly number[])[],
  frame: { low: number; high: number; height: number },
  drawn?: readonly number[],
) {
  const last = path.lambda.length - 1;
  const inner = frame.height - MARGIN_TOP - MARGIN_BOTTOM;
  const toPixel = (v: number) => MARGIN_TOP + (1 - (v - frame.low) / (frame.high - frame.low)) * inner;
  const entering = (drawn ?? [...betas[last]!.keys()]).filter((j) => betas[last]![j] !== 0);
  const kept = labelsThatFit(
    entering.map((j) => Math.abs(betas[last]![j]!)),
    LABEL_GAP_PX,
    MARGIN_TOP,
    frame.height - MARGIN_BOTTOM,
  ).map((k) => entering[k]!);
  const placed = placeLabels(
    kept.map((j) => toPixel(betas[last]![j]!)),
    LABEL_GAP_PX,
    MARGIN_TOP,
    frame.height - MARGIN_BOTTOM,
  );
  return placed.map((p) => {
    const j = kept[p.index]!;
    return {
      logLambda: Math.log(path.lambda[last]!),
      placed: frame.low + (1 - (p.at - MARGIN_TOP) / inner) * (frame.high - frame.low),
      at: p.at,
      feature: short(path.featureNames[j] ?? `x${j + 1}`),
    };
  });
}

export function pathFigure(path: DrawnPath, t: Translator, document: Document, marker?: number): string {
  const classes = blockCount(path);
  return composeFigure({
    title: t("figure.path.title", { family: path.family, alpha: formatNumber(path.alpha) }),
    subtitle: t("figure.path.subtitle"),
    panels: Array.from({ length: classes }, (_, c) => pathPanel(path, t, document, marker, c) as Element),
  });
}

const markerRule = (lambda: number) =>
  Plot.ruleX([Math.log(lambda)], { stroke: "#e08214", strokeWidth: 2.5 });

export function cvPanel(
  cv: DrawnCv,
  t: Translator,
  document: Document,
  marker?: number,
): ReturnType<typeof Plot.plot> {
  const rows = cv.lambda.map((lambda, k) => ({
    logLambda: Math.log(lambda),
    cvm: cv.cvm[k]!,
    low: cv.cvm[k]! - cv.cvsd[k]!,
    high: cv.cvm[k]! + cv.cvsd[k]!,
  }));
  return Plot.plot({
    document,
    width: 760,
    height: 400,
    marginLeft: 70,
    marginBottom: MARGIN_BOTTOM,
    style,
    x: lambdaAxis(cv.lambda, t("figure.path.logLambda")),
    y: { label: t(`measure.${cv.measure}`), grid: true },
    marks: [
      Plot.ruleX([Math.log(cv.lambdaMin), Math.log(cv.lambdaOneSe)], {
        stroke: "#555",
        strokeDasharray: "3,3",
      }),
      Plot.ruleX(rows, { x: "logLambda", y1: "low", y2: "high", stroke: "#aaa" }),
      Plot.dot(rows, { x: "logLambda", y: "cvm", fill: "#b2182b", r: 2.5 }),
      // on two rows, so the labels never overlap when λ.min and λ.1se are close
      ...[
        { x: Math.log(cv.lambdaMin), label: "λ.min", dy: 6 },
        { x: Math.log(cv.lambdaOneSe), label: "λ.1se", dy: 22 },
      ].map((mark) =>
        Plot.text([mark], {
          x: "x",
          text: "label",
          frameAnchor: "top",
          dy: mark.dy,
          dx: 4,
          textAnchor: "start",
        }),
      ),
      marker === undefined ? null : markerRule(marker),
    ],
  });
}

/** What the CV figure reads of a cross-validation (any family's, mgaussian's too). */
export type DrawnCv = Pick<
  CvResult,
  "foldId" | "lambda" | "cvm" | "cvsd" | "measure" | "lambdaMin" | "lambdaOneSe"
>;

export function cvFigure(cv: DrawnCv, t: Translator, document: Document, marker?: number): string {
  return composeFigure({
    title: t("figure.cv.title", { folds: largestFold(cv.foldId) }),
    subtitle: t("figure.cv.subtitle", {
      min: formatNumber(cv.lambdaMin),
      oneSe: formatNumber(cv.lambdaOneSe),
    }),
    panels: [cvPanel(cv, t, document, marker) as Element],
  });
}
