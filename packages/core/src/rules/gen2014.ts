import { hasNumber, numericOf } from "../value";
import { atMost, sumOf } from "./build";
import { intCheck } from "./common";
import { add, cmp, isZero, type Num } from "./num";
import type { RuleDef } from "./types";

const o = (id: string) => `old.${id}`;
const os = (...ids: string[]) => ids.map(o);
const CHANNELS = os("A2_1", "A2_2", "A2_3", "A2_4", "A2_5");
const E = ["gen2014"] as const;
const FORM = { zh: "政府信息公开情况统计表（国办发〔2014〕32号）", en: "2014–2018 statistics table (State Council Office 2014 No. 32)" };
const basis = (zh: string, en: string) => ({ zh: `${FORM.zh}：${zh}`, en: `${FORM.en}: ${en}` });

const sumRule = (id: RuleDef["id"], total: string, parts: readonly string[], zh: string, en: string, severity: RuleDef["severity"] = "error"): RuleDef => ({
  id,
  editions: E,
  severity,
  basis: basis(zh, en),
  formula: `${total} = ${parts.join(" + ")}`,
  kind: "identity",
  identities: () => [sumOf(id, o(total), os(...parts), { cell: o(total) })],
});

const leRule = (id: RuleDef["id"], a: string, b: readonly string[], zh: string, en: string, severity: RuleDef["severity"] = "error"): RuleDef => ({
  id,
  editions: E,
  severity,
  basis: basis(zh, en),
  formula: `${a} ≤ ${b.join(" + ")}`,
  kind: "identity",
  identities: () => [atMost(id, [o(a)], os(...b), { cell: o(a), other: o(b[0] ?? a) })],
});

