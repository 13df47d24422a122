import { cellRecord, type Edition, type Issue, importIssue, type Report, reportCells, type SourceLocation } from "@gov-disclosure/core";
import { type DocInput, type Located, noTables } from "./locate";
import { narrativeChecks, readSections } from "./narrative";
import type { SolveOut } from "./solve";
import type { ImportOptions, ImportResult, InputFormat } from "./types";

/** An empty result carrying issues. @internal */
export function failed(format: InputFormat, issues: readonly Issue[], encoding?: string): ImportResult {
  return {
    evidence: { format, ...(encoding ? { encoding } : {}), editionLabels: [], rowsRecognised: {}, splits: [] },
    issues,
    ambiguous: {},
  };
}

/**
 * Step 3 of `analyze`: builds the report from the solved cells (with their sources), the metadata, sections and
 * claims, and adds the checks that need the cells (text in a numeric cell, what the narrative says that no rule
 * compares). A document in which no cell was read gets one error and no report. @internal
 */
export function assemble(doc: DocInput, located: Located, solved: SolveOut, options: ImportOptions): ImportResult {
  const { edition, meta, claims } = located;
  const issues: Issue[] = [...located.issues, ...solved.issues];
  const totalRows = Object.values(located.rowsRecognised).reduce((a, b) => a + b, 0);
  const sections = readSections(located.src, located.c, located.tableRanges, located.original);
  if (located.narrativeOnly)
    issues.push(importIssue("IMPORT-NARRATIVE-ONLY", "warning", { sections: sections.length, edition: edition ?? "", year: meta.year ?? "" }));
  else if (totalRows === 0 || solved.cells.size === 0) {
    issues.push(noTables(/年度报告/.test(meta.title ?? "")));
    return { ...failed(doc.format, issues, doc.encoding), edition };
  }
  issues.push(...narrativeChecks(located.c, edition, solved.cells, claims, (o) => located.at(o)));
  issues.push(...missingRows(edition, located.rowsRecognised, solved));

  const cells = cellRecord();
  const sources = cellRecord<SourceLocation>();
  for (const [id, p] of solved.cells) {
    if (p.value.kind === "blank") continue;
    cells[id] = p.value;
    // (a location made here takes the raw text at once, not a copy with it added)
    sources[id] = p.loc ? (p.loc.raw === p.raw ? p.loc : { ...p.loc, raw: p.raw }) : located.at(p.offset ?? 0, p.raw);
    if (p.value.kind === "text") issues.push(importIssue("IMPORT-CELL-NOT-NUMERIC", "warning", { cell: id, raw: p.raw }, { cells: [id], source: sources[id] }));
  }
  // built by assignment, in the usual key order (object spreads of small literals cost more than the rest of this)
  const m: { -readonly [K in keyof Report["meta"]]: Report["meta"][K] } = {};
  if (meta.body) m.body = meta.body;
  if (meta.year) m.year = meta.year;
  if (meta.publishedAt) m.publishedAt = meta.publishedAt;
  if (meta.title) m.title = meta.title;
  if (options.filename || options.mediaType) {
    const source: { filename?: string; mediaType?: string } = {};
    if (options.filename) source.filename = options.filename;
    if (options.mediaType) source.mediaType = options.mediaType;
    m.source = source;
  }
  const built: Record<string, unknown> = { version: 1, edition, meta: m, sections };
  if (edition === "local") built.local = located.local?.spec ?? { rows: [] };
  built.cells = cells;
  built.sources = sources;
  if (claims.length) built.claims = claims;
  const report = built as unknown as Report;
  return {
    report,
    edition,
    evidence: {
      format: doc.format,
      ...(doc.encoding ? { encoding: doc.encoding } : {}),
      editionLabels: located.labels,
      rowsRecognised: located.rowsRecognised,
      ...(meta.year ? { year: meta.year } : {}),
      splits: solved.splits,
    },
    issues,
    ambiguous: solved.ambiguous,
  };
}

/**
 * The rows of a table that was found but that were not read: named, one warning each, so that a blank read for a
 * missing row is never taken for a printed blank (their cells are uncertain: no correction, findings say so). @internal
 */
function missingRows(edition: Edition | undefined, recognised: Readonly<Record<string, number>>, solved: SolveOut): Issue[] {
  if (!edition || edition === "local") return [];
  const out: Issue[] = [];
  for (const { table, cells } of rowsOf(edition)) {
    if (!recognised[table]) continue;
    if (cells.some((c) => solved.cells.has(c) || solved.blank.has(c))) continue;
    out.push(importIssue("IMPORT-ROW-MISSING", "warning", { row: cells[0] as string }, { cells: [...cells] }));
  }
  return out;
}

const ROWS = new Map<Edition, readonly { table: string; cells: readonly string[] }[]>();

/** The rows of an edition's tables with their cells, in order of first cell (worked out once per edition). */
function rowsOf(edition: Edition): readonly { table: string; cells: readonly string[] }[] {
  let rows = ROWS.get(edition);
  if (!rows) {
    const byRow = new Map<string, { table: string; cells: string[] }>();
    for (const d of reportCells({ edition }).list) {
      const key = `${d.table}.${d.row}`;
      const row = byRow.get(key);
      if (row) row.cells.push(d.id);
      else byRow.set(key, { table: d.table, cells: [d.id] });
    }
    rows = [...byRow.values()];
    ROWS.set(edition, rows);
  }
  return rows;
}
