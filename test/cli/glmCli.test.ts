import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { freshFolder, runCli } from "../helpers/runCli.js";

const DATA = resolve(import.meta.dirname, "../../data");
const FIXTURES = resolve(import.meta.dirname, "../fixtures/glmnet");

describe("reglab path", () => {
  it("prints glmnet's summary and writes the coefficient path figure", async () => {
    const cwd = freshFolder();
    const result = await runCli(["path", join(DATA, "diabetes.csv")], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/gaussian, α = 1, 442 rows, 10 features; 86 λ values/);
    expect(result.stdout).toMatch(/Df\s+%Dev\s+Lambda/);
    expect(existsSync(join(cwd, "reglab-out", "path.svg"))).toBe(true);
    expect(existsSync(join(cwd, "reglab-out", "path.png"))).toBe(true);
  });

  it("--tolerance sets the certificate every λ is solved to, and the JSON reports it beside each λ's", async () => {
    const iris = join(DATA, "iris.csv");
    const exact = JSON.parse((await runCli(["path", iris, "--family", "multinomial", "--json"])).stdout);
    expect(exact.tolerance).toBe(1e-7);
    const loose = await runCli(["path", iris, "--family", "multinomial", "--tolerance", "1e-4", "--json"]);
    expect(loose.status).toBe(0);
    const document = JSON.parse(loose.stdout);
    expect(document.tolerance).toBe(1e-4);
    for (const certificate of document.certificate) expect(certificate).toBeLessThanOrEqual(1e-4);
    // looser: some λ stop above the exact fit's certificate, and no objective is below the exact one's
    expect(Math.max(...document.certificate)).toBeGreaterThan(Math.max(...exact.certificate));
    for (const [k, objective] of document.objective.entries())
      expect(objective).toBeGreaterThanOrEqual(exact.objective[k] - 1e-12 * Math.abs(exact.objective[k]));
    for (const bad of ["0", "-1e-5", "0.5"]) {
      const refused = await runCli(["path", iris, "--tolerance", bad]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/--tolerance/);
    }
  });

  it("the text output says how exactly each λ was solved and that glmnet's default stops earlier", async () => {
    const iris = join(DATA, "iris.csv");
    for (const [lang, tolerance, glmnet] of [
      ["en", "1e-7", /glmnet's default rule stops earlier/],
      ["zh", "1e-6", /glmnet 的默认停止规则停得更早/],
    ] as const) {
      const args = ["path", iris, "--family", "multinomial", "--tolerance", tolerance];
      const text = await runCli([...args, "--lang", lang], { cwd: freshFolder() });
      const document = JSON.parse((await runCli([...args, "--json"])).stdout);
      const largest = Math.max(...document.certificate).toExponential(1);
      const line = text.stdout.split("\n")[1]!;
      expect(line).toContain(`≤ ${tolerance}`);
      expect(line).toContain(largest);
      expect(line).toMatch(glmnet);
    }
    // at glmnet's order of certificate there is no difference to point out
    const loose = await runCli(["path", iris, "--family", "multinomial", "--tolerance", "1e-4"], {
      cwd: freshFolder(),
    });
    expect(loose.stdout).not.toMatch(/glmnet's default rule/);
    // mgaussian says it too, before its responses
    const both = await runCli(
      ["path", join(DATA, "diabetes.csv"), "--family", "mgaussian", "--target", "s6,y"],
      {
        cwd: freshFolder(),
      },
    );
    expect(both.stdout.split("\n")[1]).toMatch(/certificate ≤ 1e-7.*glmnet's default rule stops earlier/);
  });

  it("--json without --out prints the numbers only: no figure drawn, no folder made, and says so", async () => {
    for (const command of ["path", "cv"]) {
      const cwd = freshFolder();
      const result = await runCli([command, join(DATA, "diabetes.csv"), "--json"], { cwd });
      expect(result.status).toBe(0);
      const document = JSON.parse(result.stdout);
      expect(document.figures).toEqual({});
      expect(document.figures_note).toMatch(/no figure drawn: with --json and no --out/);
      expect(existsSync(join(cwd, "reglab-out"))).toBe(false);
      // with --out, the figure is drawn and listed as before
      const drawn = await runCli([command, join(DATA, "diabetes.csv"), "--json", "--out", "figs"], { cwd });
      const listed = JSON.parse(drawn.stdout).figures[command];
      expect(listed.svg).toBe(join("figs", `${command}.svg`));
      expect(existsSync(join(cwd, "figs", `${command}.png`))).toBe(true);
      expect(JSON.parse(drawn.stdout).figures_note).toBeUndefined();
    }
    const zh = await runCli(["path", join(DATA, "diabetes.csv"), "--json", "--lang", "zh"], {
      cwd: freshFolder(),
    });
    expect(JSON.parse(zh.stdout).figures_note).toMatch(/未绘制图形/);
  });

  it("--json has the documented keys, glmnet's λ sequence, and coefs[k][j] on the original scale", async () => {
    const result = await runCli([
      "path",
      join(DATA, "breast_cancer.csv"),
      "--family",
      "binomial",
      "--alpha",
      "0.5",
      "--nlambda",
      "30",
      "--json",
    ]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    for (const key of [
      "family",
      "alpha",
      "n",
      "p",
      "feature_names",
      "lambdas",
      "intercepts",
      "coefs",
      "dev_ratio",
      "df",
      "objective",
      "fit_seconds",
    ]) {
      expect(document).toHaveProperty(key);
    }
    expect(document.coefs).toHaveLength(document.lambdas.length);
    expect(document.coefs[0]).toHaveLength(30);
    const fixture = JSON.parse(readFileSync(join(FIXTURES, "breast-cancer-binomial-enet.json"), "utf8"));
    expect(document.lambdas[0] / fixture.lambda[0] - 1).toBeCloseTo(0, 12);
  });

  it("takes a λ file, fits without standardization or intercept, and saves a model for predict", async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, "lambdas.txt"), "10\n1\n0.1\n");
    const fit = await runCli(
      [
        "path",
        join(DATA, "diabetes.csv"),
        "--lambda",
        "lambdas.txt",
        "--no-intercept",
        "--no-standardize",
        "--json",
        "--save",
        "model.json",
      ],
      { cwd },
    );
    expect(fit.status).toBe(0);
    const document = JSON.parse(fit.stdout);
    expect(document.lambdas).toEqual([10, 1, 0.1]);
    expect(document.intercepts).toEqual([0, 0, 0]);
    const predicted = await runCli(["predict", "model.json", join(DATA, "diabetes.csv"), "--s", "1"], {
      cwd,
    });
    expect(predicted.status).toBe(0);
    expect(predicted.stdout.trim().split("\n")).toHaveLength(442);
  });
});

describe("reglab cv", () => {
  it("picks glmnet's λ.min and λ.1se with the mod rule, and its --json adds the CV curve", async () => {
    const result = await runCli(["cv", join(DATA, "diabetes.csv"), "--fold-rule", "mod", "--json"]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    const fixture = JSON.parse(readFileSync(join(FIXTURES, "diabetes-gaussian-lasso.json"), "utf8"));
    expect(document.lambda_min / fixture.lambda_min - 1).toBeCloseTo(0, 10);
    expect(document.lambda_1se / fixture.lambda_1se - 1).toBeCloseTo(0, 10);
    expect(document.cvm).toHaveLength(document.lambdas.length);
    expect(document.cvsd).toHaveLength(document.lambdas.length);
  });

  it("takes fold ids from a file, and saves a model that predicts at λ.1se", async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, "folds.txt"), Array.from({ length: 442 }, (_, i) => (i % 5) + 1).join("\n"));
    const result = await runCli(
      ["cv", join(DATA, "diabetes.csv"), "--foldid", "folds.txt", "--save", "cv.json"],
      {
        cwd,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/λ\.min = .*λ\.1se = /);
    const predicted = JSON.parse(
      (await runCli(["predict", "cv.json", join(DATA, "diabetes.csv"), "--json"], { cwd })).stdout,
    );
    expect(predicted.lambda).toBe(JSON.parse(readFileSync(join(cwd, "cv.json"), "utf8")).lambda_1se);
  });

  it("predicts classes with the data's own labels", async () => {
    const cwd = freshFolder();
    const labelled = readFileSync(join(DATA, "breast_cancer.csv"), "utf8")
      .split("\n")
      .map((line, i) =>
        i === 0 || line === "" ? line : line.replace(/,([01])$/, (_, c) => (c === "1" ? ",7" : ",3")),
      )
      .join("\n");
    writeFileSync(join(cwd, "labels.csv"), labelled);
    expect(
      (
        await runCli(["path", "labels.csv", "--family", "binomial", "--nlambda", "10", "--save", "m.json"], {
          cwd,
        })
      ).status,
    ).toBe(0);
    const classes = new Set(
      (await runCli(["predict", "m.json", "labels.csv", "--type", "class"], { cwd })).stdout
        .trim()
        .split("\n"),
    );
    expect([...classes].sort()).toEqual(["3", "7"]);
  });
});

