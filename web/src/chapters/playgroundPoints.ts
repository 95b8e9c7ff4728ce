/**
 * The playground's points as plain data: a generated data set, minus the rows a student removed,
 * plus the points a student added — and how both edits travel in the URL ("x,y,label;…" and
 * "i,j,…"). Pure functions, no DOM: tested in Node.
 */
import type { Dataset } from "../../../src/data/parseCsv.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import type { Points2d } from "../worker/protocol.js";

export interface PointEdits {
  /** Added points [x1, x2, label]. */
  added: [number, number, number][];
  /** Indices of generated rows removed. */
  removed: Set<number>;
}

/** The edits stored in the URL (bad items are dropped, not fatal: a hand-edited link still opens). */
export function parseEdits(add: string | null, del: string | null): PointEdits {
  const added = (add ?? "")
    .split(";")
    .map((item) => item.split(",").map(Number))
    .filter((v) => v.length === 3 && v.every(Number.isFinite) && (v[2] === 0 || v[2] === 1))
    .map((v) => [v[0]!, v[1]!, v[2]!] as [number, number, number]);
  const removed = new Set(
    (del ?? "")
      .split(",")
      .filter(Boolean)
      .map(Number)
      .filter((v) => Number.isInteger(v) && v >= 0),
  );
  return { added, removed };
}

/** The edits as URL values (coordinates to two decimals: a link, not a data file). */
export function encodeEdits(edits: PointEdits): { add: string; del: string } {
  return {
    add: edits.added.map((p) => p.map((v) => Number(v.toFixed(2))).join(",")).join(";"),
    del: [...edits.removed].sort((a, b) => a - b).join(","),
  };
}

/** The generated rows not removed, in order, then the added points. */
export function applyEdits(generated: Dataset, edits: PointEdits): Points2d {
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
}

/** Squared distance within which a click removes a point (the points are in data units). */
const REACH_SQUARED = 0.25;

/**
 * Removes the point nearest (a, b), if within reach, from the edits (in place): an added point is
 * dropped from the list, a generated row is recorded as removed. Returns whether one was.
 */
export function removeNearest(points: Points2d, edits: PointEdits, a: number, b: number): boolean {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.y.length; i++) {
    const d = (points.x[2 * i]! - a) ** 2 + (points.x[2 * i + 1]! - b) ** 2;
    if (d < bestDistance) [best, bestDistance] = [i, d];
  }
  if (best < 0 || bestDistance > REACH_SQUARED) return false;
  const generatedKept = points.y.length - edits.added.length;
  if (best >= generatedKept) {
    edits.added.splice(best - generatedKept, 1);
    return true;
  }
  // the kept index back to the generated row: count the rows not removed
  let seen = -1;
  for (let row = 0; ; row++) {
    if (edits.removed.has(row)) continue;
    seen++;
    if (seen === best) {
      edits.removed.add(row);
      return true;
    }
  }
}

/**
 * An uploaded data set as the playground's points, or the message that says why it cannot be:
 * the playground draws the plane, so exactly two feature columns, and a target of 0s and 1s.
 */
export function pointsFromUpload(
  data: Dataset,
  file: string,
): { points: Points2d } | { key: LabKey; params: Record<string, string | number> } {
  if (data.p !== 2) return { key: "playground.needTwoColumns", params: { file, count: data.p } };
  const labels = new Set(data.y);
  if (![...labels].every((v) => v === 0 || v === 1) || labels.size !== 2)
    return { key: "playground.needTwoClasses", params: { file, target: data.targetName } };
  return { points: { x: data.x, y: data.y } };
}
