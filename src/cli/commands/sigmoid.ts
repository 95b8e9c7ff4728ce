/** `reglab sigmoid [m ...]`: the article's plot_sigmoid figures with their saturation measured. */

import { ARTICLE_SLOPES, sigmoidCurves } from "../../experiments/sigmoidCurves.js";
import { formatNumber, formatShare } from "../../i18n/format.js";
import { sigmoidFigure, sigmoidOverlayFigure } from "../../plot/sigmoidFigures.js";
import { type CommandSpec, OUTPUT_OPTIONS, SATURATION_OPTION } from "../command.js";
import { UsageError } from "../errors.js";
import { finiteJson } from "../jsonOutput.js";
import { parseNumber } from "../optionTable.js";
import { openOutputFolder } from "../outputFolder.js";
import { nodeDocument } from "../render.js";
import { formatTable } from "../table.js";
import { type FigureFiles, writeFigure, wroteLines } from "../writeFigure.js";

/** The most x points one curve may have (8 MB per array): beyond it a typo, not a wish. */
const MAX_POINTS = 1_000_000;

export const sigmoidCommand: CommandSpec = {
  name: "sigmoid",
  description: "sigmoid.description",
  argument: { name: "m", description: "sigmoid.argument.m" },
  options: [
    { name: "x-min", kind: "number", default: -10000, description: "sigmoid.option.xMin" },
    { name: "x-max", kind: "number", default: 10000, description: "sigmoid.option.xMax" },
    {
      name: "points",
      kind: "integer",
      default: 1001,
      min: 2,
      max: MAX_POINTS,
      description: "sigmoid.option.points",
    },
    { name: "c", kind: "number", default: 0, description: "sigmoid.option.c" },
    SATURATION_OPTION,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    { command: "reglab sigmoid", description: "sigmoid.example.default" },
    {
      command: "reglab sigmoid 0.01 0.001 --x-min -1000 --x-max 1000 --lang zh",
      description: "sigmoid.example.custom",
    },
  ],
  async run({ args, options }, { t, json, out }) {
    const slopes = args.length === 0 ? ARTICLE_SLOPES : args.map((arg) => parseNumber(arg, t("what.m")));
    const twice = slopes.find((m, k) => slopes.indexOf(m) !== k);
    if (twice !== undefined) throw new UsageError("sigmoid.duplicateSlope", { m: twice });
    const xMin = options["xMin"] as number;
    const xMax = options["xMax"] as number;
    if (!(xMin < xMax)) throw new UsageError("error.rangeOrder", { min: xMin, max: xMax });
    const curves = sigmoidCurves({
      slopes,
      xMin,
      xMax,
      points: options["points"] as number,
      c: options["c"] as number,
      saturationThreshold: options["saturation"] as number,
    });

    // z = m·x past the largest double is not a number reglab can show: say so, do not print ∞
    for (const curve of curves.curves) {
      if (![curve.zMin, curve.zMax, curve.standardizedM, curve.maxSlope].every(Number.isFinite))
        throw new UsageError("sigmoid.overflow", { m: formatNumber(curve.m), min: xMin, max: xMax });
    }
    const folder = openOutputFolder(options["out"] as string, options["force"] === true);
    const document = nodeDocument();
    const files: FigureFiles[] = [];
    for (const [i, curve] of curves.curves.entries()) {
      files.push(
        await writeFigure(
          folder,
          `sigmoid-m${formatNumber(curve.m, 6)}`,
          sigmoidFigure(curves, i, t, document),
        ),
      );
    }
    const overlay = await writeFigure(folder, "sigmoid-all", sigmoidOverlayFigure(curves, t, document));

    if (json) {
      const document = {
        x_min: curves.xMin,
        x_max: curves.xMax,
        points: curves.points,
        c: curves.c,
        saturation_threshold: curves.saturationThreshold,
        saturation_cutoff: curves.saturationCutoff,
        x_standard_deviation: curves.xStandardDeviation,
        curves: curves.curves.map((curve, i) => ({
          m: curve.m,
          z_min: curve.zMin,
          z_max: curve.zMax,
          saturated_share: curve.saturatedShare,
          saturated_share_of_interval: curve.saturatedShareOfInterval,
          max_slope: curve.maxSlope,
          standardized_m: curve.standardizedM,
          svg: files[i]!.svg,
          png: files[i]!.png,
        })),
        overlay: overlay,
      };
      out(`${finiteJson(document, 2)}\n`);
      return;
    }
    const header = [
      "m",
      t("sigmoid.table.zRange"),
      t("sigmoid.table.saturatedShare"),
      t("sigmoid.table.maxSlope"),
      t("sigmoid.table.standardizedM"),
    ];
    const rows = curves.curves.map((curve) => [
      formatNumber(curve.m),
      `[${formatNumber(curve.zMin)}, ${formatNumber(curve.zMax)}]`,
      formatShare(curve.saturatedShare),
      formatNumber(curve.maxSlope),
      formatNumber(curve.standardizedM),
    ]);
    out(
      `${t("sigmoid.summary", {
        threshold: formatNumber(curves.saturationThreshold),
        cutoff: formatNumber(curves.saturationCutoff),
      })}\n\n${formatTable(header, rows, [2, 3, 4])}\n\n`,
    );
    out(wroteLines(t, [...files, overlay]));
  },
};
