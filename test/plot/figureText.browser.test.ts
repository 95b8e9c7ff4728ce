/**
 * The CLI's figures as a reader sees them: every SVG that `reglab article`, `path` (diabetes, a
 * 60-feature design, iris by class) and `cv` write, opened in Chromium, in English and Chinese —
 * no chart text drawn over other chart text (ticks, titles, direct labels: see chartTextClashes).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { chartTextClashes, hasChromium, launch } from "../helpers/browser.js";
import { run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";

/** 200 rows of 60 features, a third of them in the model (seeded), as a CSV. */
function sixtyFeatures(file: string): void {
  const random = createRandom(1);
  const header = [...Array.from({ length: 60 }, (_, j) => `feature_${j + 1}`), "y"].join(",");
  const rows = Array.from({ length: 200 }, () => {
    const x = Array.from({ length: 60 }, () => random.normal());
    const y = x.reduce((sum, v, j) => (j % 3 ? sum : sum + ((j % 7) + 1) * 0.3 * v), random.normal());
    return [...x, y].map((v) => v.toFixed(6)).join(",");
  });
  writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
}

describe.skipIf(!hasChromium)("the CLI's figures in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const lang of ["en", "zh"] as const)
    it(`draw no text over other text (${lang})`, { timeout: 240_000 }, async () => {
      const folder = freshFolder();
      const wide = join(folder, "wide.csv");
      sixtyFeatures(wide);
      const runs = [
        ["article", "--out", join(folder, "article")],
        ["path", "data/diabetes.csv", "--out", join(folder, "diabetes")],
        ["path", wide, "--out", join(folder, "wide")],
        ["path", "data/iris.csv", "--family", "multinomial", "--out", join(folder, "iris")],
        ["cv", "data/diabetes.csv", "--out", join(folder, "cv")],
      ];
      const svgs: string[] = [];
      for (const args of runs) {
        const outcome = await run(args, lang);
        expect(outcome.status, outcome.stderr).toBe(0);
        const out = args.at(-1)!;
        for (const name of readdirSync(out)) if (name.endsWith(".svg")) svgs.push(join(out, name));
      }
      expect(svgs.length).toBeGreaterThan(8);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const clashes: string[] = [];
      for (const file of svgs) {
        await page.setContent(`<!doctype html><body style="margin:0">${readFileSync(file, "utf8")}</body>`);
        for (const { a, b } of await chartTextClashes(page, "body"))
          clashes.push(`${file.slice(folder.length + 1)}: "${a}" over "${b}"`);
      }
      expect(clashes).toEqual([]);
      await page.close();
    });
});
