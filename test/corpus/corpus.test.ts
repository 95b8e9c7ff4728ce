/**
 * The hostile-user corpus: every case of "nothing silent, nothing lost" as an input (made by
 * scripts/make-corpus.mjs, in inputs/) with the outcome it must have — exit 0 with finite output
 * that is right, or exit 2 with one line whose text is the catalog's message for `key`, in English
 * and in Chinese. Commands run in this process through main(), as the reglab binary runs them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { MessageKey } from "../../src/i18n/en.js";
import { lostNumbers, messagePattern, run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";

const INPUTS = resolve(import.meta.dirname, "inputs");
const DATA = resolve(import.meta.dirname, "../../data");
const input = (name: string) => join(INPUTS, name);

interface CorpusCase {
  name: string;
  args: (out: string) => string[];
  key?: MessageKey;
  /** For exit-0 cases: what must hold of the --json document. */
  check?: (document: Record<string, unknown>) => void;
  /** For exit-0 cases without --json: what the text must show. */
  text?: RegExp;
  /** Keys (array positions) where this case's document may hold null. */
  nullAt?: string[];
}

const diabetesDevRatio = async (out: string) =>
  JSON.parse((await run(["path", join(DATA, "diabetes.csv"), "--json", "--out", join(out, "ref")])).stdout)
    .dev_ratio as number[];

