/** The frame every chapter shares: heading, the claim it shows, a controls panel and its figures. */
import type { LabKey } from "../../../src/i18n/lab.js";
import { h } from "./dom.js";
import { tx } from "./i18n.js";
import { isChapterShown } from "./state.js";

export interface ChapterFrame {
  section: HTMLElement;
  controls: HTMLElement;
  figures: HTMLElement;
  /** A polite live region: changing numbers a screen reader should hear. */
  live: HTMLElement;
}

export function chapterFrame(id: string, number: number, title: LabKey, claim: LabKey): ChapterFrame {
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
      h("span", { class: "chapter-number", text: `${number}` }),
      " ",
      tx("span", title),
    ),
    tx("p", claim, undefined, { class: "claim" }),
    live,
    h("div", { class: "chapter-body" }, controls, figures),
  );
  if (!isChapterShown(id)) section.hidden = true;
  return { section, controls, figures, live };
}

/** A short group heading inside a controls panel. */
export function controlGroup(title: LabKey, ...children: Node[]): HTMLFieldSetElement {
  return h("fieldset", { class: "control-group" }, tx("legend", title), ...children);
}
