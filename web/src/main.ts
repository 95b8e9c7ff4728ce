/**
 * The lab's entry point: language, header, the six chapters in the article's order, footer.
 * Chapters are independent modules; they share the URL state, the worker and the catalogs.
 */
import "./style.css";
import { chainRuleStepper } from "./chapters/chainRuleStepper.js";
import { instability } from "./chapters/instability.js";
import { pathExplorer } from "./chapters/pathExplorer.js";
import { playground } from "./chapters/playground.js";
import { scaleMatters } from "./chapters/scaleMatters.js";
import { sigmoidExplorer } from "./chapters/sigmoidExplorer.js";
import { h } from "./ui/dom.js";
import { initialLanguage, language, setLanguage, t, tx } from "./ui/i18n.js";
import { flushState, isChapterShown, readString, teacherMode, write } from "./ui/state.js";

const CHAPTERS = [
  { id: "sigmoid", title: "sigmoid.title", build: sigmoidExplorer },
  { id: "stepper", title: "stepper.title", build: chainRuleStepper },
  { id: "playground", title: "playground.title", build: playground },
  { id: "path", title: "path.title", build: pathExplorer },
  { id: "instability", title: "instability.title", build: instability },
  { id: "scale", title: "scale.title", build: scaleMatters },
] as const;

function header(): HTMLElement {
  const switchButton = h("button", {
    type: "button",
    class: "language-switch",
    "data-testid": "language-switch",
  });
  const showSwitch = () => {
    const other = language() === "zh" ? "en" : "zh";
    switchButton.textContent = other === "zh" ? "中文" : "English";
    switchButton.lang = other === "zh" ? "zh-CN" : "en";
    switchButton.title = t("lab.switchLanguage");
  };
  switchButton.addEventListener("click", () => {
    const next = language() === "zh" ? "en" : "zh";
    write("lang", next, "");
    setLanguage(next);
    showSwitch();
    document.title = t("lab.title");
  });
  showSwitch();
  const copy = tx("button", "lab.copyLink", undefined, {
    type: "button",
    onclick: async () => {
      flushState();
      try {
        await navigator.clipboard.writeText(location.href);
        copied.textContent = t("lab.copied");
      } catch {
        copied.textContent = location.href;
      }
    },
  });
  const copied = h("span", { class: "small", "aria-live": "polite" });
  const nav = h(
    "nav",
    { "aria-label": "chapters", "data-i18n-label": "lab.chapters" },
    h(
      "ol",
      {},
      ...CHAPTERS.filter((chapter) => isChapterShown(chapter.id)).map((chapter) =>
        h("li", {}, h("a", { href: `#${chapter.id}` }, tx("span", chapter.title))),
      ),
    ),
  );
  return h(
    "div",
    { class: "header-inner" },
    h(
      "div",
      { class: "brand" },
      h("h1", {}, "reglab ", tx("span", "lab.tagline", undefined, { class: "tagline" })),
      tx("p", "lab.intro"),
    ),
    h("div", { class: "header-tools" }, switchButton, copy, copied),
    teacherMode() ? tx("p", "lab.teacherMode", undefined, { class: "teacher-note" }) : null,
    nav,
  );
}

function main(): void {
  setLanguage(initialLanguage(readString("lang")));
  document.title = t("lab.title");
  document.getElementById("top")!.replaceChildren(header());
  const main = document.getElementById("main")!;
  for (const chapter of CHAPTERS) main.append(chapter.build());
  document.getElementById("bottom")!.replaceChildren(tx("p", "lab.footer"));
  setLanguage(language()); // label everything built above
  document.body.dataset.ready = "true";
  performance.mark("lab-ready"); // time to interactive, read by bench/lab.js
}

main();
