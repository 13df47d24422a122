import { editionForYear } from "../editions";
import { hasNumber } from "../value";
import { scanCells } from "./common";
import { cmp, isZero } from "./num";
import type { RuleDef } from "./types";

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
export const REPORT_RULES: readonly RuleDef[] = [
  {
    id: "CELL-NOT-NUMERIC",
    editions: ALL,
    severity: "warning",
    basis: { zh: "统计表单元格应为数字、空白、“—”“/”或“无”", en: "a statistics cell holds a number, a blank, a dash or “none”" },
    formula: "a numeric cell holds other text; rules that read it are not assessed",
    kind: "check",
    check: (ctx) => {
      return [...scanCells(ctx).texts];
    },
  },
  {
    id: "TOTAL-MISSING",
    editions: ["local", "gen2014", "gen2019", "gen2021"],
    severity: "warning",
    basis: { zh: "合计项留空而分项有数", en: "a total left blank while its parts hold numbers" },
    formula: "a total cell (other than table 三) is blank while its parts are not: the derived value is offered and used",
    kind: "derived",
  },
  {
    id: "META-GEN-DETECT",
    editions: ALL,
    severity: "warning",
    basis: { zh: "国办公开办函〔2019〕60号、〔2021〕30号规定的适用年度", en: "the years each format applies to" },
    formula: "the edition of the tables matches the year covered (gen2014: 2014–2018, gen2019: 2019–2020, gen2021: 2021+, local: before 2019)",
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
    basis: { zh: "《政府信息公开条例》第五十条；年度报告格式六部分", en: "Regulations Art. 50; the six sections of the format" },
    formula: "sections 一 to 六 are present: 总体情况, 主动公开, 收到和处理申请, 行政复议和行政诉讼, 问题及改进, 其他需要报告的事项",
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
    basis: { zh: "统计期限为报告年度1月1日至12月31日", en: "statistics cover 1 January to 31 December of the report year" },
    formula: "a period stated as YYYY年1月1日 … YYYY年12月31日 names the report year",
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
    basis: { zh: "第五、六部分仅写“无”", en: "sections 5 or 6 say only “none”" },
    formula: "section 五 or 六 is just 无 (normal for 六; poor practice for 五)",
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
    basis: { zh: "逐年数据完全相同，疑为照抄上年（东莞市统计局2008–2010年）", en: "every number equals last year's: likely copied (seen in real reports)" },
    formula: "every numeric cell equals the previous year's report, and at least one is non-zero",
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