/** Rules of the 2014–2018 statistics table (spec §4.1). */
export const GEN2014_RULES: readonly RuleDef[] = [
  {
    id: "OLD-INT",
    editions: E,
    severity: "error",
    basis: basis("统计数为非负整数，经费以万元计", "counts are whole numbers ≥ 0; money in 10,000 yuan ≥ 0"),
    formula: "every count is an integer ≥ 0; every 万元 amount is a decimal ≥ 0",
    kind: "check",
    check: intCheck(["old"]),
  },
  leRule(
    "OLD-PUB-CHAN-UPPER",
    "A1",
    ["A2_1", "A2_2", "A2_3", "A2_4", "A2_5"],
    "（一）主动公开政府信息数“不同渠道和方式公开相同信息计1条”",
    "(1) same information via several channels counts once",
  ),
  {
    id: "OLD-PUB-CHAN-LOWER",
    editions: E,
    severity: "error",
    basis: basis("（一）为去重后的总数，不小于任一渠道", "(1) is a de-duplicated total, at least any one channel"),
    formula: "A1 ≥ max(A2_1 … A2_5)",
    kind: "identity",
    identities: () => [
      { key: "OLD-PUB-CHAN-LOWER", rel: "ge-max", lhs: [{ cell: o("A1") }], rhs: CHANNELS.map((cell) => ({ cell })), params: { cell: o("A1") } },
    ],
  },
  {
    id: "OLD-PUB-CHAN-NODEDUP",
    editions: E,
    severity: "info",
    basis: basis("各渠道之和等于总数，即未声明任何跨渠道重复", "channels add up to the total: no cross-channel duplicates claimed"),
    formula: "A1 = A2_1 + A2_2 + A2_3 + A2_4 + A2_5 with two or more channels in use",
    kind: "check",
    check: (ctx) => {
      const total = ctx.cell(o("A1"));
      if (!hasNumber(total)) return [];
      let s: Num = 0;
      let used = 0;
      for (const c of CHANNELS) {
        const v = numericOf(ctx.cell(c));
        if (v === undefined) return [];
        if (!isZero(v)) used++;
        s = add(s, v);
      }
      const hit = used >= 2 && cmp(s, total.value) === 0;
      return [{ status: hit ? "fail" : "pass", cells: [o("A1"), ...CHANNELS], actual: total.value, expected: s, params: { cell: o("A1") } }];
    },
  },
  leRule("OLD-PUB-NORM-SUBSET", "A1a", ["A1"], "“其中：主动公开规范性文件数”是（一）的一部分", "“of which: normative documents” is part of (1)"),
  leRule(
    "OLD-PUB-NORM-ISSUED",
    "A1a",
    ["A1b"],
    "公开的规范性文件一般不多于制发的（往年文件可在后一年公开）",
    "published normative documents rarely exceed those issued",
    "warning",
  ),
  leRule("OLD-RESP-LEAD-PRESS", "B2_1a", ["B2_1"], "“其中：主要负责同志参加新闻发布会次数”", "“of which: with the principal official”"),
  leRule("OLD-RESP-LEAD-INTERVIEW", "B2_2a", ["B2_2"], "“其中：主要负责同志参加政府网站在线访谈次数”", "“of which: with the principal official”"),
  leRule(
    "OLD-RESP-HOTSPOT-UPPER",
    "B1",
    ["B2_1", "B2_2", "B2_3", "B2_4", "B2_5"],
    "（一）回应数“不同方式回应同一热点或舆情计1次”",
    "(1) one topic answered several ways counts once",
    "warning",
  ),
  sumRule("OLD-APP-CHANNEL-SUM", "C1", ["C1_1", "C1_2", "C1_3", "C1_4"], "（一）收到申请数按渠道分列", "(1) applications by channel"),
  sumRule("OLD-APP-DONE-SUM", "C2", ["C2_1", "C2_2"], "（二）申请办结数 = 按时 + 延期", "(2) completed = on time + extended"),
  sumRule("OLD-APP-REPLY-SUM", "C3", ["C3_1", "C3_2", "C3_3", "C3_4", "C3_5", "C3_6", "C3_7", "C3_8"], "（三）申请答复数按答复类型分列", "(3) replies by type"),
  sumRule(
    "OLD-APP-DENY-SUM",
    "C3_4",
    ["C3_4a", "C3_4b", "C3_4c", "C3_4d", "C3_4e", "C3_4f"],
    "4.不同意公开答复数“其中”各项（含兜底项）",
    "4. refusals by reason (with a catch-all)",
  ),
  {
    id: "OLD-APP-DONE-REPLY",
    editions: E,
    severity: "warning",
    basis: basis("办结数与答复数描述同一批已办结申请", "completed and replied describe the same finished applications"),
    formula: "C2 = C3",
    kind: "identity",
    identities: () => [sumOf("OLD-APP-DONE-REPLY", o("C2"), [o("C3")], { cell: o("C2"), other: o("C3") })],
  },
  leRule(
    "OLD-APP-DONE-LE-RECEIVED",
    "C2",
    ["C1"],
    "旧表无结转行，上年申请可在本年办结",
    "no carry-over rows; last year's applications may finish this year",
    "warning",
  ),
  sumRule("OLD-REVIEW-SUM", "D", ["D1", "D2", "D3"], "四、行政复议数量按结果分列", "4. reconsiderations by outcome"),
  sumRule("OLD-LITIG-SUM", "E", ["E1", "E2", "E3"], "五、行政诉讼数量按结果分列", "5. lawsuits by outcome"),
  sumRule("OLD-STAFF-SUM", "H3", ["H3_1", "H3_2"], "（三）从事政府信息公开工作人员数 = 专职 + 兼职", "(3) staff = full-time + part-time"),
  {
    id: "OLD-TRAIN-PLAUSIBLE",
    editions: E,
    severity: "info",
    basis: basis("举办培训班应有人参加", "a training course has attendees"),
    formula: "I2 > 0 ⇒ I3 > 0",
    kind: "check",
    check: (ctx) => {
      const courses = ctx.cell(o("I2"));
      if (!hasNumber(courses) || cmp(courses.value, 0) <= 0) return [];
      const people = numericOf(ctx.cell(o("I3")));
      if (people === undefined) return [];
      return [{ status: cmp(people, 0) > 0 ? "pass" : "fail", cells: os("I2", "I3"), actual: people, params: { cell: o("I3"), other: o("I2") } }];
    },
  },
];
