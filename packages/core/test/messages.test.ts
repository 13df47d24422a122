import { describe, expect, it } from "vitest";
import { formatIssue, IMPORT_CODES, type Issue, type Locale, messagesFor, NOT_ASSESSABLE_REASONS, PARSE_CODES, type ParamValue, RULE_IDS } from "../src/index";

// A sample value for every placeholder name used by any template: cell ids where the template names a cell, the
// vocabulary keys where it names a word, plain figures otherwise. Data quoted from a document is ASCII here.
const SAMPLE: Readonly<Record<string, ParamValue>> = {
  cell: "t3.new.total",
  other: "t3.new.natural",
  row: "t3.granted.total",
  cells: ["t3.new.total", "t3.new.natural"],
  edition: "gen2019",
  expectedEdition: "gen2021",
  previousEdition: "gen2014",
  level: "county",
  expected: "integer",
  what: "ole",
  by: ["row-total", "balance"],
  chosen: "blank",
  why: "digits",
  keys: ["k1"],
  labels: ["A", "B"],
  body: "X",
  previousBody: "Y",
  unit: "元",
};
const sample = (name: string): ParamValue => SAMPLE[name] ?? "7";
const paramsOf = (template: string): Record<string, ParamValue> =>
  Object.fromEntries([...template.matchAll(/\{(\w+)(?:\.\w+)?\}/g)].map((m) => [m[1] as string, sample(m[1] as string)]));

const issue = (code: Issue["code"], phase: Issue["phase"], template: string, extra: Partial<Issue> = {}): Issue => ({
  code,
  phase,
  severity: "warning",
  status: "fail",
  cells: [],
  params: paramsOf(template),
  ...extra,
});

/** Every message the formatter can make, with the template it came from. */
function everyMessage(): { name: string; item: Parameters<typeof formatIssue>[0] }[] {
  const zh = messagesFor("zh-CN");
  const both = (t: string) => t + messagesFor("en").rules[t as never];
  const out: { name: string; item: Parameters<typeof formatIssue>[0] }[] = [];
  for (const id of RULE_IDS) out.push({ name: id, item: issue(id, "rule", both(id) + zh.rules[id]) });
  for (const reason of NOT_ASSESSABLE_REASONS)
    out.push({ name: `reason ${reason}`, item: issue("T3-YOY-CARRY", "rule", zh.reasons[reason], { status: "not-assessable", reason }) });
  out.push({ name: "pass", item: issue("T3-BALANCE", "rule", "", { status: "pass" }) });
  out.push({ name: "uncertain", item: issue("T3-BALANCE", "rule", zh.rules["T3-BALANCE"], { uncertainCells: ["t3.new.natural"] }) });
  for (const code of IMPORT_CODES) out.push({ name: code, item: issue(code, "import", zh.import[code] + messagesFor("en").import[code]) });
  for (const code of PARSE_CODES) out.push({ name: code, item: issue(code, "parse", zh.parse[code] + messagesFor("en").parse[code], { path: [] }) });
  for (const code of ["FIX-CELL", "FIX-BLANK"] as const)
    out.push({
      name: code,
      item: {
        code,
        cell: "t3.new.total",
        from: "1",
        to: "2",
        explains: [],
        complete: true,
        ambiguous: false,
        params: { cell: "t3.new.total", from: "1", to: "2", count: 2 },
      },
    });
  return out;
}

// Identifiers and file formats that are the same in every language.
const NAMES = /_gov_disclosure|JSON|HTML|PDF|OCR|Office|Word|zip|\.docx|\.xlsx|\.doc|\.xls/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

describe("formatIssue", () => {
  const all = everyMessage();

  it("covers every code of every phase", () => {
    expect(all.length).toBe(RULE_IDS.length + NOT_ASSESSABLE_REASONS.length + 2 + IMPORT_CODES.length + PARSE_CODES.length + 2);
  });

  for (const locale of ["zh-CN", "en"] as const satisfies readonly Locale[]) {
    it(`words every code in ${locale} with no placeholder left and no script of the other language`, () => {
      const bad: string[] = [];
      for (const { name, item } of all) {
        const text = formatIssue(item, locale);
        const wrong = /\{\w+(\.\w+)?\}/.test(text) || text.length < 2 || (locale === "en" ? CJK.test(text) : /[A-Za-z]{3,}/.test(text.replace(NAMES, "")));
        if (wrong) bad.push(`${name}: ${text}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it("names cells by their labels in the report's edition, lists and words in the locale", () => {
    const i = issue("IMPORT-SPLIT-AMBIGUOUS", "import", "", { params: { n: 2, cells: ["t3.new.natural", "t3.new.total"], chosen: "most-plausible" } });
    expect(formatIssue(i, "zh-CN")).toBe(
      "粘连数字的拆分不唯一（2 种拆分都满足表内关系）：“一、本年新收政府信息公开申请数量 × 自然人”、“一、本年新收政府信息公开申请数量 × 总计”；已按可能性最大的拆分填入，请核对原文。",
    );
    expect(formatIssue(i, "en")).toMatch(/^The split of glued digits is ambiguous \(2 splits satisfy every identity\): “.+”, “.+”; the most plausible split/);
  });
});