const CASES: CorpusCase[] = [
  // silent wrong answers, now right answers or clear errors
  { name: "a feature ×1e300", args: (o) => ["path", input("feature-1e300.csv"), "--json", "--out", o] },
  { name: "a feature ×1e-300", args: (o) => ["path", input("feature-1e-300.csv"), "--json", "--out", o] },
  {
    name: "a target ×1e300: the path's table (λ, Df, %Dev are doubles)",
    args: (o) => ["path", input("target-1e300.csv"), "--out", o],
    text: /Df\s+%Dev\s+Lambda[\s\S]*\n86 /,
  },
  {
    name: "a target ×1e300: its deviances in --json (they are not doubles)",
    args: (o) => ["path", input("target-1e300.csv"), "--json", "--out", o],
    key: "glm.devianceOutOfRange",
  },
  {
    name: "a target ×1e-300 (cv)",
    args: (o) => ["cv", input("target-1e-300.csv"), "--out", o],
    key: "glm.devianceOutOfRange",
  },
  {
    name: "a constant target",
    args: (o) => ["path", input("constant-target.csv"), "--out", o],
    key: "glm.constantTarget",
  },
  {
    name: "a constant target (cv)",
    args: (o) => ["cv", input("constant-target.csv"), "--out", o],
    key: "glm.constantTarget",
  },
  { name: "a single row", args: (o) => ["path", input("one-row.csv"), "--out", o], key: "glm.tooFewRows" },
  {
    name: "a label in one row only",
    args: (o) => ["train", input("label-in-one-row.csv"), "--epochs", "5", "--json", "--out", o],
    check: (d) => {
      const epochs = d["epochs"] as { test_loss: number }[];
      expect(epochs.every((e) => e.test_loss >= 0)).toBe(true);
    },
  },
  {
    name: "four labels, one in a single row",
    args: (o) => ["train", input("four-labels.csv"), "--epochs", "5", "--json", "--out", o],
    check: (d) => expect((d["epochs"] as { test_loss: number }[])[5]!.test_loss).toBeGreaterThanOrEqual(0),
  },
  {
    name: "fold ids with a gap",
    args: (o) => ["cv", join(DATA, "diabetes.csv"), "--foldid", input("folds-gap.txt"), "--out", o],
    key: "cv.foldGap",
  },
  {
    name: "every row in one fold",
    args: (o) => ["cv", join(DATA, "diabetes.csv"), "--foldid", input("folds-one.txt"), "--out", o],
    key: "cv.tooFewFolds",
  },
  {
    name: "a class of one row (glmnet refuses it too)",
    args: (o) => ["path", input("auc-single.csv"), "--family", "binomial", "--out", o],
    key: "glm.classOfOne",
  },
  {
    name: "a fold that holds a whole class",
    args: (o) => [
      "cv",
      input("fold-holds-class.csv"),
      "--family",
      "binomial",
      "--fold-rule",
      "mod",
      "--out",
      o,
    ],
    key: "cv.foldHoldsClass",
  },
  {
    name: "a fold whose training rows keep one row of a class",
    args: (o) => [
      "cv",
      input("fold-leaves-one.csv"),
      "--family",
      "binomial",
      "--fold-rule",
      "mod",
      "--out",
      o,
    ],
    key: "cv.foldLeavesOne",
  },
  {
    name: "auc with one row of a class",
    args: (o) => [
      "cv",
      input("auc-single.csv"),
      "--family",
      "binomial",
      "--measure",
      "auc",
      "--folds",
      "5",
      "--out",
      o,
    ],
    key: "glm.classOfOne",
  },
  {
    name: "multinomial cv on 4 rows",
    args: (o) => ["cv", input("multinomial-4rows.csv"), "--family", "multinomial", "--out", o],
    key: "cv.moreFoldsThanRows",
  },
  {
    name: "--measure class on gaussian",
    args: (o) => ["cv", join(DATA, "diabetes.csv"), "--measure", "class", "--out", o],
    key: "cv.measureFamily",
  },
  {
    name: "--measure auc on gaussian",
    args: (o) => ["cv", join(DATA, "diabetes.csv"), "--measure", "auc", "--out", o],
    key: "cv.measureFamily",
  },
  {
    name: "--measure auc on multinomial",
    args: (o) => ["cv", join(DATA, "iris.csv"), "--family", "multinomial", "--measure", "auc", "--out", o],
    key: "cv.measureFamily",
  },
  {
    name: "a sigmoid past the largest double",
    args: (o) => ["sigmoid", "1e10", "--x-min", "-1e308", "--x-max", "1e308", "--out", o],
    key: "sigmoid.overflow",
  },
  {
    name: "descend --input-scale 1e300",
    args: (o) => ["descend", "--input-scale", "1e300", "--json", "--out", o],
    check: (d) => expect((d["runs"] as { diverged: boolean }[]).some((r) => r.diverged)).toBe(true),
  },
  {
    name: "train --lr 1e6 --optimizer gd",
    args: (o) => ["train", "--dataset", "circle", "--lr", "1e6", "--optimizer", "gd", "--json", "--out", o],
    check: (d) => expect(d["diverged"]).toBe(true),
  },
  // inputs that used to be ignored
  {
    name: "a second CSV",
    args: (o) => ["path", join(DATA, "diabetes.csv"), join(DATA, "wine.csv"), "--out", o],
    key: "error.extraFile",
  },
  {
    name: "a second CSV (train)",
    args: (o) => ["train", join(DATA, "iris.csv"), join(DATA, "wine.csv"), "--out", o],
    key: "error.extraFile",
  },
  {
    name: "--dataset beside a file",
    args: (o) => ["train", join(DATA, "iris.csv"), "--dataset", "xor", "--out", o],
    key: "data.fileAndDataset",
  },
  {
    name: "--dataset beside a file (experiment)",
    args: (o) => ["experiment", "overfit", join(DATA, "iris.csv"), "--dataset", "xor", "--out", o],
    key: "data.fileAndDataset",
  },
  {
    name: "--hidden 8,,8",
    args: (o) => ["train", "--dataset", "xor", "--hidden", "8,,8", "--out", o],
    key: "error.emptyListItem",
  },
  {
    name: "--foldid beside --folds",
    args: (o) => [
      "cv",
      join(DATA, "diabetes.csv"),
      "--folds",
      "5",
      "--foldid",
      input("folds-gap.txt"),
      "--out",
      o,
    ],
    key: "cv.foldsAndFoldid",
  },
  {
    name: "--save ''",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--save", "", "--out", o],
    key: "file.emptyName",
  },
  {
    name: "--folds 443 on 442 rows",
    args: (o) => ["cv", join(DATA, "diabetes.csv"), "--folds", "443", "--out", o],
    key: "cv.moreFoldsThanRows",
  },
  {
    name: "--folds 2",
    args: (o) => ["cv", join(DATA, "diabetes.csv"), "--folds", "2", "--out", o],
    key: "error.notInteger",
  },
  // crashes that are now clear errors
  {
    name: "an empty --lambda file",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--lambda", input("empty-lambda.txt"), "--out", o],
    key: "path.emptyLambdaFile",
  },
  {
    name: "--save into a missing folder",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--save", join(o, "no/such/m.json"), "--out", o],
    key: "file.noFolder",
  },
  {
    name: "--save onto /proc",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--save", "/proc/m.json", "--out", o],
    key: "file.systemPath",
  },
  {
    name: "--hidden 1000000",
    args: (o) => ["train", "--dataset", "xor", "--hidden", "1000000", "--out", o],
    key: "error.needsMemory",
  },
  { name: "--out /proc/x", args: () => ["sigmoid", "--out", "/proc/x"], key: "file.systemPath" },
  { name: "--out /sys", args: () => ["sigmoid", "--out", "/sys/reglab"], key: "file.systemPath" },
  // files that are not what they seem
  { name: "a gzip file", args: (o) => ["path", input("data.csv.gz"), "--out", o], key: "file.compressed" },
  { name: "a UTF-16 file", args: (o) => ["path", input("utf16.csv"), "--out", o], key: "file.utf16" },
  { name: "a folder", args: (o) => ["path", INPUTS, "--out", o], key: "file.isDirectory" },
  {
    name: "a broken quote",
    args: (o) => ["path", input("quote.csv"), "--out", o],
    key: "csv.quoteNotClosed",
  },
  {
    name: "a numeric target for log loss",
    args: (o) => ["train", join(DATA, "diabetes.csv"), "--out", o],
    key: "data.notClasses",
  },
  { name: "25 classes", args: (o) => ["train", input("classes-25.csv"), "--out", o], key: "data.notClasses" },
  { name: "path without a file", args: (o) => ["path", "--out", o], key: "glm.needsData" },
  {
    name: "text class labels for a number target",
    args: (o) => ["path", input("text-labels.csv"), "--out", o],
    key: "data.notNumeric",
  },
  {
    name: "text class labels (binomial: coded, named)",
    args: (o) => [
      "path",
      input("text-labels.csv"),
      "--family",
      "binomial",
      "--nlambda",
      "5",
      "--json",
      "--out",
      o,
    ],
    check: (d) => expect(d["classes"]).toEqual(["M", "R"]),
  },
  {
    name: "mixed CR and LF line ends",
    args: (o) => ["path", input("mixed-eol.csv"), "--json", "--out", o],
    check: (d) => expect(d["n"]).toBe(5),
  },
  // from the hostile audit
  {
    name: "a column in units of 1e-320",
    args: (o) => ["path", input("feature-1e-320.csv"), "--out", o],
    key: "glm.coefficientOutOfRange",
  },
  {
    name: "a cell of 1e-400",
    args: (o) => ["path", input("cell-1e-400.csv"), "--out", o],
    key: "data.tooSmall",
  },
  {
    name: "a header that is not UTF-8",
    args: (o) => ["path", input("header-latin1.csv"), "--out", o],
    key: "file.notUtf8",
  },
  {
    name: "an option given twice",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--alpha", "1", "--alpha", "0.5", "--out", o],
    key: "error.repeatedOption",
  },
  {
    name: "a hexadecimal option value",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--alpha", "0x1", "--out", o],
    key: "error.notANumber",
  },
  {
    name: "--nlambda beside --lambda",
    args: (o) => [
      "path",
      join(DATA, "diabetes.csv"),
      "--lambda",
      input("empty-lambda.txt"),
      "--nlambda",
      "5",
      "--out",
      o,
    ],
    key: "error.ignoredOption",
  },
  {
    name: "--seed beside --fold-rule mod",
    args: (o) => ["cv", join(DATA, "diabetes.csv"), "--fold-rule", "mod", "--seed", "3", "--out", o],
    key: "error.ignoredOption",
  },
  {
    name: "--noise beside a file",
    args: (o) => ["train", join(DATA, "iris.csv"), "--noise", "0.2", "--out", o],
    key: "error.ignoredOption",
  },
  {
    name: "--target beside --dataset",
    args: (o) => ["train", "--dataset", "xor", "--target", "y", "--out", o],
    key: "error.ignoredOption",
  },
  {
    name: "--scales for overfit",
    args: (o) => ["experiment", "overfit", "--scales", "1,2", "--out", o],
    key: "error.ignoredOption",
  },
  {
    name: "--scales 1e300",
    args: (o) => ["experiment", "saturation", "--scales", "1e300", "--out", o],
    key: "error.outOfRangeExclusive",
  },
  {
    name: "--target ''",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--target", "", "--out", o],
    key: "error.emptyValue",
  },
  {
    name: "a slope twice",
    args: (o) => ["sigmoid", "0.001", "1e-3", "--out", o],
    key: "sigmoid.duplicateSlope",
  },
  {
    name: "a target of 1e300 for a network",
    args: (o) => ["train", input("target-1e300.csv"), "--loss", "squared", "--out", o],
    key: "train.extremeValues",
  },
  {
    name: "predict on rows whose target is left empty (only the model's columns are read)",
    args: () => ["predict", input("model-gaussian.json"), input("predict-empty-target.csv"), "--json"],
    check: (d) => expect((d["predictions"] as number[]).length).toBe(442),
  },
  {
    name: "a binomial path says its two classes",
    args: (o) => [
      "path",
      join(DATA, "breast_cancer.csv"),
      "--family",
      "binomial",
      "--nlambda",
      "5",
      "--json",
      "--out",
      o,
    ],
    check: (d) => expect(d["classes"]).toEqual([0, 1]),
  },
  // glmnet's per-column and per-row options
  {
    name: "--weights, --exclude and --penalty-factor with an inf",
    args: (o) => [
      "path",
      join(DATA, "iris.csv"),
      "--weights",
      "sepal_width_(cm)",
      "--exclude",
      "1",
      "--penalty-factor",
      "1,2,inf",
      "--json",
      "--out",
      o,
    ],
    check: (d) => {
      expect(d["p"]).toBe(3);
      const coefs = d["coefs"] as number[][];
      expect(coefs.every((row) => row[0] === 0 && row[2] === 0)).toBe(true);
      expect(coefs.at(-1)![1]).not.toBe(0);
    },
  },
  {
    name: "--weights naming no column",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--weights", "w", "--out", o],
    key: "glm.noWeightsColumn",
  },
  {
    name: "negative weights",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--weights", "age", "--out", o],
    key: "glm.badWeight",
  },
  {
    name: "--exclude naming no feature",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--exclude", "11", "--out", o],
    key: "glm.badExclude",
  },
  {
    name: "a negative penalty factor",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--penalty-factor", "1,-1,1,1,1,1,1,1,1,1", "--out", o],
    key: "glm.badPenaltyFactor",
  },
  {
    name: "too few penalty factors",
    args: (o) => ["path", join(DATA, "diabetes.csv"), "--penalty-factor", "1,2", "--out", o],
    key: "glm.penaltyFactorCount",
  },
  // predict
  {
    name: "predict --na keep",
    args: () => ["predict", input("model-gaussian.json"), input("na-rows.csv"), "--na", "keep", "--json"],
    nullAt: ["1"], // the row with an empty cell, kept in its place
    check: (d) => {
      const predictions = d["predictions"] as (number | null)[];
      expect(predictions.length).toBe(3);
      expect(predictions[1]).toBe(null);
    },
  },
  {
    name: "predict --type coefficients at s between two λ (glmnet's linear interpolation)",
    args: () => ["predict", input("model-gaussian.json"), "--type", "coefficients", "--s", "1.5", "--json"],
    check: (d) => {
      expect(d["intercept"]).toBe(151);
      expect(d["coefficients"]).toMatchObject({ age: 0, bmi: 400, bp: 50, s5: 100 });
      expect(d["nonzero"]).toEqual(["bmi", "bp", "s5"]);
    },
  },
  {
    name: "predict --type nonzero with a data file",
    args: () => ["predict", input("model-gaussian.json"), join(DATA, "diabetes.csv"), "--type", "nonzero"],
    key: "predict.noDataNeeded",
  },
  {
    name: "predict with an unknown family",
    args: () => ["predict", input("model-tweedie.json"), join(DATA, "diabetes.csv")],
    key: "model.unknownFamily",
  },
  {
    name: "predict with null intercepts",
    args: () => ["predict", input("model-null-a0.json"), join(DATA, "diabetes.csv")],
    key: "model.rule.type",
  },
  {
    name: "predict with a short row of beta",
    args: () => ["predict", input("model-short-beta.json"), join(DATA, "diabetes.csv")],
    key: "model.badShape",
  },
  {
    name: "predict with another version",
    args: () => ["predict", input("model-version-2.json"), join(DATA, "diabetes.csv")],
    key: "model.rule.value",
  },
  {
    name: "predict with λ in increasing order",
    args: () => ["predict", input("model-lambda-up.json"), join(DATA, "diabetes.csv")],
    key: "model.rule.decreasing",
  },
  {
    name: "predict with a feature named twice",
    args: () => ["predict", input("model-dup-names.json"), join(DATA, "diabetes.csv")],
    key: "model.rule.distinct",
  },
  {
    name: "predict with a model that is not JSON",
    args: () => ["predict", input("model-broken.json"), join(DATA, "diabetes.csv")],
    key: "model.badJson",
  },
  {
    name: "predict with a model written with a byte-order mark",
    args: () => ["predict", input("model-bom.json"), join(DATA, "diabetes.csv"), "--json"],
    check: (d) => expect((d["predictions"] as number[]).length).toBe(442),
  },
  {
    name: "predict --type class on gaussian",
    args: () => ["predict", input("model-gaussian.json"), join(DATA, "diabetes.csv"), "--type", "class"],
    key: "predict.classOfNumber",
  },
];

