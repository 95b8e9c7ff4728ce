import { describe, expect, it } from "vitest";
import { nodeDocument, svgToPng } from "../../src/cli/render.js";
import { descend } from "../../src/experiments/descend.js";
import { sigmoidCurves } from "../../src/experiments/sigmoidCurves.js";
import { translator } from "../../src/i18n/translate.js";
import { composeFigure } from "../../src/plot/composeFigure.js";
import { lossFigure, outcomeFigure } from "../../src/plot/descendFigures.js";
import { envelopeIndices } from "../../src/plot/downsample.js";
import { scaleFigure, sigmoidFigure, sigmoidOverlayFigure } from "../../src/plot/sigmoidFigures.js";
import { assertWellFormedSvg, decodePng, roundNumbers } from "../helpers/images.js";

const document = nodeDocument();
const curves = sigmoidCurves({ points: 101 });
const descent = descend({ steps: 100, initialWeights: [0.1, 100], learningRates: [1, 100], l2: [0, 0.01] });

describe("figures", () => {
  for (const lang of ["en", "zh"] as const) {
    const t = translator(lang);
    it(`are well-formed standalone SVG documents (${lang})`, () => {
      for (const svg of [
        sigmoidFigure(curves, 0, t, document),
        sigmoidOverlayFigure(curves, t, document),
        scaleFigure(curves, t, document),
        lossFigure(descent, t, document),
        outcomeFigure(descent, t, document),
      ]) {
        assertWellFormedSvg(svg);
        expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      }
    });
  }

  it("carry their title, translated", () => {
    expect(sigmoidFigure(curves, 0, translator("en"), document)).toContain("σ(mx + c) for m = 0.001");
    expect(sigmoidFigure(curves, 0, translator("zh"), document)).toContain("m = 0.001 时的 σ(mx + c)");
  });

  it("escape text, so a title is never read as markup", () => {
    const svg = composeFigure({ title: '<script>alert("x")</script> & co', panels: [] as Element[] });
    expect(svg).not.toContain("<script>");
    assertWellFormedSvg(svg);
  });

  it("draw the sigmoid figure as before (snapshot, numbers rounded)", async () => {
    const small = sigmoidCurves({ slopes: [0.001], points: 21 });
    await expect(roundNumbers(sigmoidFigure(small, 0, translator("en"), document))).toMatchFileSnapshot(
      "__snapshots__/sigmoid-m0.001.svg",
    );
  });
});

describe("svgToPng", () => {
  it("renders a PNG twice the SVG's size", async () => {
    const svg = sigmoidOverlayFigure(curves, translator("en"), document);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const png = decodePng(await svgToPng(svg));
    expect(png.width).toBe(2 * width);
    expect(png.inkedPixels).toBeGreaterThan(10_000);
  });

  it("draws real Chinese glyphs with the bundled font, not empty boxes", async () => {
    const text = (content: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="white"/><text x="10" y="30" font-size="24">${content}</text></svg>`;
    const chinese = decodePng(await svgToPng(text("中文")));
    const otherChinese = decodePng(await svgToPng(text("饱和")));
    const missingGlyph = decodePng(await svgToPng(text("\u{F0000}\u{F0001}"))); // private use: not in any font
    expect(chinese.inkedPixels).toBeGreaterThan(200);
    // Real glyphs differ from one another; a missing-glyph box would look the same for both.
    expect(Math.abs(chinese.inkedPixels - otherChinese.inkedPixels)).toBeGreaterThan(20);
    expect(Math.abs(chinese.inkedPixels - missingGlyph.inkedPixels)).toBeGreaterThan(20);
  });
});

describe("envelopeIndices", () => {
  it("keeps short series whole", () => {
    expect(envelopeIndices([3, 1, 2], 10)).toEqual([0, 1, 2]);
  });

  it("keeps every bucket's minimum and maximum, so oscillations stay visible", () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? 1 : -1) * (1 + i / 3000));
    const kept = envelopeIndices(values, 100);
    expect(kept.length).toBeLessThanOrEqual(302);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(2999);
    expect(Math.max(...kept.map((i) => values[i]!))).toBe(Math.max(...values));
    expect(Math.min(...kept.map((i) => values[i]!))).toBe(Math.min(...values));
  });
});
