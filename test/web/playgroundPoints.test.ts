import { describe, expect, it } from "vitest";
import { dataset2d } from "../../src/data/datasets2d.js";
import { parseCsv } from "../../src/data/parseCsv.js";
import {
  applyEdits,
  encodeEdits,
  parseEdits,
  pointsFromUpload,
  removeNearest,
} from "../../web/src/chapters/playgroundPoints.js";

describe("the playground's point edits", () => {
  const generated = dataset2d("circle", { samples: 20, noise: 0.1, seed: 3 });

  it("round-trips through the URL and drops malformed items", () => {
    const edits = parseEdits("1.5,-2,1;oops;3,4,7;0.25,0.5,0", "4,x,-1,2");
    expect(edits.added).toEqual([
      [1.5, -2, 1],
      [0.25, 0.5, 0],
    ]);
    expect([...edits.removed].sort()).toEqual([2, 4]);
    expect(encodeEdits(edits)).toEqual({ add: "1.5,-2,1;0.25,0.5,0", del: "2,4" });
  });

  it("keeps the generated rows not removed, in order, then the added points", () => {
    const points = applyEdits(generated, parseEdits("9,9,1", "0,5"));
    expect(points.y).toHaveLength(19);
    expect(points.x[0]).toBe(generated.x[2]); // row 1 is now first
    expect(points.x[2 * 18]).toBe(9);
    expect(points.y[18]).toBe(1);
  });

  it("removes the nearest point within reach — an added one from the list, a generated one by its row", () => {
    const edits = parseEdits("9,9,1", "0");
    let points = applyEdits(generated, edits);
    expect(removeNearest(points, edits, 9.1, 9)).toBe(true);
    expect(edits.added).toEqual([]);
    points = applyEdits(generated, edits);
    const [x, y] = [generated.x[2 * 3]!, generated.x[2 * 3 + 1]!];
    expect(removeNearest(points, edits, x, y)).toBe(true);
    expect(edits.removed.has(3)).toBe(true);
    expect(removeNearest(points, edits, 100, 100)).toBe(false);
  });
});

describe("an uploaded CSV in the playground", () => {
  it("takes two feature columns and a 0/1 target as points", () => {
    const result = pointsFromUpload(parseCsv("a,b,y\n1,2,0\n3,4,1\n", "ok.csv"), "ok.csv");
    expect("points" in result && Array.from(result.points.y)).toEqual([0, 1]);
  });
  it("names what is wrong: three feature columns, or a target that is not 0/1", () => {
    expect(pointsFromUpload(parseCsv("a,b,c,y\n1,2,3,0\n4,5,6,1\n", "three.csv"), "three.csv")).toEqual({
      key: "playground.needTwoColumns",
      params: { file: "three.csv", count: 3 },
    });
    expect(pointsFromUpload(parseCsv("a,b,y\n1,2,0\n3,4,2\n", "labels.csv"), "labels.csv")).toMatchObject({
      key: "playground.needTwoClasses",
    });
  });
});
