/**
 * Class labels that are text ("M"/"R"), as a glmnet user passes a factor: coded in sorted order
 * (R's factor levels), the model glmnet fits on that factor, the mapping printed, kept in the JSON
 * and the saved model, and predicted classes named as the file names them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { messagePattern } from "../helpers/inProcessCli.js";
import { freshFolder, runCli } from "../helpers/runCli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const DATA = join(ROOT, "data");

/** A copy of a data file whose target values are replaced by names. */
function relabel(folder: string, file: string, names: string[]): string {
  const [header, ...rows] = readFileSync(join(DATA, file), "utf8").trim().split("\n");
  const text = rows.map((row) => {
    const cells = row.split(",");
    cells[cells.length - 1] = names[Number(cells.at(-1))]!;
    return cells.join(",");
  });
  writeFileSync(join(folder, file), `${header}\n${text.join("\n")}\n`);
  return file;
}

describe("text class labels", () => {
  const cwd = freshFolder();
  // 0 = malignant, 1 = benign in the file; as text, "benign" sorts first, so the coding flips
  const cancer = relabel(cwd, "breast_cancer.csv", ["malignant", "benign"]);
  const iris = relabel(cwd, "iris.csv", ["setosa", "versicolor", "virginica"]);
  const fixture = JSON.parse(
    readFileSync(join(ROOT, "test/fixtures/glmnet/breast-cancer-binomial-lasso.json"), "utf8"),
  );

  it("binomial: glmnet's model of the factor (levels sorted: the numeric fit's signs flipped), the coding printed", async () => {
    const json = JSON.parse(
      (await runCli(["path", cancer, "--family", "binomial", "--json"], { cwd })).stdout,
    );
    const numeric = JSON.parse(
      (
        await runCli(
          ["path", join(DATA, "breast_cancer.csv"), "--family", "binomial", "--json", "--out", "numeric"],
          { cwd },
        )
      ).stdout,
    );
    expect(json.classes).toEqual(["benign", "malignant"]);
    expect(json.lambdas.length).toBe(fixture.lambda.length);
    for (let k = 0; k < json.lambdas.length; k++) {
      expect(json.lambdas[k] / fixture.lambda[k] - 1).toBeCloseTo(0, 10);
      expect(json.intercepts[k]).toBeCloseTo(-numeric.intercepts[k], 5);
      for (let j = 0; j < json.p; j++) expect(json.coefs[k][j]).toBeCloseTo(-numeric.coefs[k][j], 5);
      expect(json.dev_ratio[k]).toBeCloseTo(numeric.dev_ratio[k], 9);
    }
    for (const lang of ["en", "zh"] as const) {
      const text = await runCli(
        ["path", cancer, "--family", "binomial", "--nlambda", "5", "--out", `f-${lang}`, "--lang", lang],
        { cwd },
      );
      expect(text.status).toBe(0);
      expect(text.stdout).toMatch(messagePattern("path.classLabels", lang));
      expect(text.stdout).toContain("0 = benign, 1 = malignant");
    }
  });

  it("binomial: a saved model predicts the labels themselves", async () => {
    expect(
      (
        await runCli(["path", cancer, "--family", "binomial", "--save", "cancer.json", "--out", "saved"], {
          cwd,
        })
      ).status,
    ).toBe(0);
    const model = JSON.parse(readFileSync(join(cwd, "cancer.json"), "utf8"));
    expect(model.classes).toEqual(["benign", "malignant"]);
    const predicted = (await runCli(["predict", "cancer.json", cancer, "--type", "class"], { cwd })).stdout
      .trim()
      .split("\n");
    const truth = readFileSync(join(cwd, cancer), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => row.split(",").at(-1));
    expect(new Set(predicted)).toEqual(new Set(["benign", "malignant"]));
    const agree = predicted.filter((label, i) => label === truth[i]).length;
    expect(agree / truth.length).toBeGreaterThan(0.95);
  });

  it("multinomial: class names in the JSON, the model, cv and predict; the same fit as the numeric labels", async () => {
    const named = JSON.parse(
      (
        await runCli(
          ["path", iris, "--family", "multinomial", "--json", "--save", "iris.json", "--out", "named"],
          { cwd },
        )
      ).stdout,
    );
    const numeric = JSON.parse(
      (
        await runCli(["path", join(DATA, "iris.csv"), "--family", "multinomial", "--json", "--out", "n"], {
          cwd,
        })
      ).stdout,
    );
    expect(named.classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(named.lambdas).toEqual(numeric.lambdas);
    expect(named.coefs).toEqual(numeric.coefs);
    const classes = (await runCli(["predict", "iris.json", iris, "--type", "class"], { cwd })).stdout
      .trim()
      .split("\n");
    expect(classes.slice(0, 3)).toEqual(["setosa", "setosa", "setosa"]);
    expect(new Set(classes)).toEqual(new Set(["setosa", "versicolor", "virginica"]));
    const cv = JSON.parse(
      (
        await runCli(["cv", iris, "--family", "multinomial", "--fold-rule", "mod", "--json", "--out", "cv"], {
          cwd,
        })
      ).stdout,
    );
    expect(cv.classes).toEqual(["setosa", "versicolor", "virginica"]);
  });

  it("a gaussian target that is text is still an error naming the cell", async () => {
    const result = await runCli(["path", cancer], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(messagePattern("data.notNumeric", "en"));
  });

  it("a saved model with an empty label is refused, naming the field", async () => {
    const model = JSON.parse(readFileSync(join(cwd, "cancer.json"), "utf8"));
    writeFileSync(join(cwd, "empty-label.json"), JSON.stringify({ ...model, classes: ["", "malignant"] }));
    const result = await runCli(["predict", "empty-label.json", cancer], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/classes\[0\]/);
  });
});
