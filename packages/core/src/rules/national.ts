import { T3_COLUMNS, T3_OUTCOME_ROWS, T3_ROWS, T4_COLUMNS } from "../cells/national";
import type { NationalEdition } from "../cells/national";
import type { Level } from "../report";
import { equal, minus, prev, sumOf, t } from "./build";
import { intCheck, numberOf, positive } from "./common";
import { add, cmp } from "./num";
import type { Identity, Outcome, RuleContext, RuleLogic } from "./types";

const N = ["gen2019", "gen2021"] as const;

const APPLICANTS = T3_COLUMNS.filter((c) => c.id !== "total").map((c) => c.id);
const c3 = (row: string, col: string) => `t3.${row}.${col}`;
// Cell ids the checks read at every validation, written once: an id built by a template at each call is a new string
// that every look-up of it must hash first (T2-19-ITEMS-NONNEG's ids were a third of the time of the checks the
// glued-text import runs on its candidate readings).
const T2_19_ITEMS = ["licensing", "services", "penalty", "coercion", "fees"].map((r) => ({ r, prev: `t2.${r}.prev`, change: `t2.${r}.change` }));
const RULES_21 = ["t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force"] as const;
const RULES_19 = ["t2.rules.made", "t2.rules.published", "t2.rules.total"] as const;

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
export const NATIONAL_RULES: readonly RuleLogic[] = [
  {
    id: "T2-INT",
    editions: N,
    severity: "error",
    kind: "check",
    check: intCheck(["t2"]),
  },
  {
    id: "T2-19-PUB-LE-TOTAL",
    editions: ["gen2019"],
    severity: "warning",
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
    kind: "check",
    check: (ctx) =>
      T2_19_ITEMS.flatMap(({ r, prev, change }): Outcome[] => {
        const p = numberOf(ctx, prev);
        const c = numberOf(ctx, change);
        if (p === undefined || c === undefined) return [];
        const s = add(p, c);
        return [
          {
            status: cmp(s, 0) < 0 ? "fail" : "pass",
            key: r,
            cells: [prev, change],
            actual: s,
            params: { cell: change, other: prev },
          },
        ];
      }),
  },
  {
    id: "T2-19-PROC-ZERO",
    editions: ["gen2019"],
    severity: "warning",
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
    kind: "check",
    check: (ctx) => {
      const cells = [...(ctx.edition === "gen2021" ? RULES_21 : RULES_19)];
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
    kind: "check",
    check: intCheck(["t3"]),
  },
  {
    id: "T3-OUTCOME-SUM",
    editions: N,
    severity: "error",
    kind: "identity",
    identities: perEdition((edition) => outcomeSums(edition)),
  },
  {
    id: "T3-BALANCE",
    editions: N,
    severity: "error",
    kind: "identity",
    identities: perEdition(() => balances()),
  },
  {
    id: "T3-ROW-TOTAL",
    editions: N,
    severity: "error",
    kind: "identity",
    identities: perEdition((edition) => rowTotals(edition)),
  },
  {
    id: "T3-TOTAL-MISSING",
    editions: N,
    severity: "warning",
    kind: "derived",
  },
  {
    id: "T3-OTHER-SPLIT",
    editions: N,
    severity: "warning",
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
    kind: "identity",
    identities: perEdition(() => T3_COLUMNS.map((c) => equal(c.id, [t(c3("carry_in", c.id))], [prev(c3("carry_out", c.id))], { cell: c3("carry_in", c.id) }))),
  },
  {
    id: "T4-INT",
    editions: N,
    severity: "error",
    kind: "check",
    check: intCheck(["t4"]),
  },
  {
    id: "T4-REVIEW-SUM",
    editions: N,
    severity: "error",
    kind: "identity",
    identities: t4Sum("review"),
  },
  {
    id: "T4-LIT-DIRECT-SUM",
    editions: N,
    severity: "error",
    kind: "identity",
    identities: t4Sum("direct"),
  },
  {
    id: "T4-LIT-AFTER-SUM",
    editions: N,
    severity: "error",
    kind: "identity",
    identities: t4Sum("after_review"),
  },
];
