import { type CellKind, cellsOf, type Edition, type EditionIdentity, identitiesOf, OLD_ROWS, T3_ROWS, T4_BLOCKS } from "@gov-disclosure/core";

/** One row of a national table as the importer looks for it. @internal */
export interface RowSpec {
  readonly key: string;
  readonly table: "t2" | "t3" | "t4" | "old";
  readonly cells: readonly string[];
  readonly kinds: readonly CellKind[];
  /** Regex source matched against compact, normalised text (no whitespace; full-width folded). */
  readonly pat: string;
  /** Item number printed before the label ("2" for "2.其他法律…"), stripped with the label. */
  readonly num?: string;
  /** Last cell is the sum of the others (table 三 row totals). */
  readonly sumLast?: boolean;
  /** Blocks of this many cells whose last is the sum of the others (table 四). */
  readonly block?: number;
  /** Row ids of table 三 (new, carry_in, …) for the column identities. */
  readonly t3row?: string;
}

/**
 * How each row of table 三 is recognised in text (the importer's own knowledge: label keywords). Which rows exist,
 * in which order, with which cells, comes from core (`T3_ROWS`, `T3_COLUMNS`).
 */
const T3_PATS: Readonly<Record<string, string>> = {
  new: "本年新收政府信息公开申请数量|本年新收[^\\d]{0,8}?申请数量?",
  carry_in: "上年结转政府信息公开申请数量|上年结转[^\\d]{0,8}?申请数量?",
  granted: "\\(一\\)予以公开",
  partial: "\\(二\\)部分公开",
  denied_1: "属于国家秘密",
  denied_2: "其他法律行政法规禁止公开",
  denied_3: '危及"?三安全一稳定"?',
  denied_4: "保护第三方合法权益",
  denied_5: "属于三类内部事务信息",
  denied_6: "属于四类过程性信息",
  denied_7: "属于行政执法案卷",
  denied_8: "属于行政查询事项",
  unable_1: "本机关不掌握相关政府信息|本机关不掌握",
  unable_2: "没有现成信息需要另行制作|没有现成信息",
  unable_3: "补正后申请内容仍不明确|补正后申请内容",
  rejected_1: "信访举报投诉类申请|信访举报投诉",
  rejected_2: "重复申请",
  rejected_3: "要求提供公开出版物",
  rejected_4: "无正当理由大量反复申请",
  rejected_5: "要求行政机关确认或重新出具已获取信息|要求行政机关确认或重新出具",
  other: "\\(六\\)其他处理",
  other_1: "申请人无正当理由逾期不补正[^\\d]{0,30}?申请|逾期不补正",
  other_2: "申请人逾期未按收费通知要求缴纳费用[^\\d]{0,30}?申请|逾期未按收费通知|缴纳费用",
  other_3: "3[.、]其他(?!法律|处理|对外)",
  total: "\\(七\\)总计",
  carry_out: "结转下年度继续办理|结转下年度",
};

/** The cells of one row of a grid table of the edition, in printed (column) order, with their kinds. */
function rowCells(edition: Exclude<Edition, "local">, table: string, row: string): { cells: string[]; kinds: CellKind[] } {
  const defs = cellsOf(edition).filter((c) => c.table === table && c.row === row);
  return { cells: defs.map((d) => d.id), kinds: defs.map((d) => d.kind) };
}

/** The item number printed before a row's label in the format ("2" for "2.其他法律…"), from core's label. */
const itemNumber = (label: string | undefined): string | undefined => /^(\d+)[.、]/.exec(label ?? "")?.[1];

/**
 * The row-internal identities of a row, from core's identities: the last cell is the sum of the others (table 三's
 * row totals), or blocks of cells each end in their sum (table 四). Undefined when the row has no such identity.
 */
function rowShape(cells: readonly string[], identities: readonly EditionIdentity[]): { sumLast?: true; block?: number } {
  const at = new Map(cells.map((c, i) => [c, i]));
  const sums = identities
    .map((x) => x.identity)
    .filter((i) => i.rel === "eq" && i.lhs.length === 1 && !i.lhs[0]!.neg && i.rhs.every((t) => !t.neg && !t.prev && at.has(t.cell)) && at.has(i.lhs[0]!.cell))
    .map((i) => ({ total: at.get(i.lhs[0]!.cell)!, parts: i.rhs.map((t) => at.get(t.cell)!).sort((a, b) => a - b) }))
    // the parts are the cells just before their total, in order
    .filter((s) => s.parts.length > 0 && s.parts.every((p, k) => p === s.total - s.parts.length + k))
    .sort((a, b) => a.total - b.total);
  if (sums.length === 1 && sums[0]!.total === cells.length - 1 && sums[0]!.parts.length === cells.length - 1) return { sumLast: true };
  const size = sums[0] ? sums[0].parts.length + 1 : 0;
  if (sums.length > 1 && size * sums.length === cells.length && sums.every((s, k) => s.parts.length + 1 === size && s.total === (k + 1) * size - 1))
    return { block: size };
  return {};
}

