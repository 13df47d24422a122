import { type CellDef, type Edition, type LocalTableSpec, type Locale, OLD_ROWS, tablesOf, type TableDef } from "@gov-disclosure/core";

/** A header cell of the entry grid, with its span and scope as the official table prints it. */
export interface HeadCell {
  readonly kind: "head";
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
  readonly scope: "col" | "colgroup" | "row" | "rowgroup";
  /** The top-left cell of table 三 (the 勾稽关系 sentence) and similar corner cells. */
  readonly corner?: boolean;
  /** Depth of a row label in an outline table (2014 and local tables), for indentation. */
  readonly depth?: number;
  /** A cell that holds no number in the official table ("——"). */
  readonly filler?: boolean;
}

/** An entry cell of the grid: one cell of the report, with the accessible label made of its official row and column labels. */
export interface InputCell {
  readonly kind: "input";
  readonly def: CellDef;
  readonly colspan: number;
  /** Official row label path and column label path, for `aria-label`. */
  readonly label: string;
}

/** One cell of the entry grid. */
export type LayoutCell = HeadCell | InputCell;

/** One table of the entry form in the official layout: header rows and body rows of merged cells. */
export interface LayoutTable {
  readonly id: string;
  readonly title: string;
  readonly head: readonly (readonly LayoutCell[])[];
  readonly body: readonly (readonly LayoutCell[])[];
  /** Number of grid columns. */
  readonly width: number;
}

interface Line {
  readonly path: readonly string[];
}

