/**
 * claims.json: each claim keyed by its id (C1, C2, …), with its verdict, its words in both
 * languages and its measured numbers (snake_case keys, as every reglab JSON document). Keys are
 * only ever added, never renamed: scripts read this file.
 */
import type { ArticleClaims } from "../experiments/claims.js";
import type { Lang, Translator } from "../i18n/translate.js";
import { CLAIM_IDS, type ClaimId, claimTexts } from "./claimTexts.js";

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

/** Plain objects get snake_case keys, all the way down; NaN becomes null (JSON has no NaN). */
function snakeCaseKeys(value: unknown): unknown {
  if (typeof value === "number" && Number.isNaN(value)) return null;
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [snakeCase(key), snakeCaseKeys(inner)]),
    );
  }
  return value;
}

export function claimsDocument(
  claims: ArticleClaims,
  translators: Record<Lang, Translator>,
  figureFiles: Record<ClaimId, string>,
  meta: { version: string; seed: number; lang: Lang },
): Record<string, unknown> {
  const texts = { en: claimTexts(claims, translators.en), zh: claimTexts(claims, translators.zh) };
  const document: Record<string, unknown> = {
    meta: { reglab_version: meta.version, seed: meta.seed, lang: meta.lang },
  };
  for (const id of CLAIM_IDS) {
    const { id: _id, holds, ...measured } = claims[id];
    document[id] = {
      id,
      holds,
      title: { en: texts.en[id].title, zh: texts.zh[id].title },
      measured_text: { en: texts.en[id].measured, zh: texts.zh[id].measured },
      explanation: { en: texts.en[id].explanation, zh: texts.zh[id].explanation },
      figure: figureFiles[id],
      ...(snakeCaseKeys(measured) as Record<string, unknown>),
    };
  }
  return document;
}
