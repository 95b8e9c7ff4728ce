/**
 * --relax from the command line: the relaxed refits in the JSON, cv's choice of (λ, γ) as
 * cv.glmnet's, a saved model that predicts at (λ.1se, γ.1se) by default or at any --gamma, and the
 * misuses refused in one line, exit code 2, in both languages.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { messagePattern } from "../helpers/inProcessCli.js";
import { itRefuses, type Refusal } from "../helpers/refusals.js";
import { freshFolder, runCli } from "../helpers/runCli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const DIABETES = join(ROOT, "data/diabetes.csv");
const fixture = JSON.parse(
  readFileSync(join(ROOT, "test/fixtures/glmnet/diabetes-gaussian-relax.json"), "utf8"),
);

describe("reglab path|cv|predict --relax", () => {
  const cwd = freshFolder();

  it("cv --relax chooses glmnet's (λ, γ) and saves a model that predicts there", async () => {
    const result = await runCli(
      ["cv", DIABETES, "--relax", "--fold-rule", "mod", "--json", "--save", "relaxed.json", "--out", "cv"],
      { cwd },
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.relaxed_cv.lambda_min / fixture.cv.lambda_min - 1).toBeCloseTo(0, 10);
    expect(json.relaxed_cv.gamma_min).toBe(fixture.cv.gamma_min);
    expect(json.relaxed_cv.gamma_1se).toBe(fixture.cv.gamma_1se);
    expect(json.relaxed.lambdas.length).toBe(fixture.relaxed.lambda.length);
    const predicted = JSON.parse(
      (await runCli(["predict", "relaxed.json", DIABETES, "--json"], { cwd })).stdout,
    );
    expect(predicted.gamma).toBe(fixture.cv.gamma_1se);
    expect(predicted.lambda / fixture.cv.lambda_1se - 1).toBeCloseTo(0, 10);
    // γ = 1 at that λ is the lasso; γ = 0 the refit, which fits the training rows better
    const at = ["--s", String(predicted.lambda), "--json"];
    const lasso = JSON.parse(
      (await runCli(["predict", "relaxed.json", DIABETES, ...at, "--gamma", "1"], { cwd })).stdout,
    );
    const refit = JSON.parse(
      (await runCli(["predict", "relaxed.json", DIABETES, ...at, "--gamma", "0"], { cwd })).stdout,
    );
    const y = readFileSync(DIABETES, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => Number(row.split(",").at(-1)));
    const rss = (p: number[]) => p.reduce((sum, v, i) => sum + (y[i]! - v) ** 2, 0);
    expect(rss(refit.predictions)).toBeLessThan(rss(lasso.predictions));
    predicted.predictions.forEach((v: number, i: number) => {
      const mix =
        fixture.cv.gamma_1se * lasso.predictions[i] + (1 - fixture.cv.gamma_1se) * refit.predictions[i];
      expect(v).toBeCloseTo(mix, 8);
    });
  });

  const cases: Refusal[] = [
    ["--gamma without --relax", ["cv", DIABETES, "--gamma", "0.5", "--out", "a"], "cv.gammaWithoutRelax"],
    ["a γ above 1", ["cv", DIABETES, "--relax", "--gamma", "0,1.5", "--out", "b"], "cv.badGamma"],
    [
      "--relax for multinomial",
      ["path", join(ROOT, "data/iris.csv"), "--family", "multinomial", "--relax"],
      "glm.relaxFamily",
    ],
  ];
  itRefuses(cases, cwd);

  it("predict --gamma on a model without refits is refused", async () => {
    expect((await runCli(["path", DIABETES, "--save", "plain.json", "--out", "p"], { cwd })).status).toBe(0);
    const result = await runCli(["predict", "plain.json", DIABETES, "--gamma", "0.5"], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(messagePattern("predict.gammaWithoutRelax", "en"));
  });
});
