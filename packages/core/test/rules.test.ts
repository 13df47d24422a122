import { describe, expect, it } from "vitest";
import {
  BLANK,
  brokenWithin,
  type CellValue,
  count,
  createReport,
  deriveTotals,
  type Finding,
  fillTotals,
  formatIssue,
  type Identity,
  identitiesOf,
  money,
  RULE_IDS,
  type Report,
  reportCells,
  rulesFor,
  type RuleId,
  specialValue,
  type ValidateOptions,
  validateReport,
  withCell,
} from "../src/index";
import { findings, fixture, messages, set, withMeta } from "./helpers";

const T = fixture("taishun-2018"); // gen2014, clean
const P = fixture("pingtan-2021"); // gen2021, clean
const S = fillTotals(fixture("shanghai-govoffice-2019")); // gen2019, blank totals filled: clean
const L = fixture("pingtan-2017"); // local, clean

type Run = readonly [Report, ValidateOptions?];
interface Case {
  readonly rule: RuleId;
  readonly pass: Run;
  /** The passing report yields a finding with status "pass" (rules that only report failures yield nothing). */
  readonly passFinding?: boolean;
  readonly fail: Run;
  readonly key?: string;
  readonly expected: Partial<Finding>;
}

const claim = (r: Report, cell: string, value: string, text: string, approximate = false): Report => ({
  ...r,
  claims: [...(r.claims ?? []), { cell, value, text, ...(approximate ? { approximate } : {}) }],
});
const sections = (r: Report, patch: (s: Report["sections"]) => Report["sections"]): Report => ({ ...r, sections: patch(r.sections) });
const C1 = ["old.C1", "old.C1_1", "old.C1_2", "old.C1_3", "old.C1_4"];
const T3COL = (col: string, rows: string[]) => rows.map((r) => `t3.${r}.${col}`);
const OUTCOMES21 = [
  "granted",
  "partial",
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `denied_${i}`),
  "unable_1",
  "unable_2",
  "unable_3",
  ...[1, 2, 3, 4, 5].map((i) => `rejected_${i}`),
  "other_1",
  "other_2",
  "other_3",
];
const APPL = ["natural", "business", "research", "nonprofit", "legal", "other"];
const prev2020 = withMeta(P, { year: 2020 });

