/**
 * Message lookup: t(lang, key, params) fills {name} placeholders. A missing parameter is left as
 * "{name}" in the text, visibly, rather than printing "undefined".
 */
import { en, type MessageKey } from "./en.js";
import { zh } from "./zh.js";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, zh };

export type MessageParams = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language. */
export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}

/** The catalog of one language, for checks and for the web lab. */
export function catalog(lang: Lang): Readonly<Record<MessageKey, string>> {
  return catalogs[lang];
}

/** "zh" when a locale string (LANG, navigator.language) names Chinese, else "en". */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^zh\b|^zh[-_]/i.test(locale) ? "zh" : "en";
}
