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
import { sharePanel } from "./ui/sharePanel.js";
import {
  flushState,
  isChapterShown,
  readString,
  teacherMode,
  unknownTeacherKeys,
  write,
} from "./ui/state.js";
import { leaveOutStepsBeyondTheLesson } from "./ui/tryThis.js";

/** Each chapter: its id, title, builder, and the prefix of its control keys (for teacher links). */
const CHAPTERS = [
  { id: "sigmoid", title: "sigmoid.title", build: sigmoidExplorer, prefix: "sig." },
  { id: "stepper", title: "stepper.title", build: chainRuleStepper, prefix: "cr." },
  { id: "playground", title: "playground.title", build: playground, prefix: "pg." },
  { id: "path", title: "path.title", build: pathExplorer, prefix: "path." },
  { id: "instability", title: "instability.title", build: instability, prefix: "in." },
  { id: "scale", title: "scale.title", build: scaleMatters, prefix: "sc." },
] as const;

/** A `hide=` key is known if a control on the page has it, or it belongs to a chapter not shown. */
function isKnownKey(key: string): boolean {
  if (document.querySelector(`[data-control="${CSS.escape(key)}"]`)) return true;
  return CHAPTERS.some((chapter) => !isChapterShown(chapter.id) && key.startsWith(chapter.prefix));
}

function teacherWarning(): HTMLElement | null {
  const unknown = unknownTeacherKeys(isKnownKey);
  if (unknown.length === 0) return null;
  return tx("p", "lab.unknownKeys", { keys: unknown.join(", ") }, { class: "warning", role: "status" });
}

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
  // a chapter the lesson hides is never built: it fetches and computes nothing
  for (const chapter of CHAPTERS) if (isChapterShown(chapter.id)) main.append(chapter.build());
  leaveOutStepsBeyondTheLesson(); // teacher mode: no step moves a setting the lesson hides
  const warning = teacherWarning();
  if (warning) main.prepend(warning);
  const built = CHAPTERS.filter((chapter) => isChapterShown(chapter.id)).map((chapter) => ({
    id: chapter.id,
    title: t(chapter.title),
    section: document.getElementById(chapter.id)!,
  }));
  document.querySelector(".header-inner")!.append(sharePanel(built));
  document.getElementById("bottom")!.replaceChildren(tx("p", "lab.footer"));
  setLanguage(language()); // label everything built above
  document.body.dataset.ready = "true";
  performance.mark("lab-ready"); // time to interactive, read by bench/lab.js
}

main();
