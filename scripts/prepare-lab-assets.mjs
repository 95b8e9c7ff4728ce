#!/usr/bin/env node
/**
 * Assets the web lab bundles (run by `npm run build:lab`, after the library build):
 * - web/public/data/*.csv: the data sets of data/, served with the page (no network at run time);
 * - web/src/generated/lab.woff2: Noto Sans SC (OFL-1.1, from npm) cut to the characters the lab
 *   can show — every message of both catalogs, ASCII and the math symbols — so Chinese renders on
 *   machines without a Chinese font, at a fraction of the full font's size;
 * - web/src/generated/lab-latin.woff2: Noto Sans (OFL-1.1, from npm) cut to the characters of the
 *   English catalogs and the symbols, the font English is set in (a glyph it lacks falls back to
 *   the CJK subset, which has every character).
 * Both are generated, never committed.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import subsetFont from "subset-font";
import { en } from "../dist/i18n/en.js";
import { labEn, labZh } from "../dist/i18n/lab.js";
import { zh } from "../dist/i18n/zh.js";

const require = createRequire(import.meta.url);
const root = new URL("../", import.meta.url);

mkdirSync(new URL("web/public/data/", root), { recursive: true });
for (const file of readdirSync(new URL("data/", root)).filter((name) => name.endsWith(".csv")))
  copyFileSync(new URL(`data/${file}`, root), new URL(`web/public/data/${file}`, root));

let ascii = "";
for (let code = 32; code < 127; code++) ascii += String.fromCharCode(code);
// math symbols, sub/superscripts, the arrows Plot puts on its axis labels (↑ →), the check mark of
// "Try this", and the combining tilde of x̃ and m̃
const symbols = "σ′λαβηεδΔ∂Σ·×−±≈≤≥→←↑↓∞‖⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉…—–“”‘’%°√✓\u0303";
const characters = [
  ...new Set(
    [
      ascii,
      symbols,
      ...Object.values(en),
      ...Object.values(zh),
      ...Object.values(labEn),
      ...Object.values(labZh),
    ].join(""),
  ),
].join("");
const fontFile = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
const woff2 = await subsetFont(readFileSync(fontFile), characters, { targetFormat: "woff2" });
mkdirSync(new URL("web/src/generated/", root), { recursive: true });
writeFileSync(new URL("web/src/generated/lab.woff2", root), woff2);
const latinCharacters = [
  ...new Set([ascii, symbols, ...Object.values(en), ...Object.values(labEn)].join("")),
].join("");
const latinFile = require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf");
const latin = await subsetFont(readFileSync(latinFile), latinCharacters, { targetFormat: "woff2" });
writeFileSync(new URL("web/src/generated/lab-latin.woff2", root), latin);
console.log(
  `lab assets: data copied; font subsets: CJK ${characters.length} characters, ${(woff2.length / 1024).toFixed(0)} KB; ` +
    `Latin ${latinCharacters.length} characters, ${(latin.length / 1024).toFixed(0)} KB`,
);
