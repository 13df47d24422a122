import {
  count,
  type Edition,
  editionForYear,
  type ImportIssue,
  importIssue,
  type Issue,
  type LocalTableSpec,
  type NarrativeClaim,
  type SourceLocation,
} from "@gov-disclosure/core";
import { detectEdition } from "./detect";
import { type Grid, gridRows } from "./grid";
import { type LocalObs, readLocalGrids, readLocalText } from "./local";
import { markdownGrids } from "./markdown";
import { readClaims, readMeta } from "./narrative";
import { type Compact, compact, lineIndex, lineStartsOf, normalizeChars } from "./normalize";
import type { RowObs } from "./solve";
import { partOf, rowHolds } from "./split";
import { type RowSpec, rowSpecs } from "./templates";
import { anchorTable, findIndependent, orphanPipeRows, prepareFolded } from "./text";
import type { ImportOptions, InputFormat } from "./types";

/** A document reduced to text (and grids when it had real tables). @internal */
export interface DocInput {
  readonly text: string;
  readonly grids: readonly Grid[];
  readonly tableRanges?: readonly [number, number][];
  readonly format: InputFormat;
  readonly encoding?: string;
  /** Issues already found while reading the document (e.g. HTML nested too deeply). */
  readonly issues?: readonly Issue[];
}

/** The rows of a national edition's tables as found in the document, before any split. @internal */
export interface NationalRows {
  readonly old?: RowObs[];
  readonly t2?: RowObs[];
  readonly t3?: RowObs[];
  readonly t4?: RowObs[];
}

/**
 * What `locate` found: the prepared text, the metadata, the edition and the labels that decided it, every table row
 * with its value chunks (national) or the local table's declared rows and chunks, the table ranges, the narrative's
 * claims and the issues so far. @internal
 */
export interface Located {
  readonly src: string;
  readonly c: Compact;
  /** Where a text offset is (line, column), with the raw text read there. */
  readonly at: (offset: number, raw?: string) => SourceLocation;
  readonly meta: ReturnType<typeof readMeta>;
  readonly edition: Edition;
  readonly labels: readonly string[];
  readonly rows: NationalRows;
  /** Number of rows of the edition's table 三 (national editions). */
  readonly t3Rows: number;
  /** Rows of table 三 (text) whose label stands in the table's order with no value after it: blank rows, or prose. */
  readonly t3LabelsOnly?: readonly RowObs[];
  readonly local?: { readonly spec: LocalTableSpec; readonly obs: readonly LocalObs[] };
  readonly rowsRecognised: Readonly<Record<string, number>>;
  readonly tableRanges: readonly [number, number][];
  /** True when the document is an annual report with no statistics table: `edition` is then its year's. */
  readonly narrativeOnly?: boolean;
  /** The document's text as given (same offsets as `src`): the prose of sections is taken from it, punctuation kept. */
  readonly original: string;
  readonly claims: readonly NarrativeClaim[];
  readonly issues: readonly Issue[];
}

/** Why nothing was located: no edition's labels. @internal */
export interface NotLocated {
  readonly edition?: undefined;
  readonly issues: readonly Issue[];
}

/** The one issue of a document in which no table was found. @internal */
export const noTables = (isReport: boolean): ImportIssue =>
  isReport ? importIssue("IMPORT-NO-TABLES", "error", {}) : importIssue("IMPORT-NOT-A-REPORT", "error", {});

/**
 * Step 1 of `analyze`: finds the edition from the labels, then every row of its tables (by label in grids or in
 * text, in printed order), the narrative's claims and sections' extent. Nothing is split here. @internal
 */
