/**
 * The scale chapter's numbers in Node, from the same state module the page uses: the step slider
 * offers integers and the text reports the step the slider shows (issue 13, point 7), one number
 * for one quantity across chapters, and what the chapter's "Try this" steps promise.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sigmoidCurves } from "../../src/experiments/sigmoidCurves.js";
import { formatNumber } from "../../src/i18n/format.js";
import { labEn, labZh } from "../../src/i18n/lab.js";
import {
  coefficientDomain,
  coefficientPaths,
  EARLY_STEPS,
  earlyReadout,
  earlyRows,
  OPENING_STEP,
  PATH_CHART,
  PATH_LABEL_GAP,
  pathEndLabels,
  pointAtStep,
  RECORDED_STEPS,
  runEarlyStopping,
  unitOnTwoScales,
} from "../../web/src/chapters/scaleState.js";

/** A catalog message with its placeholders filled, as the lab's t() fills them. */
const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

const experiment = runEarlyStopping(
  readFileSync(new URL("../../data/diabetes.csv", import.meta.url), "utf8"),
);

describe("the step slider and the text agree", () => {
  it("offers integer steps only, ascending, from 1 to the last step run, the opening step among them", () => {
    expect(RECORDED_STEPS.every(Number.isInteger)).toBe(true);
    expect(RECORDED_STEPS[0]).toBe(1);
    expect(RECORDED_STEPS.at(-1)).toBe(EARLY_STEPS);
    for (let k = 1; k < RECORDED_STEPS.length; k++)
      expect(RECORDED_STEPS[k]!).toBeGreaterThan(RECORDED_STEPS[k - 1]!);
    expect(RECORDED_STEPS).toContain(OPENING_STEP);
  });

  it("records the descent at exactly the steps the slider offers", () => {
    expect(experiment.points.map((p) => p.step)).toEqual(RECORDED_STEPS);
  });

  it("reports, at every step the slider offers, that step (as the slider prints it) in both languages", () => {
    for (const step of RECORDED_STEPS) {
      const point = pointAtStep(experiment, step);
      expect(point.step).toBe(step);
      const readout = earlyReadout(experiment, point);
      // the slider prints its value with String (scaleMatters); the text must say the same
      expect(String(readout.step)).toBe(String(step));
      expect(fill(labEn["scale.earlyReadout"], readout)).toContain(`t = ${String(step)} `);
      expect(fill(labZh["scale.earlyReadout"], readout)).toContain(`t = ${String(step)}`);
      expect(fill(labEn["scale.descentCoef"], readout)).toBe(`descent at step ${step}`);
    }
  });

  it("tables every feature's descent and ridge coefficient at the step shown", () => {
    const point = pointAtStep(experiment, OPENING_STEP);
    const rows = earlyRows(experiment, point);
    expect(rows.map((row) => row[0])).toEqual(experiment.featureNames);
    expect(rows[0]).toEqual([
      experiment.featureNames[0],
      formatNumber(point.descent[0]!),
      formatNumber(point.ridge[0]!),
    ]);
  });
});

