/**
 * `reglab path` over Parquet tables through DuckDB (out of core): the same gaussian path as the
 * CSV path on the same rows — λ grid, coefficients to 1e-9, n — with weights, --where and a folder
 * of files; the statement of --explain and the statistics round trip (--save-stats, --stats); and
 * every bad table a clear error, exit 2. A CSV with --stream takes the same road (DuckDB's CSV
 * reader, a chunk at a time) and must give the in-memory CSV path's results.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { messagePattern, run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";
import { expectSamePath, json, type PathDocument } from "../helpers/samePath.js";

const DIABETES = resolve(import.meta.dirname, "../../data/diabetes.csv");
const BREAST = resolve(import.meta.dirname, "../../data/breast_cancer.csv");
const COUNTS = resolve(import.meta.dirname, "../../data/counts.csv");
const folder = freshFolder();
const at = (name: string) => join(folder, name);

async function sql(statements: string[]) {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  for (const statement of statements) await connection.run(statement);
  connection.closeSync();
}

beforeAll(async () => {
  mkdirSync(at("parts"));
  writeFileSync(at("ragged.csv"), "a,b,y\n1,2,3\n4,5\n6,7,8\n");
  writeFileSync(at("empty.csv"), "");
  // y = 1 on rows 0 and 10 only: both in mod fold 1, whose training rows then hold one class
  writeFileSync(
    at("onefold.csv"),
    `a,y\n${Array.from({ length: 20 }, (_, i) => `${(i * 7) % 5},${i % 10 === 0 ? 1 : 0}`).join("\n")}\n`,
  );
  // y = 1 on rows 0, 1 and 2 only: mod fold 4's own rows (3 and 13) hold no row of class 1
  writeFileSync(
    at("aucfold.csv"),
    `a,y\n${Array.from({ length: 20 }, (_, i) => `${((i * 7) % 5) + i / 10},${i < 3 ? 1 : 0}`).join("\n")}\n`,
  );
  writeFileSync(at("header-only.csv"), "a,b,y\n");
  writeFileSync(at("target-word.csv"), "a,b,y\n1,2,3\n4,5,x\n6,7,8\n");
  writeFileSync(at("target-labels.csv"), "a,b,y\n1,2,M\n4,5,R\n6,7,M\n8,1,R\n");
  // a short row past the rows DuckDB samples: found while reading, not while sniffing
  const lines = Array.from({ length: 30000 }, (_, i) =>
    i === 25000 ? `${i % 7},1` : `${i % 7},${i % 5},${i % 3}`,
  );
  writeFileSync(at("late-ragged.csv"), `a,b,y\n${lines.join("\n")}\n`);
  const csv = `read_csv('${DIABETES}', header = true)`;
  await sql([
    `COPY (SELECT * FROM ${csv}) TO '${at("diabetes.parquet")}' (FORMAT parquet)`,
    // weights: a column before the target, as a user's table might have it
    `COPY (SELECT age, sex, bmi, bp, s1, s2, s3, s4, s5, s6, 1 + (row_number() OVER () % 3) AS w, y FROM ${csv}) TO '${at("weighted.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age, sex, bmi, bp, s1, s2, s3, s4, s5, s6, 1 + (row_number() OVER () % 3) AS w, y FROM ${csv}) TO '${at("weighted.csv")}' (HEADER)`,
    `COPY (SELECT * FROM ${csv} WHERE sex > 0) TO '${at("men.csv")}' (HEADER)`,
    // a two-class table (8 of breast cancer's features: small, so the test's passes are quick)
    `COPY (SELECT mean_radius, mean_texture, mean_smoothness, mean_compactness, mean_symmetry, radius_error, worst_concavity, worst_symmetry, ${"y"} FROM read_csv('${BREAST}', header = true)) TO '${at("cancer.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT mean_radius, mean_texture, mean_smoothness, mean_compactness, mean_symmetry, radius_error, worst_concavity, worst_symmetry, ${"y"} FROM read_csv('${BREAST}', header = true)) TO '${at("cancer.csv")}' (HEADER)`,
    `COPY (SELECT * FROM ${csv} LIMIT 200) TO '${at("parts/a.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT * FROM ${csv} OFFSET 200) TO '${at("parts/b.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT *, 'text' AS note FROM ${csv}) TO '${at("strings.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age, [bmi, bp] AS pair, y FROM ${csv}) TO '${at("list.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT * FROM ${csv} LIMIT 0) TO '${at("empty.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT * FROM read_csv('${COUNTS}', header = true)) TO '${at("counts.parquet")}' (FORMAT parquet)`,
    // the target y not last; weights that go negative; a column past the doubles' sums; __ in names
    `COPY (SELECT y, age, sex, bmi, bp, s1 FROM ${csv}) TO '${at("yfirst.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age, sex, bmi, bp, s1, y FROM ${csv}) TO '${at("yfirst.csv")}' (HEADER)`,
    `COPY (SELECT age, bmi, sex AS w, y FROM ${csv}) TO '${at("negative.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age, bmi, 0 AS w, y FROM ${csv}) TO '${at("zero.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age, bmi * 1e300 AS huge, y FROM ${csv}) TO '${at("huge.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age AS a, bmi AS a__b, bp AS b__b, s1 AS b, y FROM ${csv}) TO '${at("names.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age AS a, bmi AS a__b, bp AS b__b, s1 AS b, y FROM ${csv}) TO '${at("names.csv")}' (HEADER)`,
    `COPY (SELECT age, CASE WHEN row_number() OVER () = 7 THEN NULL ELSE bmi END AS bmi, y FROM ${csv}) TO '${at("holes.parquet")}' (FORMAT parquet)`,
    `COPY (SELECT age, CASE WHEN row_number() OVER () = 7 THEN NULL ELSE bmi END AS bmi, y FROM ${csv}) TO '${at("holes.csv")}' (HEADER)`,
    `COPY (SELECT age, bmi, CASE WHEN row_number() OVER () = 9 THEN 'n/a' ELSE CAST(bp AS VARCHAR) END AS bp, y FROM ${csv}) TO '${at("words.csv")}' (HEADER)`,
    `COPY (SELECT age, bmi, CASE WHEN row_number() OVER () = 5 THEN 1 ELSE 0 END AS y FROM ${csv}) TO '${at("lonely.csv")}' (HEADER)`,
    // a word past the 20480 rows DuckDB samples for the column's type: found only while summing
    `COPY (SELECT range % 11 AS a, CASE WHEN range = 30000 THEN 'oops' ELSE CAST(range % 7 AS VARCHAR) END AS b, range % 3 AS y FROM range(40000)) TO '${at("late.csv")}' (HEADER)`,
  ]);
});

/** One test per case: the run ends in exit 2 with one line on stderr matching the case's pattern. */
function itRefuses(prefix: string, cases: readonly [string, string[], RegExp][]): void {
  for (const [what, args, pattern] of cases)
    it(`${prefix} ${what}: one line, exit 2`, async () => {
      const outcome = await run(args);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(pattern);
      expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
    });
}

