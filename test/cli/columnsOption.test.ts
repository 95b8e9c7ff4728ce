/**
 * `--columns a,b,c`: the features are those columns, in that order, and nothing else of the file is
 * read — the same path as a file holding only them, whichever reader: the CSV in memory, the CSV
 * streamed through DuckDB, an Arrow file; and a column of text outside the list is no obstacle.
 * Each misuse one clear line, exit 2, in both languages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { beforeAll, describe, expect, it } from "vitest";
import type { MessageKey } from "../../src/i18n/en.js";
import { messagePattern, run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";
import { expectSamePath, json } from "../helpers/samePath.js";

const DIABETES = resolve(import.meta.dirname, "../../data/diabetes.csv");
const folder = freshFolder();
const at = (name: string) => join(folder, name);
const CHOSEN = ["bmi", "s5", "bp"];

beforeAll(() => {
  const [header, ...lines] = readFileSync(DIABETES, "utf8").trim().split("\n");
  const names = header!.split(",");
  const cells = lines.map((line) => line.split(","));
  const pick = (wanted: string[]) =>
    cells.map((row) => wanted.map((name) => row[names.indexOf(name)]).join(",")).join("\n");
  writeFileSync(at("chosen.csv"), `${[...CHOSEN, "y"].join(",")}\n${pick([...CHOSEN, "y"])}\n`);
  // a column of words beside the numbers: read by no one when --columns leaves it out
  writeFileSync(
    at("noted.csv"),
    `note,${names.join(",")}\n${cells.map((row, i) => `patient ${i},${row.join(",")}`).join("\n")}\n`,
  );
  const columns = Object.fromEntries(
    names.map((name, j) => [name, Float64Array.from(cells, (row) => Number(row[j]))]),
  );
  writeFileSync(at("diabetes.arrow"), tableToIPC(tableFromArrays(columns), "file"));
});

describe("--columns", () => {
  it("fits the listed columns only, in their order, as a file of those columns (CSV, streamed CSV, Arrow)", async () => {
    const only = await json(["path", at("chosen.csv")]);
    const list = CHOSEN.join(",");
    for (const args of [
      [DIABETES, "--columns", list],
      [at("noted.csv"), "--columns", list],
      [at("noted.csv"), "--columns", list, "--stream"],
      [at("diabetes.arrow"), "--columns", list],
    ]) {
      const chosen = await json(["path", ...args]);
      expect(chosen.feature_names).toEqual(CHOSEN);
      expectSamePath(chosen, only);
    }
  });

  it("takes --exclude and --penalty-factor over the listed columns", async () => {
    const excluded = await json(["path", DIABETES, "--columns", CHOSEN.join(","), "--exclude", "2"]);
    for (const row of excluded.coefs) expect(row[1]).toBe(0);
    const factors = await run(["path", DIABETES, "--columns", "bmi,s5", "--penalty-factor", "1,1,1"]);
    expect(factors.status).toBe(2);
  });

  const refusals: [string, string[], MessageKey][] = [
    ["the target among them (CSV)", ["path", DIABETES, "--columns", "bmi,y"], "glm.columnsHasTarget"],
    [
      "the target among them (Arrow)",
      ["path", at("diabetes.arrow"), "--columns", "bmi,y"],
      "glm.columnsHasTarget",
    ],
    [
      "the weights among them",
      ["path", DIABETES, "--columns", "bmi,s1", "--weights", "s1"],
      "glm.columnsTaken",
    ],
    ["a column twice", ["path", DIABETES, "--columns", "bmi,s5,bmi"], "glm.columnsRepeated"],
    ["an empty name", ["path", DIABETES, "--columns", "bmi,,s5"], "error.emptyValue"],
    ["a column the CSV lacks", ["path", DIABETES, "--columns", "bmi,nope"], "data.missingColumn"],
    ["a column the table lacks", ["path", at("diabetes.arrow"), "--columns", "bmi,nope"], "table.noColumn"],
    [
      "a sparse input",
      ["path", resolve(import.meta.dirname, "../../data/sparse300.svm"), "--columns", "x1"],
      "sparse.optionNotHere",
    ],
    ["--stats", ["path", "--stats", DIABETES, "--columns", "bmi"], "table.statsIgnores"],
  ];
  for (const lang of ["en", "zh"] as const)
    for (const [what, args, key] of refusals)
      it(`refuses ${what} (${lang}): one line, exit 2`, async () => {
        const outcome = await run(args, lang);
        expect(outcome.status).toBe(2);
        expect(outcome.stderr).toMatch(messagePattern(key, lang));
        expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
      });
});
