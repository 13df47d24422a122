import Decimal from "decimal.js";
import { T3_COLUMNS, T3_OUTCOME_ROWS } from "../cells/national";
import type { Edition } from "../editions";
import type { NarrativeClaim } from "../report";
import { RULE_IDS, type RuleId } from "./ids";
import { kept } from "./common";
import { add, cmp, type Num, sub, sum, timesExact } from "./num";
import type { Outcome, RuleContext, RuleLogic } from "./types";

const ALL = ["local", "gen2014", "gen2019", "gen2021"] as const;

/** Sub-row groups of table 三 that have no cell of their own but are quoted in prose ("不予公开8件"). */
const GROUPS: Readonly<Record<string, RegExp>> = {
  denied: /^denied_\d$/,
  unable: /^unable_\d$/,
  rejected: /^rejected_\d$/,
  other: /^other(_\d)?$/,
  // "同意公开 N 件" in prose often means 予以公开 and 部分公开 together.
  disclosed: /^(granted|partial)$/,
};

const RULE_OF = new Map<string, RuleId | undefined>();

/** Which NARR rule speaks of a claimed cell id. */
export function narrativeRuleFor(cell: string): RuleId | undefined {
  if (RULE_OF.has(cell)) return RULE_OF.get(cell);
  const rule = ruleForCell(cell);
  if (RULE_OF.size < 10_000) RULE_OF.set(cell, rule);
  return rule;
}

function ruleForCell(cell: string): RuleId | undefined {
  const [table, row = "", col] = cell.split(".");
  if (table === "old") {
    if (row === "A1") return "NARR-PUB-TOTAL";
    if (row.startsWith("A2_")) return "NARR-PUB-CHANNEL";
    if (row === "A1a" || row === "A1b") return "NARR-NORM-DOCS";
    if (row === "B2_1" || row === "B2_1a") return "NARR-PRESS";
    if (row === "C1") return "NARR-APP-RECEIVED";
    if (row.startsWith("C1_")) return "NARR-APP-CHANNEL";
    if (row === "C2" || row === "C3") return "NARR-APP-DONE";
    if (row.startsWith("C3_")) return "NARR-APP-OUTCOME";
    if (row.startsWith("D")) return "NARR-REVIEW";
    if (row.startsWith("E")) return "NARR-LITIG";
    if (row === "G") return "NARR-FEE";
    return undefined;
  }
  if (table === "t3") {
    if (row === "new") return "NARR-APP-RECEIVED";
    if (row === "carry_in") return "NARR-APP-CARRY-IN";
    if (row === "total") return "NARR-APP-DONE";
    if (row === "carry_out") return "NARR-APP-CARRY-OUT";
    return col ? "NARR-APP-OUTCOME" : undefined;
  }
  if (table === "t4") return row === "review" ? "NARR-REVIEW" : "NARR-LITIG";
  if (table === "t2" && (row === "rules" || row === "normative")) return "NARR-NORM-DOCS";
  if (table === "local") return "NARR-PUB-TOTAL";
  return undefined;
}

/**
 * `make()`, kept under `outer` then `key` in `by` (at most 4,096 keys an outer key: past it they start afresh). The
 * narrative rules' answers that depend on an edition or a report's cell ids and a claimed cell alone.
 */
function keptFor<K, V>(by: { get(k: K): Map<string, V> | undefined; set(k: K, v: Map<string, V>): unknown }, outer: K, key: string, make: () => V): V {
  let byKey = by.get(outer);
  if (!byKey) {
    byKey = new Map();
    by.set(outer, byKey);
  }
  let hit = byKey.get(key);
  if (hit === undefined) {
    hit = make();
    if (byKey.size >= 4096) byKey.clear();
    byKey.set(key, hit);
  }
  return hit;
}

const T3_CELLS = new Map<Edition, Map<string, readonly string[]>>();
/** The table-三 cells a claimed cell stands for: its group's rows in its column (`t3.denied.total`), or the cell itself. */
function t3Cells(edition: Edition, cell: string): readonly string[] {
  return keptFor(T3_CELLS, edition, cell, () => {
    const [, row = "", col = ""] = cell.split(".");
    const group = Object.hasOwn(GROUPS, row) ? GROUPS[row] : undefined;
    return group && (edition === "gen2019" || edition === "gen2021")
      ? T3_OUTCOME_ROWS[edition].filter((r) => group.test(r)).map((r) => `t3.${r}.${col}`)
      : [cell];
  });
}

/** The table's value for a claimed cell: the cell itself, or the sum of a table-三 group (`t3.denied.total`). */
function tableValue(ctx: RuleContext, cell: string): { value: Num; cells: string[] } | undefined {
  if (!cell.startsWith("t3.")) {
    const v = ctx.effective(cell);
    return v === undefined ? undefined : { value: v, cells: [cell] };
  }
  const cells = [...t3Cells(ctx.edition, cell)];
  const values: Num[] = [];
  for (const c of cells) {
    const v = ctx.effective(c);
    if (v === undefined) return undefined;
    values.push(v);
  }
  return { value: sum(values), cells };
}