describe("reglab path over a Parquet table", () => {
  it("gives the CSV path of the same rows (lasso and elastic net)", async () => {
    for (const alpha of ["1", "0.5"])
      expectSamePath(
        await json(["path", at("diabetes.parquet"), "--alpha", alpha]),
        await json(["path", DIABETES, "--alpha", alpha]),
      );
  });

  it("with weights, --where and a folder of files: each as the CSV path of those rows", async () => {
    expectSamePath(
      await json(["path", at("weighted.parquet"), "--weights", "w"]),
      await json(["path", at("weighted.csv"), "--weights", "w"]),
    );
    expectSamePath(
      await json(["path", at("diabetes.parquet"), "--where", "sex > 0"]),
      await json(["path", at("men.csv")]),
    );
    expectSamePath(await json(["path", at("parts")]), await json(["path", DIABETES]));
  });

  it("prints its statement with --explain, and its statistics round-trip through --save-stats and --stats", async () => {
    const explained = await run(["path", at("diabetes.parquet"), "--explain"]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(/^SELECT\n {2}MAX\(n\) AS n/);
    expect(explained.stdout).toContain('"mean__s6"'); // covariances by position: age 0, s6 9
    expect(explained.stdout).toContain("AS cov__0__9");
    // the statement, run by another engine (DuckDB's CLI here) and exported as one JSON row
    await sql([`COPY (${explained.stdout}) TO '${at("row.json")}' (FORMAT json)`]);
    const fromRow = await json(["path", "--stats", at("row.json")]);
    expectSamePath(fromRow, await json(["path", DIABETES]));
    await json(["path", at("diabetes.parquet"), "--save-stats", at("saved.json")]);
    expect(Object.keys(JSON.parse(readFileSync(at("saved.json"), "utf8")))).toContain("cov__8__10");
    expectSamePath(await json(["path", "--stats", at("saved.json")]), fromRow);
  });

  const refused: [string, string[], RegExp][] = [
    ["a column of text", ["path", at("strings.parquet")], /column 'note' holds VARCHAR/],
    ["a list column", ["path", at("list.parquet")], /column 'pair' holds DOUBLE\[\]/],
    ["an empty table", ["path", at("empty.parquet")], /no row is left to fit/],
    [
      "a --where that selects nothing",
      ["path", at("diabetes.parquet"), "--where", "age > 100"],
      /no row is left/,
    ],
    ["an empty cell", ["path", at("holes.parquet")], /column 'bmi' has empty cells \(1 of them\)/],
    ["a file that is not there", ["path", at("missing.parquet")], /DuckDB could not read it/],
    ["a bad --where", ["path", at("diabetes.parquet"), "--where", "nonsense >"], /DuckDB could not read it/],
    ["cox", ["path", at("diabetes.parquet"), "--family", "cox"], /gaussian, binomial or poisson so far/],
    [
      "--explain for a poisson path",
      ["path", at("counts.parquet"), "--family", "poisson", "--explain"],
      /a binomial or poisson path runs one statement/,
    ],
    [
      "a poisson path from --stats",
      ["path", "--stats", at("row.json"), "--family", "poisson"],
      /--stats fits gaussian paths only/,
    ],
    ["all weights 0", ["path", at("zero.parquet"), "--weights", "w"], /weights in column 'w' sum to 0/],
    [
      "poisson on a target below 0",
      ["path", at("negative.parquet"), "--family", "poisson", "--target", "w"],
      /to hold counts: numbers ≥ 0/,
    ],
    [
      "binomial on a target that is not 0/1",
      ["path", at("diabetes.parquet"), "--family", "binomial"],
      /to hold 0 and 1 only/,
    ],
    ["--offset", ["path", at("diabetes.parquet"), "--offset", "s1"], /--offset is not available/],
    [
      "--where on a CSV",
      ["path", DIABETES, "--where", "age > 0"],
      /--where is for a path over a table read through DuckDB: a Parquet table .*, or a CSV with --stream/,
    ],
    ["a --stats file that is not one JSON object", ["path", "--stats", DIABETES], /is not one JSON object/],
    [
      "--weights that go negative",
      ["path", at("negative.parquet"), "--weights", "w"],
      /go down to -0\.0\d+; weights must be 0 or more/,
    ],
    [
      "--weights naming the target",
      ["path", at("diabetes.parquet"), "--weights", "y"],
      /--weights names the target column 'y'/,
    ],
    [
      "a column whose sums overflow",
      ["path", at("huge.parquet")],
      /column 'huge' holds values whose sums leave/,
    ],
    [
      "--explain for a binomial path",
      ["path", at("cancer.parquet"), "--family", "binomial", "--explain"],
      /a binomial or poisson path runs one statement per Newton step/,
    ],
    [
      "--where beside --stats",
      ["path", "--stats", at("row.json"), "--where", "age > 0"],
      /--where cannot change a path from --stats/,
    ],
    [
      "--penalty-factor beside --exclude",
      ["path", at("diabetes.parquet"), "--exclude", "sex", "--penalty-factor", "1,1,1,1,1,1,1,1,1,1"],
      /--penalty-factor with --exclude is not available/,
    ],
  ];
  itRefuses("refuses", refused);

  it("fits a binomial path by IRLS passes over the table: the CSV path's λ grid, objective and coefficients", async () => {
    for (const alpha of ["1", "0.3"]) {
      const args = ["--family", "binomial", "--alpha", alpha, "--nlambda", "30"];
      // (--stream: passes even over a table this small, which is otherwise held in memory)
      const table = await json(["path", at("cancer.parquet"), "--stream", ...args]);
      const rows = await json(["path", at("cancer.csv"), ...args]);
      expect(table.lambdas.length).toBe(rows.lambdas.length);
      let size = 0;
      for (const row of rows.coefs) for (const b of row) size = Math.max(size, Math.abs(b));
      for (let k = 0; k < rows.lambdas.length; k++) {
        expect(table.lambdas[k]! / rows.lambdas[k]!).toBeCloseTo(1, 12);
        // both solved to a KKT certificate of 1e-7: the same objective, coefficients close
        expect(Math.abs(table.objective![k]! - rows.objective![k]!)).toBeLessThan(1e-9 * rows.objective![k]!);
        for (let j = 0; j < rows.p; j++)
          expect(Math.abs(table.coefs[k]![j]! - rows.coefs[k]![j]!)).toBeLessThan(1e-4 * size);
      }
      for (const certificate of table.certificate!) expect(certificate).toBeLessThanOrEqual(1e-7);
      expect(table.null_deviance / rows.null_deviance).toBeCloseTo(1, 12);
      // one pass per Newton step and one per λ: a handful per λ, most of them light (the loss and
      // gradient alone, the model's curvature kept from a full pass)
      expect(table.passes).toBeGreaterThan(table.lambdas.length);
      expect(table.passes).toBeLessThan(8 * table.lambdas.length);
      expect(table.light_passes).toBeGreaterThan(table.passes! / 2);
      expect(table.light_passes).toBeLessThan(table.passes!);
    }
  });

  it("holds a small table's rows in memory for a binomial path (no passes): exactly the CSV path", async () => {
    const args = ["--family", "binomial", "--nlambda", "30"];
    const held = (await json(["path", at("cancer.parquet"), ...args])) as PathDocument & {
      rows_in_memory?: boolean;
    };
    const rows = await json(["path", at("cancer.csv"), ...args]);
    expect(held.rows_in_memory).toBe(true);
    expect(held.passes).toBe(0);
    expect(held.lambdas).toEqual(rows.lambdas);
    expect(held.coefs).toEqual(rows.coefs);
    // with weights, an offset and --where: the rows the statements would have read
    const exposed = ["--family", "poisson", "--offset", "log_exposure", "--nlambda", "20"];
    const table = await json(["path", at("counts.parquet"), ...exposed, "--where", "x1 > 0"]);
    const streamed = await json(["path", at("counts.parquet"), ...exposed, "--where", "x1 > 0", "--stream"]);
    expect(table.n).toBe(streamed.n);
    for (let k = 0; k < streamed.lambdas.length; k++)
      expect(Math.abs(table.objective![k]! - streamed.objective![k]!)).toBeLessThan(
        1e-9 * Math.abs(streamed.objective![k]!),
      );
    const text = await run(["path", at("cancer.parquet"), ...args, "--out", at("small-table-figures")]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(messagePattern("table.rowsInMemory", "en"));
  });

  it("never writes over its input, whatever --force says: the Parquet file, or a file in the folder read", async () => {
    const before = readFileSync(at("diabetes.parquet"));
    for (const args of [
      ["path", at("diabetes.parquet"), "--save-stats", at("diabetes.parquet"), "--force"],
      ["path", at("diabetes.parquet"), "--save", at("diabetes.parquet"), "--force"],
      ["path", at("parts"), "--save-stats", at("parts/a.parquet"), "--force"],
    ]) {
      const outcome = await run(args);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(/input of this run/);
    }
    expect(readFileSync(at("diabetes.parquet")).equals(before)).toBe(true);
    // a refused save leaves nothing behind: the model is saved before the figures are drawn
    const refused = await run([
      "path",
      DIABETES,
      "--save",
      DIABETES,
      "--force",
      "--out",
      at("refused-figures"),
    ]);
    expect(refused.status).toBe(2);
    expect(existsSync(at("refused-figures/path.svg"))).toBe(false);
  });

  it("chooses the target as the CSV reader does (y, wherever it stands), keeps excluded columns at 0, and names with __", async () => {
    expectSamePath(await json(["path", at("yfirst.parquet")]), await json(["path", at("yfirst.csv")]));
    const excluded = await json(["path", at("diabetes.parquet"), "--exclude", "sex,4"]);
    const csvExcluded = await json(["path", DIABETES, "--exclude", "sex,4"]);
    expectSamePath(excluded, csvExcluded);
    expect(excluded.coefs.every((row) => row[1] === 0 && row[3] === 0)).toBe(true);
    expectSamePath(await json(["path", at("names.parquet")]), await json(["path", at("names.csv")]));
  });

  it("refuses statistics no data can have (n = 1, a negative variance, a correlation past 1)", async () => {
    const row = JSON.parse(readFileSync(at("saved.json"), "utf8"));
    for (const [field, value] of [
      ["n", 1],
      ["cov__0__0", -1],
      ["cov__0__1", 1e6],
    ] as const) {
      const file = at(`bad-${field}.json`);
      (await import("node:fs")).writeFileSync(file, JSON.stringify({ ...row, [field]: value }));
      const outcome = await run(["path", "--stats", file]);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(new RegExp(`field '${field}' is impossible`));
    }
  });

  it("fits a binomial path with an unpenalized column as glmnet: λ_max after that column is fitted", async () => {
    const factors = ["--penalty-factor", "0,1,1,1,1,1,1,1"];
    const table = await json([
      "path",
      at("cancer.parquet"),
      "--stream",
      "--family",
      "binomial",
      "--nlambda",
      "20",
      ...factors,
    ]);
    expect(table.passes).toBeGreaterThan(0);
    const rows = await json([
      "path",
      at("cancer.csv"),
      "--family",
      "binomial",
      "--nlambda",
      "20",
      ...factors,
    ]);
    expect(table.lambdas.length).toBe(rows.lambdas.length);
    for (let k = 0; k < rows.lambdas.length; k++) {
      expect(table.lambdas[k]! / rows.lambdas[k]!).toBeCloseTo(1, 9);
      expect(Math.abs(table.objective![k]! - rows.objective![k]!)).toBeLessThan(1e-9 * rows.objective![k]!);
    }
  });

  it("cross-validates from each fold's statistics (one grouped scan): cv.glmnet's curve and choices", async () => {
    const cv = async (args: string[]) => {
      const outcome = await run(["cv", ...args, "--json"]);
      expect(outcome.status, outcome.stderr).toBe(0);
      return JSON.parse(outcome.stdout);
    };
    // mod folds: by the row's position in the file, as the CSV's mod rule
    const table = await cv([at("diabetes.parquet"), "--fold-rule", "mod", "--alpha", "0.5"]);
    const rows = await cv([DIABETES, "--fold-rule", "mod", "--alpha", "0.5"]);
    expect(table.cvm.length).toBe(rows.cvm.length);
    for (let k = 0; k < rows.cvm.length; k++) {
      expect(table.cvm[k] / rows.cvm[k]).toBeCloseTo(1, 9);
      expect(table.cvsd[k] / rows.cvsd[k]).toBeCloseTo(1, 7);
    }
    expect(table.lambda_min / rows.lambda_min).toBeCloseTo(1, 12);
    expect(table.lambda_1se / rows.lambda_1se).toBeCloseTo(1, 12);
    expect(table.fold_rule).toBe("mod");
    expect(table.fold_id_note).toMatch(/not listed row by row/);
    // a folder: folds by a seeded hash of each row's file and position — every row once, reproducible
    const hashed = await cv([at("parts"), "--seed", "7"]);
    expect(hashed.fold_rule).toBe("hash");
    expect(hashed.fold_sizes.reduce((a: number, b: number) => a + b, 0)).toBe(442);
    // (DuckDB sums in parallel threads: the same to rounding, not always bit for bit)
    const again = await cv([at("parts"), "--seed", "7"]);
    expect(again.fold_sizes).toEqual(hashed.fold_sizes);
    for (let k = 0; k < hashed.cvm.length; k++) expect(again.cvm[k] / hashed.cvm[k]).toBeCloseTo(1, 12);
    expect((await cv([at("parts"), "--seed", "8"])).fold_sizes).not.toEqual(hashed.fold_sizes);
    // the folds do not depend on how the path is spelled (the hash takes the file's name, not its path)
    expect((await cv([`${at("parts")}/../parts`, "--seed", "7"])).fold_sizes).toEqual(hashed.fold_sizes);
  });

  const cvRefused: [string, string[], RegExp][] = [
    [
      "mod folds over a folder",
      ["cv", at("parts"), "--fold-rule", "mod"],
      /--fold-rule mod numbers a table's rows by their position in one file/,
    ],
    [
      "mod folds over a glob",
      ["cv", at("parts/*.parquet"), "--fold-rule", "mod"],
      /--fold-rule mod numbers a table's rows by their position in one file/,
    ],
    [
      "mod folds with --where",
      ["cv", at("diabetes.parquet"), "--fold-rule", "mod", "--where", "age > 0"],
      /numbers the file's rows before --where or --na drop/,
    ],
    [
      "a multinomial CV",
      ["cv", at("cancer.parquet"), "--family", "multinomial"],
      /cross-validation over a table read through DuckDB \(Parquet, Arrow, or a CSV with --stream\) is gaussian, binomial or poisson so far/,
    ],
    [
      "--measure mae (gaussian)",
      ["cv", at("diabetes.parquet"), "--measure", "mae"],
      /a gaussian cross-validation over a table scores by deviance, mse/,
    ],
    [
      "--measure auc (gaussian): no meaning for the family, said as for rows",
      ["cv", at("diabetes.parquet"), "--measure", "auc"],
      /--measure auc has no meaning for the gaussian family/,
    ],
    [
      "--measure class (poisson)",
      ["cv", at("counts.parquet"), "--family", "poisson", "--measure", "class"],
      /--measure class has no meaning for the poisson family/,
    ],
    [
      "a fold whose own rows hold one class, under --measure auc",
      [
        "cv",
        at("aucfold.csv"),
        ...["--stream", "--family", "binomial", "--fold-rule", "mod", "--measure", "auc", "--nlambda", "4"],
      ],
      /fold 4 has no row of class 1, and AUC needs both classes in every fold/,
    ],
    [
      "a fold whose other rows hold one class",
      ["cv", at("onefold.csv"), "--stream", "--family", "binomial", "--fold-rule", "mod"],
      /the rows outside fold 1 of 10 cannot be fitted/,
    ],
    ["--foldid", ["cv", at("diabetes.parquet"), "--foldid", DIABETES], /--foldid is not available/],
    [
      "more folds than rows",
      ["cv", at("diabetes.parquet"), "--folds", "1000", "--fold-rule", "mod"],
      /fold 443 of 1000 holds no row/,
    ],
    [
      "--where on a CSV",
      ["cv", DIABETES, "--where", "age > 0"],
      /--where is for a path over a table read through DuckDB: a Parquet table .*, or a CSV with --stream/,
    ],
  ];
  itRefuses("cv refuses", cvRefused);

  it("cross-validates binomial and poisson paths by passes (K + 1 paths): the CSV's curve and choices", async () => {
    const cv = async (args: string[]) => {
      // (few folds and λ: every fold's path is passes over the table, a DuckDB statement each)
      const outcome = await run(["cv", ...args, "--fold-rule", "mod", "--json"]);
      expect(outcome.status, outcome.stderr).toBe(0);
      return JSON.parse(outcome.stdout);
    };
    for (const [table, rows, settings] of [
      [[at("cancer.parquet")], [at("cancer.csv")], ["--folds", "4", "--nlambda", "12"]],
      [[at("cancer.parquet")], [at("cancer.csv")], ["--folds", "3", "--nlambda", "5", "--measure", "class"]],
      // AUC: the fold's rows ranked by SQL at each λ, ties at their mean rank, as on rows
      [[at("cancer.parquet")], [at("cancer.csv")], ["--folds", "4", "--nlambda", "12", "--measure", "auc"]],
      [
        [at("counts.parquet"), "--offset", "log_exposure", "--exclude", "flag"],
        [COUNTS, "--offset", "log_exposure", "--exclude", "flag"],
        ["--family", "poisson", "--folds", "4", "--nlambda", "12"],
      ],
    ]) {
      const family = rows!.includes(COUNTS) ? [] : ["--family", "binomial"];
      const streamed = await cv([...table!, "--stream", ...family, ...settings!]);
      const inMemory = await cv([...rows!, ...family, ...settings!]);
      expect(streamed.rows_in_memory).toBe(false);
      // without --stream a table this small is held in memory: the CSV's cross-validation exactly
      const held = await cv([...table!, ...family, ...settings!]);
      expect(held.rows_in_memory).toBe(true);
      expect(held.cvm).toEqual(inMemory.cvm);
      expect(held.fold_sizes.reduce((a: number, b: number) => a + b, 0)).toBe(inMemory.n);
      expect(streamed.cvm.length).toBe(inMemory.cvm.length);
      for (let k = 0; k < inMemory.cvm.length; k++) {
        // both fits certified to 1e-7: the curves agree far below the folds' spread
        expect(Math.abs(streamed.cvm[k] - inMemory.cvm[k])).toBeLessThanOrEqual(
          1e-6 * inMemory.cvm[k] + 1e-12,
        );
        expect(Math.abs(streamed.cvsd[k] - inMemory.cvsd[k])).toBeLessThanOrEqual(
          1e-5 * inMemory.cvsd[k] + 1e-12,
        );
      }
      expect(streamed.lambda_min / inMemory.lambda_min).toBeCloseTo(1, 12);
      expect(streamed.lambda_1se / inMemory.lambda_1se).toBeCloseTo(1, 12);
      expect(streamed.passes).toBeGreaterThan(0);
    }
  });

  it("tells a user who hands predict a Parquet file which commands read it", async () => {
    const model = at("model.json");
    expect((await run(["path", DIABETES, "--save", model, "--out", at("model-figures")])).status).toBe(0);
    const outcome = await run(["predict", model, at("diabetes.parquet")]);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/is a Parquet file: reglab path and reglab cv read it/);
  });

  it("excludes a column whose penalty factor is ∞ in the streamed fits, as --exclude does", async () => {
    const factors = "1,1,1,1,1,1,1,inf";
    const byFactor = await json([
      "path",
      at("cancer.parquet"),
      "--family",
      "binomial",
      "--nlambda",
      "15",
      "--penalty-factor",
      factors,
    ]);
    const rows = await json([
      "path",
      at("cancer.csv"),
      "--family",
      "binomial",
      "--nlambda",
      "15",
      "--penalty-factor",
      factors,
    ]);
    expect(byFactor.lambdas.length).toBe(rows.lambdas.length);
    for (let k = 0; k < rows.lambdas.length; k++) {
      expect(byFactor.lambdas[k]! / rows.lambdas[k]!).toBeCloseTo(1, 9);
      expect(byFactor.coefs[k]![7]).toBe(0);
    }
    for (const certificate of byFactor.certificate!) expect(certificate).toBeLessThanOrEqual(1e-7);
  });

  it("fits a poisson path by IRLS passes over the table: the CSV path's λ grid, deviance and objective", async () => {
    const args = ["--family", "poisson", "--nlambda", "20", "--stream"];
    const table = await json(["path", at("counts.parquet"), ...args]);
    const rows = await json(["path", COUNTS, ...args.slice(0, -1)]);
    expect(table.passes).toBeGreaterThan(0);
    expect(table.lambdas.length).toBe(rows.lambdas.length);
    for (let k = 0; k < rows.lambdas.length; k++) {
      expect(table.lambdas[k]! / rows.lambdas[k]!).toBeCloseTo(1, 12);
      expect(Math.abs(table.objective![k]! - rows.objective![k]!)).toBeLessThan(
        1e-9 * Math.abs(rows.objective![k]!),
      );
    }
    expect(table.null_deviance / rows.null_deviance).toBeCloseTo(1, 12);
    for (const certificate of table.certificate!) expect(certificate).toBeLessThanOrEqual(1e-7);
    // with the exposure as an offset: the null model fitted with it, as glmnet's nulldev
    const exposed = ["--family", "poisson", "--offset", "log_exposure", "--nlambda", "20"];
    const withOffset = await json(["path", at("counts.parquet"), ...exposed, "--stream"]);
    const rowsWithOffset = await json(["path", COUNTS, ...exposed]);
    expect(withOffset.feature_names).toEqual(rowsWithOffset.feature_names);
    expect(withOffset.null_deviance / rowsWithOffset.null_deviance).toBeCloseTo(1, 12);
    for (let k = 0; k < rowsWithOffset.lambdas.length; k++) {
      expect(withOffset.lambdas[k]! / rowsWithOffset.lambdas[k]!).toBeCloseTo(1, 12);
      expect(withOffset.objective![k]! / rowsWithOffset.objective![k]!).toBeCloseTo(1, 9);
    }
  });

  it("drops the rows with empty cells under --na drop, and says so in Chinese too", async () => {
    const document = await json(["path", at("holes.parquet"), "--na", "drop"]);
    expect(document.n).toBe(441);
    const zh = await run(["path", at("strings.parquet")], "zh");
    expect(zh.stderr).toMatch(messagePattern("table.notNumeric", "zh"));
  });
});

describe("reglab path and cv over a CSV read through DuckDB (--stream)", () => {
  it("gives the in-memory CSV path: lasso, elastic net, weights, --where, binomial", async () => {
    for (const args of [[], ["--alpha", "0.5"]])
      expectSamePath(
        await json(["path", DIABETES, "--stream", ...args]),
        await json(["path", DIABETES, ...args]),
      );
    expectSamePath(
      await json(["path", at("weighted.csv"), "--stream", "--weights", "w"]),
      await json(["path", at("weighted.csv"), "--weights", "w"]),
    );
    // --where selects rows in the scan: the in-memory path of the rows it keeps
    expectSamePath(
      await json(["path", DIABETES, "--stream", "--where", "sex > 0"]),
      await json(["path", at("men.csv")]),
    );
    const args = ["--family", "binomial", "--nlambda", "20"];
    const table = await json(["path", at("cancer.csv"), "--stream", ...args]);
    const rows = await json(["path", at("cancer.csv"), ...args]);
    expect(table.passes).toBeGreaterThan(0);
    for (let k = 0; k < rows.lambdas.length; k++) {
      expect(table.lambdas[k]! / rows.lambdas[k]!).toBeCloseTo(1, 12);
      expect(Math.abs(table.objective![k]! - rows.objective![k]!)).toBeLessThan(1e-9 * rows.objective![k]!);
    }
  });

  it("saves a binomial model that predict reads, with its classes, as the in-memory path's", async () => {
    const args = ["--family", "binomial", "--nlambda", "20"];
    for (const [input, model] of [
      [["--stream"], "streamed.json"],
      [[], "in-memory.json"],
    ] as const) {
      const saved = await run(["path", at("cancer.csv"), ...input, ...args, "--save", at(model), "--json"]);
      expect(saved.status, saved.stderr).toBe(0);
    }
    const predicted = await Promise.all(
      ["streamed.json", "in-memory.json"].map((model) =>
        run(["predict", at(model), at("cancer.csv"), "--type", "response", "--s", "0.01"]),
      ),
    );
    for (const outcome of predicted) expect(outcome.status, outcome.stderr).toBe(0);
    const [streamed, rows] = predicted.map((outcome) => outcome.stdout.trim().split("\n").map(Number));
    expect(streamed!.length).toBe(rows!.length);
    streamed!.forEach((value, i) => {
      expect(Math.abs(value - rows![i]!)).toBeLessThan(1e-6);
    });
    const classes = await run(["predict", at("streamed.json"), at("cancer.csv"), "--type", "class"]);
    expect(classes.status, classes.stderr).toBe(0);
    expect(new Set(classes.stdout.trim().split("\n"))).toEqual(new Set(["0", "1"]));
  });

  it("cross-validates with mod folds as the in-memory CSV does (a row's position is its line)", async () => {
    const cv = async (args: string[]) => {
      const outcome = await run(["cv", ...args, "--json"]);
      expect(outcome.status, outcome.stderr).toBe(0);
      return JSON.parse(outcome.stdout);
    };
    const table = await cv([DIABETES, "--stream", "--fold-rule", "mod"]);
    const rows = await cv([DIABETES, "--fold-rule", "mod"]);
    for (let k = 0; k < rows.cvm.length; k++) expect(table.cvm[k] / rows.cvm[k]).toBeCloseTo(1, 9);
    expect(table.lambda_min / rows.lambda_min).toBeCloseTo(1, 12);
    expect(table.lambda_1se / rows.lambda_1se).toBeCloseTo(1, 12);
    const hashed = await cv([DIABETES, "--stream", "--seed", "3"]);
    expect(hashed.fold_rule).toBe("hash");
    expect(hashed.fold_sizes.reduce((a: number, b: number) => a + b, 0)).toBe(442);
  });

  itRefuses("--stream refuses", [
    [
      "a sparse file",
      ["path", resolve(import.meta.dirname, "../../data/sparse300.svm"), "--stream"],
      /--stream is not available for sparse inputs/,
    ],
    [
      "a built-in data set's name",
      ["cv", "diabetes", "--stream"],
      /--stream reads a CSV file .* diabetes is not one/,
    ],
    [
      "an empty cell, named by its row as the in-memory reader names it",
      ["path", at("holes.csv"), "--stream"],
      /holes\.csv, row 8, column 2 \('bmi'\): the cell is empty/,
    ],
    [
      "a binomial class of one row, as the in-memory path does",
      ["path", at("lonely.csv"), "--stream", "--family", "binomial"],
      /lonely\.csv: class 1 has 1 row; a classifier needs at least two rows/,
    ],
    [
      "a ragged row, named as the in-memory reader names it",
      ["path", at("ragged.csv"), "--stream"],
      /ragged\.csv, row 3: 2 cells, but the header has 3/,
    ],
    [
      "a ragged row past the rows DuckDB samples",
      ["path", at("late-ragged.csv"), "--stream"],
      /late-ragged\.csv, row 25002: 2 cells, but the header has 3/,
    ],
    [
      "a word in the target, by its row",
      ["path", at("target-word.csv"), "--stream"],
      /target-word\.csv, row 3, column 3 \('y'\): 'x' is not a number/,
    ],
    [
      "class labels as words (a table's target must be coded)",
      ["path", at("target-labels.csv"), "--stream", "--family", "binomial"],
      /target-labels\.csv: the target column 'y' holds VARCHAR, not numbers\. Recode it/,
    ],
    ["an empty file", ["path", at("empty.csv"), "--stream"], /empty\.csv is empty: it needs a header row/],
    [
      "a header without rows",
      ["path", at("header-only.csv"), "--stream"],
      /header-only\.csv has a header but no data rows/,
    ],
    [
      "a word past the rows DuckDB samples, by its row and column",
      ["path", at("late.csv"), "--stream"],
      /late\.csv, row 30002, column 'b': 'oops' is not a number/,
    ],
    [
      "a cell of words, by its row",
      ["path", at("words.csv"), "--stream"],
      /words\.csv, row 10, column 3 \('bp'\): 'n\/a' is not a number/,
    ],
    ["a file that is not there", ["path", at("absent.csv"), "--stream"], /absent\.csv/],
  ]);
});
