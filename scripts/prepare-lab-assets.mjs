#!/usr/bin/env node
/**
 * Assets the web lab bundles (run by `npm run build:lab`, after the library build):
 * - web/public/data/*.csv: the data sets of data/, served with the page (no network at run time);
 * - web/src/generated/lab.woff2: Noto Sans SC (OFL-1.1, from npm) cut to the characters the lab
 *   can show — every message of both catalogs, ASCII and the math symbols — so Chinese renders on
 *   machines without a Chinese font, at a fraction of the full font's size.
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
console.log(
  `lab assets: data copied; font subset ${characters.length} characters, ${(woff2.length / 1024).toFixed(0)} KB`,
);
