/**
 * The web lab in headless Chromium: every number it shows is compared with the library's, the
 * language switch, the URL state, bad input, accessibility (axe-core) — and screenshots of every
 * chapter in both languages are written to test-results/screenshots/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { trainSigmoidUnit } from "../../src/core/gradientDescent.js";
import { chainRule } from "../../src/core/sigmoidUnit.js";
import type { DataError } from "../../src/data/dataError.js";
import { parseCsv } from "../../src/data/parseCsv.js";
import { sigmoidCurves } from "../../src/experiments/sigmoidCurves.js";
import { stepStatus } from "../../src/experiments/stepStatus.js";
import { teacherData } from "../../src/experiments/teacherData.js";
import { formatNumber } from "../../src/i18n/format.js";
import { labEn } from "../../src/i18n/lab.js";
import { translate } from "../../src/i18n/translate.js";
import { stepEnds } from "../../web/src/chapters/stepperState.js";
import { chartTextClashes, hasChromium, labInBrowser, openLab } from "../helpers/browser.js";

const SCREENSHOTS = "test-results/screenshots";
const CHAPTERS = ["sigmoid", "stepper", "playground", "path", "instability", "scale"];

if (!hasChromium && !process.env.CI)
  console.warn("browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium)");

describe("CI has a browser", () => {
  it.runIf(Boolean(process.env.CI))("finds /usr/bin/chromium", () => {
    expect(hasChromium).toBe(true);
  });
});

/** Sets a range input (by CSS selector) to a raw position and fires its input event. */
async function setRange(page: Page, selector: string, position: number): Promise<void> {
  await page.$eval(
    selector,
    (input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    position,
  );
}

/** The URL's query after the lab has written its state. */
async function query(page: Page): Promise<URLSearchParams> {
  await page.waitForTimeout(300);
  return new URL(page.url()).searchParams;
}

const number = async (page: Page, selector: string, attribute: string) =>
  Number(await page.getAttribute(selector, attribute));

describe.skipIf(!hasChromium)("the web lab in Chromium", () => {
  const lab = labInBrowser();
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  it("loads every chapter with no console errors and no request off this server, and the worker answers", async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    context.on("request", (request) => {
      if (
        !request.url().startsWith(lab.url) &&
        !request.url().startsWith("data:") &&
        !request.url().startsWith("blob:")
      )
        outside.push(request.url());
    });
    const errors: string[] = [];
    const page = await context.newPage();
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(lab.url);
    await page.waitForSelector("body[data-ready=true]");
    for (const id of CHAPTERS) expect(await page.isVisible(`#${id}`)).toBe(true);
    await page.waitForSelector("[data-testid=path-status][data-state=done]", { timeout: 60_000 });
    await page.waitForSelector("[data-testid=instability-status][data-plain]", { timeout: 60_000 });
    await page.waitForSelector("[data-testid=early-status][data-distance]");
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it("saves figures as SVG and PNG and models as JSON", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    await page.waitForSelector("[data-testid=path-status][data-state=done]", { timeout: 60_000 });
    const save = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const svg = await save("#sigmoid [data-figure=sigmoid] button:has-text('SVG')");
    expect(svg.name).toBe("reglab-sigmoid.svg");
    const text = svg.bytes.toString("utf8");
    expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain("@font-face"); // the font travels with the file
    const png = await save("#sigmoid [data-figure=sigmoid] button:has-text('PNG')");
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const model = await save("#path button:has-text('Export model')");
    const document_ = JSON.parse(model.bytes.toString("utf8")) as {
      reglab_model: number;
      lambda: number[];
      beta: number[][];
    };
    expect(document_.reglab_model).toBe(1);
    expect(document_.beta).toHaveLength(document_.lambda.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("announces changing numbers, and with reduced motion still runs (in steps)", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url, "", { reducedMotion: "reduce" });
    const live = "#sigmoid [aria-live=polite]";
    const before = await page.textContent(live);
    await page.click("#sigmoid button:has-text('m = 0.0001')");
    expect(await page.textContent(live)).not.toBe(before);
    expect(await page.textContent(live)).toContain("m = 0.0001");
    await page.click("[data-testid=stepper-play]");
    await page.waitForFunction(
      () => Number(document.querySelector("[data-testid=factors]")?.getAttribute("data-steps")) > 0,
    );
    await page.click("[data-testid=stepper-play]");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("moves the m slider by keyboard: the curve changes and the saturated share is the library's", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    const share = "[data-testid=saturated-share]";
    const before = await page.innerHTML("#sigmoid .chart");
    expect(await number(page, share, "data-value")).toBe(
      sigmoidCurves({ slopes: [0.001], xMin: -1e4, xMax: 1e4 }).curves[0]!.saturatedShare,
    );
    await page.focus("#sigmoid input[type=range]");
    for (let k = 0; k < 40; k++) await page.keyboard.press("ArrowRight");
    const m = Number((await query(page)).get("sig.m"));
    expect(m).toBeGreaterThan(0.001);
    const expected = sigmoidCurves({ slopes: [m], xMin: -1e4, xMax: 1e4 }).curves[0]!.saturatedShare;
    expect(await number(page, share, "data-value")).toBe(expected);
    expect(await page.innerHTML("#sigmoid .chart")).not.toBe(before);
    // the article's preset buttons set the slopes exactly
    await page.click("#sigmoid button:has-text('m = 0.0002')");
    expect((await query(page)).get("sig.m")).toBe("0.0002");
    expect(await number(page, share, "data-value")).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the stepper's chain-rule factors and steps exactly as the library computes them", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    for (let k = 0; k < 3; k++) await page.click("[data-testid=stepper-step]");
    const panel = "[data-testid=factors]";
    await page.waitForSelector(`${panel}[data-steps="3"]`);
    const m = await number(page, panel, "data-m");
    const c = await number(page, panel, "data-c");
    const data = teacherData();
    const reference = trainSigmoidUnit(data.x, data.t, { m: 100, c: 0 }, { learningRate: 10, steps: 3 });
    expect(m).toBe(reference.m);
    expect(c).toBe(reference.c);
    const factors = chainRule(m, c, data.x[0]!, data.t[0]!);
    for (const [id, value] of [
      ["dEdy", factors.dEdy],
      ["dydz", factors.dydz],
      ["dzdm", factors.dzdm],
      ["dEdm", factors.dEdm],
    ] as const)
      expect(await number(page, `[data-factor=${id}]`, "data-value")).toBe(value);
    // the status names what the last step did, by the library's rule (experiments/stepStatus)
    const none = { l1: 0, l2: 0 };
    const ends = (k: number) => stepEnds(data, reference.history.m[k]!, reference.history.c[k]!, none);
    const expectedStatus = stepStatus(ends(2), ends(3));
    expect(expectedStatus).toBe("stalled");
    expect(await page.getAttribute("[data-testid=stepper-status]", "data-status")).toBe(expectedStatus);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("trains in the playground (the loss falls) and applies λ changed mid-training", async () => {
    // full speed here; the default pace is walked by the story tests
    const { page, errors } = await openLab(lab.browser, lab.url, "?pg.speed=fast");
    const stats = "[data-testid=playground-stats]";
    await page.waitForSelector(`${stats}[data-epoch="0"]`);
    const initialLoss = await number(page, stats, "data-train-loss");
    await page.click("[data-testid=playground-train]");
    await page.waitForFunction(
      (s) => Number(document.querySelector(s)?.getAttribute("data-epoch")) >= 200,
      stats,
      {
        timeout: 60_000,
      },
    );
    expect(await number(page, stats, "data-train-loss")).toBeLessThan(0.8 * initialLoss);
    const normBefore = await number(page, stats, "data-weight-norm");
    // L2 on, λ₂ at its maximum (1): the weights must shrink from here, while training goes on
    await page.check("#playground [data-control='pg.useL2'] input");
    await setRange(page, "#playground [data-control='pg.l2'] input", 1000);
    // counted from when the settings are sent, not from before: at full speed the worker runs
    // 200 epochs in ~25 ms, and on a loaded machine the page took longer than that to send them
    const epochBefore = await number(page, stats, "data-epoch");
    await page.waitForFunction(
      ([s, e]) =>
        Number(document.querySelector(s as string)?.getAttribute("data-epoch")) >= (e as number) + 200,
      [stats, epochBefore] as const,
      { timeout: 60_000 },
    );
    await page.click("[data-testid=playground-train]");
    expect(await number(page, stats, "data-weight-norm")).toBeLessThan(0.7 * normBefore);
    const state = await query(page);
    expect(state.get("pg.useL2")).toBe("1");
    expect(state.get("pg.l2")).toBe("1");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("stops a diverging run and says which chain-rule factor exploded", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url, "?pg.eta=10");
    await page.click("[data-testid=playground-train]");
    const warning = page.locator("[data-testid=divergence]");
    await warning.waitFor({ state: "visible", timeout: 60_000 });
    expect(await warning.textContent()).toMatch(
      /diverged at epoch \d+.*exploded: .+ in layer \d.*Try: .*(learning rate|L2 penalty)/s,
    );
    expect(await page.getAttribute("[data-testid=playground-train]", "aria-pressed")).toBe("false");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("switches every visible string to Chinese and back", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    await page.waitForSelector("[data-testid=path-status][data-state=done]", { timeout: 60_000 });
    await page.waitForSelector("[data-testid=instability-status][data-plain]", { timeout: 60_000 });
    await page.click("[data-testid=language-switch]");
    await page.waitForTimeout(300);
    const visibleTexts = () =>
      page.evaluate(() => {
        const texts: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          const text = node.textContent?.trim();
          const element = node.parentElement;
          if (!text || !element || element.closest("script, style, option:not(:checked)")) continue;
          if (!element.checkVisibility()) continue;
          if (element.closest("details:not([open])") && !element.closest("summary")) continue;
          texts.push(text);
        }
        return texts;
      });
    // Words that stay as they are in Chinese text: names, acronyms, the data's own column names.
    const kept =
      /reglab predict|reglab|sigmoid|softmax|ReLU|tanh|dropout|Adam|lasso|Lipschitz|glmnet|scikit-learn|English|CSV|JSON|SVG|PNG|\b(age|sex|bmi|bp|s[1-6])\b|x1|x2|log|min|1se|e[-+]\d+/g;
    const untranslated = (await visibleTexts()).filter((text) => /[A-Za-z]{3,}/.test(text.replace(kept, "")));
    expect(untranslated).toEqual([]);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect((await query(page)).get("lang")).toBe("zh");
    await page.click("[data-testid=language-switch]");
    expect(await page.textContent("#sigmoid h2")).toContain("The sigmoid and its slope");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("sets English in the bundled Latin font and Chinese in the CJK one, every glyph in a subset", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    await page.waitForSelector("[data-testid=path-status][data-state=done]", { timeout: 60_000 });
    const fonts = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        const text = document.body.textContent ?? "";
        return {
          family: getComputedStyle(document.body).fontFamily,
          chart: getComputedStyle(document.querySelector("svg")!).fontFamily,
          latin: document.fonts.check('16px "Noto Sans"', "Why regularization works"),
          // every character on the page is in one of the two subsets (the CJK one holds them all)
          covered: document.fonts.check('16px "Noto Sans SC"', text),
        };
      });
    const english = await fonts();
    expect(english.family.startsWith('"Noto Sans", "Noto Sans SC"')).toBe(true);
    expect(english.chart.startsWith('"Noto Sans"')).toBe(true);
    expect(english.latin).toBe(true);
    expect(english.covered).toBe(true);
    await page.click("[data-testid=language-switch]");
    await page.waitForTimeout(300);
    const chinese = await fonts();
    expect(chinese.family.startsWith('"Noto Sans SC"')).toBe(true);
    expect(chinese.covered).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps the whole state in the URL: a reload restores it", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    await setRange(page, "#sigmoid [data-control='sig.m'] input", 700);
    await page.check("#stepper [data-control='cr.l2'] input");
    await page.selectOption("#playground [data-control='pg.data'] select", "xor");
    await page.click("[data-testid=language-switch]");
    const state = await query(page);
    expect(Object.fromEntries(state)).toMatchObject({
      "sig.m": "0.00631",
      "cr.l2": "1",
      "pg.data": "xor",
      lang: "zh",
    });
    const reopened = await openLab(lab.browser, lab.url, `?${state.toString()}`);
    const restored = reopened.page;
    expect(await restored.inputValue("#sigmoid [data-control='sig.m'] input")).toBe("700");
    expect(await restored.textContent("#sigmoid [data-control='sig.m'] output")).toBe("0.00631");
    expect(await restored.isChecked("#stepper [data-control='cr.l2'] input")).toBe(true);
    expect(await restored.inputValue("#playground [data-control='pg.data'] select")).toBe("xor");
    expect(await restored.getAttribute("html", "lang")).toBe("zh-CN");
    expect(errors.concat(reopened.errors)).toEqual([]);
    await page.context().close();
    await restored.context().close();
  });

  it("shows the library's error for a bad CSV, and column names as text", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    const ragged = "a,b,y\n1,2,3\n4,5\n";
    let expected = "";
    try {
      parseCsv(ragged, "ragged.csv");
    } catch (error) {
      expected = translate("en", (error as DataError).key, (error as DataError).params);
    }
    expect(expected).toContain("ragged.csv");
    await page.setInputFiles("[data-testid=path-upload]", {
      name: "ragged.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ragged),
    });
    await page.waitForSelector("[data-testid=path-error]:visible");
    expect(await page.textContent("[data-testid=path-error]")).toBe(expected);

    await page.setInputFiles("[data-testid=playground-upload]", {
      name: "three.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("a,b,c,y\n1,2,3,0\n4,5,6,1\n"),
    });
    await page.waitForSelector("[data-testid=playground-error]:visible");
    expect(await page.textContent("[data-testid=playground-error]")).toContain("exactly two feature columns");

    const hostile = "<img src=x onerror=window.__hacked=1>";
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 11},${(i % 5) + (i % 7)}`);
    await page.setInputFiles("[data-testid=path-upload]", {
      name: "hostile.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([`"${hostile}",b,y`, ...rows].join("\n")),
    });
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=path-model]")?.textContent?.includes("<img"),
    );
    expect(await page.locator("#path img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("trains the playground on an uploaded CSV, names it, and forgets it when another data set is chosen", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url, "?only=playground");
    const rows = Array.from({ length: 40 }, (_, i) => `${(i % 8) / 4 - 1},${(i % 5) / 2 - 1},${i % 2}`);
    await page.setInputFiles("[data-testid=playground-upload]", {
      name: "mine.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(["x1,x2,y", ...rows].join("\n")),
    });
    const menu = "#playground [data-control='pg.data'] select";
    await page.waitForFunction(
      (m) => document.querySelector<HTMLSelectElement>(m)?.value === "uploaded",
      menu,
    );
    const group = page.locator("#playground fieldset", { has: page.locator("[data-control='pg.upload']") });
    const named = labEn["playground.uploaded"].replace("{file}", "mine.csv").replace("{count}", "40");
    expect(await group.textContent()).toContain(named);
    expect(await group.locator(".file-name").textContent()).toBe("mine.csv");
    await page.selectOption(menu, "xor");
    expect(await group.textContent()).not.toContain(named);
    expect(await group.locator(".file-name").textContent()).toBe("");
    expect(await page.inputValue(menu)).toBe("xor");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("says that a link made after an upload cannot carry the file, instead of drawing another data set", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url, "?path.data=upload");
    await page.waitForSelector("[data-testid=path-error]:visible");
    expect(await page.textContent("[data-testid=path-error]")).toContain("cannot carry the file");
    expect(await page.getAttribute("[data-testid=path-status]", "data-state")).toBe("error");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("moves the λ cursor by keyboard and by dragging on the path, and jumps to λ.min", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url);
    const status = "[data-testid=path-status][data-state=done]";
    await page.waitForSelector(status, { timeout: 60_000 });
    const cursor = "[data-testid=lambda-cursor]";
    const start = Number(await page.inputValue(cursor));
    await page.focus(cursor);
    for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowRight");
    expect(Number(await page.inputValue(cursor))).toBe(start + 5);
    const lambdaText = await page.textContent("[data-testid=path-model] caption");
    // drag across the path figure from its left (large λ) towards its right (small λ)
    const figure = page.locator("#path [data-figure=path] .chart svg");
    const box = (await figure.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.12, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = Number(await page.inputValue(cursor));
    expect(dragged).toBeGreaterThan(start + 5);
    expect(await page.textContent("[data-testid=path-model] caption")).not.toBe(lambdaText);
    expect((await query(page)).get("path.lambda")).not.toBeNull();
    await page.click("[data-testid=to-lambda-min]");
    const min = Number(await page.getAttribute(status, "data-lambda-min"));
    expect(await page.textContent("[data-testid=path-model] caption")).toContain(`λ = ${formatNumber(min)}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("fits a multinomial path for iris: one coefficient column per class, a class to draw", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url, "?path.data=iris");
    await page.waitForSelector("[data-testid=path-status][data-state=done][data-family=multinomial]", {
      timeout: 60_000,
    });
    expect(await page.isVisible("[data-testid=path-class]")).toBe(true);
    expect(await page.locator("[data-testid=path-model] thead th").count()).toBe(4); // feature + 3 classes
    const before = await page.innerHTML("#path [data-figure=path] .chart");
    await page.selectOption("[data-testid=path-class]", "2");
    expect(await page.innerHTML("#path [data-figure=path] .chart")).not.toBe(before);
    expect((await query(page)).get("path.class")).toBe("2");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("hides what teacher mode asks it to hide", async () => {
    const { page } = await openLab(
      lab.browser,
      lab.url,
      "?only=sigmoid,playground&hide=pg.useL1,pg.l1,pg.drop",
    );
    expect(await page.isVisible("#sigmoid")).toBe(true);
    expect(await page.isVisible("#playground")).toBe(true);
    expect(await page.isVisible("#stepper")).toBe(false);
    expect(await page.isVisible("#playground [data-control='pg.l1']")).toBe(false);
    expect(await page.isVisible("#playground [data-control='pg.l2']")).toBe(true);
    expect(await page.isVisible(".teacher-note")).toBe(true);
    await page.context().close();
  });

  it("has no serious or critical accessibility violations (axe-core), in both languages", async () => {
    const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
    for (const lang of ["en", "zh"]) {
      const { page } = await openLab(lab.browser, lab.url, `?lang=${lang}`);
      await page.waitForSelector("[data-testid=path-status][data-state=done]", { timeout: 60_000 });
      await page.waitForSelector("[data-testid=instability-status][data-plain]", { timeout: 60_000 });
      await page.addScriptTag({ content: readFileSync(axePath, "utf8") });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: () => Promise<{
                violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run();
        return result.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")}`,
          );
      });
      expect(violations, lang).toEqual([]);
      await page.context().close();
    }
  });

  it("writes a screenshot of every chapter, in both languages and at phone width, with no chart text over other text", async () => {
    for (const lang of ["en", "zh"]) {
      // the playground at full speed: 300 epochs at the students' pace would take 20 s
      const { page } = await openLab(lab.browser, lab.url, `?lang=${lang}&pg.speed=fast`);
      await page.waitForSelector("[data-testid=path-status][data-state=done]", { timeout: 60_000 });
      await page.waitForSelector("[data-testid=instability-status][data-plain]", { timeout: 60_000 });
      await page.waitForSelector("[data-testid=early-status][data-distance]");
      await page.click("[data-testid=playground-train]");
      await page.waitForFunction(
        () =>
          Number(document.querySelector("[data-testid=playground-stats]")?.getAttribute("data-epoch")) >= 300,
        undefined,
        { timeout: 60_000 },
      );
      await page.click("[data-testid=playground-train]");
      for (const id of CHAPTERS) {
        await page.locator(`#${id}`).screenshot({ path: `${SCREENSHOTS}/${id}-${lang}.png` });
        // no chart text drawn over other chart text: ticks, titles, direct labels
        expect(await chartTextClashes(page, `#${id}`), `${id} ${lang}`).toEqual([]);
      }
      await page.context().close();
    }
    for (const lang of ["en", "zh"]) {
      const { page } = await openLab(lab.browser, lab.url, `?lang=${lang}`, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      if (lang === "en") await page.screenshot({ path: `${SCREENSHOTS}/phone-en.png` });
      await page.waitForSelector("[data-testid=path-status][data-state=done]", { timeout: 60_000 });
      await page.waitForSelector("[data-testid=instability-status][data-plain]", { timeout: 60_000 });
      await page.waitForSelector("[data-testid=early-status][data-distance]");
      expect(await chartTextClashes(page, "main"), `390 px, ${lang}`).toEqual([]);
      await page.context().close();
    }
  });
});
