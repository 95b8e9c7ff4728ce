/**
 * One standalone SVG document from a title, a subtitle and Plot panels stacked vertically.
 *
 * Why not Plot's own `title`: with it Plot returns an HTML <figure>, which is no SVG file and which
 * an SVG renderer (resvg, for the PNGs) cannot read. Here every text is an SVG <text>, the panels are
 * nested <svg> elements, and the whole is well-formed XML with a white background.
 */
export const FONT_FAMILY = "Noto Sans SC, system-ui, sans-serif";

export interface FigureParts {
  title: string;
  subtitle?: string;
  panels: readonly Element[];
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const TITLE_SIZE = 17;
const SUBTITLE_SIZE = 12.5;
const MARGIN = 14;

function numberAttribute(element: Element, name: string): number {
  const value = Number(element.getAttribute(name));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`panel has no numeric ${name}`);
  return value;
}

export function composeFigure({ title, subtitle, panels }: FigureParts): string {
  let y = MARGIN + TITLE_SIZE;
  const texts = [
    `<text x="${MARGIN}" y="${y}" font-size="${TITLE_SIZE}" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  if (subtitle) {
    y += SUBTITLE_SIZE + 8;
    texts.push(
      `<text x="${MARGIN}" y="${y}" font-size="${SUBTITLE_SIZE}" fill="#555">${escapeXml(subtitle)}</text>`,
    );
  }
  y += 10;
  let width = 0;
  const placed: string[] = [];
  for (const panel of panels) {
    const panelWidth = numberAttribute(panel, "width");
    const panelHeight = numberAttribute(panel, "height");
    panel.setAttribute("x", "0");
    panel.setAttribute("y", String(y));
    placed.push(panel.outerHTML);
    width = Math.max(width, panelWidth);
    y += panelHeight;
  }
  const height = y + MARGIN / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` role="img" aria-label="${escapeXml(title)}" font-family="${FONT_FAMILY}" style="color:#1a1a1a">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...texts,
    ...placed,
    "</svg>",
  ].join("");
}
