import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { formatNumber, formatShare } from "../../src/i18n/format.js";
import { langFromLocale, translate } from "../../src/i18n/translate.js";
import { zh } from "../../src/i18n/zh.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
describe("message catalogs", () => {
  it("have exactly the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("have no empty message", () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)])
      expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("really are translated: where the English has words, the Chinese has Chinese characters", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (key === "report.languageSwitch") continue; // names the other language on purpose
      const hasWords = /[A-Za-z]{3,}/.test(
        en[key].replace(/\{\w+\}|reglab|--[\w-]+|CSV|Lipschitz|sigmoid|softmax|logit|dropout|JSON/g, ""),
      );
      if (hasWords) expect(/\p{Script=Han}/u.test(zh[key]), key).toBe(true);
    }
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(translate("en", "message.wrote", { path: "a.svg" })).toBe("wrote a.svg");
    expect(translate("zh", "message.wrote", { path: "a.svg" })).toBe("已写入 a.svg");
    expect(translate("en", "message.wrote")).toBe("wrote {path}");
  });

  it("pick Chinese from zh locales only", () => {
    expect(langFromLocale("zh_CN.UTF-8")).toBe("zh");
    expect(langFromLocale("zh-Hans")).toBe("zh");
    expect(langFromLocale("en_US.UTF-8")).toBe("en");
    expect(langFromLocale("zu_ZA")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});

describe("number formatting", () => {
  it("shows four significant digits and exponents for very small or large numbers", () => {
    expect(formatNumber(0.00025)).toBe("0.00025");
    expect(formatNumber(2.5e-5)).toBe("2.5e-5");
    expect(formatNumber(5.779273310719955)).toBe("5.779");
    expect(formatNumber(-10000)).toBe("-10000");
    expect(formatNumber(1e7)).toBe("1e+7");
    expect(formatNumber(0)).toBe("0");
    expect(formatShare(542 / 1001)).toBe("54.1%");
  });
});