export function locate(doc: DocInput, options: ImportOptions): Located | NotLocated {
  const issues: Issue[] = [...(doc.issues ?? [])];
  // folded once: the prepared text and the pipe tables below both read it
  const folded = normalizeChars(doc.text);
  const src = prepareFolded(folded);
  const c = compact(src);
  const starts = lineStartsOf(src);
  // one object a location, its fields in their usual order (line, column, raw)
  const at = (offset: number, raw?: string): SourceLocation => {
    const i = lineIndex(starts, offset);
    const line = i + 1;
    const column = offset - starts[i]! + 1;
    return raw === undefined ? { line, column } : { line, column, raw };
  };
  const meta = readMeta(c);
  const detected = options.edition ? { edition: options.edition, labels: ["(options.edition)"] } : detectEdition(c.text, meta.year);
  const isReport = /政府信息公开(?:工作)?年度报告$/.test(meta.title ?? "") || /^标题:[^\n]*年度报告/m.test(src);
  // A report with no statistics table (early years, a table published apart or as an image): read as a report of
  // its year's edition with no cells — meta, sections and claims — when its title says it is an annual report and
  // its year is known; otherwise there is nothing to read.
  const narrativeOnly = !detected.edition && isReport && meta.year !== undefined;
  const edition = detected.edition ?? (narrativeOnly && meta.year !== undefined ? (editionForYear(meta.year) ?? "local") : undefined);
  if (!edition) {
    issues.push(noTables(isReport));
    return { issues };
  }
  if (!options.edition && !narrativeOnly) issues.push(importIssue("IMPORT-EDITION-DETECTED", "info", { edition, labels: detected.labels.slice(0, 6) }));
  const tableRanges: [number, number][] = [...(doc.tableRanges ?? [])];
  // Markdown (and text with pipe tables): the pipe tables are read as grids, cells atomic
  let grids = doc.grids;
  let fromPipes = false;
  if (!grids.length && (doc.format === "markdown" || doc.format === "text") && /^[ \t]*\|/m.test(doc.text)) {
    const md = markdownGrids(folded);
    grids = md.grids;
    fromPipes = true;
    if (md.grids.length) tableRanges.push(...md.ranges);
  }
  const rowsRecognised: Record<string, number> = {};
  let local: Located["local"];
  const rows: { old?: RowObs[]; t2?: RowObs[]; t3?: RowObs[]; t4?: RowObs[] } = {};
  let t3Rows = 0;
  let t3LabelsOnly: RowObs[] | undefined;

  if (narrativeOnly) {
    // no table to look for
  } else if (edition === "local") {
    const found = readLocalGrids(grids) ?? readLocalText(src, c);
    if (found) {
      local = found;
      rowsRecognised.local = found.spec.rows.length;
      const first = found.obs[0]!.offset;
      const lastObs = found.obs[found.obs.length - 1]!;
      if (first >= 0) tableRanges.push([first, lastObs.offset + 200]);
    }
  } else {
    const specs = rowSpecs(edition);
    t3Rows = specs.t3.length;
    const useGrid = grids.length > 0;
    const pick = (specsT: readonly RowSpec[], anchored: () => RowObs[]): RowObs[] => {
      const g = useGrid ? gridRows(grids, specsT) : [];
      // pipe tables of PDF converters often hold only some rows (labels outside the pipes): they must find as many
      // rows as the text reading does
      if (fromPipes && g.length) {
        if (g.length === specsT.length) return g;
        const a = anchored();
        return g.length >= a.length ? g : a;
      }
      if (g.length >= Math.max(1, Math.floor(specsT.length / 2))) return g;
      const a = anchored();
      return a.length > g.length ? a : g;
    };
    let t3End = -1;
    let t3Start = -1;
    if (specs.old.length) {
      rows.old = pick(specs.old, () => {
        const r = anchorTable(specs.old, src, c);
        if (r.start >= 0) tableRanges.push([r.start, r.end + 200]);
        return r.rows;
      });
    }
    if (specs.t3.length) {
      let anchored: RowObs[] | undefined;
      let labels: RowObs[] = [];
      rows.t3 = pick(specs.t3, () => {
        const r = anchorTable(specs.t3, src, c);
        t3Start = r.start;
        t3End = r.end;
        if (r.start >= 0) tableRanges.push([r.start, r.end + 100]);
        labels = r.labelsOnly;
        anchored = fillOrphans(r.rows, specs.t3, src);
        return anchored;
      });
      if (rows.t3 === anchored && labels.length) t3LabelsOnly = labels;
      rows.t2 = pick(specs.t2, () => {
        const startRe = /第二十条第\(一\)项|二、主动公开政府信息情况/g;
        let from = 0;
        for (let m = startRe.exec(c.text); m; m = startRe.exec(c.text)) {
          if (t3Start >= 0 && c.map[m.index]! > t3Start) break;
          from = m.index;
        }
        const to = t3Start >= 0 ? compactIndex(c.map, t3Start) : Math.min(c.text.length, from + 3000);
        if (from > 0) tableRanges.push([c.map[from]!, t3Start >= 0 ? t3Start : (c.map[to] ?? src.length)]);
        return findIndependent(specs.t2, src, c, from, to);
      });
      rows.t4 = pick(specs.t4, () => {
        const from = t3End >= 0 ? compactIndex(c.map, t3End) : 0;
        const r = findIndependent(specs.t4, src, c, from, c.text.length);
        const found = r.length ? r : bareT4(specs.t4[0], src, c, from);
        // section 四 printed but its table not read: its row is named missing (never a silent blank table)
        T4_HEADING.lastIndex = from;
        const t4Spec = specs.t4[0];
        if (!found.length && t4Spec && T4_HEADING.test(c.text))
          issues.push(importIssue("IMPORT-ROW-MISSING", "warning", { row: t4Spec.cells[0] ?? "t4" }, { cells: t4Spec.cells }));
        const first = found[0];
        if (first?.chunks[0]) tableRanges.push([first.chunks[0].offset - 200, first.chunks[first.chunks.length - 1]!.offset + 50]);
        return found;
      });
    }
    for (const t in rows) rowsRecognised[t] = rows[t as keyof typeof rows]!.length;
  }

  const mainLocal = local?.spec.rows.find((r) => /主动公开/.test(r.label) && !r.parent)?.id;
  const claims = readClaims(c, edition, (o) => at(o), tableRanges, mainLocal);
  return {
    src,
    c,
    at,
    meta,
    edition,
    labels: detected.labels,
    rows,
    t3Rows,
    ...(t3LabelsOnly ? { t3LabelsOnly } : {}),
    ...(local ? { local } : {}),
    rowsRecognised,
    tableRanges,
    ...(narrativeOnly ? { narrativeOnly } : {}),
    original: doc.text,
    claims,
    issues,
  };
}

