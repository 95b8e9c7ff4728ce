/**
 * The frame every chapter shares: heading, the claim it shows, a plain-words explanation, the
 * "Try this" steps, a controls panel and its figures, and a closing sentence that leads on.
 * Chapter numbers count the chapters shown, so a teacher's selection reads 1, 2, 3.
 */
import type { LabKey } from "../../../src/i18n/lab.js";
import { CHAPTER_IDS, type ChapterId } from "../chapters/order.js";
import { h } from "./dom.js";
import { tx } from "./i18n.js";
import { isChapterShown } from "./state.js";
import type { TryStep } from "./tryStep.js";
import { tryThisPanel } from "./tryThis.js";

export interface Story {
  /** What the chapter shows, in plain words. */
  explain: LabKey;
  steps: readonly TryStep[];
  /** The sentence that leads to the next chapter (none after the last). */
  next?: LabKey;
}

/** This chapter's number among the chapters shown. */
export function chapterNumber(id: ChapterId): number {
  return CHAPTER_IDS.filter(isChapterShown).indexOf(id) + 1;
}

export interface ChapterFrame {
  section: HTMLElement;
  controls: HTMLElement;
  figures: HTMLElement;
  /** A polite live region: changing numbers a screen reader should hear. */
  live: HTMLElement;
}

export function chapterFrame(id: ChapterId, title: LabKey, claim: LabKey, story: Story): ChapterFrame {
  const headingId = `${id}-title`;
  const controls = h("div", { class: "controls" });
  const figures = h("div", { class: "figures" });
  // announced to screen readers; the same numbers are shown in each chapter's own panels
  const live = h("p", { class: "visually-hidden", "aria-live": "polite" });
  const section = h(
    "section",
    { id, class: "chapter", "aria-labelledby": headingId },
    h(
      "h2",
      { id: headingId },
      h("span", { class: "chapter-number", text: `${chapterNumber(id)}` }),
      " ",
      tx("span", title),
    ),
    tx("p", claim, undefined, { class: "claim" }),
    tx("p", story.explain, undefined, { class: "explain" }),
    live,
    tryThisPanel(story.steps),
    h("div", { class: "chapter-body" }, controls, figures),
    story.next ? tx("p", story.next, undefined, { class: "next" }) : null,
  );
  if (!isChapterShown(id)) section.hidden = true;
  return { section, controls, figures, live };
}

/** A short group heading inside a controls panel. */
export function controlGroup(title: LabKey, ...children: Node[]): HTMLFieldSetElement {
  return h("fieldset", { class: "control-group" }, tx("legend", title), ...children);
}