function t3Rows(edition: "gen2019" | "gen2021"): RowSpec[] {
  const identities = identitiesOf(edition);
  return T3_ROWS[edition].map((axis) => {
    const r = axis.id;
    const pat = T3_PATS[r];
    if (pat === undefined) throw new Error(`no label pattern for table 三 row ${r}`);
    const { cells, kinds } = rowCells(edition, "t3", r);
    const num = itemNumber(axis.path.at(-1));
    return { key: `t3.${r}`, table: "t3" as const, cells, kinds, pat, ...(num ? { num } : {}), ...rowShape(cells, identities), t3row: r };
  });
}

/** Table 四 as the importer reads it: one row of every block's columns (its labels are a header, not row labels). */
function t4Row(edition: "gen2019" | "gen2021"): RowSpec {
  const cells: string[] = [];
  const kinds: CellKind[] = [];
  for (const block of T4_BLOCKS) {
    const r = rowCells(edition, "t4", block);
    cells.push(...r.cells);
    kinds.push(...r.kinds);
  }
  return { key: "t4", table: "t4", cells, kinds, pat: "行政复议[^\\d]{0,400}总计", ...rowShape(cells, identitiesOf(edition)) };
}

function t2Rows(edition: "gen2019" | "gen2021"): RowSpec[] {
  const rowIds = [...new Set(cellsOf(edition).flatMap((c) => (c.table === "t2" ? [c.row] : [])))];
  // label keywords of the section 二 rows (the rows and their cells come from core)
  const pats: Record<string, string> = {
    rules: "规章(?![制度])",
    normative: edition === "gen2021" ? "(?:行政)?规范性文件" : "(?<!行政)规范性文件",
    licensing: "行政许可",
    services: "其他对外管理服务事项",
    penalty: "行政处罚",
    coercion: "行政强制",
    fees: "行政事业性收费",
    procurement: "政府集中采购",
  };
  return rowIds.map((row) => ({ key: `t2.${row}`, table: "t2" as const, ...rowCells(edition, "t2", row), pat: pats[row] ?? row }));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Core label of a 2014 row: numbering, "其中：" and guidance in brackets removed. */
function oldCore(zh: string): string {
  return zh
    .replace(/（[^）]*）$/, "")
    .replace(/^（[一二三四五六七八九十]+）/, "")
    .replace(/^[一二三四五六七八九十]+、/, "")
    .replace(/^\d+\./, "")
    .replace(/^其中：/, "");
}

function oldRows(): RowSpec[] {
  const kinds = new Map(cellsOf("gen2014").map((c) => [c.id, c.kind]));
  return OLD_ROWS.filter((r) => !r.header).map((r) => {
    const core = oldCore(r.zh);
    const num = /^(\d+)\./.exec(r.zh)?.[1];
    const pat = escapeRe(core.replace(/[（）《》“”]/g, (c) => ({ "（": "(", "）": ")" })[c] ?? c)).replace(/《|》/g, (c) => `${c}?`);
    return {
      key: `old.${r.id}`,
      table: "old" as const,
      cells: [`old.${r.id}`],
      kinds: [kinds.get(`old.${r.id}`) ?? "count"],
      pat,
      ...(num ? { num } : {}),
    };
  });
}

type Specs = { t2: RowSpec[]; t3: RowSpec[]; t4: RowSpec[]; old: RowSpec[] };
const SPECS = new Map<Exclude<Edition, "local">, Specs>();

/** The row specs of a national edition, by table, in printed order (built once per edition). @internal */
export function rowSpecs(edition: Exclude<Edition, "local">): Specs {
  let s = SPECS.get(edition);
  if (!s) {
    s = edition === "gen2014" ? { t2: [], t3: [], t4: [], old: oldRows() } : { t2: t2Rows(edition), t3: t3Rows(edition), t4: [t4Row(edition)], old: [] };
    SPECS.set(edition, s);
  }
  return s;
}

const COMPILED = new WeakMap<RowSpec, Map<string, RegExp>>();

/**
 * A row's pattern with its optional item number, compiled once per spec and flags. With "g" the regex is shared:
 * callers set `lastIndex` before each `exec` and must not interleave two searches with the same spec. @internal
 */
export function rowRegex(spec: RowSpec, flags = "g"): RegExp {
  let byFlags = COMPILED.get(spec);
  if (!byFlags) {
    byFlags = new Map();
    COMPILED.set(spec, byFlags);
  }
  let re = byFlags.get(flags);
  if (!re) {
    const body = spec.num ? `(?:${spec.num}[.、])?(?:${spec.pat})` : `(?:${spec.pat})`;
    re = new RegExp(body, flags);
    byFlags.set(flags, re);
  }
  return re;
}
