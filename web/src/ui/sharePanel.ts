/**
 * The "Share / teach" panel: a teacher ticks the chapters and the controls a lesson needs and gets
 * the link (`only=` the chapters ticked, `hide=` the controls not ticked, plus the current
 * settings). Every control's key is shown beside it, so a link can also be written by hand.
 */
import { h, uniqueId } from "./dom.js";
import { t, tx } from "./i18n.js";
import { flushState } from "./state.js";

interface ChapterEntry {
  id: string;
  title: string;
  section: HTMLElement;
}

function keyCheckbox(key: string, label: string, onChange: () => void): HTMLLabelElement {
  const input = h("input", { type: "checkbox", "data-key": key });
  input.checked = true;
  input.addEventListener("change", onChange);
  return h("label", { class: "share-key" }, input, ` ${label} `, h("code", { text: key }));
}

/** The label a student sees on a control (its <label> or its group's heading). */
function controlLabel(control: Element): string {
  const label = control.querySelector("label, .control-label, .control-label-plain");
  return label?.textContent?.trim() ?? "";
}

export function sharePanel(chapters: readonly ChapterEntry[]): HTMLElement {
  const link = h("input", {
    type: "text",
    readonly: true,
    class: "share-link",
    "data-testid": "share-link",
    id: uniqueId("share-link"),
  });
  const lists = h("div", { class: "share-lists" });

  const build = () => {
    flushState();
    const params = new URLSearchParams(location.search);
    params.delete("only");
    params.delete("hide");
    const boxes = [...lists.querySelectorAll<HTMLInputElement>("input[data-key]")];
    const chapterBoxes = boxes.filter((box) => box.dataset.chapter === "1");
    const chosen = chapterBoxes.filter((box) => box.checked).map((box) => box.dataset.key!);
    if (chosen.length > 0 && chosen.length < chapterBoxes.length) params.set("only", chosen.join(","));
    const hidden = boxes
      .filter((box) => box.dataset.chapter !== "1" && !box.checked && chosen.includes(box.dataset.owner!))
      .map((box) => box.dataset.key!);
    if (hidden.length > 0) params.set("hide", hidden.join(","));
    const query = params.toString().replace(/%2C/g, ",");
    link.value = `${location.origin}${location.pathname}${query ? `?${query}` : ""}`;
  };

  const fill = () => {
    lists.replaceChildren(
      ...chapters.map((chapter) => {
        const head = keyCheckbox(chapter.id, chapter.title, build);
        head.querySelector("input")!.dataset.chapter = "1";
        const controls = [...chapter.section.querySelectorAll("[data-control]")].map((control) => {
          const key = control.getAttribute("data-control")!;
          const entry = keyCheckbox(key, controlLabel(control), build);
          entry.querySelector("input")!.dataset.owner = chapter.id;
          return h("li", {}, entry);
        });
        return h("fieldset", { class: "share-chapter" }, h("legend", {}, head), h("ul", {}, ...controls));
      }),
    );
    build();
  };

  const copy = h("button", {
    type: "button",
    "data-i18n": "lab.share.copy",
    text: t("lab.share.copy"),
    onclick: async () => {
      build();
      try {
        await navigator.clipboard.writeText(link.value);
      } catch {
        link.select();
      }
    },
  });
  const details = h(
    "details",
    { class: "share-panel", "data-testid": "share-panel" },
    tx("summary", "lab.share.title"),
    tx("p", "lab.share.explain", undefined, { class: "small" }),
    lists,
    h("div", { class: "share-row" }, tx("label", "lab.share.link", undefined, { for: link.id }), link, copy),
  );
  // filled when opened: the labels are then in the current language and the settings current
  details.addEventListener("toggle", () => {
    if (details.open) fill();
  });
  return details;
}
