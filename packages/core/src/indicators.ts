import { T3_COLUMNS, T3_OUTCOME_ROWS } from "./cells/national";
import type { Edition } from "./editions";
import type { Report } from "./report";
import { add, type Num, numText } from "./rules/num";

/** The harmonised indicators: the figures that carry over (exactly or approximately) across the four editions. */
export const INDICATOR_IDS = [
  "received",
  "carried_in",
  "decided",
  "granted",
  "partial",
  "refused",
  "unavailable",
  "not_processed",
  "other",
  "carried_over",
  "reviews",
  "lawsuits",
  "proactive",
  "fees",
] as const;

/** A harmonised indicator id. */
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/**
 * How an edition's cells stand for an indicator: `exact` (the same quantity by definition), `approx` (close in meaning,
 * differently bounded: say so wherever it is shown) or `none` (the edition has no equivalent: never 0).
 */
export type Exactness = "exact" | "approx" | "none";

/** How one edition maps to an indicator. */
export interface IndicatorMapping {
  readonly exactness: Exactness;
  /** The cells whose sum is the indicator (national editions); empty for `none` and for local tables. */
  readonly cells: readonly string[];
  /** Local tables: the row labels that stand for the indicator (matched on the label without spaces). */
  readonly labels?: RegExp;
  /** What differs, when approximate. */
  readonly note?: { readonly zh: string; readonly en: string };
}

/** One harmonised indicator with its mapping from each edition. */
export interface IndicatorDef {
  readonly id: IndicatorId;
  readonly zh: string;
  readonly en: string;
  readonly unit: "件" | "条" | "万元";
  readonly mappings: Readonly<Record<Edition, IndicatorMapping>>;
}

const NONE: IndicatorMapping = { exactness: "none", cells: [] };
const exact = (...cells: string[]): IndicatorMapping => ({ exactness: "exact", cells });
const approx = (zh: string, en: string, ...cells: string[]): IndicatorMapping => ({ exactness: "approx", cells, note: { zh, en } });
const local = (exactness: Exactness, labels: RegExp, note?: { zh: string; en: string }): IndicatorMapping => ({
  exactness,
  cells: [],
  labels,
  ...(note ? { note } : {}),
});
const o = (...ids: string[]) => ids.map((id) => `old.${id}`);
const total = (row: string) => `t3.${row}.${T3_COLUMNS.at(-1)?.id ?? "total"}`;
/** Table 三 rows of a group (（三）不予公开 = denied_1…8) in the total column, per edition. */
const group = (edition: "gen2019" | "gen2021", prefix: string) => T3_OUTCOME_ROWS[edition].filter((r) => r === prefix || r.startsWith(`${prefix}_`)).map(total);
const both = (f: (e: "gen2019" | "gen2021") => IndicatorMapping) => ({ gen2019: f("gen2019"), gen2021: f("gen2021") });
const t4total = (block: string) => `t4.${block}.total`;

/** The crosswalk (spec §9b): every indicator, mapped from every edition. */
export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: "received",
    zh: "收到申请数",
    en: "Applications received",
    unit: "件",
    mappings: {
      gen2014: exact(...o("C1")),
      ...both(() => exact(total("new"))),
      local: local("approx", /受理.*申请|申请.*(总数|受理)|收到.*申请/, { zh: "有的计申请件数，有的计信息条数", en: "some count requests, some count items" }),
    },
  },
  {
    id: "carried_in",
    zh: "上年结转申请数",
    en: "Carried in from last year",
    unit: "件",
    mappings: { gen2014: NONE, ...both(() => exact(total("carry_in"))), local: NONE },
  },
  {
    id: "decided",
    zh: "办结（答复）申请数",
    en: "Applications decided",
    unit: "件",
    mappings: {
      gen2014: approx("按时与延期办结数，不是按结果分类", "completions by timeliness, not by outcome", ...o("C2")),
      ...both(() => exact(total("total"))),
      local: local("approx", /(对申请的)?答复(总)?数$|^答复/, { zh: "答复总数", en: "replies in all" }),
    },
  },
  {
    id: "granted",
    zh: "予以公开",
    en: "Granted in full",
    unit: "件",
    mappings: {
      gen2014: approx("含属于已主动公开范围数", "includes requests for information already disclosed", ...o("C3_1", "C3_2")),
      ...both(() => exact(total("granted"))),
      local: local("exact", /^同意公开/),
    },
  },
  {
    id: "partial",
    zh: "部分公开",
    en: "Granted in part",
    unit: "件",
    mappings: { gen2014: exact(...o("C3_3")), ...both(() => exact(total("partial"))), local: local("exact", /同意部分公开/) },
  },
  {
    id: "refused",
    zh: "不予公开",
    en: "Refused",
    unit: "件",
    mappings: { gen2014: exact(...o("C3_4")), ...both((e) => exact(...group(e, "denied"))), local: local("exact", /否决公开|不(同意|予)公开/) },
  },
  {
    id: "unavailable",
    zh: "无法提供（信息不存在、非本机关）",
    en: "Information not held or unavailable",
    unit: "件",
    mappings: {
      gen2014: approx("含不属于本行政机关公开数", "includes requests for another agency's information", ...o("C3_5", "C3_6")),
      ...both((e) => exact(...group(e, "unable"))),
      local: local("approx", /信息不存在|非本机关|不属于本(行政)?机关/, { zh: "按表中印出的行", en: "the rows the table prints" }),
    },
  },
  {
    id: "not_processed",
    zh: "不予处理",
    en: "Not processed",
    unit: "件",
    mappings: { gen2014: NONE, ...both((e) => exact(...group(e, "rejected"))), local: NONE },
  },
  {
    id: "other",
    zh: "其他处理",
    en: "Other handling",
    unit: "件",
    mappings: {
      gen2014: approx("告知作出更改补充、告知通过其他途径办理", "applicant told to amend, or referred elsewhere", ...o("C3_7", "C3_8")),
      ...both((e) => exact(...group(e, "other"))),
      local: NONE,
    },
  },
  {
    id: "carried_over",
    zh: "结转下年度继续办理",
    en: "Carried over to next year",
    unit: "件",
    mappings: { gen2014: NONE, ...both(() => exact(total("carry_out"))), local: NONE },
  },
  {
    id: "reviews",
    zh: "行政复议",
    en: "Administrative reconsiderations",
    unit: "件",
    mappings: { gen2014: exact(...o("D")), ...both(() => exact(t4total("review"))), local: local("exact", /行政复议/) },
  },
  {
    id: "lawsuits",
    zh: "行政诉讼",
    en: "Administrative lawsuits",
    unit: "件",
    mappings: { gen2014: exact(...o("E")), ...both(() => exact(t4total("direct"), t4total("after_review"))), local: local("exact", /行政诉讼/) },
  },
  {
    id: "proactive",
    zh: "主动公开政府信息数",
    en: "Items proactively disclosed",
    unit: "条",
    mappings: {
      gen2014: exact(...o("A1")),
      gen2019: NONE,
      gen2021: NONE,
      local: local("approx", /^主动公开(政府)?(信息|文件)/, { zh: "有的计文件数", en: "some count documents" }),
    },
  },
  {
    id: "fees",
    zh: "收取费用（万元）",
    en: "Fees charged (10,000 yuan)",
    unit: "万元",
    mappings: { gen2014: exact(...o("G")), gen2019: NONE, gen2021: NONE, local: NONE },
  },
];

