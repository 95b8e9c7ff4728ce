/**
 * The scale chapter's state and the numbers it shows: one sigmoid unit on raw and on standardized
 * x, and the early-stopping experiment read at a recorded step. Pure functions, no DOM, so Node
 * tests can check that the slider, the text and the tables report the same numbers.
 *
 * Every number is the library's: the curves from experiments/sigmoidCurves (as chapter 1 draws
 * them), the descent and the ridge path from experiments/earlyStoppingRidge.
 */
import { linspace } from "../../../src/core/linspace.js";
import { sigmoid } from "../../../src/core/sigmoid.js";
import { parseCsv } from "../../../src/data/parseCsv.js";
import {
  checkpointSteps,
  type EarlyStoppingPoint,
  type EarlyStoppingResult,
  earlyStoppingVsRidge,
} from "../../../src/experiments/earlyStoppingRidge.js";
import { sigmoidCurves } from "../../../src/experiments/sigmoidCurves.js";
import { formatNumber } from "../../../src/i18n/format.js";
import { placeLabelsOnScale } from "../../../src/plot/placeLabels.js";

/** The gradient-descent steps the early-stopping experiment runs, and how many it records. */
export const EARLY_STEPS = 5000;
export const CHECKPOINTS = 40;
/** The slider offers exactly the steps the experiment records: integers, and what the text reports. */
export const RECORDED_STEPS = checkpointSteps(EARLY_STEPS, CHECKPOINTS);
/** The step the chapter opens at (a recorded one: the slider snaps to the list). */
export const OPENING_STEP = 51;

/** The weight m: the article's 0.001 by default, on a log scale from gentle to steep. */
export const SLOPE = { min: 1e-5, max: 1e-1, value: 0.001 } as const;

/**
 * Chapter 1's grid at its defaults (x from −10⁴ to 10⁴, 1001 points): the same unit gets the same
 * standardized weight m·sd(x) in both chapters.
 */
const X_RANGE = 10000;
/** The data tables show the curves at this many evenly spaced x. */
const TABLE_ROWS = 11;

/** The unit σ(m·x) twice: on raw x and, unchanged, on standardized x̃ = x / sd(x). */
export interface UnitOnTwoScales {
  x: Float64Array;
  y: Float64Array;
  standardX: Float64Array;
  standardY: Float64Array;
  /** sd(x) of the grid (1/n). */
  sd: number;
  /** m̃ = m·sd(x): the weight the same unit has on standardized inputs. */
  standardizedM: number;
  /** Share of the grid where σ'(m·x) < 0.01. */
  saturatedShare: number;
  /** The data tables: [x, σ(m·x)] and [x̃, σ(m̃·x̃)], formatted. */
  rawRows: string[][];
  standardRows: string[][];
  /** The status line's numbers, formatted. */
  readout: { m: string; sd: string; standardized: string };
}

export function unitOnTwoScales(m: number): UnitOnTwoScales {
  const curves = sigmoidCurves({ slopes: [m], xMin: -X_RANGE, xMax: X_RANGE });
  const curve = curves.curves[0]!;
  const sd = curves.xStandardDeviation;
  // the same points, standardized: x̃ = x / sd(x), slope m̃ = m·sd(x)
  const standardX = curves.x.map((x) => x / sd);
  const rows = linspace(-X_RANGE, X_RANGE, TABLE_ROWS);
  return {
    x: curves.x,
    y: curve.y,
    standardX,
    standardY: standardX.map((x) => sigmoid(curve.standardizedM * x)),
    sd,
    standardizedM: curve.standardizedM,
    saturatedShare: curve.saturatedShare,
    rawRows: Array.from(rows, (x) => [formatNumber(x), formatNumber(sigmoid(m * x))]),
    standardRows: Array.from(rows, (x) => [
      formatNumber(x / sd),
      formatNumber(sigmoid(curve.standardizedM * (x / sd))),
    ]),
    readout: {
      m: formatNumber(m),
      sd: formatNumber(sd),
      standardized: formatNumber(curve.standardizedM),
    },
  };
}

/** The experiment on the diabetes data (its CSV text), run for the steps the slider offers. */
export function runEarlyStopping(csv: string): EarlyStoppingResult {
  return earlyStoppingVsRidge(parseCsv(csv, "data/diabetes.csv"), {
    steps: EARLY_STEPS,
    checkpoints: CHECKPOINTS,
  });
}

