/**
 * Headless Chromium (Debian's, driven by playwright-core) against the built lab served on an
 * ephemeral localhost port. Without /usr/bin/chromium the browser tests are skipped with a
 * warning — except in CI (CI=true), where .ci/run installs it and its absence is a failure.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
// @ts-expect-error: a plain ESM script without types
import { serveLab } from "../../scripts/serve-lab.mjs";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function serveBuiltLab(): Promise<{ url: string; close: () => Promise<void> }> {
  const root = fileURLToPath(new URL("../../dist-web/", import.meta.url));
  if (!existsSync(`${root}index.html`))
    throw new Error("dist-web/ is missing: run `npm run build:lab` first");
  const { server, url } = (await serveLab(root, 0)) as { server: import("node:http").Server; url: string };
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The built lab, served, and a browser, for the tests of one describe block: started before them,
 * closed after them. Read `browser` and `url` inside the tests (they exist once beforeAll has run).
 */
export function labInBrowser(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveBuiltLab();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}

export interface LabPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export async function openLab(
  browser: Browser,
  url: string,
  query = "",
  options: BrowserContextOptions = {},
): Promise<LabPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${url}${query}`);
  await page.waitForSelector("body[data-ready=true]");
  return { page, errors };
}

/** Two pieces of chart text drawn over each other: their boxes on screen, and what they say. */
export interface TextClash {
  figure: string;
  a: string;
  b: string;
}

/**
 * Every pair of text elements within one chart under `root` whose glyphs would overlap on screen —
 * tick labels, axis titles and direct labels alike. A text's box is its advance width by the font's
 * line height (ascent + descent, about 1.3 em), taller than its ink: two lines of labels set
 * 1.1 em apart have touching boxes and clear glyphs. So a pair clashes when the boxes overlap by
 * more than a pixel across and by more than `inkShare` of the smaller box's height up and down.
 */
export async function chartTextClashes(page: Page, root: string, inkShare = 0.3): Promise<TextClash[]> {
  return page.evaluate(
    ([rootSelector, share]) => {
      const clashes: { figure: string; a: string; b: string }[] = [];
      for (const svg of document.querySelectorAll<SVGSVGElement>(`${rootSelector} svg`)) {
        if (svg.getBoundingClientRect().width === 0) continue; // not on screen (a hidden view)
        const figure = svg.closest("[data-figure]")?.getAttribute("data-figure") ?? "chart";
        const texts = [...svg.querySelectorAll("text")]
          .filter((t) => (t.textContent ?? "").trim() !== "")
          .map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && r.height > 0);
        for (let i = 0; i < texts.length; i++)
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i]!.r;
            const b = texts[j]!.r;
            const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const upDown = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (across > 1 && upDown > share * Math.min(a.height, b.height))
              clashes.push({ figure, a: texts[i]!.text, b: texts[j]!.text });
          }
      }
      return clashes;
    },
    [root, inkShare] as const,
  );
}
