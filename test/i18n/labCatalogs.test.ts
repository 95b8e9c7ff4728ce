import { describe, expect, it } from "vitest";
import { labEn, labZh } from "../../src/i18n/lab.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
type Key = keyof typeof labEn;

describe("the web lab's message catalogs", () => {
  it("have exactly the same keys in English and Chinese, none empty", () => {
    expect(Object.keys(labZh).sort()).toEqual(Object.keys(labEn).sort());
    for (const [key, text] of [...Object.entries(labEn), ...Object.entries(labZh)])
      expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(labEn) as Key[])
      expect(placeholders(labZh[key]), key).toEqual(placeholders(labEn[key]));
  });

  it("really are translated: where the English has words, the Chinese has Chinese characters", () => {
    for (const key of Object.keys(labEn) as Key[]) {
      const words = labEn[key].replace(
        /\{\w+\}|reglab|sigmoid|tanh|ReLU|dropout|Adam|Lipschitz|CSV|JSON|SVG|PNG/g,
        "",
      );
      if (/[A-Za-z]{3,}/.test(words)) expect(/\p{Script=Han}/u.test(labZh[key]), key).toBe(true);
    }
  });
});
