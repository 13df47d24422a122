import { editionForYear } from "../editions";
import { hasNumber } from "../value";
import { scanCells } from "./common";
import { cmp, isZero } from "./num";
import type { RuleLogic } from "./types";

const ALL = ["local", "gen2014", "gen2019", "gen2021"] as const;

/** The six section titles of 2019+ reports, as keywords that survive local rewording. */
export const SECTION_KEYWORDS: readonly (readonly string[])[] = [
  ["总体情况"],
  ["主动公开"],
  ["收到和处理", "依申请"],
  ["行政复议", "行政诉讼"],
  ["存在的主要问题", "问题"],
  ["其他需要报告"],
];

const norm = (s: string) => s.replace(/\s+/g, "").replace(/[()]/g, (c) => (c === "(" ? "（" : "）"));

/** Report-level rules: non-numeric cells, edition against year, sections, statistics period, identical years. */
export const REPORT_RULES: readonly RuleLogic[] = [
  {
    id: "CELL-NOT-NUMERIC",
    editions: ALL,
    severity: "warning",
    kind: "check",
    check: (ctx) => {
      return [...scanCells(ctx).texts];
    },
  },
  {
    id: "TOTAL-MISSING",
    editions: ["local", "gen2014", "gen2019", "gen2021"],
    severity: "warning",
    kind: "derived",
  },
  {
    id: "META-GEN-DETECT",
    editions: ALL,
    severity: "warning",
    kind: "check",
    check: (ctx) => {
      const y = ctx.report.meta.year;
      if (y === undefined) return [{ status: "not-assessable", cells: [], reason: "year_unknown" }];
      const expected = editionForYear(y);
      const ok = ctx.edition === "local" ? y <= 2018 : expected === ctx.edition;
      return [{ status: ok ? "pass" : "fail", cells: [], params: { year: y, edition: ctx.edition, expectedEdition: expected ?? "local" } }];
    },
  },
  {
    id: "META-SECTIONS",
    editions: ["gen2019", "gen2021"],
    severity: "warning",
    kind: "check",
    check: (ctx) => {
      if (!ctx.report.sections.length) return [{ status: "not-assessable", cells: [], reason: "no_sections" }];
      const titles = ctx.report.sections.map((s) => norm(s.title));
      const missing = SECTION_KEYWORDS.map((kws, i) => (titles.some((t) => kws.some((k) => t.includes(k))) ? 0 : i + 1)).filter((n) => n > 0);
      return [{ status: missing.length ? "fail" : "pass", cells: [], params: { missing: missing.join(", ") } }];
    },
  },
  {
    id: "META-PERIOD",
    editions: ALL,
    severity: "info",
    kind: "check",
    check: (ctx) => {
      const y = ctx.report.meta.year;
      if (y === undefined) return [];
      for (const s of ctx.report.sections) {
        const m = /(\d{4})\s*年\s*1\s*月\s*1\s*日[^。；]{0,12}?(\d{4})\s*年\s*12\s*月\s*31\s*日/.exec(s.text);
        if (m) {
          const ok = Number(m[1]) === y && Number(m[2]) === y;
          return [{ status: ok ? "pass" : "fail", cells: [], params: { year: y, period: m[0] } }];
        }
      }
      return [];
    },
  },
  {
    id: "META-EMPTY-SECTION",
    editions: ["gen2019", "gen2021"],
    severity: "info",
    kind: "check",
    check: (ctx) =>
      ctx.report.sections
        .filter((s) => (s.number === 5 || s.number === 6) && /^无[。.]?$/.test(s.text.trim()))
        .map((s) => ({ status: "fail" as const, cells: [], key: String(s.number), params: { section: s.number ?? 0 } })),
  },
  {
    id: "YOY-IDENTICAL",
    editions: ALL,
    severity: "warning",
    previous: ALL,
    kind: "check",
    check: (ctx) => {
      let compared = 0;
      let nonzero = false;
      for (const id of ctx.cellIds) {
        const a = ctx.cell(id);
        const b = ctx.prevCell(id);
        const an = hasNumber(a);
        const bn = hasNumber(b);
        if (!an && !bn) continue;
        if (!an || !bn || cmp(a.value, b.value) !== 0) return [{ status: "pass", cells: [] }];
        compared++;
        if (!isZero(a.value)) nonzero = true;
      }
      if (!compared) return [{ status: "not-assessable", cells: [], reason: "no_data" }];
      return [{ status: nonzero ? "fail" : "pass", cells: [], params: { count: compared } }];
    },
  },
];
