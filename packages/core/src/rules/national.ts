import { T3_BALANCE_NOTE, T3_COLUMNS, T3_OUTCOME_ROWS, T3_ROWS, T4_COLUMNS } from "../cells/national";
import type { NationalEdition } from "../cells/national";
import type { Level } from "../report";
import { equal, minus, prev, sumOf, t } from "./build";
import { intCheck, numberOf, positive } from "./common";
import { add, cmp } from "./num";
import type { Identity, Outcome, RuleContext, RuleDef } from "./types";

const N = ["gen2019", "gen2021"] as const;
const F19 = "国办公开办函〔2019〕60号";
const F21 = "国办公开办函〔2021〕30号";
const BOTH = { zh: `${F19}、${F21}`, en: "2019 and 2021 formats" };
const T3_NOTE = T3_BALANCE_NOTE.zh;

const APPLICANTS = T3_COLUMNS.filter((c) => c.id !== "total").map((c) => c.id);
const c3 = (row: string, col: string) => `t3.${row}.${col}`;

/** Identities that depend only on the edition, built once per edition. */
function perEdition(build: (edition: NationalEdition) => Identity[]): (ctx: RuleContext) => readonly Identity[] {
  const cache = new Map<string, readonly Identity[]>();
  return (ctx) => {
    const e: NationalEdition = ctx.edition === "gen2021" ? "gen2021" : "gen2019";
    let list = cache.get(e);
    if (!list) {
      list = Object.freeze(build(e));
      cache.set(e, list);
    }
    return list;
  };
}

const rowTotals = (edition: NationalEdition): Identity[] =>
  T3_ROWS[edition].map((r) =>
    sumOf(
      r.id,
      c3(r.id, "total"),
      APPLICANTS.map((c) => c3(r.id, c)),
      { cell: c3(r.id, "total") },
      "T3-TOTAL-MISSING",
    ),
  );

const outcomeSums = (edition: NationalEdition): Identity[] =>
  T3_COLUMNS.map((c) =>
    sumOf(
      c.id,
      c3("total", c.id),
      T3_OUTCOME_ROWS[edition].map((r) => c3(r, c.id)),
      { cell: c3("total", c.id) },
      "T3-TOTAL-MISSING",
    ),
  );

const balances = (): Identity[] =>
  T3_COLUMNS.map((c) =>
    equal(c.id, [t(c3("new", c.id)), t(c3("carry_in", c.id))], [t(c3("total", c.id)), t(c3("carry_out", c.id))], { cell: c3("total", c.id) }),
  );

const t4Sum = (block: string): ((ctx: RuleContext) => readonly Identity[]) =>
  perEdition(() => [
    sumOf(
      block,
      `t4.${block}.total`,
      T4_COLUMNS.filter((c) => c.id !== "total").map((c) => `t4.${block}.${c.id}`),
      { cell: `t4.${block}.total` },
    ),
  ]);

const RULE_MAKERS: ReadonlySet<Level> = new Set<Level>(["state-council-department", "province", "prefecture"]);

