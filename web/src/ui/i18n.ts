/**
 * The page's language: read from the URL (lang=zh|en), else from the browser; every visible string
 * comes from the lab catalogs (src/i18n/labEn.ts, labZh.ts) or, for figures shared with the CLI,
 * from the CLI catalogs. Elements made with `tx` re-render themselves on a switch; chapters
 * re-render their dynamic texts through onLanguageChange.
 */

import type { MessageKey } from "../../../src/i18n/en.js";
import { type LabKey, labCatalog } from "../../../src/i18n/lab.js";
import {
  catalog,
  type Lang,
  langFromLocale,
  type MessageParams,
  type Translator,
  translate,
  translator,
} from "../../../src/i18n/translate.js";
import { h } from "./dom.js";

let current: Lang = "en";
const listeners = new Set<(lang: Lang) => void>();

export function initialLanguage(fromUrl: string | null): Lang {
  if (fromUrl === "zh" || fromUrl === "en") return fromUrl;
  return langFromLocale(navigator.language);
}

export const language = (): Lang => current;

export function setLanguage(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const element of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const params = element.dataset.i18nParams
      ? (JSON.parse(element.dataset.i18nParams) as MessageParams)
      : {};
    element.textContent = t(element.dataset.i18n as LabKey, params);
  }
  for (const element of document.querySelectorAll<HTMLElement>("[data-i18n-label]")) {
    element.setAttribute("aria-label", t(element.dataset.i18nLabel as LabKey));
  }
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener: (lang: Lang) => void): void {
  listeners.add(listener);
}

/** A lab message in the current language. */
export function t(key: LabKey, params: MessageParams = {}): string {
  return labCatalog(current)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A message by key from either catalog — the lab's, or the CLI's (the library's DataError keys
 * live there, so an uploaded CSV gets the same clear message `reglab` would print).
 */
export function anyMessage(key: string, params: MessageParams = {}): string {
  if (key in labCatalog(current)) return t(key as LabKey, params);
  if (key in catalog(current)) return translate(current, key as MessageKey, params);
  return t("lab.unexpected", { message: key });
}

/** The CLI catalogs' translator (the figures drawn by src/plot use it). */
export const figureTranslator = (): Translator => translator(current);

/** A text element that follows the language. */
export function tx<
  K extends
    | "span"
    | "p"
    | "h2"
    | "h3"
    | "strong"
    | "legend"
    | "summary"
    | "caption"
    | "label"
    | "button"
    | "th",
>(
  tag: K,
  key: LabKey,
  params?: MessageParams,
  props: Record<string, unknown> = {},
): HTMLElementTagNameMap[K] {
  return h(tag, {
    ...props,
    "data-i18n": key,
    "data-i18n-params": params ? JSON.stringify(params) : undefined,
    text: t(key, params),
  });
}
