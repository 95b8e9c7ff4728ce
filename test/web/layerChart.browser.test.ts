/**
 * The playground's per-layer chart in Chromium, as a student sees it on a phone (390 px) and on a
 * desktop (1280 px), in English and Chinese: its direct labels ‖W‖ and ‖∂E/∂W‖ overlap neither each
 * other nor the layers' names, stay inside the chart, and are drawn at ≥ 10 CSS px.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { labCatalog } from "../../src/i18n/lab.js";
import { hasChromium, labInBrowser, openLab } from "../helpers/browser.js";

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The rendered boxes of the chart's labels and layer names, the chart's box, and label heights. */
async function layerChartText(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>("[data-figure=layers] .chart svg")!;
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { text: element.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const labels = [...svg.querySelectorAll(".norm-labels text")];
    const names = [...svg.querySelectorAll(".layer-names text")];
    // the text's size on screen: its font size times the chart's scale (the SVG is shrunk to fit)
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute("width"));
    return {
      chart: box(svg),
      labels: labels.map(box),
      names: names.map(box),
      labelPx: labels.map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale),
    };
  });
}

const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.skipIf(!hasChromium)("the playground's per-layer chart", () => {
  const lab = labInBrowser();

  for (const width of [390, 1280])
    for (const lang of ["en", "zh"] as const)
      it(`keeps its labels apart and readable at ${width} px, in ${lang}`, async () => {
        // four hidden layers (five rows); trained a little so both norms are real
        const { page, errors } = await openLab(
          lab.browser,
          lab.url,
          `?lang=${lang}&only=playground&pg.layers=4&pg.speed=fast`,
          { viewport: { width, height: 900 } },
        );
        await page.click("[data-testid=playground-train]");
        await page.waitForFunction(
          () =>
            Number(document.querySelector("[data-testid=playground-stats]")?.getAttribute("data-epoch")) >
            100,
        );
        await page.click("[data-testid=playground-train]");
        await page.waitForSelector("[data-figure=layers] .norm-labels text");
        await page.locator("[data-figure=layers]").scrollIntoViewIfNeeded();
        const { chart, labels, names, labelPx } = await layerChartText(page);
        const words = labCatalog(lang);
        expect(labels.map((label) => label.text)).toEqual(
          expect.arrayContaining([words["playground.weightNorm"], words["playground.gradientNorm"]]),
        );
        expect(labels).toHaveLength(2);
        expect(names).toHaveLength(5);
        const all = [...labels, ...names];
        for (const [i, a] of all.entries())
          for (const b of all.slice(i + 1)) expect(overlap(a, b), `${a.text} over ${b.text}`).toBe(false);
        for (const label of labels) {
          expect(label.left).toBeGreaterThanOrEqual(chart.left);
          expect(label.right).toBeLessThanOrEqual(chart.right);
          expect(label.top).toBeGreaterThanOrEqual(chart.top);
        }
        for (const px of labelPx) expect(px).toBeGreaterThanOrEqual(10);
        expect(errors).toEqual([]);
        await page.context().close();
      });
});
