import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { saturatedShareOfInterval } from "../../src/diagnostics/saturation.js";
import { assertWellFormedSvg, decodePng } from "../helpers/images.js";
import { freshFolder, runCli, spawnCli } from "../helpers/runCli.js";

describe("reglab sigmoid", () => {
  it("writes the article's four figures and the overlay, as valid SVG and PNG, and prints the table", async () => {
    const cwd = freshFolder();
    const result = await runCli(["sigmoid"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("54.1%");
    expect(result.stdout).toContain("8.4%");
    const files = readdirSync(join(cwd, "reglab-out")).sort();
    expect(files).toEqual(
      ["0.0001", "0.0002", "0.0005", "0.001", "all"]
        .flatMap((m) => [
          `sigmoid-${m === "all" ? m : `m${m}`}.png`,
          `sigmoid-${m === "all" ? m : `m${m}`}.svg`,
        ])
        .sort(),
    );
    for (const file of files) {
      const bytes = readFileSync(join(cwd, "reglab-out", file));
      if (file.endsWith(".svg")) assertWellFormedSvg(bytes.toString("utf8"));
      else expect(decodePng(bytes).inkedPixels).toBeGreaterThan(5000);
    }
  });

  it("--json prints the documented shape, with shares that match the closed form", async () => {
    const result = await runCli(["sigmoid", "--json"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const document = JSON.parse(result.stdout);
    for (const key of ["x_min", "x_max", "points", "c", "saturation_threshold", "curves"])
      expect(document).toHaveProperty(key);
    expect(document).toMatchObject({
      x_min: -10000,
      x_max: 10000,
      points: 1001,
      c: 0,
      saturation_threshold: 0.01,
    });
    expect(document.curves.map((c: { m: number }) => c.m)).toEqual([0.001, 0.0005, 0.0002, 0.0001]);
    for (const curve of document.curves) {
      for (const key of ["m", "z_min", "z_max", "saturated_share", "max_slope", "svg", "png"])
        expect(curve).toHaveProperty(key);
      const exact = saturatedShareOfInterval(curve.m, 0, -10000, 10000, 0.01);
      expect(Math.abs(curve.saturated_share - exact)).toBeLessThan(2 / 1000);
      expect(curve.max_slope).toBe(curve.m / 4);
    }
  });

  it("takes slopes, range, points, c and threshold, and Chinese labels", async () => {
    const cwd = freshFolder();
    const result = await runCli(
      [
        "sigmoid",
        "0.01",
        "0.001",
        "--x-min",
        "-1000",
        "--x-max",
        "1000",
        "--points",
        "201",
        "--c",
        "1",
        "--saturation",
        "0.05",
        "--lang",
        "zh",
        "--out",
        "figs",
      ],
      { cwd },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("饱和比例");
    expect(readFileSync(join(cwd, "figs", "sigmoid-m0.01.svg"), "utf8")).toContain("m = 0.01 时的 σ(mx + c)");
  });

  it("prints help with examples, in English and Chinese", async () => {
    const english = await runCli(["sigmoid", "--help"]);
    expect(english.status).toBe(0);
    expect(english.stdout).toContain("--x-min <number>");
    expect(english.stdout).toContain("Examples:");
    const chinese = await runCli(["sigmoid", "--help"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(chinese.stdout).toContain("示例");
    expect((await runCli(["--help"])).stdout).toContain("descend");
  });
});

describe("reglab descend", () => {
  it("prints the table and writes its figures", async () => {
    const cwd = freshFolder();
    const result = await runCli(["descend", "--steps", "300"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("stalled");
    expect(readdirSync(join(cwd, "reglab-out")).sort()).toEqual([
      "descend-loss.png",
      "descend-loss.svg",
      "descend-outcomes.png",
      "descend-outcomes.svg",
    ]);
  });

  it("gives byte-identical --json for the same seed, and echoes the seed", async () => {
    const args = ["descend", "--json", "--steps", "500", "--seed", "7", "--out", "out"];
    const cwd = freshFolder();
    const first = await runCli(args, { cwd });
    const second = await runCli([...args, "--force"], { cwd });
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const document = JSON.parse(first.stdout);
    expect(document.seed).toBe(7);
    expect(document.runs.length).toBe(40);
    expect(
      (await runCli([...args.slice(0, -4), "--seed", "8", "--out", "out", "--force"], { cwd })).stdout,
    ).not.toBe(first.stdout);
  });
});

describe("reglab article", () => {
  it("writes the bilingual report, claims.json with C1–C3 holding, and every figure", async () => {
    const cwd = freshFolder();
    const result = await runCli(["article", "--out", "report"], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("index.html");
    const html = readFileSync(join(cwd, "report", "index.html"), "utf8");
    expect(html).toContain("Why we should always consider regularization");
    expect(html).toContain("为什么我们应该总是考虑正则化");
    expect(html).not.toMatch(/<(link|img|script)[^>]+(src|href)=["']https?:/); // self-contained
    // …down to the font: Chinese shows on a machine that has no Chinese font
    expect(html).toMatch(
      /@font-face \{ font-family: "Noto Sans SC"; src: url\(data:font\/(woff2|ttf);base64,/,
    );
    expect(html).toContain(
      '<h2 lang="zh">C1 · 权重大，sigmoid 就陡峭而饱和 — <span class="verdict holds">成立</span></h2>',
    );
    const claims = JSON.parse(readFileSync(join(cwd, "report", "claims.json"), "utf8"));
    for (const id of ["C1", "C2", "C3", "C4", "C5"]) {
      expect(claims[id].holds).toBe(true);
      expect(claims[id].title.en).toMatch(new RegExp(`^${id}`));
      expect(claims[id].title.zh).toMatch(new RegExp(`^${id}`));
    }
    expect(claims.C1.saturated_shares[0]).toBeCloseTo(542 / 1001, 15);
    const files = readdirSync(join(cwd, "report"));
    for (const name of [
      "sigmoid-all",
      "sigmoid-scale",
      "descend-loss",
      "descend-outcomes",
      "sigmoid-m0.001",
    ]) {
      expect(files).toContain(`${name}.svg`);
      expect(files).toContain(`${name}.png`);
    }
  });
});

describe("bad input", () => {
  const cases: [string, string[], RegExp][] = [
    ["a slope that is not a number", ["sigmoid", "abc"], /slope m must be a number, but got 'abc'/],
    ["negative --points", ["sigmoid", "--points", "-5"], /--points must be a whole number ≥ 2, but got '-5'/],
    ["fractional --points", ["sigmoid", "--points", "2.5"], /--points must be a whole number/],
    ["--points too large", ["sigmoid", "--points", "99999999"], /--points must be between 2 and 1000000/],
    ["an unknown option", ["sigmoid", "--bogus"], /unknown option '--bogus'/],
    [
      "an unknown command",
      ["plot"],
      /unknown command 'plot'\. Commands: sigmoid, descend, train, experiment, path, cv, predict, article/,
    ],
    ["an option without its value", ["sigmoid", "--x-min"], /option '--x-min' needs a value/],
    [
      "an empty range",
      ["sigmoid", "--x-min", "5", "--x-max", "1"],
      /--x-min \(5\) must be smaller than --x-max \(1\)/,
    ],
    ["an infinite bound", ["sigmoid", "--x-max", "Infinity"], /must be a finite number/],
    [
      "a threshold above σ's peak",
      ["sigmoid", "--saturation", "0.3"],
      /--saturation must be greater than 0 and at most 0.25/,
    ],
    [
      "a zero learning rate",
      ["descend", "--learning-rates", "0,1"],
      /--learning-rates must be greater than 0, but got '0'/,
    ],
    ["a word in a list", ["descend", "--l2", "0,x"], /--l2 must be a number, but got 'x'/],
    ["an argument to a command that takes none", ["descend", "extra"], /takes no arguments, but got 'extra'/],
    ["an unknown language", ["sigmoid", "--lang", "fr"], /--lang must be one of en, zh/],
    ["a run too large to finish", ["descend", "--steps", "10000000", "--samples", "10000000"], /too large/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: one line, exit code 2, no stack trace`, async () => {
      const result = await runCli(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/Run 'reglab.*--help' for usage\.\n$/);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("says it in Chinese under --lang zh", async () => {
    const result = await runCli(["sigmoid", "abc", "--lang", "zh"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("斜率 m 必须是数字，但收到的是 'abc'");
  });

  it("refuses an --out that is a file, and leaves the file as it was", async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, "notes.txt"), "mine");
    const result = await runCli(["sigmoid", "--out", "notes.txt"], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("the output path 'notes.txt' is a file, not a folder");
    expect(readFileSync(join(cwd, "notes.txt"), "utf8")).toBe("mine");
  });

  it("refuses an --out it cannot create", async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, "notes.txt"), "mine");
    const result = await runCli(["sigmoid", "--out", "notes.txt/figures"], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /cannot write into the output folder 'notes.txt\/figures': (ENOTDIR|EEXIST)/,
    );
  });

  it("writes nothing outside --out", async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, "sigmoid-all.svg"), "mine");
    expect((await runCli(["sigmoid", "--out", "out"], { cwd })).status).toBe(0);
    expect(readFileSync(join(cwd, "sigmoid-all.svg"), "utf8")).toBe("mine");
    expect(readdirSync(cwd).sort()).toEqual(["out", "sigmoid-all.svg"]);
  });
});

describe("the reglab binary, as a process of its own", () => {
  it("answers --version at once, and exits 2 with one line for a usage error", () => {
    const version = spawnCli(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const wrong = spawnCli(["path", "--no-such-option"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(wrong.stderr).toMatch(/unknown option '--no-such-option'/);
  });
});
