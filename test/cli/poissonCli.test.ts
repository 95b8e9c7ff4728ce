/**
 * The poisson family from the command line, as a glmnet user reaches for it: `--family poisson
 * --offset COLUMN`, the JSON's null deviance as glmnet's nulldev, a saved model that predicts with
 * the rows' own offsets, cv.glmnet's procedure — and every misuse a clear line with exit code 2, in
 * English and in Chinese.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { messagePattern } from "../helpers/inProcessCli.js";
import { itRefuses, type Refusal } from "../helpers/refusals.js";
import { freshFolder, runCli } from "../helpers/runCli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const COUNTS = join(ROOT, "data/counts.csv");
const fixtureOf = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));

describe("reglab path|cv|predict --family poisson", () => {
  const cwd = freshFolder();
  const fixture = fixtureOf("counts-poisson-offset");

  it("fits glmnet's path with offsets: its λ, its deviance explained, its nulldev", async () => {
    const result = await runCli(
      ["path", COUNTS, "--family", "poisson", "--offset", "log_exposure", "--json", "--save", "model.json"],
      { cwd },
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.family).toBe("poisson");
    expect(json.feature_names).toEqual(fixture.features); // the offset column is no feature
    expect(json.lambdas.length).toBe(fixture.lambda.length);
    json.lambdas.forEach((lambda: number, k: number) => {
      expect(lambda / fixture.lambda[k] - 1).toBeCloseTo(0, 10);
      expect(Math.abs(json.dev_ratio[k] - fixture.dev_ratio[k])).toBeLessThan(1e-6);
    });
    expect(json.null_deviance / fixture.nulldev - 1).toBeCloseTo(0, 10);
    expect(json.null_deviance_per_observation * 400).toBeCloseTo(json.null_deviance, 8);
  });

  it("predicts expected counts with each row's exposure, from the column the model was fitted with", async () => {
    const k = 18; // a λ of the path: no interpolation
    const response = await runCli(
      ["predict", "model.json", COUNTS, "--s", String(fixture.lambda[k]), "--json"],
      { cwd },
    );
    expect(response.status).toBe(0);
    const { predictions } = JSON.parse(response.stdout);
    for (let i = 0; i < 20; i++) expect(predictions[i] / fixture.response[k][i] - 1).toBeCloseTo(0, 5);
    // a file without that column: said, with what to do
    writeFileSync(
      join(cwd, "noexposure.csv"),
      `${fixture.features.join(",")}\n${fixture.features.map(() => 0).join(",")}\n`,
    );
    const missing = await runCli(["predict", "model.json", "noexposure.csv"], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(messagePattern("predict.missingOffset", "en"));
  });

  it("cross-validates as cv.glmnet with offsets: λ.min and λ.1se equal", async () => {
    const result = await runCli(
      ["cv", COUNTS, "--family", "poisson", "--offset", "log_exposure", "--fold-rule", "mod", "--json"],
      { cwd },
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.lambda_min).toBeCloseTo(fixture.lambda_min, 12);
    expect(json.lambda_1se).toBeCloseTo(fixture.lambda_1se, 12);
  });

  const bad = freshFolder();
  writeFileSync(join(bad, "negative.csv"), "a,b,y\n1,2,3\n2,1,-1\n3,3,2\n");
  writeFileSync(join(bad, "zeros.csv"), "a,b,y\n1,2,0\n2,1,0\n3,3,0\n");
  const cases: Refusal[] = [
    ["a negative count", ["path", "negative.csv", "--family", "poisson"], "glm.negativeCount"],
    ["counts all zero", ["cv", "zeros.csv", "--family", "poisson"], "glm.allZeroCounts"],
    [
      "an offset column that is not there",
      ["path", COUNTS, "--family", "poisson", "--offset", "nope"],
      "glm.noOffsetColumn",
    ],
    [
      "an offset for the multinomial family",
      ["path", join(ROOT, "data/wine.csv"), "--family", "multinomial", "--offset", "alcohol"],
      "glm.offsetFamily",
    ],
    [
      "--measure class for counts",
      ["cv", COUNTS, "--family", "poisson", "--measure", "class"],
      "cv.measureFamily",
    ],
    [
      "--measure auc for counts",
      ["cv", COUNTS, "--family", "poisson", "--measure", "auc"],
      "cv.measureFamily",
    ],
    [
      "--measure class for a gaussian target",
      ["cv", join(ROOT, "data/diabetes.csv"), "--measure", "class"],
      "cv.measureFamily",
    ],
  ];
  itRefuses(cases, bad);

  it("refuses class predictions and stray offsets for a counts model", async () => {
    const classes = await runCli(["predict", "model.json", COUNTS, "--type", "class"], { cwd });
    expect(classes.status).toBe(2);
    expect(classes.stderr).toMatch(messagePattern("predict.classOfNumber", "en"));
    const plain = await runCli(["path", COUNTS, "--family", "poisson", "--save", "plain.json", "--force"], {
      cwd,
    });
    expect(plain.status).toBe(0);
    const stray = await runCli(["predict", "plain.json", COUNTS, "--offset", "log_exposure"], { cwd });
    expect(stray.status).toBe(2);
    expect(stray.stderr).toMatch(messagePattern("predict.offsetWithoutModelOffset", "en"));
  });
});
