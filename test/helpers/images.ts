import { XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";

/** True when `svg` is well-formed XML with an <svg> root; otherwise throws with the parser's message. */
export function assertWellFormedSvg(svg: string): void {
  const result = XMLValidator.validate(svg);
  if (result !== true)
    throw new Error(`SVG is not well-formed: ${result.err.msg} at line ${result.err.line}`);
  if (!/^<svg[\s>]/.test(svg)) throw new Error("SVG does not start with an <svg> root");
}

/** Decodes a PNG (throws if it is not one) and counts its non-white pixels. */
export function decodePng(bytes: Uint8Array): { width: number; height: number; inkedPixels: number } {
  const png = PNG.sync.read(Buffer.from(bytes));
  let inkedPixels = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) inkedPixels++;
  }
  return { width: png.width, height: png.height, inkedPixels };
}

/**
 * Rounds computed numbers (five or more decimals: coordinates) in an SVG to `digits` decimals, so
 * snapshots survive last-bit changes; short numbers such as labels ("0.001") are left as written.
 */
export function roundNumbers(svg: string, digits = 2): string {
  return svg.replace(/-?\d+\.\d{5,}/g, (n) => String(Number(Number(n).toFixed(digits))));
}
