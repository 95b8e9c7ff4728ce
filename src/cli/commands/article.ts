/**
 * `reglab article`: runs every experiment of the article and writes the bilingual report
 * (index.html), the measured claims (claims.json) and every figure as SVG and PNG.
 */

import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { articleClaims } from "../../experiments/claims.js";
import { formatNumber } from "../../i18n/format.js";
import { LANGS, type Lang, type Translator, translator } from "../../i18n/translate.js";
import { lossFigure, outcomeFigure } from "../../plot/descendFigures.js";
import { SWEEP_FIGURE_METRICS, sweepFigure } from "../../plot/networkFigures.js";
import { scaleFigure, sigmoidFigure, sigmoidOverlayFigure } from "../../plot/sigmoidFigures.js";
import { articleReport, type ReportFigures } from "../../report/articleReport.js";
import { claimsDocument } from "../../report/claimsDocument.js";
import { type CommandSpec, OUTPUT_OPTIONS, SEED_OPTION } from "../command.js";
import { finiteJson } from "../jsonOutput.js";
import { openOutputFolder } from "../outputFolder.js";
import { readCsvDataset } from "../readCsv.js";
import { fontSubsetFor, nodeDocument } from "../render.js";
import { reglabVersion } from "../version.js";
import { writeFigure } from "../writeFigure.js";

/** File names of the figures, shared by the report, claims.json and the files written. */
const FIGURE_NAMES = {
  C1: "sigmoid-all",
  C2: "descend-loss",
  C3: "descend-outcomes",
  C4: "experiment-sensitivity",
  C5: "experiment-overfit",
  scale: "sigmoid-scale",
} as const;

/** The real data set of claims C4 and C5, shipped with reglab (see data/README.md). */
const REAL_DATA = fileURLToPath(new URL("../../../data/breast_cancer.csv", import.meta.url));

export const articleCommand: CommandSpec = {
  name: "article",
  description: "article.description",
  options: [SEED_OPTION, ...OUTPUT_OPTIONS],
  examples: [
    { command: "reglab article --out reglab-out --lang zh", description: "article.example.default" },
  ],
  async run({ options }, { lang, t, json, out }) {
    const seed = options["seed"] as number;
    const folder = openOutputFolder(options["out"] as string, options["force"] === true);
    const realData = { ...readCsvDataset(REAL_DATA), source: "breast_cancer.csv" };
    const claims = articleClaims({ seed, realData });
    const document = nodeDocument();
    const translators = Object.fromEntries(LANGS.map((l) => [l, translator(l)])) as Record<Lang, Translator>;
    const figuresIn = (tl: Translator): ReportFigures => ({
      claims: {
        C1: sigmoidOverlayFigure(claims.curves, tl, document),
        C2: lossFigure(claims.descent, tl, document),
        C3: outcomeFigure(claims.descent, tl, document),
        C4: sweepFigure(
          claims.toySweep,
          SWEEP_FIGURE_METRICS.sensitivity,
          "lambda",
          claims.toyName,
          tl,
          document,
        ),
        C5: sweepFigure(
          claims.toySweep,
          SWEEP_FIGURE_METRICS.overfit,
          "lambda",
          claims.toyName,
          tl,
          document,
        ),
      },
      slopes: claims.curves.curves.map((_, i) => sigmoidFigure(claims.curves, i, tl, document)),
      scale: scaleFigure(claims.curves, tl, document),
    });
    const figures = Object.fromEntries(LANGS.map((l) => [l, figuresIn(translators[l])])) as Record<
      Lang,
      ReportFigures
    >;

    // Files in the user's language; the report carries both languages inline.
    const mine = figures[lang];
    const slopes = [];
    for (const [i, curve] of claims.curves.curves.entries()) {
      slopes.push(await writeFigure(folder, `sigmoid-m${formatNumber(curve.m, 6)}`, mine.slopes[i]!));
    }
    const files = {
      C1: await writeFigure(folder, FIGURE_NAMES.C1, mine.claims.C1),
      C2: await writeFigure(folder, FIGURE_NAMES.C2, mine.claims.C2),
      C3: await writeFigure(folder, FIGURE_NAMES.C3, mine.claims.C3),
      C4: await writeFigure(folder, FIGURE_NAMES.C4, mine.claims.C4),
      C5: await writeFigure(folder, FIGURE_NAMES.C5, mine.claims.C5),
      scale: await writeFigure(folder, FIGURE_NAMES.scale, mine.scale),
      slopes,
    };
    const version = reglabVersion();
    const claimsJson = claimsDocument(
      claims,
      translators,
      {
        C1: `${FIGURE_NAMES.C1}.svg`,
        C2: `${FIGURE_NAMES.C2}.svg`,
        C3: `${FIGURE_NAMES.C3}.svg`,
        C4: `${FIGURE_NAMES.C4}.svg`,
        C5: `${FIGURE_NAMES.C5}.svg`,
      },
      { version, seed, lang },
    );
    const claimsPath = folder.write("claims.json", `${finiteJson(claimsJson, 2)}\n`);
    // The page embeds the font cut down to its own characters, so Chinese shows everywhere.
    const reportInput = { claims, figures, translators, defaultLang: lang, version, seed };
    const font = await fontSubsetFor(articleReport(reportInput));
    const embeddedFont = { base64: font.bytes.toString("base64"), format: font.format };
    const reportPath = folder.write("index.html", articleReport({ ...reportInput, embeddedFont }));

    if (json) {
      out(
        `${finiteJson({ report: reportPath, claims_file: claimsPath, claims: claimsJson, figures: files }, 2)}\n`,
      );
      return;
    }
    out(`${t("article.written", { path: reportPath })}\n`);
    out(`${t("article.claimsWritten", { path: claimsPath })}\n`);
    out(`${t("article.open", { url: pathToFileURL(resolve(reportPath)).href })}\n`);
  },
};
