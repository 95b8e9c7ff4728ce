/** Writes one figure as `<name>.svg` and `<name>.png` into the output folder. */
import type { OutputFolder } from "./outputFolder.js";
import { svgToPng } from "./render.js";

export interface FigureFiles {
  svg: string;
  png: string;
}

export async function writeFigure(folder: OutputFolder, name: string, svg: string): Promise<FigureFiles> {
  return { svg: folder.write(`${name}.svg`, svg), png: folder.write(`${name}.png`, await svgToPng(svg)) };
}
