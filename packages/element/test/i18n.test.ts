import { describe, expect, it } from "vitest";
import { type ElementStrings, LANGUAGE_NAMES, localeOf, stringsFor, type TemplateKey, uiText } from "../src/i18n";

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Latin words allowed in Chinese text: names of file formats. */
const FORMATS = /\b(JSON|HTML|TXT|DOCX|XLSX|PDF|Markdown)\b/g;

/** Every string of a table with its key path. */
function leaves(table: ElementStrings): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === "string") out.push([path, v]);
    else for (const [k, x] of Object.entries(v as object)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(table, "");
  return out;
}

const placeholders = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe("the element's interface text", () => {
  const zh = leaves(stringsFor("zh-CN"));
  const en = leaves(stringsFor("en"));

  it("has the same keys in both languages, and the same placeholders in each template", () => {
    expect(en.map(([k]) => k)).toEqual(zh.map(([k]) => k));
    expect(zh.length).toBeGreaterThan(40);
    const enOf = new Map(en);
    for (const [k, v] of zh) expect(placeholders(enOf.get(k) as string), k).toEqual(placeholders(v));
  });

  it("has no Chinese in English and no English in Chinese", () => {
    for (const [k, v] of en) expect(v, k).not.toMatch(CJK);
    for (const [k, v] of zh) {
      expect(v, k).toMatch(CJK);
      expect(v.replace(FORMATS, "").replace(/\{\w+\}/g, ""), k).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it("fills every template with core's fillTemplate, leaving no placeholder", () => {
    const templates = zh.filter(([, v]) => v.includes("{")).map(([k]) => k as TemplateKey);
    expect(templates).toEqual(expect.arrayContaining(["summary", "summaryImport", "filled", "loaded", "notLoaded", "readFailed", "applied"]));
    for (const locale of ["zh-CN", "en"] as const)
      for (const key of templates) {
        const params = Object.fromEntries(placeholders(stringsFor(locale)[key]).map((p, i) => [p, i + 7]));
        const text = uiText(locale, key, params);
        expect(text, key).not.toMatch(/\{\w+\}/);
        expect(text, key).toContain("7");
      }
    expect(uiText("zh-CN", "summary", { error: 1, warning: 7, info: 0 })).toBe("错误 1 项，警告 7 项，提示 0 项");
    expect(uiText("en", "summary", { error: 1, warning: 7, info: 0 })).toBe("1 error(s), 7 warning(s), 0 note(s)");
  });

  it("names each language in itself for the toggle, and reads the lang attribute", () => {
    expect(LANGUAGE_NAMES.en).not.toMatch(CJK);
    expect(LANGUAGE_NAMES["zh-CN"]).toMatch(CJK);
    expect(localeOf("en")).toBe("en");
    expect(localeOf("en-GB")).toBe("en");
    expect(localeOf("zh-CN")).toBe("zh-CN");
    expect(localeOf(null)).toBe("zh-CN");
    expect(localeOf("english")).toBe("zh-CN");
  });
});
