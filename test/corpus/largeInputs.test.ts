/**
 * Sizes that once overflowed the call stack (`Math.max(...array)` past ~125,000 values): cv and
 * train on 300,000 rows end normally. And a source check keeps such spreads out of the code.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";

const ROOT = resolve(import.meta.dirname, "../..");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) && !name.endsWith(".generated.ts") ? [path] : [];
  });
}

describe("large inputs", () => {
  const folder = freshFolder();
  const file = join(folder, "rows-300k.csv");
  const lines = ["x1,x2,y"];
  for (let i = 0; i < 300_000; i++) {
    const a = Math.sin(i * 12.9898) * 0.999;
    const b = Math.cos(i * 78.233) * 0.999;
    lines.push(`${a.toFixed(5)},${b.toFixed(5)},${a * a + b * b < 0.5 ? 1 : 0}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);

  it("cv on 300,000 rows", async () => {
    const result = await run([
      "cv",
      file,
      "--family",
      "binomial",
      "--folds",
      "3",
      "--nlambda",
      "5",
      "--json",
      "--out",
      join(folder, "cv"),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).fold_id).toHaveLength(300_000);
  }, 120_000);

  it("train on 300,000 rows", async () => {
    const result = await run([
      "train",
      file,
      "--epochs",
      "1",
      "--hidden",
      "2",
      "--json",
      "--out",
      join(folder, "train"),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).epochs).toHaveLength(2);
  }, 120_000);

  it("no code spreads an array into a call's arguments (Math.max(...x) and kin)", () => {
    const offenders = ["src", "web/src", "bench", "scripts"].flatMap((folder) =>
      sourceFiles(join(ROOT, folder)).flatMap((path) =>
        readFileSync(path, "utf8")
          .split("\n")
          .map((line, k) => ({ line, where: `${path.slice(ROOT.length + 1)}:${k + 1}` }))
          .filter(({ line }) =>
            /\b(Math\.\w+|\.push|\.unshift|String\.fromCharCode)\(\s*(\w+,\s*)*\.\.\./.test(line),
          )
          .filter(({ line }) => !line.trimStart().startsWith("*") && !line.trimStart().startsWith("//"))
          .map(({ where, line }) => `${where}: ${line.trim()}`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
