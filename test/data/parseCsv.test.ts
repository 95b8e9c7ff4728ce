import { describe, expect, it } from "vitest";
import { DataError } from "../../src/data/dataError.js";
import { DATASETS_2D, dataset2d } from "../../src/data/datasets2d.js";
import { parseCsv } from "../../src/data/parseCsv.js";
import { fitStandardizer, standardize, trainTestSplit } from "../../src/data/split.js";
import { translate } from "../../src/i18n/translate.js";

/** The DataError a parse throws, translated: the message the user would read. */
function errorOf(text: string, options = {}): { key: string; message: string } {
  try {
    parseCsv(text, "data.csv", options);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { key: error.key, message: translate("en", error.key, error.params) };
  }
  throw new Error("no error");
}

describe("parseCsv", () => {
  it("reads a header, numbers and the target y wherever it stands", () => {
    const data = parseCsv("a,y,b\n1,0,2\n3,1,4\n", "data.csv");
    expect(data.featureNames).toEqual(["a", "b"]);
    expect(data.targetName).toBe("y");
    expect([...data.x]).toEqual([1, 2, 3, 4]);
    expect([...data.y]).toEqual([0, 1]);
  });

  it("takes the last column when there is no y, or the one named by --target", () => {
    expect(parseCsv("a,b,c\n1,2,3\n", "d").targetName).toBe("c");
    expect([...parseCsv("a,b,c\n1,2,3\n", "d", { target: "a" }).y]).toEqual([1]);
  });

  it("handles a UTF-8 BOM, quoted fields, CRLF line ends, blank lines and exponents", () => {
    const data = parseCsv('\uFEFF"first, name",y\r\n"1.5e2",1\r\n\r\n-.5,0\r\n', "d");
    expect(data.featureNames).toEqual(["first, name"]);
    expect([...data.x]).toEqual([150, -0.5]);
  });

  it("keeps hostile column names as data", () => {
    const name = `<script>alert(1)</script>${"x".repeat(500)}`;
    const data = parseCsv(`"${name}",y\n1,0\n`, "d");
    expect(data.featureNames[0]).toBe(name);
  });

  it("warns of constant columns (and keeps them)", () => {
    const data = parseCsv("a,b,y\n1,5,0\n2,5,1\n", "d");
    expect(data.constantColumns).toEqual(["b"]);
    expect(data.p).toBe(2);
  });

  it("drops rows with empty cells under na: drop, and says how many", () => {
    const data = parseCsv("a,y\n1,0\n,1\n3,\n4,1\n", "d", { na: "drop" });
    expect(data.n).toBe(2);
    expect(data.droppedRows).toBe(2);
    expect([...data.lines!]).toEqual([2, 5]);
  });

  const bad: [string, string, RegExp][] = [
    ["an empty file", "", /data\.csv is empty: it needs a header row/],
    ["a header only", "a,y\n", /has a header but no data rows/],
    ["duplicate column names", "a,b,a\n1,2,3\n", /column 3 \('a'\) has the same name as column 1/],
    ["a ragged row", "a,y\n1,2\n3\n", /data\.csv, row 3: 1 cells, but the header has 2/],
    ["a word", "a,y\n1,0\nabc,1\n", /row 3, column 1 \('a'\): 'abc' is not a number/],
    ["semicolons between cells", "a;y\n1,5;0\n", /no feature column\. reglab reads comma-separated files/],
    [
      "an empty cell",
      "a,b,y\n1,,0\n",
      /row 2, column 2 \('b'\): the cell is empty\. Fill it, or pass --na drop/,
    ],
    ["infinity", "a,y\n1,0\nInf,1\n", /row 3, column 1 \('a'\): 'Inf' is infinite/],
    ["an overflowing number", "a,y\n1e400,1\n", /'1e400' is infinite/],
    [
      "a missing target",
      "a,b\n1,2\n",
      /there is no column 'z'\. Columns: a, b\. Choose the target with --target/,
    ],
    ["only a target", "y\n1\n", /besides the target 'y' there is no feature column/],
    ["every row dropped", "a,y\n,1\n", /all rows have empty cells \(1 dropped\)/],
    ["a broken quote", 'a,y\n"1,0\n', /row \d+: a quoted cell is never closed/],
  ];
  for (const [what, text, message] of bad) {
    it(`explains ${what}, naming the file, row and column`, () => {
      const options =
        what === "a missing target" ? { target: "z" } : what === "every row dropped" ? { na: "drop" } : {};
      expect(errorOf(text, options).message).toMatch(message);
    });
  }

  it("keeps control characters and endless names out of messages", () => {
    const message = errorOf(`"a\u001b[31m${"b".repeat(300)}",y\n1,0\nx,1\n`).message;
    expect(message).not.toContain("\u001b");
    expect(message).toContain("…");
    expect(message.length).toBeLessThan(300);
  });
});

describe("2-D data sets", () => {
  for (const name of DATASETS_2D) {
    it(`${name}: seeded, balanced, two features`, () => {
      const a = dataset2d(name, { samples: 100, seed: 4 });
      expect(a.p).toBe(2);
      expect([...a.y].filter((y) => y === 1).length).toBe(50);
      expect([...dataset2d(name, { samples: 100, seed: 4 }).x]).toEqual([...a.x]);
      expect([...dataset2d(name, { samples: 100, seed: 5 }).x]).not.toEqual([...a.x]);
      for (const v of a.x) expect(Math.abs(v)).toBeLessThan(10);
    });
  }

  it("circle without noise: class 1 inside radius 2, class 0 outside 3.5", () => {
    const data = dataset2d("circle", { samples: 200, noise: 0 });
    for (let i = 0; i < data.n; i++) {
      const r = Math.hypot(data.x[2 * i]!, data.x[2 * i + 1]!);
      if (data.y[i] === 1) expect(r).toBeLessThanOrEqual(2);
      else expect(r).toBeGreaterThanOrEqual(3.5);
    }
  });
});

describe("split and standardize", () => {
  it("splits every row exactly once, by seed", () => {
    const data = dataset2d("gauss", { samples: 50 });
    const { train, test } = trainTestSplit(data, 0.6, 1);
    expect(train.n + test.n).toBe(50);
    expect(train.n).toBe(30);
    const all = [...train.x, ...test.x].sort();
    expect(all).toEqual([...data.x].sort());
  });

  it("standardizes to mean 0 and sd 1, and leaves a constant column finite", () => {
    const data = parseCsv("a,b,y\n1,7,0\n2,7,1\n3,7,0\n", "d");
    const scaled = standardize(data, fitStandardizer(data));
    expect([...scaled.x].filter((_, i) => i % 2 === 0)).toEqual([-Math.sqrt(1.5), 0, Math.sqrt(1.5)]);
    expect([...scaled.x].filter((_, i) => i % 2 === 1)).toEqual([0, 0, 0]);
  });
});