const cases: Case[] = [
  {
    rule: "CELL-NOT-NUMERIC",
    pass: [P],
    fail: [set(P, { "t3.new.natural": { kind: "text", raw: "六十四" } })],
    key: "t3.new.natural",
    expected: { severity: "warning", cells: ["t3.new.natural"], params: { cell: "t3.new.natural", text: "六十四" } },
  },
  {
    rule: "TOTAL-MISSING",
    pass: [T],
    fail: [set(T, { "old.C1": null })],
    key: "OLD-APP-CHANNEL-SUM",
    expected: { severity: "warning", cells: C1, expected: "17" },
  },
  {
    rule: "META-GEN-DETECT",
    pass: [P],
    passFinding: true,
    fail: [withMeta(P, { year: 2019 })],
    expected: { severity: "warning", params: { year: 2019, edition: "gen2021", expectedEdition: "gen2019" } },
  },
  {
    rule: "META-SECTIONS",
    pass: [P],
    passFinding: true,
    fail: [sections(P, (s) => s.filter((x) => x.number !== 4))],
    expected: { severity: "warning", params: { missing: "4" } },
  },
  {
    rule: "META-PERIOD",
    pass: [sections(T, (s) => [{ title: "前言", text: "本年报中所列数据的统计期限自2018年1月1日起至2018年12月31日止。" }, ...s])],
    passFinding: true,
    fail: [sections(T, (s) => [{ title: "前言", text: "本年报中所列数据的统计期限自2017年1月1日起至2017年12月31日止。" }, ...s])],
    expected: { severity: "info", params: { year: 2018, period: "2017年1月1日起至2017年12月31日" } },
  },
  {
    rule: "META-EMPTY-SECTION",
    pass: [P],
    fail: [sections(P, (s) => s.map((x) => (x.number === 5 ? { ...x, text: "无" } : x)))],
    key: "5",
    expected: { severity: "info", params: { section: 5 } },
  },
  {
    rule: "YOY-IDENTICAL",
    pass: [P, { previous: set(prev2020, { "t3.new.natural": 60, "t3.new.total": 66, "t3.carry_out.natural": 0, "t3.carry_out.total": 0 }) }],
    passFinding: true,
    fail: [P, { previous: prev2020 }],
    expected: { severity: "warning", params: { count: 200 } },
  },
  {
    rule: "OLD-SUBSET",
    pass: [L],
    passFinding: true,
    fail: [set(L, { "local.r2.current": 3000 })],
    key: "r2.current",
    expected: { severity: "error", cells: ["local.r2.current", "local.r1.current"], actual: "3000", expected: "2122", difference: "878" },
  },
  {
    rule: "LOCAL-ITEMS-SUM",
    pass: [L],
    passFinding: true,
    fail: [set(L, { "local.r3.current": 5 })],
    key: "r1.current",
    expected: { severity: "warning", cells: ["local.r1.current", "local.r2.current", "local.r3.current"], actual: "2122", expected: "2127", difference: "-5" },
  },
  {
    rule: "LOCAL-CUM-GE-CURRENT",
    pass: [L],
    passFinding: true,
    fail: [set(L, { "local.r14.current": 5 })],
    key: "r14",
    expected: { severity: "error", actual: "5", expected: "0" },
  },
  {
    // The real break in Pingtan 2017: the 2016 report's 历年累计 was 85376, 2017's restarts at 10037.
    rule: "LOCAL-CUM-YOY",
    pass: [L, { previous: withMeta(set(L, { "local.r1.cumulative": 7915, "local.r2.cumulative": 7915 }), { year: 2016 }) }],
    passFinding: true,
    fail: [L, { previous: withMeta(set(L, { "local.r1.cumulative": 85376 }), { year: 2016 }) }],
    key: "r1",
    expected: {
      severity: "warning",
      cells: ["local.r1.cumulative", "local.r1.current"],
      previousCells: ["local.r1.cumulative"],
      actual: "10037",
      expected: "87498",
      difference: "-77461",
    },
  },
  { rule: "OLD-INT", pass: [T], fail: [set(T, { "old.F": -1 })], key: "old.F", expected: { severity: "error", cells: ["old.F"], actual: "-1" } },
  {
    rule: "OLD-PUB-CHAN-UPPER",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.A1": 22728 })],
    expected: { severity: "error", actual: "22728", expected: "22727", difference: "1" },
  },
  {
    rule: "OLD-PUB-CHAN-LOWER",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.A1": 21000 })],
    expected: { severity: "error", actual: "21000", expected: "21187" },
  },
  {
    rule: "OLD-PUB-CHAN-NODEDUP",
    pass: [set(T, { "old.A1": 22000 })],
    passFinding: true,
    fail: [T],
    expected: { severity: "info", actual: "22727", expected: "22727" },
  },
  {
    rule: "OLD-PUB-NORM-SUBSET",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.A1a": 30000, "old.A1b": 30000 })],
    expected: { severity: "error", cells: ["old.A1a", "old.A1"], actual: "30000", expected: "22727" },
  },
  {
    rule: "OLD-PUB-NORM-ISSUED",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.A1a": 20 })],
    expected: { severity: "warning", cells: ["old.A1a", "old.A1b"], actual: "20", expected: "19" },
  },
  {
    rule: "OLD-RESP-LEAD-PRESS",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.B2_1a": 16 })],
    expected: { severity: "error", actual: "16", expected: "15" },
  },
  {
    rule: "OLD-RESP-LEAD-INTERVIEW",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.B2_2a": 10 })],
    expected: { severity: "error", actual: "10", expected: "9" },
  },
  {
    rule: "OLD-RESP-HOTSPOT-UPPER",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.B1": 46 })],
    expected: { severity: "warning", actual: "46", expected: "45" },
  },
  {
    rule: "OLD-APP-CHANNEL-SUM",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.C1_3": 8 })],
    expected: { severity: "error", cells: C1, actual: "17", expected: "16", difference: "1" },
  },
  {
    rule: "OLD-APP-DONE-SUM",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.C2_1": 13 })],
    expected: { severity: "error", cells: ["old.C2", "old.C2_1", "old.C2_2"], actual: "16", expected: "15" },
  },
  {
    rule: "OLD-APP-REPLY-SUM",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.C3_2": 9 })],
    expected: { severity: "error", actual: "16", expected: "17", difference: "-1" },
  },
  { rule: "OLD-APP-DENY-SUM", pass: [T], passFinding: true, fail: [set(T, { "old.C3_4e": 2 })], expected: { severity: "error", actual: "3", expected: "2" } },
  {
    rule: "OLD-APP-DONE-REPLY",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.C2": 17, "old.C2_1": 15 })],
    expected: { severity: "warning", cells: ["old.C2", "old.C3"], actual: "17", expected: "16" },
  },
  {
    rule: "OLD-APP-DONE-LE-RECEIVED",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.C1": 15, "old.C1_3": 7 })],
    expected: { severity: "warning", cells: ["old.C2", "old.C1"], actual: "16", expected: "15" },
  },
  {
    rule: "OLD-REVIEW-SUM",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.D1": 1 })],
    expected: { severity: "error", actual: "0", expected: "1", difference: "-1" },
  },
  { rule: "OLD-LITIG-SUM", pass: [T], passFinding: true, fail: [set(T, { "old.E2": 2 })], expected: { severity: "error", actual: "0", expected: "2" } },
  {
    rule: "OLD-STAFF-SUM",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.H3": 65 })],
    expected: { severity: "error", cells: ["old.H3", "old.H3_1", "old.H3_2"], actual: "65", expected: "64" },
  },
  {
    rule: "OLD-TRAIN-PLAUSIBLE",
    pass: [T],
    passFinding: true,
    fail: [set(T, { "old.I3": 0 })],
    expected: { severity: "info", cells: ["old.I2", "old.I3"], actual: "0" },
  },
  { rule: "T2-INT", pass: [P], fail: [set(P, { "t2.licensing.decisions": -1 })], key: "t2.licensing.decisions", expected: { severity: "error", actual: "-1" } },
  {
    rule: "T2-19-PUB-LE-TOTAL",
    pass: [S],
    passFinding: true,
    fail: [set(S, { "t2.rules.published": 600 })],
    key: "rules",
    expected: { severity: "warning", actual: "600", expected: "524" },
  },
  {
    rule: "T2-19-ITEMS-NONNEG",
    pass: [S],
    passFinding: true,
    fail: [set(S, { "t2.licensing.change": -1 })],
    key: "licensing",
    expected: { severity: "warning", actual: "-1" },
  },
  {
    rule: "T2-19-PROC-ZERO",
    pass: [set(S, { "t2.procurement.projects": 0, "t2.procurement.amount": money("0") })],
    passFinding: true,
    fail: [set(S, { "t2.procurement.projects": 0 })],
    expected: { severity: "warning", actual: "251000" },
  },
  {
    rule: "T2-19-PROC-UNIT",
    pass: [set(S, { "t2.procurement.amount": null })],
    fail: [S],
    expected: { severity: "info", actual: "251000", params: { cell: "t2.procurement.amount", unit: "元", actual: "251000" } },
  },
  {
    rule: "T2-21-VALID-YOY",
    pass: [P, { previous: set(prev2020, { "t2.normative.in_force": 599 }) }],
    passFinding: true,
    fail: [P, { previous: set(prev2020, { "t2.normative.in_force": 600 }) }],
    key: "normative",
    expected: {
      severity: "warning",
      cells: ["t2.normative.in_force", "t2.normative.issued", "t2.normative.repealed"],
      previousCells: ["t2.normative.in_force"],
      actual: "665",
      expected: "666",
      difference: "-1",
    },
  },
  {
    rule: "T2-21-VALID-GE",
    pass: [P, { previous: prev2020 }],
    passFinding: true,
    fail: [set(P, { "t2.normative.issued": 1 }), { previous: set(prev2020, { "t2.normative.in_force": 1 }) }],
    key: "normative",
    expected: { severity: "warning", actual: "3", expected: "2" },
  },
  {
    rule: "T2-RULE-AUTHORITY",
    pass: [set(P, { "t2.rules.issued": 2 })],
    passFinding: true,
    fail: [withMeta(set(P, { "t2.rules.issued": 2 }), { level: "county" })],
    expected: { severity: "warning", actual: "2", params: { cell: "t2.rules.issued", level: "county", actual: "2" } },
  },
  {
    rule: "T2-21-FEE-MAGNITUDE",
    pass: [P],
    passFinding: true,
    fail: [withMeta(P, { level: "township" })],
    expected: { severity: "info", cells: ["t2.fees.amount"], actual: "24252.311082" },
  },
  { rule: "T3-INT", pass: [P], fail: [set(P, { "t3.denied_2.business": -1 })], key: "t3.denied_2.business", expected: { severity: "error", actual: "-1" } },
  {
    rule: "T3-OUTCOME-SUM",
    pass: [P],
    passFinding: true,
    fail: [set(P, { "t3.total.natural": 62, "t3.total.total": 68, "t3.carry_out.natural": 2, "t3.carry_out.total": 2 })],
    key: "natural",
    expected: { severity: "error", cells: ["t3.total.natural", ...T3COL("natural", OUTCOMES21)], actual: "62", expected: "63", difference: "-1" },
  },
  {
    rule: "T3-BALANCE",
    pass: [P],
    passFinding: true,
    fail: [set(P, { "t3.carry_out.natural": 2, "t3.carry_out.total": 2 })],
    key: "natural",
    expected: {
      severity: "error",
      cells: ["t3.new.natural", "t3.carry_in.natural", "t3.total.natural", "t3.carry_out.natural"],
      actual: "64",
      expected: "65",
      difference: "-1",
    },
  },
  {
    rule: "T3-ROW-TOTAL",
    pass: [P],
    passFinding: true,
    fail: [set(P, { "t3.new.total": 71 })],
    key: "new",
    expected: { severity: "error", cells: ["t3.new.total", ...APPL.map((c) => `t3.new.${c}`)], actual: "71", expected: "70" },
  },
  { rule: "T3-TOTAL-MISSING", pass: [P], fail: [set(P, { "t3.granted.total": null })], key: "granted", expected: { severity: "warning", expected: "30" } },
  {
    rule: "T3-OTHER-SPLIT",
    pass: [P],
    passFinding: true,
    fail: [withMeta(P, { year: 2020 })],
    expected: { severity: "warning", params: { year: 2020, edition: "gen2021" } },
  },
  {
    rule: "T3-YOY-CARRY",
    pass: [P, { previous: set(prev2020, { "t3.carry_out.natural": 0, "t3.carry_out.total": 0 }) }],
    passFinding: true,
    // Shanghai's 2019 report carried 72 applications forward; as a stand-in previous year for Pingtan they do not match.
    fail: [P, { previous: withMeta(S, { year: 2020, body: P.meta.body as string }) }],
    key: "total",
    expected: { severity: "warning", cells: ["t3.carry_in.total"], previousCells: ["t3.carry_out.total"], actual: "0", expected: "72", difference: "-72" },
  },
  { rule: "T4-INT", pass: [P], fail: [set(P, { "t4.review.corrected": -1 })], key: "t4.review.corrected", expected: { severity: "error", actual: "-1" } },
  {
    rule: "T4-REVIEW-SUM",
    pass: [P],
    passFinding: true,
    fail: [set(P, { "t4.review.total": 4 })],
    key: "review",
    expected: { severity: "error", actual: "4", expected: "3" },
  },
  {
    rule: "T4-LIT-DIRECT-SUM",
    pass: [P],
    passFinding: true,
    fail: [set(P, { "t4.direct.upheld": 11 })],
    key: "direct",
    expected: { severity: "error", actual: "12", expected: "11" },
  },
  {
    rule: "T4-LIT-AFTER-SUM",
    pass: [P],
    passFinding: true,
    fail: [set(P, { "t4.after_review.total": 1 })],
    key: "after_review",
    expected: { severity: "error", actual: "1", expected: "0" },
  },
  // Narrative claims (as the importer extracts them) against the table.
  {
    rule: "NARR-PUB-TOTAL",
    pass: [claim(T, "old.A1", "22727", "全县主动公开政府信息22727条")],
    passFinding: true,
    fail: [claim(T, "old.A1", "22700", "全县主动公开政府信息22700条")],
    key: "old.A1",
    expected: { severity: "warning", actual: "22700", expected: "22727", difference: "-27" },
  },
  {
    rule: "NARR-PUB-CHANNEL",
    pass: [claim(T, "old.A2_3", "458", "政务微博信息数458条")],
    passFinding: true,
    fail: [claim(T, "old.A2_3", "485", "政务微博信息数485条")],
    key: "old.A2_3",
    expected: { actual: "485", expected: "458" },
  },
  {
    rule: "NARR-APP-RECEIVED",
    pass: [claim(T, "old.C1", "17", "政府信息公开申请17件")],
    passFinding: true,
    fail: [claim(T, "old.C1", "18", "政府信息公开申请18件")],
    key: "old.C1",
    expected: { actual: "18", expected: "17" },
  },
  {
    rule: "NARR-APP-CHANNEL",
    pass: [claim(T, "old.C1_3", "9", "网络申请9件")],
    passFinding: true,
    fail: [claim(T, "old.C1_3", "19", "网络申请19件")],
    key: "old.C1_3",
    expected: { actual: "19", expected: "9" },
  },
  {
    rule: "NARR-APP-CARRY-IN",
    pass: [claim(S, "t3.carry_in.total", "18", "含上年度结转18件")],
    passFinding: true,
    fail: [claim(S, "t3.carry_in.total", "81", "含上年度结转81件")],
    key: "t3.carry_in.total",
    expected: { actual: "81", expected: "18" },
  },
  {
    rule: "NARR-APP-DONE",
    pass: [claim(P, "t3.total.total", "69", "及时依法依规办结69件")],
    passFinding: true,
    fail: [claim(P, "t3.total.total", "70", "办结70件")],
    key: "t3.total.total",
    expected: { actual: "70", expected: "69" },
  },
  {
    rule: "NARR-APP-CARRY-OUT",
    pass: [claim(P, "t3.carry_out.total", "1", "1件结转下年度继续办理")],
    passFinding: true,
    fail: [claim(P, "t3.carry_out.total", "2", "2件结转下年度继续办理")],
    key: "t3.carry_out.total",
    expected: { actual: "2", expected: "1" },
  },
  {
    // Shanghai 2019's table has 337 无法提供; a claim of 337 agrees (its "265" is tested below: it quotes a part).
    rule: "NARR-APP-OUTCOME",
    pass: [claim(S, "t3.unable.total", "337", "无法提供337件")],
    passFinding: true,
    fail: [claim(S, "t3.denied.total", "30", "不予公开30件")],
    key: "t3.denied.total",
    expected: {
      cells: T3COL(
        "total",
        [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `denied_${i}`),
      ),
      actual: "30",
      expected: "35",
    },
  },
  {
    rule: "NARR-REVIEW",
    pass: [claim(S, "t4.review.total", "7", "行政复议7件")],
    passFinding: true,
    fail: [claim(S, "t4.review.total", "8", "行政复议8件")],
    key: "t4.review.total",
    expected: { actual: "8", expected: "7" },
  },
  {
    rule: "NARR-LITIG",
    pass: [claim(S, "t4.direct.total", "9", "诉讼9件")],
    passFinding: true,
    fail: [claim(S, "t4.direct.total", "6", "诉讼6件")],
    key: "t4.direct.total",
    expected: { actual: "6", expected: "9" },
  },
  {
    rule: "NARR-NORM-DOCS",
    pass: [claim(P, "t2.normative.issued", "70", "制发行政规范性文件约70件", true)],
    passFinding: true,
    fail: [claim(P, "t2.normative.issued", "96", "制发行政规范性文件96件")],
    key: "t2.normative.issued",
    expected: { actual: "96", expected: "69" },
  },
  {
    rule: "NARR-PRESS",
    pass: [claim(T, "old.B2_1", "15", "全县全年召开15场新闻发布会")],
    passFinding: true,
    fail: [claim(T, "old.B2_1", "51", "召开51场新闻发布会")],
    key: "old.B2_1",
    expected: { actual: "51", expected: "15" },
  },
  {
    rule: "NARR-FEE",
    pass: [claim(T, "old.G", "0", "未收取费用")],
    passFinding: true,
    fail: [claim(set(T, { "old.G": money("0.5") }), "old.G", "0", "未收取费用")],
    key: "old.G",
    expected: { actual: "0", expected: "0.5", difference: "-0.5" },
  },
];