function compactIndex(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Gives rows whose label was lost (PDF conversions) the unclaimed numeric pipe rows between their neighbours, in order. */
function fillOrphans(rows: RowObs[], specs: readonly RowSpec[], src: string): RowObs[] {
  if (!rows.length) return rows;
  const byKey = new Map(rows.map((r) => [r.spec.key, r]));
  const out: RowObs[] = [];
  let i = 0;
  while (i < specs.length) {
    const s = specs[i]!;
    const have = byKey.get(s.key);
    if (have) {
      out.push(have);
      i++;
      continue;
    }
    let j = i;
    while (j < specs.length && !byKey.has(specs[j]!.key)) j++;
    const prev = out[out.length - 1];
    const next = j < specs.length ? byKey.get(specs[j]!.key) : undefined;
    const from = prev ? endOfRow(prev, src) : -1;
    const to = next?.chunks[0] ? labelStartBefore(next, src) : -1;
    if (from >= 0 && to > from) {
      // a row of the table: as many values as the rows around it have cells
      const orphans = orphanPipeRows(src, from, to, s.cells.length);
      if (orphans.length === j - i)
        orphans.forEach((o, k) => {
          out.push({ spec: specs[i + k]!, chunks: o.chunks, label: "", foundBy: "order" });
        });
    }
    i = j;
  }
  return out;
}

/** Section 四's heading (its 行政复议 title) in the compact text. */
const T4_HEADING = /四、[^\d]{0,20}行政复议[^\d]{0,20}情况/g;

/**
 * Table 四 printed as one bare pipe row of its numbers under section 四's heading, its header lost (PDF converters):
 * placed by the table's shape only when the row has exactly the table's number of cells and every block's total is
 * the sum of its parts; otherwise nothing is placed. The row is marked as placed by order. @internal
 */
function bareT4(spec: RowSpec | undefined, src: string, c: Compact, from: number): RowObs[] {
  if (!spec) return [];
  T4_HEADING.lastIndex = from;
  const m = T4_HEADING.exec(c.text);
  if (!m) return [];
  const start = c.map[m.index + m[0].length - 1]! + 1;
  const next = /\n[ \t#]*五、/.exec(src.slice(start, start + 2000));
  const to = next ? start + next.index : Math.min(src.length, start + 600);
  const [row] = orphanPipeRows(src, start, to, spec.cells.length);
  if (!row) return [];
  const cand = row.chunks.map((ch) => partOf(ch.text, count(Number(ch.text)), ch.offset, undefined));
  if (!rowHolds(cand, spec.sumLast, spec.block ?? spec.cells.length)) return [];
  return [{ spec, chunks: row.chunks, label: "", foundBy: "order" }];
}

function endOfRow(r: RowObs, src: string): number {
  const last = r.chunks[r.chunks.length - 1];
  if (!last) return -1;
  const nl = src.indexOf("\n", last.offset);
  return nl < 0 ? src.length : nl;
}

function labelStartBefore(r: RowObs, src: string): number {
  const first = r.chunks[0]!;
  return src.lastIndexOf("\n", first.offset);
}
