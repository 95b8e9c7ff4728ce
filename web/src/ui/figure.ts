/**
 * A figure of the lab: caption, the chart, its data as a table (the chart's text alternative, in a
 * <details> so it stays out of the way) and buttons that save the figure as SVG or PNG.
 */
import type { LabKey } from "../../../src/i18n/lab.js";
import { h } from "./dom.js";
import { downloadBlob, svgToPngBlob, withEmbeddedFont } from "./exportFigure.js";
import { t, tx } from "./i18n.js";

export interface FigureBlock {
  element: HTMLElement;
  chart: HTMLDivElement;
  /** Replaces the chart with an SVG document (a string from src/plot, or an element). */
  setSvg(svg: string | Element): void;
  setTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): void;
}

/** Chart text is never drawn smaller than this (CSS px). */
const MIN_TEXT_PX = 10;
/** The text size of figures that do not state theirs on the root <svg> (src/plot's, 11 px). */
const DEFAULT_TEXT_PX = 11;
const narrow = window.matchMedia("(max-width: 760px)");

export function figureBlock(
  name: string,
  caption: LabKey,
  /** The current figure as a standalone SVG document, for export. */
  currentSvg: () => string,
): FigureBlock {
  const chart = h("div", {
    class: "chart",
    role: "group",
    "aria-label": t(caption),
    "data-i18n-label": caption,
  });
  const table = h("table", { class: "data-table" });
  const details = h("details", { class: "table-details" }, tx("summary", "lab.dataTable"), table);
  let pending: { headers: readonly string[]; rows: readonly (readonly (string | number)[])[] } | null = null;
  const renderTable = () => {
    if (!pending) return;
    const { headers, rows } = pending;
    pending = null;
    table.replaceChildren(
      h("caption", { text: t(caption) }),
      h("thead", {}, h("tr", {}, ...headers.map((header) => h("th", { scope: "col", text: header })))),
      h(
        "tbody",
        {},
        ...rows.map((row) => h("tr", {}, ...row.map((cell) => h("td", { text: String(cell) })))),
      ),
    );
  };
  details.addEventListener("toggle", () => {
    if (details.open) renderTable();
  });
  const save = async (format: "svg" | "png") => {
    const svg = await withEmbeddedFont(currentSvg());
    const blob = format === "svg" ? new Blob([svg], { type: "image/svg+xml" }) : await svgToPngBlob(svg);
    downloadBlob(blob, `reglab-${name}.${format}`);
  };
  const element = h(
    "figure",
    { class: "figure", "data-figure": name },
    h("figcaption", {}, tx("span", caption)),
    chart,
    h(
      "div",
      { class: "figure-tools" },
      details,
      h(
        "div",
        { class: "button-row" },
        tx("button", "lab.saveSvg", undefined, { type: "button", onclick: () => save("svg") }),
        tx("button", "lab.savePng", undefined, { type: "button", onclick: () => save("png") }),
      ),
    ),
  );
  return {
    element,
    chart,
    setSvg(svg) {
      if (typeof svg === "string") {
        // SVG built by src/plot: every text in it was escaped when it was serialized
        chart.innerHTML = svg;
      } else chart.replaceChildren(svg);
      // Plot labels its mark groups ("line", "rect") with aria-label on <g>, which has no role:
      // screen readers get the figure's caption and its data table instead
      for (const group of chart.querySelectorAll("g[aria-label]")) group.removeAttribute("aria-label");
      // never shrink a chart so far that its text falls below MIN_TEXT_PX: the chart's box scrolls
      // sideways instead (and can then be reached and scrolled from the keyboard)
      const root = chart.querySelector("svg");
      const width = Number(root?.getAttribute("width"));
      const fontSize = Number.parseFloat(root?.style.fontSize ?? "") || DEFAULT_TEXT_PX;
      if (root && width > 0) {
        // rounded up: rounded to nearest, 12-px text in a 460-px chart came out at 9.99 px
        const minWidth = Math.ceil((width * MIN_TEXT_PX) / fontSize);
        root.style.minWidth = `${minWidth}px`;
        // on a narrow screen the chart scrolls: reachable from the keyboard (a media query, not a
        // measurement, so a chart redrawn while training forces no layout)
        if (narrow.matches) chart.setAttribute("tabindex", "0");
        else chart.removeAttribute("tabindex");
      }
    },
    setTable(headers, rows) {
      // built when shown: live figures update their data several times a second, and a closed
      // table costs nothing then
      pending = { headers, rows };
      if (details.open) renderTable();
    },
  };
}