/** True when the stated figure agrees with the table: exactly, or within 10 % when the prose hedges (余, 多, 约, 近). */
function agrees(stated: Num, actual: Num, approximate: boolean): boolean {
  if (!approximate) return cmp(stated, actual) === 0;
  const diff = new Decimal(sub(stated, actual)).abs();
  return diff.lte(Decimal.max(timesExact(stated, "0.1"), 1));
}

/** A claim's stated figure (digits, maybe a decimal part): a number when it is a whole one of at most 15 digits. */
function statedValue(text: string): Num | undefined {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  try {
    const d = new Decimal(text);
    return d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() : d;
  } catch {
    return undefined;
  }
}

/** The claims of a report grouped by the rule that speaks of them (worked out once per validation, not once per rule). */
const CLAIMS_BY_RULE = Symbol();
function claimsFor(ctx: RuleContext, id: RuleId): readonly NarrativeClaim[] {
  const claims = ctx.report.claims;
  if (!claims?.length) return [];
  const byRule = kept(ctx, CLAIMS_BY_RULE, () => {
    const m = new Map<RuleId, NarrativeClaim[]>();
    for (const c of claims) {
      const rule = narrativeRuleFor(c.cell);
      if (!rule) continue;
      const list = m.get(rule);
      if (list) list.push(c);
      else m.set(rule, [c]);
    }
    return m;
  });
  return byRule.get(id) ?? [];
}

const SIBLINGS = new WeakMap<readonly string[], Map<string, readonly string[]>>();
/** The cells of a claimed cell's row (the cell left out), among a report's cell ids; kept per list of ids and cell. */
function siblings(cellIds: readonly string[], cell: string): readonly string[] {
  return keptFor(SIBLINGS, cellIds, cell, () => {
    const [table, row = ""] = cell.split(".");
    const prefix = table === "old" ? `old.${row}` : `${table}.${row}.`;
    return cellIds.filter((id) => id !== cell && id.startsWith(prefix));
  });
}

/**
 * Another cell of the same row (one column quoted), a part of the claimed cell (a subset quoted: an item of a group,
 * a "其中" row) holds the stated figure: the prose may quote a part (spec §4.5). Returns that cell, named in the finding.
 */
function quotesPart(ctx: RuleContext, cell: string, parts: readonly string[], stated: Num): string | undefined {
  const [table, row = "", col = ""] = cell.split(".");
  const candidates = [...siblings(ctx.cellIds, cell), ...(parts.length > 1 ? parts : [])];
  if (table === "t3" && Object.hasOwn(GROUPS, row)) for (const { id: c } of T3_COLUMNS) if (c !== col) candidates.push(`t3.${row}.${c}`);
  for (const id of candidates) {
    const found = tableValue(ctx, id);
    if (found && cmp(stated, found.value) === 0) return id;
  }
  return undefined;
}

function narrativeRule(id: RuleId): RuleLogic {
  return {
    id,
    editions: ALL,
    severity: "warning",
    kind: "check",
    check: (ctx) => {
      const claims = claimsFor(ctx, id);
      if (!claims.length) return [];
      return claims.flatMap((claim): Outcome[] => {
        const found = tableValue(ctx, claim.cell);
        if (!found) return [];
        const stated = statedValue(claim.value);
        if (stated === undefined) return [];
        const params = { cell: claim.cell, text: claim.text };
        const base = {
          key: claim.cell,
          cells: found.cells,
          actual: stated,
          expected: found.value,
          params,
        };
        if (agrees(stated, found.value, claim.approximate === true)) return [{ status: "pass", ...base }];
        // "受理 N 件" often counts this year's new applications together with those carried in: consistent, not a mismatch.
        const withCarry =
          id === "NARR-APP-RECEIVED" && claim.cell.startsWith("t3.new.") ? ctx.effective(claim.cell.replace("t3.new.", "t3.carry_in.")) : undefined;
        if (withCarry !== undefined && agrees(stated, add(found.value, withCarry), claim.approximate === true))
          return [{ status: "pass", ...base, expected: add(found.value, withCarry), cells: [...found.cells, claim.cell.replace("t3.new.", "t3.carry_in.")] }];
        const part = quotesPart(ctx, claim.cell, found.cells, stated);
        // The figure equals a part (one column, one item of a group): the prose may quote a part, but it still does not
        // state what the table says (spec §4.5, Shanghai 2019: 无法提供265件 where the table has 337). Fail, and say so.
        if (part) return [{ status: "fail", ...base, params: { ...params, quotes: part } }];
        return [{ status: "fail", ...base }];
      });
    },
  };
}

/** Rules comparing figures stated in the narrative (claims extracted by the importer) with the table (spec §4.5). */
export const NARRATIVE_RULES: readonly RuleLogic[] = RULE_IDS.filter((id) => id.startsWith("NARR-")).map(narrativeRule);