describe("the rule catalogue", () => {
  it("has a pass and a fail case for every rule", () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(RULE_IDS));
    expect(cases).toHaveLength(RULE_IDS.length);
  });
});

describe.each(cases)("$rule", (c) => {
  it("passes a report that keeps it", () => {
    const [report, options] = c.pass;
    expect(findings(report, c.rule, "fail", options)).toEqual([]);
    if (c.passFinding) expect(findings(report, c.rule, "pass", options).length).toBeGreaterThan(0);
  });

  it("fails a report that breaks it, with the whole finding", () => {
    const [report, options] = c.fail;
    const failed = findings(report, c.rule, "fail", options).filter((f) => c.key === undefined || f.key === c.key);
    expect(failed).toHaveLength(1);
    const f = failed[0] as Finding;
    expect(f).toMatchObject({ code: c.rule, status: "fail", ...c.expected });
    expect(f.severity).toBe(c.expected.severity ?? f.severity);
    const msg = messages(report, c.rule, c.key, options);
    expect(msg["zh-CN"]).toBe(formatIssue(f, "zh-CN", report));
    expect(msg["zh-CN"]).not.toMatch(/\{\w+/);
    expect(msg.en).not.toMatch(/\{\w+/);
    expect(msg).toMatchSnapshot("messages");
    expect(f).toMatchSnapshot("finding");
  });
});

describe("a narrative figure that equals a part of the claimed figure", () => {
  it("fails, names the part it equals and says the prose may quote only a part (Shanghai 2019: 无法提供265件, table 337)", () => {
    const report = claim(S, "t3.unable.total", "265", "因本机关不掌握等原因无法提供265件");
    const [f] = findings(report, "NARR-APP-OUTCOME");
    expect(f).toMatchObject({ status: "fail", severity: "warning", actual: "265", expected: "337", params: { quotes: "t3.unable_1.total" } });
    expect(formatIssue(f as Finding, "zh-CN", report)).toMatch(/正文可能只引用了其中一部分。$/);
    expect(formatIssue(f as Finding, "en", report)).toMatch(/the narrative may quote only a part\.$/);
  });
});

describe("brokenWithin: the rules a partial reading breaks on its own cells", () => {
  const outcomes = identitiesOf("gen2021").find((x) => x.rule === "T3-OUTCOME-SUM")?.identity as Identity;
  const parts = outcomes.rhs.map((t) => t.cell);
  const reading = (total: CellValue, first: CellValue = count(4)): Record<string, CellValue> => ({
    "t3.total.natural": total,
    ...Object.fromEntries(parts.map((c, i) => [c, i === 0 ? first : i === 1 ? count(6) : count(0)])),
  });

  it("counts an identity of the reading's cells that fails, and not one that holds", () => {
    expect(brokenWithin("gen2021", reading(count(10)))).toBe(0);
    expect(brokenWithin("gen2021", reading(count(11)))).toBe(1);
  });

  it("reads a blank total as its parts' sum, and a part holding text as not assessable", () => {
    expect(brokenWithin("gen2021", reading(BLANK))).toBe(0);
    // the text itself breaks one check (CELL-NOT-NUMERIC); the sum is not assessed, whatever the total
    expect(brokenWithin("gen2021", reading(count(11), specialValue("若干")))).toBe(1);
    expect(brokenWithin("gen2021", reading(count(10), specialValue("若干")))).toBe(1);
  });

  it("leaves out an identity that reads a cell the reading does not have", () => {
    const { [parts[5] as string]: _, ...fewer } = reading(count(11));
    expect(brokenWithin("gen2021", fewer)).toBe(0);
  });

  it("counts a check whose failure names only the reading's cells", () => {
    const procurement = { "t2.procurement.projects": count(0), "t2.procurement.amount": money("5.1234567") };
    expect(brokenWithin("gen2019", procurement)).toBe(1);
    expect(brokenWithin("gen2019", { ...procurement, "t2.procurement.amount": money("0") })).toBe(0);
    expect(brokenWithin("gen2019", { "t2.procurement.amount": money("5.1234567") })).toBe(0);
  });
});

describe("a local table's identities, remembered by the table's shape", () => {
  it("gives each shape its own identities, whatever was validated before", () => {
    const rows = L.local?.rows ?? [];
    const child = rows.find((r) => r.parent);
    expect(child).toBeDefined();
    // the same table with one "of which" row made a row of its own
    const unparented = rows.map((r) => {
      if (r !== child) return r;
      const { parent: _, ...rest } = r;
      return rest;
    });
    const flat: Report = { ...L, local: { ...(L.local as NonNullable<Report["local"]>), rows: unparented } };
    const keys = (r: Report) => identitiesOf(r).map((x) => `${x.rule}:${x.identity.key}`);
    const before = keys(L);
    const flatKeys = keys(flat);
    expect(flatKeys.length).toBeLessThan(before.length);
    expect(flatKeys.some((k) => k.includes(`${child?.id}.`) && k.startsWith("OLD-SUBSET"))).toBe(false);
    // alternating between the shapes changes nothing
    expect(keys(L)).toEqual(before);
    expect(keys(flat)).toEqual(flatKeys);
    expect(validateReport(flat).findings).toEqual(validateReport({ ...flat, local: structuredClone(flat.local as NonNullable<Report["local"]>) }).findings);
  });

  it("reuses a shape's identities for another report's figures, and keeps a one-column table apart", () => {
    const rows = L.local?.rows ?? [];
    const child = rows.find((r) => r.parent);
    expect(child).toBeDefined();
    const childCell = `local.${child?.id}.current`;
    const parentCell = `local.${child?.parent}.current`;
    validateReport(L);
    // the same shape with a child above its parent: the cached identities must read this report's figures
    const broken: Report = { ...L, cells: { ...L.cells, [parentCell]: count(1), [childCell]: count(5) } };
    const fails = validateReport(broken).findings.filter((f) => f.code === "OLD-SUBSET" && f.status === "fail");
    expect(fails.map((f) => f.cells)).toContainEqual([childCell, parentCell]);
    // one column: no 历年累计 identities, before or after the two-column table was validated
    const local = L.local as NonNullable<Report["local"]>;
    const oneColumn: Report = { ...L, local: { ...local, columns: [local.columns?.[0] ?? "本年度"] } };
    const rules = (r: Report) => new Set(identitiesOf(r).map((x) => x.rule));
    expect(rules(L).has("LOCAL-CUM-GE-CURRENT")).toBe(true);
    expect(rules(oneColumn).has("LOCAL-CUM-GE-CURRENT")).toBe(false);
  });

  it("reads a table of the same structure with other row ids by its own ids", () => {
    validateReport(L);
    const local = L.local as NonNullable<Report["local"]>;
    // every row id renamed (r1 → x1 …), cells moved with them: the same structure, another shape
    const rename = (id: string) => id.replace(/^r/, "x");
    const renamed: Report = {
      ...L,
      local: { ...local, rows: local.rows.map((r) => ({ ...r, id: rename(r.id), ...(r.parent ? { parent: rename(r.parent) } : {}) })) },
      cells: Object.fromEntries(Object.entries(L.cells).map(([id, v]) => [id.replace(/^local\.r/, "local.x"), v])),
    };
    const child = renamed.local?.rows.find((r) => r.parent);
    const broken: Report = { ...renamed, cells: { ...renamed.cells, [`local.${child?.parent}.current`]: count(1), [`local.${child?.id}.current`]: count(5) } };
    const fails = validateReport(broken).findings.filter((f) => f.code === "OLD-SUBSET" && f.status === "fail");
    expect(fails.map((f) => f.cells)).toContainEqual([`local.${child?.id}.current`, `local.${child?.parent}.current`]);
    expect(fails.flatMap((f) => f.cells).every((c) => c.startsWith("local.x"))).toBe(true);
  });

  it("matches last year's rows by their labels at every validation (LOCAL-CUM-YOY is never kept)", () => {
    const yoy = (previous: Report) =>
      validateReport(L, { previous, includePasses: true })
        .findings.filter((f) => f.code === "LOCAL-CUM-YOY")
        .map((f) => f.key);
    const last = withMeta(L, { year: 2016 });
    const local = last.local as NonNullable<Report["local"]>;
    // last year's first row under another label: this year's first row has no match there
    const relabelled: Report = { ...last, local: { ...local, rows: local.rows.map((r, i) => (i === 0 ? { ...r, label: "另一项统计" } : r)) } };
    const before = yoy(last);
    expect(before).toContain("r1");
    expect(yoy(relabelled)).not.toContain("r1");
    expect(yoy(last)).toEqual(before);
  });

  it("validates a local report without rows, and a table of more than 100 rows, without keeping it", () => {
    const noRows = { ...L, local: {} } as unknown as Report;
    expect(() => validateReport(noRows)).not.toThrow();
    const local = L.local as NonNullable<Report["local"]>;
    const rows = Array.from({ length: 150 }, (_, i) => ({
      id: `b${i}`,
      label: `项目${i}`,
      unit: "条" as const,
      ...(i % 3 ? { parent: `b${i - (i % 3)}` } : {}),
    }));
    const big: Report = { ...L, local: { ...local, rows }, cells: { "local.b0.current": count(1), "local.b1.current": count(5) } };
    const fails = (r: Report) =>
      validateReport(r)
        .findings.filter((f) => f.code === "OLD-SUBSET" && f.status === "fail")
        .map((f) => f.key);
    expect(fails(big)).toEqual(["b1.current"]);
    expect(fails({ ...big, cells: { "local.b0.current": count(9), "local.b1.current": count(5) } })).toEqual([]);
  });

  it("never shares an identity object between editions (an identity's tables are worked out once)", () => {
    const owner = new Map<object, string>();
    for (const edition of ["gen2014", "gen2019", "gen2021"] as const)
      for (const crossYear of [false, true])
        for (const { identity } of identitiesOf(edition, { crossYear })) {
          expect(owner.get(identity) ?? edition).toBe(edition);
          owner.set(identity, edition);
        }
    expect(owner.size).toBeGreaterThan(50);
  });
});

describe("what runs for a scope, remembered without last year's report", () => {
  const prevOf = (r: Report) => withMeta(r, { year: (r.meta.year ?? 2020) - 1 });
  const statusOf = (r: Report, code: string, options: ValidateOptions = {}) =>
    validateReport(r, { includePasses: true, ...options }).findings.find((f) => f.code === code)?.reason ?? "assessed";
  it("gates the cross-year rules only when no previous report is given, in any order of calls", () => {
    const r = fixture("pingtan-2021");
    expect(statusOf(r, "YOY-IDENTICAL")).toBe("no_previous");
    expect(statusOf(r, "YOY-IDENTICAL", { previous: prevOf(r) })).not.toBe("no_previous");
    expect(statusOf(r, "YOY-IDENTICAL")).toBe("no_previous");
    expect(statusOf(L, "LOCAL-CUM-YOY")).toBe("no_previous");
    expect(statusOf(L, "LOCAL-CUM-YOY", { previous: prevOf(L) })).not.toBe("no_previous");
  });
  it("derives a partial reading's totals from its own cells only, after a whole report was validated", () => {
    validateReport(fixture("pingtan-2021"));
    const sum = identitiesOf("gen2021").find((x) => x.rule === "T3-OUTCOME-SUM")?.identity as Identity;
    const reading = (total: CellValue): Record<string, CellValue> => ({
      "t3.total.natural": total,
      ...Object.fromEntries(sum.rhs.map((t, i) => [t.cell, count(i < 2 ? 5 : 0)])),
    });
    expect(brokenWithin("gen2021", reading(count(11)))).toBe(1);
    expect(brokenWithin("gen2021", reading(BLANK))).toBe(0);
    expect(brokenWithin("gen2021", reading(count(10)))).toBe(0);
  });
});

describe("a local table's cells, remembered by its rows", () => {
  it("labels each table's cells by its own rows, whatever table of the same ids came before", () => {
    const local = L.local as NonNullable<Report["local"]>;
    const relabelled: Report = {
      ...L,
      local: { ...local, rows: local.rows.map((r, i) => (i === 0 ? { ...r, label: "另一项统计", unit: "万元" as const } : r)) },
    };
    const first = local.rows[0]?.id;
    const def = (r: Report) => reportCells(r).byId.get(`local.${first}.current`);
    expect(def(L)?.rowPath.at(-1)).toBe(local.rows[0]?.label);
    expect(def(relabelled)?.rowPath.at(-1)).toBe("另一项统计");
    expect(def(relabelled)?.kind).toBe("money");
    expect(def({ ...L, local: structuredClone(local) })?.rowPath.at(-1)).toBe(local.rows[0]?.label);
    const oneColumn: Report = { ...L, local: { ...local, columns: ["年末统计"] } };
    expect(reportCells(oneColumn).list.some((c) => c.col === "cumulative")).toBe(false);
    expect(reportCells(L).list.some((c) => c.col === "cumulative")).toBe(true);
  });
});

describe("review of session 7's caches", () => {
  it("reads a local table's cells from the rows the report has now, when a form reuses and fills its table object", () => {
    const spec: { rows: { id: string; label: string; unit: "条" | "万元"; parent?: string }[] } = { rows: [] };
    validateReport(createReport({ edition: "local", local: spec }));
    spec.rows.push({ id: "a", label: "主动公开信息数", unit: "条" }, { id: "b", label: "其中：网站", unit: "条", parent: "a" });
    const r = createReport({ edition: "local", local: spec, cells: { "local.a.current": 5, "local.b.current": 99, "local.b.cumulative": "abc" } });
    const failing = validateReport(r)
      .findings.filter((f) => f.status === "fail")
      .map((f) => f.code);
    expect(failing).toContain("CELL-NOT-NUMERIC");
    expect(failing).toContain("OLD-SUBSET");
    expect(() => withCell(r, "local.b.current", 1)).not.toThrow();
    spec.rows[0] = { id: "a", label: "经费", unit: "万元" };
    expect(reportCells(createReport({ edition: "local", local: spec })).byId.get("local.a.current")?.kind).toBe("money");
  });

  it("derives a whole report's totals after a partial reading was checked first", () => {
    brokenWithin("gen2021", {});
    brokenWithin("gen2021", { "t3.new.natural": count(3) });
    const report = createReport({ edition: "gen2021", cells: { "t3.new.natural": 3, "t3.new.business": 2 } });
    expect(deriveTotals(report)).toContainEqual({ cell: "t3.new.total", value: "5" });
  });

  it("keeps nothing a copy of a rule context would carry to another report, and checks with a frozen context", () => {
    const bad = createReport({ edition: "gen2021", cells: { "t3.new.natural": "约3" } });
    const good = createReport({ edition: "gen2021", cells: { "t3.new.natural": 3 } });
    const rule = rulesFor("gen2021").find((r) => r.id === "CELL-NOT-NUMERIC");
    if (rule?.kind !== "check") throw new Error("CELL-NOT-NUMERIC is a check");
    const ctx = {
      def: (id: string) => reportCells(bad).byId.get(id),
      report: bad,
      previous: undefined,
      edition: "gen2021" as const,
      cell: (id: string) => bad.cells[id],
      prevCell: () => undefined,
      effective: () => undefined,
      cellIds: reportCells(bad).list.map((d) => d.id),
    };
    expect(rule.check(ctx)).toHaveLength(1);
    expect(rule.check({ ...ctx, report: good, cell: (id: string) => good.cells[id] })).toHaveLength(0);
    expect(rule.check(Object.freeze({ ...ctx }))).toHaveLength(1);
  });

  it("refuses a local table that uses a row id twice", () => {
    const row = { id: "a", label: "x", unit: "条" as const };
    expect(() => createReport({ edition: "local", local: { rows: [row, row] } })).toThrow('local row id "a" is used twice');
  });
});
