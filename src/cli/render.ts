/**
 * The Node side of the figures: a DOM document for Observable Plot to build into (linkedom), and
 * SVG → PNG with resvg using a bundled font, so Chinese labels show real glyphs on any machine.
 *
 * The font is Noto Sans SC (SIL Open Font License 1.1), installed from npm with reglab itself
 * (@expo-google-fonts/noto-sans-sc); system fonts are never read, so a PNG looks the same everywhere.
 *
 * Why subset: resvg re-reads its font file for every text element, and the full CJK font is 10 MB,
 * which made one figure take ~1.5 s. A subset with just the characters of the figure (harfbuzz, via
 * subset-font) is ~40 KB and renders in ~0.1 s. Subsets go to a private temporary folder that is
 * removed when the process exits; nothing the user owns is touched.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { parseHTML } from "linkedom";
import subsetFont from "subset-font";

const require = createRequire(import.meta.url);
const FONT_FAMILY = "Noto Sans SC";
const FONT_FILES = [
  require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
  require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
];

let cachedDocument: Document | undefined;

/** A DOM document that Observable Plot can create SVG elements in. */
export function nodeDocument(): Document {
  cachedDocument ??= parseHTML("<!doctype html><html><head></head><body></body></html>")
    .document as unknown as Document;
  return cachedDocument;
}

let fontBytes: Buffer[] | undefined;
let subsetFolder: string | undefined;
const subsetsByCharacters = new Map<string, string[]>();

/** Font files holding (at least) every character of `text`, subset once per distinct character set. */
async function fontFilesFor(text: string): Promise<string[]> {
  // Escaped characters (&#39; for ', &#60; for <) are drawn as the characters they stand for.
  const decoded = text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
  const characters = [...new Set(decoded)].sort().join("");
  const cached = subsetsByCharacters.get(characters);
  if (cached) return cached;
  fontBytes ??= FONT_FILES.map((file) => readFileSync(file));
  if (!subsetFolder) {
    const folder = mkdtempSync(join(tmpdir(), "reglab-fonts-"));
    subsetFolder = folder;
    process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  }
  const folder = subsetFolder;
  const index = subsetsByCharacters.size;
  const files = await Promise.all(
    fontBytes.map(async (bytes, k) => {
      const file = join(folder, `subset-${index}-${k}.ttf`);
      writeFileSync(file, await subsetFont(bytes, characters, { targetFormat: "truetype" }));
      return file;
    }),
  );
  subsetsByCharacters.set(characters, files);
  return files;
}

/**
 * The regular weight of the bundled font cut down to the characters of `text`, as WOFF2 when the
 * encoder is available: for embedding in a self-contained HTML page that must show Chinese on a
 * machine with no Chinese font.
 */
export async function fontSubsetFor(text: string): Promise<{ bytes: Buffer; format: "woff2" | "truetype" }> {
  fontBytes ??= FONT_FILES.map((file) => readFileSync(file));
  const characters = [...new Set(text)].sort().join("");
  try {
    return { bytes: await subsetFont(fontBytes[0]!, characters, { targetFormat: "woff2" }), format: "woff2" };
  } catch {
    return {
      bytes: await subsetFont(fontBytes[0]!, characters, { targetFormat: "truetype" }),
      format: "truetype",
    };
  }
}

/** Renders an SVG document to PNG bytes at `scale` × its size (2 = crisp on high-density screens). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: await fontFilesFor(svg),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: "zoom", value: scale },
    background: "white",
  });
  return resvg.render().asPng();
}
