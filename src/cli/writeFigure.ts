/** Writes one figure as `<name>.svg` and `<name>.png` into the output folder. */
import type { Translator } from "../i18n/translate.js";
import type { OutputFolder } from "./outputFolder.js";
import { svgToPng } from "./render.js";

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
  return { svg: folder.write(`${name}.svg`, svg), png: folder.write(`${name}.png`, await svgToPng(svg)) };
}
