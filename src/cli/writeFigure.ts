/** Writes one figure as `<name>.svg` and `<name>.png` into the output folder. */
import type { Translator } from "../i18n/translate.js";
import type { OutputFolder } from "./outputFolder.js";

export interface FigureFiles {
  svg: string;
  png: string;
}

/** The "wrote PATH" lines for written figures (and any other files), in the user's language. */
export function wroteLines(
  t: Translator,
  figures: readonly FigureFiles[],
  others: readonly string[] = [],
): string {
  const paths = [...figures.flatMap((file) => [file.svg, file.png]), ...others];
  return paths.map((path) => `${t("message.wrote", { path })}\n`).join("");
}

export async function writeFigure(folder: OutputFolder, name: string, svg: string): Promise<FigureFiles> {
  // the rasterizer (resvg, fonts) is loaded only by runs that draw: not by `path --json`
  const { svgToPng } = await import("./render.js");
  return { svg: folder.write(`${name}.svg`, svg), png: folder.write(`${name}.png`, await svgToPng(svg)) };
}

/**
 * Whether a path or cv run draws its figure: always, except with --json and no --out — a script
 * asking for the numbers gets only them, without loading the plotting and font code (about 0.5 s
 * of a run's start-up) or writing into a folder it did not name.
 */
export function drawsFigures(json: boolean, given: ReadonlySet<string>): boolean {
  return !json || given.has("out");
}
