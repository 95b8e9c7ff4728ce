/** The web lab's message catalogs (one key set, English and Chinese). */
import { type LabKey, labEn } from "./labEn.js";
import { labZh } from "./labZh.js";
import type { Lang } from "./translate.js";

export type { LabKey };
export { labEn, labZh };

export function labCatalog(lang: Lang): Readonly<Record<LabKey, string>> {
  return lang === "zh" ? labZh : labEn;
}
