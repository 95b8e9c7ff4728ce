/**
 * `reglab path` on sparse designs: an svmlight file, or a Matrix Market file with --response. The
 * same path as the library's sparse path and as the dense CSV of the same rows (λ grid, intercepts,
 * coefficients), the design reported as held (its nonzeros); `reglab cv` on the same files against
 * cv.glmnet's sparse mode; and every bad file or option one clear line with exit 2, in both languages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readMatrixMarket } from "../../src/data/readSparse.js";
import { toDenseRows } from "../../src/data/sparseMatrix.js";
import { messagePattern, run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";

const DATA = resolve(import.meta.dirname, "../../data");
const MTX = join(DATA, "sparse300.mtx");
const SVM = join(DATA, "sparse300.svm");
const folder = freshFolder();
const at = (name: string) => join(folder, name);

interface PathDocument {
  n: number;
  p: number;
  family: string;
  lambdas: number[];
  intercepts: number[];
  coefs: number[][];
  classes?: number[];
  sparse: { format: string; nonzeros: number; density: number };
}

async function json(args: string[]): Promise<PathDocument> {
  const outcome = await run([...args, "--json"]);
  expect(outcome.status, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout);
}

// a model saved from a sparse path, for the predictions and refusals below
beforeAll(async () => {
  writeFileSync(at("folds3.txt"), "1\n2\n3\n");
  writeFileSync(at("lonely.svm"), "-1 1:0.5\n+1 1:1 2:1\n+1 2:0.5\n+1 1:2\n");
  writeFileSync(at("unknown.svm"), "1 1:0.5 2000:1\n");
  const saved = await run(["path", SVM, "--family", "binomial", "--save", at("saved.json"), "--json"]);
  expect(saved.status, saved.stderr).toBe(0);
  expect(JSON.parse(saved.stdout).saved).toBe(at("saved.json"));
});

beforeAll(() => {
  // the first 60 rows and 40 columns as a dense CSV and as Matrix Market, for the CSV comparison
  const matrix = readMatrixMarket(readFileSync(MTX, "utf8"), "sparse300.mtx");
  const dense = toDenseRows(matrix);
  const y = readFileSync(join(DATA, "sparse300.y"), "utf8").trim().split("\n");
  const rows = 60;
  const columns = 40;
  const header = [...Array.from({ length: columns }, (_, j) => `x${j + 1}`), "y"].join(",");
  const lines = Array.from({ length: rows }, (_, i) =>
    [...Array.from({ length: columns }, (_, j) => dense[i * matrix.p + j]), y[i]].join(","),
  );
  writeFileSync(at("small.csv"), `${header}\n${lines.join("\n")}\n`);
  const entries: string[] = [];
  for (let j = 0; j < columns; j++)
    for (let i = 0; i < rows; i++)
      if (dense[i * matrix.p + j] !== 0) entries.push(`${i + 1} ${j + 1} ${dense[i * matrix.p + j]}`);
  writeFileSync(
    at("small.mtx"),
    `%%MatrixMarket matrix coordinate real general\n% a comment\n${rows} ${columns} ${entries.length}\n${entries.join("\n")}\n`,
  );
  writeFileSync(at("small.y"), `${y.slice(0, rows).join("\n")}\n`);
  // bad files
  writeFileSync(at("empty.mtx"), "");
  writeFileSync(at("header.mtx"), "%%MatrixMarket matrix coordinate real general\n3 3 0\n");
  writeFileSync(at("range.mtx"), "%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1.5\n4 2 2\n");
  writeFileSync(at("count.mtx"), "%%MatrixMarket matrix coordinate real general\n3 3 3\n1 1 1.5\n2 2 2\n");
  writeFileSync(at("dense.mtx"), "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n");
  writeFileSync(
    at("twice.mtx"),
    "%%MatrixMarket matrix coordinate real general\n3 3 3\n1 1 1.5\n2 2 2\n1 1 3\n",
  );
  writeFileSync(at("three.y"), "1\n2\n");
  writeFileSync(at("malformed.svm"), "1 1:0.5 3:2\n0 2:oops\n");
  writeFileSync(at("label.svm"), "1 1:0.5\nyes 2:1\n");
  writeFileSync(at("empty.svm"), "# only a comment\n\n");
  writeFileSync(at("classes.svm"), "1 1:0.5\n2 2:1\n3 1:2\n");
  writeFileSync(at("wide.svm"), "1 1:1 2:2\n2 2:1 5000000:1\n");
  writeFileSync(at("zeros.svm"), "1 1:0\n2 2:0\n3 1:0\n");
});

describe("reglab path on sparse files", () => {
  it("fits a Matrix Market design with --response as the CSV of the same rows", async () => {
    const sparse = await json(["path", at("small.mtx"), "--response", at("small.y")]);
    const dense = await json(["path", at("small.csv")]);
    expect(sparse.lambdas.length).toBe(dense.lambdas.length);
    const largest = Math.max(...dense.coefs.flat().map(Math.abs));
    sparse.lambdas.forEach((lambda, k) => {
      expect(lambda / dense.lambdas[k]! - 1).toBeCloseTo(0, 12);
      expect(Math.abs(sparse.intercepts[k]! - dense.intercepts[k]!) / largest).toBeLessThan(1e-6);
      sparse.coefs[k]!.forEach((b, j) => {
        expect(Math.abs(b - dense.coefs[k]![j]!) / largest).toBeLessThan(1e-6);
      });
    });
    expect(sparse.sparse.format).toBe("mtx");
    expect(sparse.sparse.nonzeros).toBe(readFileSync(at("small.mtx"), "utf8").trim().split("\n").length - 3);
  });

  it("fits an svmlight file's −1/+1 labels as a binomial path (class 0 = −1), as the .mtx with 0/1", async () => {
    const svm = await json(["path", SVM, "--family", "binomial", "--nlambda", "20"]);
    const mtx = await json([
      "path",
      MTX,
      "--response",
      join(DATA, "sparse300.class"),
      "--family",
      "binomial",
      "--nlambda",
      "20",
    ]);
    expect(svm.classes).toEqual([-1, 1]);
    // the first λ is λ_max: every coefficient exactly 0, df 0 (as glmnet's)
    expect(svm.coefs[0]!.every((b) => b === 0)).toBe(true);
    expect(svm.lambdas).toEqual(mtx.lambdas);
    svm.coefs.forEach((row, k) => {
      row.forEach((b, j) => {
        expect(b).toBeCloseTo(mtx.coefs[k]![j]!, 10);
      });
    });
  });

  it("fits a small design densely (faster, and said in --json) and a large one on its compressed columns", async () => {
    const small = await json(["path", SVM, "--family", "binomial", "--nlambda", "10"]);
    expect((small.sparse as { solver?: string }).solver).toMatch(/^dense/);
    // 200 rows and a column index of 60000: 1.2·10⁷ cells, past the dense route's 10⁷
    const lines = Array.from(
      { length: 200 },
      (_, i) =>
        `${(i % 5) - 2} ${(i % 50) + 1}:${1 + (i % 7)} ${1000 + (i % 13)}:${(i * 7) % 5} ${60_000 - (i % 3)}:${i % 2}`,
    );
    writeFileSync(at("wide-index.svm"), `${lines.join("\n")}\n`);
    const large = await json(["path", at("wide-index.svm"), "--nlambda", "3"]);
    expect((large.sparse as { solver?: string }).solver).toBe("coordinate descent on CSC");
    expect(large.p).toBe(60_000);
  });

  it("prints glmnet's table and how the design is held", async () => {
    const outcome = await run(["path", at("small.mtx"), "--response", at("small.y"), "--out", at("figures")]);
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/Sparse design: \d+ nonzeros/);
    expect(outcome.stdout).toMatch(/Df\s+%Dev\s+Lambda/);
    expect(readFileSync(at("figures/path.svg"), "utf8")).toContain("<svg");
  });

  const refused: [string, string[], RegExp][] = [
    [
      "an empty .mtx",
      ["path", at("empty.mtx"), "--response", at("three.y")],
      /empty\.mtx holds no matrix entries/,
    ],
    [
      "a header-only .mtx",
      ["path", at("header.mtx"), "--response", at("three.y")],
      /header\.mtx holds no matrix entries/,
    ],
    [
      "an entry out of range",
      ["path", at("range.mtx"), "--response", at("three.y")],
      /range\.mtx, line 4: the entry at row 4, column 2 is outside the 3 × 3 matrix/,
    ],
    [
      "too few entries",
      ["path", at("count.mtx"), "--response", at("three.y")],
      /count\.mtx: the size line declares 3 entries, but the file holds 2/,
    ],
    [
      "an array (dense) .mtx",
      ["path", at("dense.mtx"), "--response", at("three.y")],
      /is a Matrix Market 'array real general' matrix/,
    ],
    [
      "a cell given twice",
      ["path", at("twice.mtx"), "--response", at("three.y")],
      /twice\.mtx, line 5: row 1, column 1 already has a value \(line 3\)/,
    ],
    [
      "a response of the wrong length",
      ["path", MTX, "--response", at("three.y")],
      /three\.y has 2 values, but .*sparse300\.mtx has 300 rows/,
    ],
    ["a .mtx without --response", ["path", MTX], /is a Matrix Market file, which holds X only/],
    [
      "--response beside an svmlight file",
      ["path", SVM, "--response", at("three.y")],
      /sparse300\.svm is an svmlight file, which carries its targets/,
    ],
    [
      "--response beside a CSV",
      ["path", at("small.csv"), "--response", at("three.y")],
      /--response gives the target of a Matrix Market/,
    ],
    [
      "a malformed svmlight pair",
      ["path", at("malformed.svm")],
      /malformed\.svm, line 2: '2:oops' is not an index:value pair/,
    ],
    [
      "a label that is not a number",
      ["path", at("label.svm")],
      /label\.svm, line 2: the label 'yes' is not a number/,
    ],
    ["an svmlight file with no rows", ["path", at("empty.svm")], /empty\.svm holds no rows/],
    [
      "three classes for binomial",
      ["path", at("classes.svm"), "--family", "binomial"],
      /needs exactly two target values; found 3/,
    ],
    [
      "a class of one row, as glmnet does",
      ["path", at("lonely.svm"), "--family", "binomial"],
      /lonely\.svm: class -1 has 1 row; a classifier needs at least two rows of every class/,
    ],
    [
      "the poisson family",
      ["path", SVM, "--family", "poisson"],
      /The poisson family is not available for sparse inputs/,
    ],
    ["--weights", ["path", SVM, "--weights", "w"], /--weights is not available for sparse inputs/],
    ["--relax in cv of a sparse file", ["cv", SVM, "--relax"], /--relax is not available for sparse inputs/],
    [
      "--response beside a CSV in cv",
      ["cv", join(DATA, "diabetes.csv"), "--response", MTX],
      /--response gives the target of a Matrix Market/,
    ],
    [
      "a --foldid file of the wrong length for a sparse design",
      ["cv", SVM, "--family", "binomial", "--foldid", at("folds3.txt")],
      /folds3\.txt.*3.*300/,
    ],
    [
      "predict on a sparse file with a column the model does not have",
      ["predict", at("saved.json"), at("unknown.svm")],
      /unknown\.svm: column x2000 has values, but the model has no such feature \(its features are x1 … x1000\)/,
    ],
    [
      "predict --na on a sparse file",
      ["predict", at("saved.json"), SVM, "--na", "drop"],
      /--na is not available for sparse inputs/,
    ],
    [
      "a column past the limit",
      ["path", at("wide.svm")],
      /wide\.svm, line 2: column 5000000 is past the 2097152 columns/,
    ],
    [
      "features that are all zero",
      ["path", at("zeros.svm"), "--json"],
      /zeros\.svm: every feature is constant/,
    ],
  ];
  for (const [what, args, pattern] of refused)
    it(`refuses ${what}: one line, exit 2`, async () => {
      const outcome = await run(args);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(pattern);
      expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
    });

  it("saves a sparse path's model, and predict reads sparse files: glmnet's probabilities and classes", async () => {
    // glmnet's own fit at one of its λ, applied here to the Matrix Market rows (parsed by hand)
    const fixture = JSON.parse(
      readFileSync(resolve(import.meta.dirname, "../fixtures/glmnet/sparse300-binomial-lasso.json"), "utf8"),
    );
    const k = 30;
    const lambda = fixture.lambda[k];
    const eta = new Float64Array(300).fill(fixture.a0[k]);
    for (const line of readFileSync(MTX, "utf8").split("\n").slice(2)) {
      const [i, j, v] = line.trim().split(/\s+/).map(Number);
      if (i === undefined || !Number.isFinite(v)) continue;
      eta[i - 1]! += v! * fixture.beta[k][j! - 1];
    }
    for (const file of [SVM, MTX]) {
      const predicted = await run(["predict", at("saved.json"), file, "--s", String(lambda), "--json"]);
      expect(predicted.status, predicted.stderr).toBe(0);
      const values: number[] = JSON.parse(predicted.stdout).predictions;
      expect(values).toHaveLength(300);
      values.forEach((probability, i) => {
        expect(Math.abs(probability - 1 / (1 + Math.exp(-eta[i]!)))).toBeLessThan(1e-4);
      });
    }
    // classes by the labels the file used (svmlight's −1/+1)
    const classes = await run(["predict", at("saved.json"), SVM, "--s", String(lambda), "--type", "class"]);
    const labels = classes.stdout.trim().split("\n").map(Number);
    expect(new Set(labels)).toEqual(new Set([-1, 1]));
    expect(labels).toEqual(Array.from(eta, (value) => (value > 0 ? 1 : -1)));
  });

  it("says it in Chinese too", async () => {
    const outcome = await run(["path", MTX], "zh");
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(messagePattern("sparse.needsResponse", "zh"));
  });
});

describe("reglab cv on a sparse design", () => {
  // cv.glmnet on the same dgCMatrix, folds by position, thresh 1e-12 (scripts/make-glmnet-fixtures.R)
  const fixture = JSON.parse(
    readFileSync(resolve(import.meta.dirname, "../fixtures/glmnet/sparse300-gaussian-cv.json"), "utf8"),
  );
  it("cross-validates a Matrix Market design as cv.glmnet does: λ, cvm, λ.min, λ.1se", async () => {
    const outcome = await run([
      "cv",
      MTX,
      "--response",
      join(DATA, "sparse300.y"),
      "--measure",
      "mse",
      "--fold-rule",
      "mod",
      "--json",
    ]);
    expect(outcome.status, outcome.stderr).toBe(0);
    const cv = JSON.parse(outcome.stdout);
    expect(cv.sparse).toMatchObject({ format: "mtx", nonzeros: 6000 });
    expect(cv.lambdas).toHaveLength(fixture.lambda.length);
    cv.lambdas.forEach((lambda: number, k: number) => {
      expect(Math.abs(lambda / fixture.lambda[k] - 1)).toBeLessThan(1e-12);
    });
    // the first 60 λ (down to 6 % of λ_max): cvm within 5e-4 relative. Below, the folds' lasso
    // problems (270 rows, 1000 columns, some of them duplicates within a fold) reach fits that
    // glmnet's coordinate descent stops short of at its thresh: reglab's dense and sparse solvers
    // agree with each other there to 2e-5, glmnet's curve parts from both by up to 2 %
    for (let k = 0; k < 60; k++)
      expect(Math.abs(cv.cvm[k] / fixture.cvm[k] - 1), `λ #${k + 1}`).toBeLessThan(5e-4);
    expect(cv.lambda_min).toBeCloseTo(fixture.lambda_min, 12);
    expect(cv.lambda_1se).toBeCloseTo(fixture.lambda_1se, 12);
  });

  it("gives an svmlight file the same CV as the dense CSV of its rows (binomial), and says how it held it", async () => {
    const x = readMatrixMarket(readFileSync(MTX, "utf8"), MTX);
    const dense = toDenseRows(x);
    const labels = readFileSync(join(DATA, "sparse300.class"), "utf8").trim().split("\n");
    const header = [...Array.from({ length: x.p }, (_, j) => `x${j + 1}`), "y"].join(",");
    const rows = labels.map((label, i) => [...dense.subarray(i * x.p, (i + 1) * x.p), label].join(","));
    writeFileSync(at("sparse300-dense.csv"), `${header}\n${rows.join("\n")}\n`);
    const settings = [
      "--family",
      "binomial",
      "--fold-rule",
      "mod",
      "--nlambda",
      "20",
      "--lambda-min-ratio",
      "0.05",
      "--json",
    ];
    const [fromSparse, fromDense] = await Promise.all([
      run(["cv", SVM, ...settings]),
      run(["cv", at("sparse300-dense.csv"), ...settings]),
    ]);
    expect(fromSparse.status, fromSparse.stderr).toBe(0);
    expect(fromDense.status, fromDense.stderr).toBe(0);
    const sparse = JSON.parse(fromSparse.stdout);
    const reference = JSON.parse(fromDense.stdout);
    expect(sparse.lambda_min).toBeCloseTo(reference.lambda_min, 12);
    expect(sparse.lambda_1se).toBeCloseTo(reference.lambda_1se, 12);
    sparse.cvm.forEach((value: number, k: number) => {
      expect(Math.abs(value / reference.cvm[k] - 1)).toBeLessThan(1e-4);
    });
    const text = await run(["cv", SVM, ...settings.slice(0, -1), "--out", at("sparse-cv")]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/λ\.min = .*λ\.1se = /);
    expect(text.stdout).toMatch(/Sparse design: 6000 nonzeros \(2 % of the cells\)/);
  });
});
