/**
 * The article report: one self-contained HTML page (no network, no external file) with every claim
 * in English and Chinese — its figure, its measured number and one sentence of explanation. Both
 * languages are in the page; a button (or no script at all: the default language) chooses which
 * one shows. All text is escaped: nothing in it is ever read as markup.
 */
import type { ArticleClaims } from "../experiments/claims.js";
import { formatNumber } from "../i18n/format.js";
import { LANGS, type Lang, type Translator } from "../i18n/translate.js";
import { escapeXml } from "../plot/composeFigure.js";
import { CLAIM_IDS, type ClaimId, claimTexts } from "./claimTexts.js";

/** The figures (SVG documents) of the report, in one language. */
export interface ReportFigures {
  claims: Record<ClaimId, string>;
  slopes: string[];
  scale: string;
}

export interface ReportInput {
  claims: ArticleClaims;
  figures: Record<Lang, ReportFigures>;
  translators: Record<Lang, Translator>;
  defaultLang: Lang;
  version: string;
  seed: number;
  /** A font to embed (so Chinese shows on machines without a Chinese font): CSS src data. */
  embeddedFont?: { base64: string; format: "woff2" | "truetype" };
}

/**
 * The family name the embedded font gets in the page: the name the figures' SVG text asks for, so
 * the figures pick it up too. (It is the same font a reader may have installed, only cut down.)
 */
const EMBEDDED_FAMILY = "Noto Sans SC";

function fontFaceCss(font: ReportInput["embeddedFont"]): string {
  if (!font) return "";
  const mime = font.format === "woff2" ? "font/woff2" : "font/ttf";
  return `@font-face { font-family: "${EMBEDDED_FAMILY}"; src: url(data:${mime};base64,${font.base64}) format("${font.format}"); }`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --ok: #1b7837; --bad: #b2182b; }
body { font: 16px/1.6 system-ui, "${EMBEDDED_FAMILY}", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink);
  max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
html[data-lang="en"] [lang="zh"], html[data-lang="zh"] [lang="en"] { display: none; }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
h1 { font-size: 1.6rem; margin: 0; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
button { font: inherit; padding: .3rem .9rem; border: 1px solid #999; border-radius: 6px; background: #fff; cursor: pointer; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
.verdict { font-weight: bold; } .verdict.holds { color: var(--ok); } .verdict.fails { color: var(--bad); }
.measured { background: #f6f6f6; border-left: 4px solid #999; padding: .6rem 1rem; }
.slopes { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: .5rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; }
`;

const SCRIPT = `
document.getElementById("language").addEventListener("click", function () {
  var root = document.documentElement, next = root.dataset.lang === "en" ? "zh" : "en";
  root.dataset.lang = next; root.lang = next === "zh" ? "zh-Hans" : "en";
});`;

/** The same element once per language, each tagged with its lang. */
function both(tag: string, attributes: string, render: (lang: Lang) => string): string {
  return LANGS.map((lang) => `<${tag} lang="${lang}"${attributes}>${render(lang)}</${tag}>`).join("");
}

export function articleReport(input: ReportInput): string {
  const { claims, figures, translators, defaultLang } = input;
  const texts = { en: claimTexts(claims, translators.en), zh: claimTexts(claims, translators.zh) };
  const say = (key: Parameters<Translator>[0], params?: Parameters<Translator>[1]) => (lang: Lang) =>
    escapeXml(translators[lang](key, params));

  const sections = CLAIM_IDS.map((id) => {
    const holds = claims[id].holds;
    const verdict = (lang: Lang) =>
      `<span class="verdict ${holds ? "holds" : "fails"}">${say(holds ? "report.holds" : "report.fails")(lang)}</span>`;
    const slopeGrid =
      id === "C1"
        ? both("div", ' class="slopes"', (lang) =>
            figures[lang].slopes.map((svg) => `<figure>${svg}</figure>`).join(""),
          )
        : "";
    return `<section id="${id}">
${both("h2", "", (lang) => `${escapeXml(texts[lang][id].title)} — ${verdict(lang)}`)}
${both("p", ' class="measured"', (lang) => `<strong>${say("report.measured")(lang)}:</strong> ${escapeXml(texts[lang][id].measured)}`)}
${both("figure", "", (lang) => figures[lang].claims[id])}
${slopeGrid}
${both("p", "", (lang) => escapeXml(texts[lang][id].explanation))}
</section>`;
  }).join("\n");

  const { C1 } = claims;
  const scaleParams = {
    xMax: formatNumber(C1.xMax),
    sd: formatNumber(claims.curves.xStandardDeviation),
    slopes: C1.standardizedSlopes.map((m) => formatNumber(m, 3)).join(", "),
  };
  return `<!doctype html>
<html lang="${defaultLang === "zh" ? "zh-Hans" : "en"}" data-lang="${defaultLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(translators[defaultLang]("report.title"))}</title>
<style>${fontFaceCss(input.embeddedFont)}${STYLE}</style>
</head>
<body>
<header>
${both("h1", "", say("report.title"))}
<button id="language" type="button">${both("span", "", say("report.languageSwitch"))}</button>
</header>
${both("p", "", say("report.intro", { seed: input.seed }))}
<section id="unit">
${both("h2", "", say("report.setup.heading"))}
${both("p", "", say("report.setup.text"))}
</section>
${sections}
<section id="scale">
${both("h2", "", say("report.scale.heading"))}
${both("p", "", say("report.scale.text", scaleParams))}
${both("figure", "", (lang) => figures[lang].scale)}
</section>
<footer>${both("p", "", say("report.footer", { version: input.version }))}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
