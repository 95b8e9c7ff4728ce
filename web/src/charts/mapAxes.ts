/**
 * Axes for the decision map: the canvas framed by tick labels for x1 (below) and x2 (left), as
 * HTML laid over a CSS grid, so the canvas itself stays a cheap bitmap redrawn every frame and the
 * labels change only when the data's extent does.
 */
import { formatNumber } from "../../../src/i18n/format.js";
import { h } from "../ui/dom.js";

/** Round tick values (1, 2 or 5 × 10^k apart) inside [low, high], about `count` of them. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export interface MapAxes {
  element: HTMLElement;
  /** Places the ticks for the map's extent [low, high] (the same on both axes). */
  update(low: number, high: number): void;
}

export function mapAxes(canvas: HTMLCanvasElement, xLabel: string, yLabel: string): MapAxes {
  const bottom = h("div", { class: "map-axis map-axis-x", "aria-hidden": "true" });
  const left = h("div", { class: "map-axis map-axis-y", "aria-hidden": "true" });
  const element = h(
    "div",
    { class: "map-frame" },
    left,
    h("div", { class: "map-canvas" }, canvas),
    h("span", { class: "map-corner", "aria-hidden": "true", text: `${yLabel} ↑` }),
    bottom,
    h("span", { class: "map-label-x", "aria-hidden": "true", text: `${xLabel} →` }),
  );
  let extent = "";
  return {
    element,
    update(low, high) {
      const key = `${low},${high}`;
      if (key === extent) return;
      extent = key;
      const at = (v: number) => `${(100 * (v - low)) / (high - low)}%`;
      const ticks = niceTicks(low, high);
      bottom.replaceChildren(
        ...ticks.map((v) => h("span", { style: `left: ${at(v)}`, text: formatNumber(v) })),
      );
      left.replaceChildren(
        ...ticks.map((v) => h("span", { style: `bottom: ${at(v)}`, text: formatNumber(v) })),
      );
    },
  };
}
