/**
 * Story tests: every "Try this" step of every chapter, clicked as a student would click it, in
 * English and in Chinese — and the outcome it promises checked on the page, from the step's own
 * data (web/src/chapters/*Story.ts), within its time budget. The page's own ✓ must agree.
 * Screenshots of each chapter after its last step go to test-results/screenshots/story-*.png.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { labCatalog } from "../../src/i18n/lab.js";
import { STORIES } from "../../web/src/chapters/stories.js";
import { holds, type TryStep } from "../../web/src/ui/tryStep.js";
import { chartTextClashes, hasChromium, labInBrowser, openLab } from "../helpers/browser.js";

const SCREENSHOTS = "test-results/screenshots";
const POLL_MS = 200;

/** Each check of the step, read from the page, until all hold or the step's time is up. */
async function outcome(page: Page, step: TryStep): Promise<{ held: boolean; seen: string[] }> {
  const deadline = Date.now() + (step.within ?? 10_000);
  let seen: string[] = [];
  for (;;) {
    seen = [];
    let held = true;
    for (const check of step.outcome) {
      const text = await page.evaluate(
        ([testId, attribute]) =>
          document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(attribute!) ?? null,
        [check.testId, check.attribute] as const,
      );
      seen.push(`${check.testId}[${check.attribute}] = ${text} (want ${check.op} ${check.value})`);
      held &&= holds(check, text);
    }
    if (held || Date.now() > deadline) return { held, seen };
    await page.waitForTimeout(POLL_MS);
  }
}

// the two languages at once, each on its own page: the playground's story trains at the pace a
// student watches (15 epochs a second, ~13 s of waiting per language), time the other page uses
describe.skipIf(!hasChromium)("every Try-this step keeps its promise", { concurrent: true }, () => {
  const lab = labInBrowser();
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  for (const lang of ["en", "zh"] as const) {
    it(`in ${lang === "en" ? "English" : "Chinese"}`, { timeout: 600_000 }, async ({ expect }) => {
      const { page, errors } = await openLab(lab.browser, lab.url, `?lang=${lang}`);
      const words = labCatalog(lang);
      for (const { chapter, story } of STORIES) {
        expect(await page.textContent(`#${chapter} .explain`)).toBe(words[story.explain]);
        if (story.next) expect(await page.textContent(`#${chapter} .next`)).toBe(words[story.next]);
        for (const step of story.steps) {
          const button = page.locator(`[data-testid="try-${step.id}"]`);
          expect(await button.textContent()).toBe(words[step.label]);
          const item = page.locator(`[data-step="${step.id}"]`);
          expect(await item.locator(".try-promise").textContent()).toBe(words[step.promise]);
          await button.scrollIntoViewIfNeeded();
          await button.click();
          const { held, seen } = await outcome(page, step);
          expect(held, `${lang} ${step.id}: ${seen.join("; ")}`).toBe(true);
          // the page watches its own promise and says so
          await page.waitForSelector(`[data-step="${step.id}"][data-state=held]`, { timeout: 5_000 });
        }
        await page.locator(`#${chapter}`).screenshot({ path: `${SCREENSHOTS}/story-${chapter}-${lang}.png` });
        expect(await chartTextClashes(page, `#${chapter}`), `${chapter} ${lang}`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