describe("one unit, two scales", () => {
  it("gives the article's unit the standardized weight chapter 1 reports, and the story quotes", () => {
    const unit = unitOnTwoScales(0.001);
    // chapter 1 at its defaults: the article's slopes on x from −10⁴ to 10⁴
    const chapterOne = sigmoidCurves({ xMin: -1e4, xMax: 1e4 }).curves[0]!;
    expect(chapterOne.m).toBe(0.001);
    expect(unit.standardizedM).toBe(chapterOne.standardizedM);
    expect(unit.readout.standardized).toBe("5.779");
    expect(labEn["scale.try.article.promise"]).toContain(unit.readout.standardized);
    expect(labZh["scale.try.article.promise"]).toContain(unit.readout.standardized);
  });

  it("draws the same σ(z) on both scales: σ(m·x) = σ(m̃·x̃) point by point", () => {
    const unit = unitOnTwoScales(0.003);
    expect(unit.standardizedM).toBeCloseTo(0.003 * unit.sd, 12);
    for (let i = 0; i < unit.x.length; i += 50) {
      expect(unit.standardX[i]).toBeCloseTo(unit.x[i]! / unit.sd, 12);
      expect(unit.standardY[i]).toBeCloseTo(unit.y[i]!, 12);
    }
    expect(unit.rawRows).toHaveLength(11);
    expect(unit.standardRows.map((row) => row[1])).toEqual(unit.rawRows.map((row) => row[1]));
  });

  it("keeps a gentle weight (m = 0.0001) below 1 standardized and unsaturated", () => {
    const unit = unitOnTwoScales(0.0001);
    expect(unit.standardizedM).toBeLessThan(1);
    expect(unit.saturatedShare).toBe(0);
    // the story quotes the number the readout shows, in both languages (one number, one quantity)
    expect(labEn["scale.try.gentle.promise"]).toContain(`(${unit.readout.standardized})`);
    expect(labZh["scale.try.gentle.promise"]).toContain(`（${unit.readout.standardized}）`);
  });
});

describe("early stopping as a penalty", () => {
  it("after 5 steps: about half the least-squares size, within 0.2 of the matched ridge", () => {
    const point = pointAtStep(experiment, 5);
    expect(point.descentNorm).toBeLessThan(0.6);
    expect(point.relativeDistance).toBeLessThan(0.2);
  });

  it("after all the steps: the least-squares fit, no shrinkage left", () => {
    expect(pointAtStep(experiment, EARLY_STEPS).descentNorm).toBeGreaterThan(0.99);
  });

  it("charts every feature at every recorded step, on both paths", () => {
    const { ridge, descent } = coefficientPaths(experiment);
    const marks = experiment.points.length * experiment.featureNames.length;
    expect(ridge).toHaveLength(marks);
    expect(descent).toHaveLength(marks);
    // divided by ‖β_least squares‖: the descent's last dot sits at its norm (about 1)
    const last = descent.at(-1)!;
    expect(last.norm).toBe(pointAtStep(experiment, EARLY_STEPS).descentNorm);
  });
});

describe("the path chart's direct labels", () => {
  const paths = coefficientPaths(experiment);
  const domain = coefficientDomain(paths);
  const labels = pathEndLabels(paths, domain);
  const inner = PATH_CHART.height - PATH_CHART.marginTop - PATH_CHART.marginBottom;
  const toPixel = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * inner;

  it("labels every feature once, inside the plot's height", () => {
    expect(labels.map((l) => l.feature).sort()).toEqual([...experiment.featureNames].sort());
    for (const label of labels) {
      expect(label.at).toBeGreaterThanOrEqual(domain[0] - 1e-12);
      expect(label.at).toBeLessThanOrEqual(domain[1] + 1e-12);
    }
  });

  it("keeps neighbours a label's height apart, though several paths end near 0", () => {
    const ends = labels.map((l) => toPixel(l.end)).sort((a, b) => a - b);
    // the diabetes paths do crowd: some ends are closer than a label's height
    expect(ends.slice(1).some((y, k) => y - ends[k]! < PATH_LABEL_GAP)).toBe(true);
    const placed = labels.map((l) => toPixel(l.at)).sort((a, b) => a - b);
    for (let k = 1; k < placed.length; k++) {
      expect(placed[k]! - placed[k - 1]!).toBeGreaterThanOrEqual(PATH_LABEL_GAP - 1e-9);
    }
  });

  it("moves a label only as far as its neighbours need, and keeps their order", () => {
    const byEnd = [...labels].sort((a, b) => a.end - b.end);
    for (let k = 1; k < byEnd.length; k++) expect(byEnd[k]!.at).toBeGreaterThan(byEnd[k - 1]!.at);
    const lone = byEnd.at(-1)!; // the largest coefficient stands alone at the top
    expect(toPixel(lone.at)).toBeCloseTo(toPixel(lone.end), 6);
  });
});
