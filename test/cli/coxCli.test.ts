/**
 * The cox family from the command line: `--family cox` with the time and status columns
 * (--target TIME,STATUS, default time,status), glmnet's path and cv.glmnet's choices, a saved model
 * that predicts relative risks, and every misuse a clear line with exit code 2 in both languages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { itRefuses, type Refusal } from "../helpers/refusals.js";
import { freshFolder, runCli } from "../helpers/runCli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SURVIVAL = join(ROOT, "data/survival.csv");
const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet/survival-cox-lasso.json"), "utf8"));

describe("reglab path|cv|predict --family cox", () => {
  const cwd = freshFolder();
  // the same data with other column names, given by --target
  writeFileSync(
    join(cwd, "renamed.csv"),
    readFileSync(SURVIVAL, "utf8").replace("time,status", "months,died"),
  );

  it("fits glmnet's path from the time and status columns, named or by default", async () => {
    for (const args of [[SURVIVAL], ["renamed.csv", "--target", "months,died"]]) {
      const result = await runCli(
        ["path", ...args, "--family", "cox", "--json", "--out", `out-${args.length}`],
        { cwd },
      );
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.feature_names).toEqual(fixture.features);
      expect(json.lambdas.length).toBe(fixture.lambda.length);
      for (let k = 0; k < json.lambdas.length; k++) {
        expect(json.lambdas[k] / fixture.lambda[k] - 1).toBeCloseTo(0, 8);
        expect(Math.abs(json.dev_ratio[k] - fixture.dev_ratio[k])).toBeLessThan(1e-7);
      }
      expect(json.null_deviance / fixture.nulldev - 1).toBeCloseTo(0, 10);
    }
  });

  it("cross-validates by C-index as cv.glmnet, and predicts relative risks from the saved model", async () => {
    const cv = await runCli(
      [
        "cv",
        SURVIVAL,
        "--family",
        "cox",
        "--measure",
        "C",
        "--fold-rule",
        "mod",
        "--json",
        "--save",
        "cox.json",
        "--out",
        "cv",
      ],
      { cwd },
    );
    expect(cv.status).toBe(0);
    const json = JSON.parse(cv.stdout);
    expect(json.lambda_min / fixture.cv_c.lambda_min - 1).toBeCloseTo(0, 7);
    expect(json.lambda_1se / fixture.cv_c.lambda_1se - 1).toBeCloseTo(0, 7);
    const link = await runCli(["predict", "cox.json", SURVIVAL, "--type", "link", "--json"], { cwd });
    const risk = await runCli(["predict", "cox.json", SURVIVAL, "--json"], { cwd });
    const links = JSON.parse(link.stdout).predictions;
    JSON.parse(risk.stdout).predictions.forEach((value: number, i: number) => {
      expect(value).toBeCloseTo(Math.exp(links[i]), 12);
    });
  });

  const bad = freshFolder();
  writeFileSync(join(bad, "negative-time.csv"), "a,b,time,status\n1,2,3,1\n2,1,-1,0\n3,3,2,1\n");
  writeFileSync(join(bad, "status-two.csv"), "a,b,time,status\n1,2,3,1\n2,1,1,2\n3,3,2,1\n");
  writeFileSync(join(bad, "no-events.csv"), "a,b,time,status\n1,2,3,0\n2,1,1,0\n3,3,2,0\n");
  const cases: Refusal[] = [
    ["a time of −1", ["path", "negative-time.csv", "--family", "cox"], "glm.badTime"],
    ["a status of 2", ["path", "status-two.csv", "--family", "cox"], "glm.badStatus"],
    ["no event at all", ["path", "no-events.csv", "--family", "cox"], "glm.noEvents"],
    [
      "no time/status columns",
      ["path", join(ROOT, "data/diabetes.csv"), "--family", "cox"],
      "glm.coxColumns",
    ],
    ["one target column for cox", ["path", SURVIVAL, "--family", "cox", "--target", "time"], "glm.coxTarget"],
    [
      "--measure mse for cox",
      ["cv", SURVIVAL, "--family", "cox", "--measure", "mse", "--out", "x"],
      "cv.measureFamily",
    ],
    [
      "--measure C for a gaussian target",
      ["cv", join(ROOT, "data/diabetes.csv"), "--measure", "C", "--out", "y"],
      "cv.measureFamily",
    ],
  ];
  itRefuses(cases, bad);
});
