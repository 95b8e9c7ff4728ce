/**
 * Teacher mode in Chromium: the chapters shown are numbered 1, 2, …; hidden chapters are not built
 * and fetch nothing; a key the lab does not know is named on the page; the "Share / teach" panel
 * builds the link from its checkboxes; a "Try this" step that would change a hidden setting is
 * left out, and the panel says which settings the lesson keeps fixed.
 */
import { describe, expect, it } from "vitest";
import { labEn, labZh } from "../../src/i18n/lab.js";
import { STEPPER_STORY } from "../../web/src/chapters/stepperStory.js";
import { hasChromium, labInBrowser, openLab } from "../helpers/browser.js";

describe.skipIf(!hasChromium)("teacher mode", () => {
  const lab = labInBrowser();

  it("numbers the chapters shown and fetches nothing for the hidden ones", async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    context.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const page = await context.newPage();
    await page.goto(`${lab.url}?only=sigmoid,instability`);
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForSelector("[data-testid=instability-status][data-verdict]", { timeout: 60_000 });
    expect(await page.textContent("#sigmoid .chapter-number")).toBe("1");
    expect(await page.textContent("#instability .chapter-number")).toBe("2");
    expect(await page.locator("#path").count()).toBe(0);
    expect(await page.locator("#scale").count()).toBe(0);
    // the path and scale chapters would fetch their CSV data sets
    expect(requested.filter((path) => path.endsWith(".csv"))).toEqual([]);
    await context.close();
  });

  it("names unknown keys instead of showing an empty page", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url, "?only=nonsense&hide=pg.l2,pg.nope");
    expect(await page.isVisible("#sigmoid")).toBe(true);
    expect(await page.isVisible("#scale")).toBe(true);
    const warning = await page.textContent("main > .warning");
    expect(warning).toContain("nonsense");
    expect(warning).toContain("pg.nope");
    expect(warning).not.toContain("pg.l2");
    expect(await page.isVisible("#playground [data-control='pg.l2']")).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("builds a lesson's link from the share panel's checkboxes", async () => {
    const { page, errors } = await openLab(lab.browser, lab.url, "?sig.m=0.0005");
    await page.click("[data-testid=share-panel] summary");
    for (const key of ["stepper", "playground", "path", "instability", "scale", "sig.c"])
      await page.uncheck(`[data-testid=share-panel] input[data-key="${key}"]`);
    const link = new URL(await page.inputValue("[data-testid=share-link]"));
    expect(link.searchParams.get("only")).toBe("sigmoid");
    expect(link.searchParams.get("hide")).toBe("sig.c");
    expect(link.searchParams.get("sig.m")).toBe("0.0005");
    // and the link does what it says
    const lesson = await openLab(lab.browser, `${link.origin}${link.pathname}`, link.search);
    expect(await lesson.page.isVisible("#sigmoid")).toBe(true);
    expect(await lesson.page.locator("#stepper").count()).toBe(0);
    expect(await lesson.page.isVisible("#sigmoid [data-control='sig.c']")).toBe(false);
    expect(await lesson.page.inputValue("#sigmoid [data-control='sig.m'] input")).not.toBe("");
    expect(errors.concat(lesson.errors)).toEqual([]);
    await page.context().close();
    await lesson.page.context().close();
  });

  it("leaves out a Try-this step that would change a hidden setting, and names the setting", async () => {
    // the lesson fixes the data at xor and hides it, and hides dropout at its 0
    const { page, errors } = await openLab(
      lab.browser,
      lab.url,
      "?only=playground&pg.data=xor&hide=pg.data,pg.drop",
    );
    // "overfit" would switch the data to the spiral: left out; "penalty" only turns L2 on: kept
    expect(await page.isVisible('[data-step="playground.overfit"]')).toBe(false);
    expect(await page.isVisible('[data-step="playground.penalty"]')).toBe(true);
    const note = page.locator("#playground [data-testid=try-left-out]");
    // dropout is hidden at the value the step sets: nothing is changed behind the student's back
    expect(await note.textContent()).toBe(labEn["lab.try.leftOut"].replace("{keys}", "pg.data"));
    await page.click('[data-testid="try-playground.penalty"]');
    expect(await page.isChecked("#playground [data-control='pg.useL2'] input")).toBe(true);
    expect(await page.inputValue("#playground [data-control='pg.data'] select")).toBe("xor");
    await page.click("[data-testid=language-switch]");
    expect(await note.textContent()).toBe(labZh["lab.try.leftOut"].replace("{keys}", "pg.data"));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps every step outside teacher mode, and hides a panel none of whose steps fit the lesson", async () => {
    const plain = await openLab(lab.browser, lab.url, "?sig.x=100");
    expect(await plain.page.locator("#sigmoid .try-step:visible").count()).toBe(4);
    expect(await plain.page.isVisible("#sigmoid [data-testid=try-left-out]")).toBe(false);
    // every sigmoid step sets the x range, which this lesson fixes at 100 and hides
    const lesson = await openLab(lab.browser, lab.url, "?only=sigmoid,scale&sig.x=100&hide=sig.x");
    expect(await lesson.page.isVisible("#sigmoid")).toBe(true);
    expect(await lesson.page.isVisible("#sigmoid .try-this")).toBe(false);
    expect(await lesson.page.isVisible("#scale .try-this")).toBe(true);
    // pressing a hidden button counts as changing it: the stepper's steps press "play"
    const noRun = await openLab(lab.browser, lab.url, "?only=stepper&hide=cr.run");
    const pressing = STEPPER_STORY.steps.filter((step) => step.press);
    expect(pressing.length).toBeGreaterThan(0);
    for (const step of pressing) expect(await noRun.page.isVisible(`[data-step="${step.id}"]`)).toBe(false);
    expect(await noRun.page.textContent("#stepper [data-testid=try-left-out]")).toContain("cr.run");
    expect([...plain.errors, ...lesson.errors, ...noRun.errors]).toEqual([]);
    for (const opened of [plain, lesson, noRun]) await opened.page.context().close();
  });
});