/** The value of one indicator in one report. */
export interface IndicatorValue {
  readonly indicator: IndicatorId;
  readonly exactness: Exactness;
  /**
   * `value`: a number; `blank`: the cells are blank, a dash or 无 (no figure given); `not-numeric`: a cell holds text;
   * `none`: the edition has no equivalent (never 0).
   */
  readonly status: "value" | "blank" | "not-numeric" | "none";
  /** Decimal text (money keeps its decimals), when status is `value`. */
  readonly value?: string;
  /** The cells summed. */
  readonly cells: readonly string[];
}

const compact = (s: string) => s.replace(/\s+/g, "").replace(/^[（(]?[一二三四五六七八九十\d]+[)）.、]?/, "");

/** The cells of a report that stand for an indicator (local tables: the first row whose label matches, this year's column). */
function cellsFor(report: Report, m: IndicatorMapping): readonly string[] {
  if (report.edition !== "local" || !m.labels) return m.cells;
  const row = report.local?.rows.find((r) => m.labels?.test(compact(r.label)));
  return row ? [`local.${row.id}.current`] : [];
}

/** Every harmonised indicator of a report, in the order of `INDICATORS`. */
export function indicatorsOf(report: Report): IndicatorValue[] {
  return INDICATORS.map((def) => {
    const m = def.mappings[report.edition];
    const cells = m.exactness === "none" ? [] : cellsFor(report, m);
    if (!cells.length) return { indicator: def.id, exactness: "none", status: "none", cells: [] };
    let sum: Num = 0;
    let numbers = 0;
    for (const id of cells) {
      const v = report.cells[id];
      if (v?.kind === "text") return { indicator: def.id, exactness: m.exactness, status: "not-numeric", cells };
      if (v?.kind === "count" || v?.kind === "money") {
        sum = add(sum, v.value);
        numbers++;
      }
    }
    return numbers
      ? { indicator: def.id, exactness: m.exactness, status: "value", value: numText(sum), cells }
      : { indicator: def.id, exactness: m.exactness, status: "blank", cells };
  });
}

/** The crosswalk as a Markdown page (docs/indicators.md). */
export function indicatorsMarkdown(): string {
  const cellsText = (m: IndicatorMapping) =>
    m.exactness === "none"
      ? "none"
      : `${m.cells.length ? m.cells.map((c) => `\`${c}\``).join(" + ") : `row label ~ \`${m.labels?.source ?? ""}\``} (${m.exactness}${m.note ? `: ${m.note.en}` : ""})`;
  const lines = [
    "# Harmonised indicators",
    "",
    "Generated from `INDICATORS` in `@gov-disclosure/core`; do not edit by hand (run `pnpm --filter @gov-disclosure/core generate`).",
    "",
    "The figures that carry over across the four editions, for series that span a change of format (spec §9b). `exact`:",
    "the same quantity by definition; `approx`: close in meaning, differently bounded (shown as such wherever it appears);",
    "`none`: the edition has no equivalent — never 0. `indicatorsOf(report)` gives each indicator's value, status",
    "(`value`, `blank`, `not-numeric`, `none`) and the cells summed.",
    "",
    "| indicator | 指标 | unit | gen2014 (2014–2018) | gen2019 | gen2021 | local |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const d of INDICATORS)
    lines.push(
      `| \`${d.id}\` ${d.en} | ${d.zh} | ${d.unit} | ${cellsText(d.mappings.gen2014)} | ${cellsText(d.mappings.gen2019)} | ${cellsText(d.mappings.gen2021)} | ${cellsText(d.mappings.local).replace(/\|/g, "\\|")} |`,
    );
  return `${lines.join("\n")}\n`;
}
