/**
 * --lower-limits / --upper-limits from the command line: glmnet's bounded model (fixtures from
 * glmnet, thresh 1e-12), and every limit that cannot work refused in one line, exit code 2.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { messagePattern } from "../helpers/inProcessCli.js";
import { freshFolder, runCli } from "../helpers/runCli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const DATA = join(ROOT, "data");
const DIABETES_FILE = join(DATA, "diabetes.csv");

describe("reglab path --lower-limits / --upper-limits", () => {
  const cwd = freshFolder();
  writeFileSync(join(cwd, "upper.txt"), "inf\n100\ninf\n200\ninf\ninf\ninf\ninf\n300\ninf\n");

  it("per-feature limits from a file give glmnet's bounded path", async () => {
    const fixture = JSON.parse(
      readFileSync(join(ROOT, "test/fixtures/glmnet/diabetes-gaussian-enet-limits.json"), "utf8"),
    );
    const result = await runCli(
      ["path", join(DATA, "diabetes.csv"), "--alpha", "0.5", "--upper-limits", "upper.txt", "--json"],
      { cwd },
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    for (let k = 0; k < Math.min(json.lambdas.length, fixture.lambda.length); k++) {
      expect(json.lambdas[k] / fixture.lambda[k] - 1).toBeCloseTo(0, 10);
      expect(json.coefs[k][1]).toBeLessThanOrEqual(100);
      expect(json.coefs[k][3]).toBeLessThanOrEqual(200);
      expect(json.coefs[k][8]).toBeLessThanOrEqual(300);
      expect(Math.abs(json.dev_ratio[k] - fixture.dev_ratio[k])).toBeLessThan(2e-6);
    }
    expect(json.coefs.at(-1)[3]).toBe(200); // a limit that binds
    // where reglab differs from glmnet on purpose, the output says so
    expect(json.differs_from_glmnet).toEqual(["early_stop_under_limits"]);
    for (const lang of ["en", "zh"] as const) {
      const text = await runCli(
        ["path", DIABETES_FILE, "--lower-limits", "0", "--out", `text-${lang}`, "--lang", lang],
        { cwd },
      );
      expect(text.stdout).toMatch(messagePattern("path.limitsNote", lang));
    }
    const plain = JSON.parse(
      (await runCli(["path", DIABETES_FILE, "--json", "--out", "plain"], { cwd })).stdout,
    );
    expect(plain.differs_from_glmnet).toEqual([]);
  });

  const cases: [string, string[], Parameters<typeof messagePattern>[0]][] = [
    ["a lower limit above 0", ["--lower-limits", "1"], "glm.badLowerLimit"],
    ["an upper limit below 0", ["--upper-limits", "-0.5"], "glm.badUpperLimit"],
    ["a limit that is not a number", ["--upper-limits", "1,two,3,4,5,6,7,8,9,10"], "glm.badUpperLimit"],
    ["two limits for ten features", ["--lower-limits", "-1,-2"], "glm.limitCount"],
  ];
  for (const lang of ["en", "zh"] as const) {
    for (const [what, extra, key] of cases)
      it(`${what} (${lang}): one clear line, exit code 2`, async () => {
        const result = await runCli(["path", join(DATA, "diabetes.csv"), ...extra, "--lang", lang], { cwd });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(messagePattern(key, lang));
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
      });
    it(`limits for the multinomial family (${lang}): refused`, async () => {
      const result = await runCli(
        ["path", join(DATA, "iris.csv"), "--family", "multinomial", "--upper-limits", "1", "--lang", lang],
        { cwd },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(messagePattern("glm.limitsFamily", lang));
    });
  }
});