describe("bad input to path, cv and predict", () => {
  const cwd = freshFolder();
  writeFileSync(join(cwd, "three.csv"), "a,y\n1,0\n2,1\n3,2\n");
  writeFileSync(join(cwd, "lambdas.txt"), "1\n-2\n");
  writeFileSync(join(cwd, "folds.txt"), "1\n2\n");
  writeFileSync(join(cwd, "exists.json"), "{}");
  writeFileSync(join(cwd, "notamodel.json"), '{"hello": 1}');
  const cases: [string, string[], RegExp][] = [
    [
      "a binomial target with three classes",
      ["path", "three.csv", "--family", "binomial"],
      /the binomial family needs a target with two classes, but 'y' has 3 different values/,
    ],
    [
      "an α above 1",
      ["path", join(DATA, "diabetes.csv"), "--alpha", "1.5"],
      /--alpha must be between 0 and 1/,
    ],
    [
      "a negative λ in the λ file",
      ["path", join(DATA, "diabetes.csv"), "--lambda", "lambdas.txt"],
      /lambdas\.txt, row 2: '-2' is not a positive number/,
    ],
    [
      "a fold file of the wrong length",
      ["cv", join(DATA, "diabetes.csv"), "--foldid", "folds.txt"],
      /folds\.txt has 2 fold ids, but the data have 442 rows/,
    ],
    [
      "an unknown measure",
      ["cv", join(DATA, "diabetes.csv"), "--measure", "r2"],
      /--measure must be one of deviance, mse, mae, class, auc/,
    ],
    [
      "--save onto an existing file",
      ["path", join(DATA, "diabetes.csv"), "--save", "exists.json"],
      /'exists\.json' exists already\. Pass --force to replace it/,
    ],
    [
      "a model that is not one",
      ["predict", "notamodel.json", join(DATA, "diabetes.csv")],
      /notamodel\.json is not a reglab model/,
    ],
    ["predict without a data file", ["predict", "notamodel.json"], /give the model file and a data file/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: one clear line, exit code 2`, async () => {
      const result = await runCli(args, { cwd });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    });
  }

  it("leaves an existing --save target untouched", async () => {
    expect(readFileSync(join(cwd, "exists.json"), "utf8")).toBe("{}");
  });
});

describe("the multinomial family on the command line", () => {
  it("path --json holds one block of intercepts and coefficients per class", async () => {
    const result = await runCli([
      "path",
      join(DATA, "iris.csv"),
      "--family",
      "multinomial",
      "--nlambda",
      "20",
      "--json",
    ]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.family).toBe("multinomial");
    expect(document.classes).toEqual([0, 1, 2]);
    const L = document.lambdas.length;
    expect(document.intercepts).toHaveLength(3);
    expect(document.coefs).toHaveLength(3);
    for (let c = 0; c < 3; c++) {
      expect(document.intercepts[c]).toHaveLength(L);
      expect(document.coefs[c]).toHaveLength(L);
      expect(document.coefs[c][0]).toHaveLength(4);
    }
    expect(document.objective).toHaveLength(L);
  });

  it("cv saves a model that predict reads: probabilities per class, and class labels", async () => {
    const cwd = freshFolder();
    const saved = join(cwd, "iris-model.json");
    const cv = await runCli(
      ["cv", join(DATA, "iris.csv"), "--family", "multinomial", "--fold-rule", "mod", "--save", saved],
      { cwd },
    );
    expect(cv.status).toBe(0);
    expect(cv.stdout).toMatch(/λ\.min/);
    expect(existsSync(join(cwd, "reglab-out", "cv.svg"))).toBe(true);
    const classes = await runCli(["predict", saved, join(DATA, "iris.csv"), "--type", "class"], { cwd });
    expect(classes.status).toBe(0);
    const labels = classes.stdout.trim().split("\n").map(Number);
    const truth = readFileSync(join(DATA, "iris.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => Number(line.split(",").at(-1)));
    const correct = labels.filter((label, i) => label === truth[i]).length;
    expect(correct / truth.length).toBeGreaterThan(0.9);
    const response = await runCli(["predict", saved, join(DATA, "iris.csv"), "--json"], { cwd });
    const rows = JSON.parse(response.stdout).predictions as number[][];
    expect(rows[0]).toHaveLength(3);
    for (const row of rows) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("refuses a numeric target with a clear message", async () => {
    const result = await runCli(["path", join(DATA, "diabetes.csv"), "--family", "multinomial"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/diabetes\.csv: the multinomial family needs a target of class labels/);
    expect(result.stderr).not.toMatch(/at .*\.js/);
  });
});