/** The recorded point at `step` (the slider only offers recorded steps). */
export function pointAtStep(experiment: EarlyStoppingResult, step: number): EarlyStoppingPoint {
  return experiment.points.find((p) => p.step === step)!;
}

/** One coefficient at one point of a path, for the chart: x is the path's norm. */
export interface PathMark {
  norm: number;
  coefficient: number;
  feature: string;
}

/**
 * Both paths against their norm, every coefficient divided by ‖β_least squares‖ so the x axis runs
 * from 0 to about 1 (the least-squares end): the ridge path as lines, the descent as dots.
 */
export function coefficientPaths(experiment: EarlyStoppingResult): {
  ridge: PathMark[];
  descent: PathMark[];
} {
  const names = experiment.featureNames;
  const scale = Math.sqrt(experiment.leastSquares.reduce((sum, b) => sum + b * b, 0));
  return {
    ridge: experiment.points.flatMap((p) =>
      names.map((name, j) => ({ norm: p.ridgeNorm, coefficient: p.ridge[j]! / scale, feature: name })),
    ),
    descent: experiment.points.flatMap((p) =>
      names.map((name, j) => ({ norm: p.descentNorm, coefficient: p.descent[j]! / scale, feature: name })),
    ),
  };
}

/** The early-stopping status line's numbers: the step as the slider shows it, the rest formatted. */
export function earlyReadout(
  experiment: EarlyStoppingResult,
  point: EarlyStoppingPoint,
): { step: number; lambda: string; distance: string; max: string } {
  return {
    step: point.step,
    lambda: formatNumber(point.matchedLambda),
    distance: formatNumber(point.relativeDistance, 2),
    max: formatNumber(experiment.maxRelativeDistance, 2),
  };
}

/** The early-stopping table's rows: each feature's coefficient after the descent and on the ridge. */
export function earlyRows(experiment: EarlyStoppingResult, point: EarlyStoppingPoint): string[][] {
  return experiment.featureNames.map((name, j) => [
    name,
    formatNumber(point.descent[j]!),
    formatNumber(point.ridge[j]!),
  ]);
}

/** The path chart's frame in CSS px: Plot draws with these margins, and the labels are placed in them. */
export const PATH_CHART = {
  width: 700,
  height: 360,
  marginTop: 20,
  marginRight: 80,
  marginBottom: 44,
  marginLeft: 56,
} as const;
/** Direct labels closer than this (px) would overlap at the chart's 12 px type. */
export const PATH_LABEL_GAP = 14;

/**
 * The y domain both paths need (0 included, a twentieth of air at each end), fixed here so that the
 * labels can be placed in the same pixels Plot draws with.
 */
export function coefficientDomain(paths: { ridge: PathMark[]; descent: PathMark[] }): [number, number] {
  let low = 0;
  let high = 0;
  for (const mark of [...paths.ridge, ...paths.descent]) {
    low = Math.min(low, mark.coefficient);
    high = Math.max(high, mark.coefficient);
  }
  const air = (high - low || 1) / 20;
  return [low - air, high + air];
}

/**
 * Each feature's label at the ridge path's least-penalized end, in the chart's right margin (right
 * of the frame, where the step cursor — always inside the frame — cannot cover it), moved apart by
 * placeLabels so that neighbours near 0 do not pile up. `at` is the label's y in data units.
 */
export function pathEndLabels(
  paths: { ridge: PathMark[] },
  domain: readonly [number, number],
): { feature: string; end: number; at: number }[] {
  const ends = new Map<string, PathMark>();
  for (const mark of paths.ridge) {
    const seen = ends.get(mark.feature);
    if (!seen || mark.norm >= seen.norm) ends.set(mark.feature, mark);
  }
  const marks = [...ends.values()];
  const at = placeLabelsOnScale(
    marks.map((mark) => mark.coefficient),
    { domain },
    { top: PATH_CHART.marginTop, bottom: PATH_CHART.height - PATH_CHART.marginBottom },
    PATH_LABEL_GAP,
  );
  return marks.map((mark, k) => ({ feature: mark.feature, end: mark.coefficient, at: at[k]! }));
}