/** Rules of sections 二, 三 and 四 of the 2019 and 2021 formats (spec §4.2–4.4). */
export const NATIONAL_RULES: readonly RuleDef[] = [
  {
    id: "T2-INT",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：第二十条各项数量`, en: `${BOTH.en}: Art. 20 counts` },
    formula: "every count is an integer ≥ 0 (本年增/减 may be negative); every amount is a decimal ≥ 0",
    kind: "check",
    check: intCheck(["t2"]),
  },
  {
    id: "T2-19-PUB-LE-TOTAL",
    editions: ["gen2019"],
    severity: "warning",
    basis: { zh: `${F19}：第二十条第（一）项`, en: "2019 format: Art. 20 item (1)" },
    formula: "本年新公开数量 ≤ 对外公开总数量, per row",
    kind: "identity",
    identities: () =>
      ["rules", "normative"].map((r) => ({
        key: r,
        rel: "le" as const,
        lhs: [t(`t2.${r}.published`)],
        rhs: [t(`t2.${r}.total`)],
        params: { cell: `t2.${r}.published`, other: `t2.${r}.total` },
      })),
  },
  {
    id: "T2-19-ITEMS-NONNEG",
    editions: ["gen2019"],
    severity: "warning",
    basis: { zh: `${F19}：第二十条第（五）（六）（八）项`, en: "2019 format: Art. 20 items (5), (6), (8)" },
    formula: "上一年项目数量 + 本年增/减 ≥ 0, per row",
    kind: "check",
    check: (ctx) =>
      ["licensing", "services", "penalty", "coercion", "fees"].flatMap((r): Outcome[] => {
        const p = numberOf(ctx, `t2.${r}.prev`);
        const c = numberOf(ctx, `t2.${r}.change`);
        if (p === undefined || c === undefined) return [];
        const s = add(p, c);
        return [
          {
            status: cmp(s, 0) < 0 ? "fail" : "pass",
            key: r,
            cells: [`t2.${r}.prev`, `t2.${r}.change`],
            actual: s,
            params: { cell: `t2.${r}.change`, other: `t2.${r}.prev` },
          },
        ];
      }),
  },
  {
    id: "T2-19-PROC-ZERO",
    editions: ["gen2019"],
    severity: "warning",
    basis: { zh: `${F19}：第二十条第（九）项`, en: "2019 format: Art. 20 item (9)" },
    formula: "采购项目数量 = 0 ⇒ 采购总金额 = 0",
    kind: "check",
    check: (ctx) => {
      // Only a written 0 counts: a blank or text 采购项目数量 says nothing (blank is 0 inside sum rules only, spec §6).
      const n = numberOf(ctx, "t2.procurement.projects");
      if (n === undefined) return [];
      const amount = numberOf(ctx, "t2.procurement.amount");
      if (cmp(n, 0) !== 0 || amount === undefined) return [];
      return [
        {
          status: cmp(amount, 0) > 0 ? "fail" : "pass",
          cells: ["t2.procurement.projects", "t2.procurement.amount"],
          actual: amount,
          params: { cell: "t2.procurement.amount", other: "t2.procurement.projects" },
        },
      ];
    },
  },
  {
    id: "T2-19-PROC-UNIT",
    editions: ["gen2019"],
    severity: "info",
    basis: { zh: `${F19}：采购总金额未规定单位`, en: "2019 format: the total procurement amount has no unit in the header" },
    formula: "unit of 采购总金额 as written in the cell: 元, 万元 or unknown",
    kind: "check",
    check: (ctx) => {
      const v = ctx.cell("t2.procurement.amount");
      if (v?.kind !== "money" || v.value.isZero()) return [];
      return [{ status: "fail", cells: ["t2.procurement.amount"], actual: v.value, params: { cell: "t2.procurement.amount", unit: v.unit ?? "?" } }];
    },
  },
  {
    id: "T2-21-VALID-YOY",
    editions: ["gen2021"],
    severity: "warning",
    previous: ["gen2021"],
    basis: { zh: `${F21}：第二十条第（一）项`, en: "2021 format: Art. 20 item (1)" },
    formula: "现行有效件数(y) = 现行有效件数(y−1) + 本年制发件数(y) − 本年废止件数(y), per row",
    kind: "identity",
    identities: perEdition(() =>
      ["rules", "normative"].map((r) =>
        equal(r, [t(`t2.${r}.in_force`)], [prev(`t2.${r}.in_force`), t(`t2.${r}.issued`), minus(t(`t2.${r}.repealed`))], { cell: `t2.${r}.in_force` }),
      ),
    ),
  },
  {
    id: "T2-21-VALID-GE",
    editions: ["gen2021"],
    severity: "warning",
    previous: ["gen2021"],
    basis: { zh: `${F21}：第二十条第（一）项`, en: "2021 format: Art. 20 item (1)" },
    formula: "本年废止件数 ≤ 现行有效件数(y−1) + 本年制发件数, per row",
    kind: "identity",
    identities: perEdition(() =>
      ["rules", "normative"].map((r) => ({
        key: r,
        rel: "le" as const,
        lhs: [t(`t2.${r}.repealed`)],
        rhs: [prev(`t2.${r}.in_force`), t(`t2.${r}.issued`)],
        params: { cell: `t2.${r}.repealed` },
      })),
    ),
  },
  {
    id: "T2-RULE-AUTHORITY",
    editions: N,
    severity: "warning",
    basis: {
      zh: "《立法法》：规章由国务院部门、省级和设区的市级人民政府制定",
      en: "Legislation Law: rules are made by State Council departments, provincial and city governments",
    },
    formula: "规章 row is 0 or blank unless the body is a State Council department, a provincial or a 设区的市 government",
    kind: "check",
    check: (ctx) => {
      const cols = ctx.edition === "gen2021" ? ["issued", "repealed", "in_force"] : ["made", "published", "total"];
      const cells = cols.map((c) => `t2.rules.${c}`);
      const nonzero = cells.filter((c) => positive(numberOf(ctx, c)));
      const first = nonzero[0];
      if (!first) return [];
      const level = ctx.report.meta.level;
      if (!level) return [{ status: "not-assessable", cells, reason: "level_unknown" }];
      return [{ status: RULE_MAKERS.has(level) ? "pass" : "fail", cells, actual: numberOf(ctx, first) ?? 0, params: { cell: first, level } }];
    },
  },
  {
    id: "T2-21-FEE-MAGNITUDE",
    editions: ["gen2021"],
    severity: "info",
    basis: { zh: `${F21}：本年收费金额（单位：万元）`, en: "2021 format: fees in 10,000 yuan" },
    formula: "行政事业性收费 is in 万元: flag 元 written in the cell, or an amount that looks like 元 (township > 10 000; anyone > 1 000 000)",
    kind: "check",
    check: (ctx) => {
      const v = ctx.cell("t2.fees.amount");
      if (v?.kind !== "money") return [];
      const level = ctx.report.meta.level;
      const hit = v.unit === "元" || v.value.gt(1_000_000) || (level === "township" && v.value.gt(10_000));
      return [{ status: hit ? "fail" : "pass", cells: ["t2.fees.amount"], actual: v.value, params: { cell: "t2.fees.amount", unit: v.unit ?? "万元" } }];
    },
  },
  {
    id: "T3-INT",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：三、申请件数`, en: `${BOTH.en}: table 3 counts` },
    formula: "every cell of table 三 is an integer ≥ 0",
    kind: "check",
    check: intCheck(["t3"]),
  },
  {
    id: "T3-OUTCOME-SUM",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：三、（七）总计；（二）“区分处理的，只计这一情形，不计其他情形”`, en: `${BOTH.en}: table 3 (7) Total; outcomes are exclusive` },
    formula:
      "for each column c: （七）总计(c) = （一）(c) + （二）(c) + Σ（三）1–8(c) + Σ（四）1–3(c) + Σ（五）1–5(c) + （六）(c) [2019] or Σ（六）1–3(c) [2021]",
    kind: "identity",
    identities: perEdition((edition) => outcomeSums(edition)),
  },
  {
    id: "T3-BALANCE",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：表三表头“${T3_NOTE}”`, en: `${BOTH.en}: the note printed in table 3's header (“I + II = III + IV for every column”)` },
    formula: "for each column c: 一(c) + 二(c) = （七）总计(c) + 四(c)",
    kind: "identity",
    identities: perEdition(() => balances()),
  },
  {
    id: "T3-ROW-TOTAL",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：三、申请人情况“总计”列`, en: `${BOTH.en}: table 3 Total column` },
    formula: "for each row r: 总计(r) = 自然人(r) + 商业企业(r) + 科研机构(r) + 社会公益组织(r) + 法律服务机构(r) + 其他(r)",
    kind: "identity",
    identities: perEdition((edition) => rowTotals(edition)),
  },
  {
    id: "T3-TOTAL-MISSING",
    editions: N,
    severity: "warning",
    basis: { zh: "上海市政府办公厅2019年报总计列留空", en: "Totals left blank in published reports (Shanghai 2019)" },
    formula: "a 总计 cell of table 三 is blank while its components are not: the derived value is offered and used",
    kind: "derived",
  },
  {
    id: "T3-OTHER-SPLIT",
    editions: N,
    severity: "warning",
    basis: { zh: `${F21}将（六）其他处理拆为三行`, en: "the 2021 format split (6) Other handling into three rows" },
    formula: "a report for 2021 or later uses the single （六） row of 2019, or a 2019/2020 report uses the three （六） rows of 2021",
    kind: "check",
    check: (ctx) => {
      const y = ctx.report.meta.year;
      if (y === undefined) return [{ status: "not-assessable", cells: [], reason: "year_unknown" }];
      const bad = ctx.edition === "gen2021" ? y <= 2020 : y >= 2021;
      return [{ status: bad ? "fail" : "pass", cells: [], params: { year: y, edition: ctx.edition } }];
    },
  },
  {
    id: "T3-YOY-CARRY",
    editions: N,
    severity: "warning",
    previous: N,
    basis: {
      zh: "上年“结转下年度继续办理”即本年“上年结转”（未见明文规定）",
      en: "last year's carried-forward applications are this year's carried-in (expected, not written)",
    },
    formula: "for each column c: 二、上年结转(y, c) = 四、结转下年度继续办理(y−1, c)",
    kind: "identity",
    identities: perEdition(() => T3_COLUMNS.map((c) => equal(c.id, [t(c3("carry_in", c.id))], [prev(c3("carry_out", c.id))], { cell: c3("carry_in", c.id) }))),
  },
  {
    id: "T4-INT",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：四、行政复议、行政诉讼件数`, en: `${BOTH.en}: table 4 counts` },
    formula: "the 15 cells of table 四 are integers ≥ 0",
    kind: "check",
    check: intCheck(["t4"]),
  },
  {
    id: "T4-REVIEW-SUM",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：四、行政复议“总计”`, en: `${BOTH.en}: table 4 reconsideration Total` },
    formula: "行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    kind: "identity",
    identities: t4Sum("review"),
  },
  {
    id: "T4-LIT-DIRECT-SUM",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：四、未经复议直接起诉“总计”`, en: `${BOTH.en}: table 4 direct litigation Total` },
    formula: "未经复议直接起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    kind: "identity",
    identities: t4Sum("direct"),
  },
  {
    id: "T4-LIT-AFTER-SUM",
    editions: N,
    severity: "error",
    basis: { zh: `${BOTH.zh}：四、复议后起诉“总计”`, en: `${BOTH.en}: table 4 litigation after reconsideration Total` },
    formula: "复议后起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    kind: "identity",
    identities: t4Sum("after_review"),
  },
];