const T3_CORNER = { "zh-CN": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", en: "(In each column: I + II = III + IV)" };
const T2_CONTENT = { "zh-CN": "信息内容", en: "Information" };
const OLD_HEAD = { "zh-CN": ["统计指标", "单位", "统计数"], en: ["Indicator", "Unit", "Value"] };
const LOCAL_HEAD = { "zh-CN": ["统计指标", "单位"], en: ["Indicator", "Unit"] };

const rowPathOf = (d: CellDef, locale: Locale) => (locale === "en" ? d.rowPathEn : d.rowPath);
const colPathOf = (d: CellDef, locale: Locale) => (locale === "en" ? d.colPathEn : d.colPath);

/** The accessible label of an entry cell: its official row labels, then its column labels (table title left out). */
export function inputLabel(def: CellDef, locale: Locale = "zh-CN"): string {
  const path = rowPathOf(def, locale);
  const rows = def.table === "old" || def.table === "local" ? path : path.slice(1);
  const cols = colPathOf(def, locale).filter((c) => c !== "申请人情况" && c !== "Applicant");
  const row = rows.join(" ");
  if (def.col === "value" || cols.length === 0) return row;
  return `${row}${locale === "en" ? ", " : "，"}${cols.join(" ")}`;
}

const samePrefix = (a: readonly string[], b: readonly string[], upTo: number): boolean => {
  if (a.length <= upTo || b.length <= upTo) return false;
  for (let i = 0; i <= upTo; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Column header rows for columns with label paths (merged across equal prefixes, leaves spanning down). */
function columnHeads(cols: readonly Line[], depth: number, corner?: HeadCell): HeadCell[][] {
  const rows: HeadCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeadCell[] = level === 0 && corner ? [corner] : [];
    for (let j = 0; j < cols.length; j++) {
      const p = (cols[j] as Line).path;
      if (p.length <= level) continue;
      if (j > 0 && samePrefix(p, (cols[j - 1] as Line).path, level)) continue;
      let span = 1;
      while (j + span < cols.length && samePrefix(p, (cols[j + span] as Line).path, level)) span++;
      const leaf = level === p.length - 1;
      row.push({ kind: "head", text: p[level] as string, colspan: span, rowspan: leaf ? depth - level : 1, scope: span > 1 ? "colgroup" : "col" });
    }
    rows.push(row);
  }
  return rows;
}

/** Row header cells for row `r` of rows with label paths: merged down equal prefixes, leaves spanning right. */
function rowHeads(lines: readonly Line[], r: number, depth: number): HeadCell[] {
  const q = (lines[r] as Line).path;
  const out: HeadCell[] = [];
  for (let level = 0; level < q.length; level++) {
    const leaf = level === q.length - 1;
    if (!leaf && r > 0 && samePrefix(q, (lines[r - 1] as Line).path, level) && (lines[r - 1] as Line).path.length - 1 > level) continue;
    let span = 1;
    if (!leaf)
      while (r + span < lines.length && samePrefix(q, (lines[r + span] as Line).path, level) && (lines[r + span] as Line).path.length - 1 > level) span++;
    out.push({ kind: "head", text: q[level] as string, colspan: leaf ? depth - level : 1, rowspan: span, scope: span > 1 ? "rowgroup" : "row" });
  }
  return out;
}

const uniqueBy = <T, K>(items: readonly T[], key: (t: T) => K): T[] => {
  const seen = new Set<K>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

function input(def: CellDef, locale: Locale, _table: TableDef, colspan = 1): InputCell {
  return { kind: "input", def, colspan, label: inputLabel(def, locale) };
}

/** Table 三: the applicant × outcome matrix with the 勾稽关系 corner. */
function matrixTable(table: TableDef, locale: Locale): LayoutTable {
  const strip = (p: readonly string[]) => (p[0] === table.title || p[0] === table.titleEn ? p.slice(1) : p);
  const rowDefs = uniqueBy(table.cells, (c) => c.row);
  const colDefs = uniqueBy(table.cells, (c) => c.col);
  const lines = rowDefs.map((d) => ({ path: strip(rowPathOf(d, locale)) }));
  const cols = colDefs.map((d) => ({ path: colPathOf(d, locale) }));
  const R = Math.max(...lines.map((l) => l.path.length));
  const C = Math.max(...cols.map((c) => c.path.length));
  const byId = new Map(table.cells.map((c) => [c.id, c]));
  const corner: HeadCell = { kind: "head", text: T3_CORNER[locale], colspan: R, rowspan: C, scope: "col", corner: true };
  const body = rowDefs.map((rd, r) => [
    ...rowHeads(lines, r, R),
    ...colDefs.map((cd) => input(byId.get(`${table.id}.${rd.row}.${cd.col}`) as CellDef, locale, table)),
  ]);
  return { id: table.id, title: locale === "en" ? table.titleEn : table.title, head: columnHeads(cols, C, corner), body, width: R + cols.length };
}

/** Table 四: one data row of 15 cells under 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉). */
function flatTable(table: TableDef, locale: Locale): LayoutTable {
  const strip = (p: readonly string[]) => (p[0] === table.title || p[0] === table.titleEn ? p.slice(1) : p);
  const cols = table.cells.map((d) => ({ path: [...strip(rowPathOf(d, locale)), ...colPathOf(d, locale)] }));
  const C = Math.max(...cols.map((c) => c.path.length));
  return {
    id: table.id,
    title: locale === "en" ? table.titleEn : table.title,
    head: columnHeads(cols, C),
    body: [table.cells.map((d) => input(d, locale, table))],
    width: cols.length,
  };
}

/** Section 二: one block per 第二十条 item, each with its 信息内容 header row. */
function blockTable(table: TableDef, locale: Locale): LayoutTable {
  const blocks = uniqueBy(table.cells, (c) => c.rowPath[1]).map((c) => c.rowPath[1] as string);
  const width =
    1 +
    Math.max(
      ...blocks.map(
        (b) =>
          uniqueBy(
            table.cells.filter((c) => c.rowPath[1] === b),
            (c) => c.col,
          ).length,
      ),
    );
  const body: LayoutCell[][] = [];
  for (const block of blocks) {
    const cells = table.cells.filter((c) => c.rowPath[1] === block);
    const first = cells[0] as CellDef;
    const cols = uniqueBy(cells, (c) => c.col);
    const span = (i: number) => (i === cols.length - 1 ? width - cols.length : 1);
    body.push([{ kind: "head", text: rowPathOf(first, locale)[1] as string, colspan: width, rowspan: 1, scope: "colgroup" }]);
    body.push([
      { kind: "head", text: T2_CONTENT[locale], colspan: 1, rowspan: 1, scope: "col" },
      ...cols.map((c, i): HeadCell => ({ kind: "head", text: colPathOf(c, locale).at(-1) as string, colspan: span(i), rowspan: 1, scope: "col" })),
    ]);
    for (const row of uniqueBy(cells, (c) => c.row)) {
      body.push([
        { kind: "head", text: rowPathOf(row, locale).at(-1) as string, colspan: 1, rowspan: 1, scope: "row" },
        ...cols.map((c, i) => {
          const def = cells.find((d) => d.row === row.row && d.col === c.col);
          return def ? input(def, locale, table, span(i)) : ({ kind: "head", text: "", colspan: span(i), rowspan: 1, scope: "col", filler: true } as HeadCell);
        }),
      ]);
    }
  }
  return { id: table.id, title: locale === "en" ? table.titleEn : table.title, head: [], body, width };
}

/** The 2014 table and local tables: an outline of indicators with a unit column and one or two value columns. */
function outlineTable(table: TableDef, locale: Locale, edition: Edition): LayoutTable {
  const rowDefs = uniqueBy(table.cells, (c) => c.row);
  const colDefs = uniqueBy(table.cells, (c) => c.col);
  const byId = new Map(table.cells.map((c) => [c.id, c]));
  const headTexts = edition === "gen2014" ? OLD_HEAD[locale] : [...LOCAL_HEAD[locale], ...colDefs.map((c) => colPathOf(c, locale).at(-1) as string)];
  const head: HeadCell[][] = [headTexts.map((text) => ({ kind: "head", text, colspan: 1, rowspan: 1, scope: "col" }))];
  const body: LayoutCell[][] = [];
  const line = (text: string, depth: number, unit: string, cells: LayoutCell[]): LayoutCell[] => [
    { kind: "head", text, colspan: 1, rowspan: 1, scope: "row", depth },
    { kind: "head", text: unit, colspan: 1, rowspan: 1, scope: "row", filler: true },
    ...cells,
  ];
  const dash = (): HeadCell => ({ kind: "head", text: "——", colspan: 1, rowspan: 1, scope: "row", filler: true });
  if (edition === "gen2014") {
    const depthOf = (id: string): number => {
      let d = 0;
      for (let r = OLD_ROWS.find((x) => x.id === id); r?.parent; r = OLD_ROWS.find((x) => x.id === r?.parent)) d++;
      return d;
    };
    for (const r of OLD_ROWS) {
      const text = locale === "en" ? r.en : r.zh;
      if (r.header) body.push(line(text, depthOf(r.id), "——", [dash()]));
      else {
        const def = byId.get(`old.${r.id}`);
        if (def) body.push(line(text, depthOf(r.id), r.unit, [input(def, locale, table)]));
      }
    }
  } else {
    for (const rd of rowDefs) {
      const path = rowPathOf(rd, locale);
      body.push(
        line(
          path.at(-1) as string,
          path.length - 1,
          rd.unit,
          colDefs.map((cd) => input(byId.get(`local.${rd.row}.${cd.col}`) as CellDef, locale, table)),
        ),
      );
    }
  }
  return { id: table.id, title: locale === "en" ? table.titleEn : table.title, head, body, width: headTexts.length };
}

/** The entry form of an edition in the official layout (for `local`, the report's declared rows). */
export function entryLayout(edition: Edition, locale: Locale = "zh-CN", local?: LocalTableSpec): LayoutTable[] {
  return tablesOf(edition, local?.rows ?? [], local?.columns).map((t) => {
    if (t.id === "t3") return matrixTable(t, locale);
    if (t.id === "t4") return flatTable(t, locale);
    if (t.id === "t2") return blockTable(t, locale);
    return outlineTable(t, locale, edition);
  });
}

/** Every entry cell of a layout, in reading order (the keyboard order). */
export function layoutInputs(tables: readonly LayoutTable[]): InputCell[] {
  return tables.flatMap((t) => t.body.flatMap((row) => row.filter((c): c is InputCell => c.kind === "input")));
}
