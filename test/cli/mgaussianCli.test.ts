/**
 * Several responses at once from the command line, as a glmnet user reaches for mgaussian:
 * `reglab path FILE --family mgaussian --target y,s5,s6` gives glmnet's path (its λ, %Dev and
 * nulldev; the other columns are the features), one block of coefficients per response in --json,
 * one panel per response in the figure — and every option it does not take yet a clear line with
 * exit code 2, in English and in Chinese.
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
  readFileSync(join(ROOT, "test/fixtures/glmnet/diabetes-mgaussian-lasso.json"), "utf8"),
);

describe("reglab path --family mgaussian", () => {
  it("says where a ridge path's first λ differs from glmnet's (text and --json), and stops where glmnet does", async () => {
    const cwdRidge = freshFolder();
    const args = ["path", DIABETES, "--family", "mgaussian", "--target", "y,s1", "--alpha", "0"];
    const json = await runCli([...args, "--json"], { cwd: cwdRidge });
    expect(json.status, json.stderr).toBe(0);
    const document = JSON.parse(json.stdout);
    expect(document.differs_from_glmnet).toEqual(["first_lambda_fitted"]);
    // glmnet's ridge path on these responses stops after 5 λ (test/fixtures/glmnet/mgaussian-early-stop.json)
    expect(document.lambdas).toHaveLength(5);
    const text = await runCli([...args, "--lang", "zh", "--out", "ridge"], { cwd: cwdRidge });
    expect(text.stdout).toMatch(messagePattern("path.firstLambdaNote", "zh"));
  });

  const cwd = freshFolder();

  it("fits glmnet's path: its λ, %Dev and nulldev, a block per response, the rest as features", async () => {
    const result = await runCli(
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5,s6", "--json"],
      {
        cwd,
      },
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.family).toBe("mgaussian");
    expect(json.responses).toEqual(["y", "s5", "s6"]);
    expect(json.feature_names).toEqual(fixture.features);
    expect(json.lambdas).toHaveLength(fixture.lambda.length);
    for (let l = 0; l < fixture.lambda.length; l++) {
      expect(json.lambdas[l] / fixture.lambda[l] - 1).toBeCloseTo(0, 10);
      expect(Math.abs(json.dev_ratio[l] - fixture.dev_ratio[l])).toBeLessThan(1e-6);
    }
    expect(json.null_deviance).toBeCloseTo(fixture.nulldev, 4);
    // intercepts[k][l], coefs[k][l][j]: glmnet's a0 and beta, response by response
    expect(json.coefs).toHaveLength(3);
    fixture.responses.forEach((name: string, k: number) => {
      const last = fixture.lambda.length - 1;
      expect(json.intercepts[k][last]).toBeCloseTo(fixture.a0[k][last], 2);
      json.coefs[k][last].forEach((b: number, j: number) => {
        const theirs = fixture.beta[name][j][last];
        expect(Math.abs(b - theirs)).toBeLessThan(1e-4 * Math.abs(theirs) + 1e-9);
      });
    });
    expect(json.differs_from_glmnet).toEqual([]);
    expect(json.certificate.every((c: number) => c <= json.tolerance)).toBe(true);
  });

  for (const lang of ["en", "zh"] as const)
    it(`says which responses were fitted together, with glmnet's table and a panel per response (${lang})`, async () => {
      const out = join(cwd, `figures-${lang}`);
      const result = await runCli(
        ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5,s6", "--out", out, "--lang", lang],
        { cwd },
      );
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(messagePattern("path.responses", lang));
      expect(result.stdout).toContain("y, s5, s6");
      expect(
        result.stdout.split("\n").filter((line) => /^\s*\d+\s+\d+\s+\d+\.\d\d\s/.test(line)),
      ).toHaveLength(fixture.lambda.length);
      const svg = readFileSync(join(out, "path.svg"), "utf8");
      const label = lang === "en" ? "coefficient, response" : "系数，响应";
      for (const name of ["y", "s5", "s6"]) expect(svg).toContain(`${label} ${name}`);
    });

  it("cross-validates as cv.glmnet: its λ.min and λ.1se, cvm per λ, the folds used", async () => {
    const cvFixture = JSON.parse(
      readFileSync(join(ROOT, "test/fixtures/glmnet/diabetes-mgaussian-cv.json"), "utf8"),
    );
    const result = await runCli(
      [
        "cv",
        DIABETES,
        "--family",
        "mgaussian",
        "--target",
        "y,s5,s6",
        "--fold-rule",
        "mod",
        "--measure",
        "mae",
        "--json",
      ],
      { cwd },
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    const curve = cvFixture.cv.find((c: { measure: string }) => c.measure === "mae");
    expect(json.family).toBe("mgaussian");
    expect(json.measure).toBe("mae");
    expect(json.fold_id.slice(0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2]);
    expect(json.lambda_min / curve.lambda_min - 1).toBeCloseTo(0, 12);
    expect(json.lambda_1se / curve.lambda_1se - 1).toBeCloseTo(0, 12);
    expect(Math.abs(json.cvm[10] / curve.cvm[10] - 1)).toBeLessThan(1e-6);
    // and as text: λ.min and λ.1se with their errors, the responses named
    const text = await runCli(
      [
        "cv",
        DIABETES,
        "--family",
        "mgaussian",
        "--target",
        "y,s5,s6",
        "--fold-rule",
        "mod",
        "--json",
        "--lang",
        "zh",
      ],
      { cwd },
    );
    expect(text.status).toBe(0);
    const plain = await runCli(
      [
        "cv",
        DIABETES,
        "--family",
        "mgaussian",
        "--target",
        "y,s5,s6",
        "--fold-rule",
        "mod",
        "--out",
        join(cwd, "cvfig"),
      ],
      { cwd },
    );
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(messagePattern("cv.result", "en"));
    expect(plain.stdout).toMatch(messagePattern("path.responses", "en"));
    expect(readFileSync(join(cwd, "cvfig", "cv.svg"), "utf8")).toContain("<svg");
  });

  const refusals: Refusal[] = [
    ["one response", ["path", DIABETES, "--family", "mgaussian", "--target", "y"], "glm.mgaussianTargets"],
    ["no --target", ["path", DIABETES, "--family", "mgaussian"], "glm.mgaussianTargets"],
    [
      "an empty name in the list",
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,,s5"],
      "glm.mgaussianTargets",
    ],
    [
      "a response named twice",
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5,y"],
      "glm.mgaussianRepeated",
    ],
    [
      "a response that is not a column",
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,zz"],
      "glm.noResponseColumn",
    ],
    [
      "--offset",
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5", "--offset", "s6"],
      "glm.mgaussianOption",
    ],
    [
      "--lower-limits",
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5", "--lower-limits", "0"],
      "glm.mgaussianOption",
    ],
    [
      "--relax",
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5", "--relax"],
      "glm.mgaussianOption",
    ],
    [
      "a measure for classes",
      ["cv", DIABETES, "--family", "mgaussian", "--target", "y,s5", "--measure", "class"],
      "cv.measureFamily",
    ],
    ["a sparse file", ["path", join(ROOT, "data/sparse300.svm"), "--family", "mgaussian"], "sparse.family"],
    [
      "every feature excluded by an infinite penalty factor (glmnet's error 7777)",
      [
        "path",
        DIABETES,
        "--family",
        "mgaussian",
        "--target",
        "y,s1",
        "--penalty-factor",
        Array(9).fill("inf").join(","),
      ],
      "path.noUsableFeature",
    ],
    [
      "every feature excluded by name, in cv",
      [
        "cv",
        DIABETES,
        "--family",
        "mgaussian",
        "--target",
        "y,s1",
        "--exclude",
        "age,sex,bmi,bp,s2,s3,s4,s5,s6",
      ],
      "path.noUsableFeature",
    ],
    [
      "every penalty factor 0 (glmnet's error 10000)",
      [
        "path",
        DIABETES,
        "--family",
        "mgaussian",
        "--target",
        "y,s1",
        "--penalty-factor",
        Array(9).fill("0").join(","),
      ],
      "glm.allUnpenalized",
    ],
    [
      "every penalty factor 0, one response",
      ["path", DIABETES, "--penalty-factor", Array(10).fill("0").join(",")],
      "glm.allUnpenalized",
    ],
    [
      "--objective as-written, which is glmnet's own objective here",
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5", "--objective", "as-written"],
      "glm.objectiveForFamily",
    ],
    [
      "--objective as-written for a binomial path",
      ["path", join(ROOT, "data/breast_cancer.csv"), "--family", "binomial", "--objective", "as-written"],
      "glm.objectiveForFamily",
    ],
  ];
  itRefuses(refusals, cwd);

  it("saves the model, and predict gives glmnet's ŷ for every response at any --s", async () => {
    const cvFixture = JSON.parse(
      readFileSync(join(ROOT, "test/fixtures/glmnet/diabetes-mgaussian-cv.json"), "utf8"),
    );
    const saved = await runCli(
      ["path", DIABETES, "--family", "mgaussian", "--target", "y,s5,s6", "--save", "mg.json", "--json"],
      { cwd },
    );
    expect(saved.status).toBe(0);
    expect(JSON.parse(saved.stdout).saved).toBe("mg.json");
    const lambda = cvFixture.s[1];
    const predicted = await runCli(["predict", "mg.json", DIABETES, "--s", String(lambda), "--json"], {
      cwd,
    });
    expect(predicted.status).toBe(0);
    const rows: number[][] = JSON.parse(predicted.stdout).predictions;
    expect(rows).toHaveLength(442);
    const spread = [77, 0.048, 0.048]; // the responses' standard deviations, roughly
    for (let i = 0; i < 20; i++)
      for (let k = 0; k < 3; k++)
        expect(Math.abs(rows[i]![k]! - cvFixture.prediction[1][i][k])).toBeLessThan(1e-5 * spread[k]!);
    // the model itself at s: a column per response, its name heading it
    const view = await runCli(["predict", "mg.json", "--type", "coefficients", "--s", "1", "--json"], {
      cwd,
    });
    const coefficients = JSON.parse(view.stdout);
    expect(coefficients.responses).toEqual(["y", "s5", "s6"]);
    expect(coefficients.coefficients).toHaveLength(3);
    const text = await runCli(["predict", "mg.json", "--type", "coefficients", "--s", "1", "--lang", "zh"], {
      cwd,
    });
    expect(text.stdout).toContain("响应 s5");
  });

  it("saves a cv model that predicts at its λ.1se by default", async () => {
    const saved = await runCli(
      [
        "cv",
        DIABETES,
        "--family",
        "mgaussian",
        "--target",
        "y,s5,s6",
        "--fold-rule",
        "mod",
        "--save",
        "mgcv.json",
        "--json",
      ],
      { cwd },
    );
    expect(saved.status).toBe(0);
    const oneSe = JSON.parse(saved.stdout).lambda_1se;
    const model = JSON.parse(readFileSync(join(cwd, "mgcv.json"), "utf8"));
    expect(model.family).toBe("mgaussian");
    expect(model.lambda_1se).toBe(oneSe);
    const predicted = await runCli(["predict", "mgcv.json", DIABETES, "--json"], { cwd });
    expect(JSON.parse(predicted.stdout).lambda).toBe(oneSe);
  });

  const broken: Refusal[] = [
    [
      "--type class of a multi-response model",
      ["predict", "mg.json", DIABETES, "--type", "class"],
      "predict.classOfNumber",
    ],
    ["a saved model whose responses repeat", ["predict", "twice.json", DIABETES], "model.rule.distinct"],
    ["a saved model with a block too few", ["predict", "short.json", DIABETES], "model.badShape"],
  ];
  it("writes the broken models for the refusals below", async () => {
    const model = JSON.parse(readFileSync(join(cwd, "mg.json"), "utf8"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(cwd, "twice.json"), JSON.stringify({ ...model, responses: ["y", "y", "s6"] }));
    writeFileSync(join(cwd, "short.json"), JSON.stringify({ ...model, beta: model.beta.slice(0, 2) }));
  });
  itRefuses(broken, cwd);
});
