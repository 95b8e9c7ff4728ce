import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { freshFolder, runCli } from "../helpers/runCli.js";

const DATA = resolve(import.meta.dirname, "../../data");

describe("reglab train", () => {
  it("trains on a 2-D set and prints per-epoch diagnostics as JSON, the same for the same seed", async () => {
    const cwd = freshFolder();
    const args = ["train", "--dataset", "spiral", "--epochs", "30", "--json", "--seed", "3"];
    const first = await runCli(args, { cwd });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe("");
    expect((await runCli([...args, "--force"], { cwd })).stdout).toBe(first.stdout);
    const document = JSON.parse(first.stdout);
    expect(document.seed).toBe(3);
    expect(document.epochs).toHaveLength(31);
    const last = document.epochs[30];
    for (const key of [
      "train_loss",
      "test_loss",
      "gap",
      "train_accuracy",
      "test_accuracy",
      "sensitivity",
      "lipschitz_bound",
      "layers",
    ]) {
      expect(last).toHaveProperty(key);
    }
    expect(last.layers).toHaveLength(3);
    for (const key of [
      "saturated_share",
      "mean_abs_dE_da",
      "mean_da_dz",
      "mean_abs_dz_dW",
      "gradient_norm",
      "weight_norm",
      "weight_max",
    ]) {
      expect(last.layers[0]).toHaveProperty(key);
    }
    expect(readdirSync(join(cwd, "reglab-out")).sort()).toEqual([
      "train-boundary.png",
      "train-boundary.svg",
      "train-curves.png",
      "train-curves.svg",
    ]);
  });

  it("trains on a CSV file, with every regularizer, and prints the layer table", async () => {
    const result = await runCli([
      "train",
      join(DATA, "breast_cancer.csv"),
      "--epochs",
      "40",
      "--l2",
      "0.001",
      "--l1",
      "1e-5",
      "--dropout",
      "0.1",
      "--max-norm",
      "3",
      "--early-stop",
      "5",
      "--batch",
      "32",
      "--optimizer",
      "momentum",
      "--lr",
      "0.01",
      "--train-ratio",
      "0.3",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("2-class classification");
    expect(result.stdout).toMatch(/layer\s+units\s+saturated/);
  });

  it("does regression with the squared loss on a continuous target", async () => {
    const result = await runCli([
      "train",
      join(DATA, "diabetes.csv"),
      "--loss",
      "squared",
      "--epochs",
      "20",
      "--json",
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).task.kind).toBe("regression");
  });

  it("speaks Chinese", async () => {
    const result = await runCli(["train", "--dataset", "xor", "--epochs", "5", "--lang", "zh"]);
    expect(result.stdout).toContain("2 类分类");
  });
});

describe("reglab experiment", () => {
  it("sweeps λ and reports the gap, as a table and as JSON", async () => {
    const result = await runCli(["experiment", "overfit", "--epochs", "50", "--lambdas", "0,0.01", "--json"]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.rows.map((r: { lambda: number }) => r.lambda)).toEqual([0, 0.01]);
    expect(document.rows[0]).toHaveProperty("sensitivity");
    expect(document.rows[0]).toHaveProperty("lipschitz_bound");
  });

  it("runs on a real data set from a CSV file", async () => {
    const result = await runCli([
      "experiment",
      "sensitivity",
      join(DATA, "breast_cancer.csv"),
      "--epochs",
      "20",
      "--lambdas",
      "0,0.01",
      "--train-ratio",
      "0.3",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("breast_cancer.csv: 171 / 398");
  });

  it("sweeps the initial scale for saturation, with and without L2", async () => {
    const result = await runCli(["experiment", "saturation", "--epochs", "20", "--scales", "1,30", "--json"]);
    const rows = JSON.parse(result.stdout).rows as { init_scale: number; initial_saturated_share: number }[];
    expect(rows).toHaveLength(4);
    const large = rows.find((r) => r.init_scale === 30)!;
    const small = rows.find((r) => r.init_scale === 1)!;
    expect(large.initial_saturated_share).toBeGreaterThan(small.initial_saturated_share);
  });
});

describe("bad input to train and experiment", () => {
  const cwd = freshFolder();
  writeFileSync(join(cwd, "bad.csv"), "a,b,y\n1,2,0\n3,oops,1\n");
  writeFileSync(join(cwd, "tiny.csv"), "a,y\n1,0\n2,1\n");
  const cases: [string, string[], RegExp][] = [
    ["a missing file", ["train", "nope.csv"], /nope\.csv: no such file/],
    ["a bad cell", ["train", "bad.csv"], /bad\.csv, row 3, column 2 \('b'\): 'oops' is not a number/],
    ["too few rows", ["train", "tiny.csv"], /2 rows are too few/],
    ["no data at all", ["train"], /give a CSV file or --dataset/],
    [
      "an unknown data set",
      ["train", "--dataset", "moons"],
      /--dataset must be one of circle, xor, gauss, spiral/,
    ],
    [
      "a zero-width layer",
      ["train", "--dataset", "xor", "--hidden", "8,0"],
      /--hidden must be a whole number ≥ 1, but got '0'/,
    ],
    [
      "a fractional width",
      ["train", "--dataset", "xor", "--hidden", "2.5"],
      /--hidden must be a whole number/,
    ],
    [
      "log loss on a continuous target",
      ["train", join(DATA, "diabetes.csv")],
      /the log loss needs class labels 0, 1, …, 19 in the target .* \(at most 20 classes\), but row 2 has .*pass --loss squared/,
    ],
    ["dropout of 1", ["train", "--dataset", "xor", "--dropout", "1"], /--dropout must be between 0 and 0.95/],
    [
      "an unknown experiment",
      ["experiment", "grokking"],
      /the experiment must be overfit, saturation or sensitivity, but got 'grokking'/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: one clear line, exit code 2`, async () => {
      const result = await runCli(args, { cwd });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