describe("the corpus of bad and awkward inputs", () => {
  for (const testCase of CASES) {
    for (const lang of ["en", "zh"] as const) {
      if (lang === "zh" && !testCase.key) continue;
      it(`${testCase.name} (${lang}): ${testCase.key ? `exit 2, ${testCase.key}` : "exit 0, finite and right"}`, async () => {
        const out = freshFolder();
        const result = await run(testCase.args(out), lang);
        if (testCase.key) {
          expect(result.status, result.stderr).toBe(2);
          expect(result.stdout).toBe("");
          expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
          expect(result.stderr).toMatch(messagePattern(testCase.key, lang));
          return;
        }
        expect(result.status, result.stderr).toBe(0);
        if (testCase.text) {
          expect(result.stdout).toMatch(testCase.text);
          expect(result.stdout).not.toMatch(/NaN|Infinity/);
          return;
        }
        expect(lostNumbers(result.stdout, testCase.nullAt)).toEqual([]);
        testCase.check?.(JSON.parse(result.stdout));
      });
    }
  }

  it("a feature ×1e300 explains what it explains in sensible units", async () => {
    const out = freshFolder();
    const reference = await diabetesDevRatio(out);
    const scaled = JSON.parse(
      (await run(["path", input("feature-1e300.csv"), "--json", "--out", out])).stdout,
    );
    expect(scaled.dev_ratio.length).toBe(reference.length);
    scaled.dev_ratio.forEach((value: number, k: number) => {
      expect(value).toBeCloseTo(reference[k]!, 10);
    });
  });

  it("files are not lost: a second --save, --save onto the input, figures of an earlier run", async () => {
    const out = freshFolder();
    const data = join(out, "data.csv");
    const text = readFileSync(join(DATA, "diabetes.csv"), "utf8");
    writeFileSync(data, text);
    const model = join(out, "model.json");
    expect((await run(["path", data, "--save", model, "--out", out])).status).toBe(0);
    const saved = readFileSync(model, "utf8");
    const again = await run(["path", data, "--save", model, "--out", join(out, "b")]);
    expect(again.stderr).toMatch(messagePattern("file.exists", "en"));
    expect(readFileSync(model, "utf8")).toBe(saved);
    const ontoInput = await run(["path", data, "--save", data, "--force", "--out", join(out, "c")]);
    expect(ontoInput.stderr).toMatch(messagePattern("file.isInput", "en"));
    expect(readFileSync(data, "utf8")).toBe(text);
    const figures = await run(["path", data, "--out", out]);
    expect(figures.stderr).toMatch(messagePattern("file.exists", "en"));
    const modified = statSync(join(out, "path.svg")).mtimeMs;
    const forced = await run(["path", data, "--out", out, "--force"]);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/wrote .*path\.svg/);
    expect(statSync(join(out, "path.svg")).mtimeMs).toBeGreaterThanOrEqual(modified);
  });

  it("paths that are traps: a FIFO, a loop of links, a file as a folder, a dangling link, a figure", async () => {
    const out = freshFolder();
    const at = (name: string) => join(out, name);
    execFileSync("mkfifo", [at("pipe.csv")]);
    symlinkSync(at("loop-b"), at("loop-a"));
    symlinkSync(at("loop-a"), at("loop-b"));
    writeFileSync(at("plain.txt"), "x");
    symlinkSync(at("nowhere.json"), at("dangling.json"));
    const diabetes = join(DATA, "diabetes.csv");
    const cases: [string[], MessageKey][] = [
      [["path", at("pipe.csv"), "--out", at("o1")], "file.notRegular"],
      [["path", "/dev/zero", "--out", at("o2")], "file.notRegular"],
      [["path", diabetes, "--save", at("loop-a"), "--out", at("o3")], "file.notWritable"],
      [["path", diabetes, "--save", at("plain.txt/m.json"), "--out", at("o4")], "file.notWritable"],
      [["path", diabetes, "--save", at("dangling.json"), "--out", at("o5")], "file.exists"],
      [["path", diabetes, "--save", at("o6/path.png"), "--out", at("o6"), "--force"], "file.writtenTwice"],
      [["path", diabetes, "--save", at("o7"), "--out", at("o7")], "file.targetIsFolder"],
      [["descend", "--l2", "1e308", "--out", at("o8")], "descend.startNotFinite"],
    ];
    for (const [args, key] of cases) {
      const result = await run(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(messagePattern(key, "en"));
    }
    expect(existsSync(at("o6/path.png"))).toBe(false); // refused before the figure was written
    const fresh = await run(["path", diabetes, "--out", at("o9"), "--save", at("o9/model.json")]);
    expect(fresh.status, fresh.stderr).toBe(0); // --save into the --out folder it makes
  });

  it("warnings wait for success: a failing run's only line is its error", async () => {
    const out = freshFolder();
    mkdirSync(join(out, "x"));
    // one-row.csv has ten constant columns (ten warnings) and fails on its single row
    const result = await run(["path", input("one-row.csv"), "--out", join(out, "x")]);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(messagePattern("glm.tooFewRows", "en"));
  });
});
