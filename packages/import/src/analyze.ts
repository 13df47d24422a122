import {
  type CellValue,
  editionForYear,
  type LocalTableSpec,
  type NarrativeClaim,
  parseReportJson,
  type Report,
  type SourceLocation,
} from "@gov-disclosure/core";
import { detectEdition } from "./detect";
import { diag } from "./diagnostics";
import { type Grid, gridRows } from "./grid";
import { readLocalGrids, readLocalText, solveLocal } from "./local";
import { markdownGrids } from "./markdown";
import { narrativeChecks, readClaims, readMeta, readSections } from "./narrative";
import { compact, lineCol, lineStartsOf, normalizeChars } from "./normalize";
import { type RowObs, type SolveContext, type SolveOut, solveRows, solveT3 } from "./solve";
import type { Part } from "./split";
import { rowSpecs } from "./templates";
import { anchorTable, findIndependent, orphanPipeRows, prepareText } from "./text";
import type { Diagnostic, ImportOptions, ImportResult, InputFormat, SplitEvidence } from "./types";

/** A document reduced to text (and grids when it had real tables). @internal */
export interface DocInput {
  readonly text: string;
  readonly grids: readonly Grid[];
  readonly tableRanges?: readonly [number, number][];
  readonly format: InputFormat;
  readonly encoding?: string;
  readonly diagnostics?: readonly Diagnostic[];
}

const locale = (o: ImportOptions) => o.locale ?? "zh-CN";

/** An empty result carrying diagnostics. @internal */
export function failed(format: InputFormat, diagnostics: Diagnostic[], encoding?: string): ImportResult {
  return {
    evidence: { format, ...(encoding ? { encoding } : {}), editionLabels: [], rowsRecognised: {}, splits: [] },
    diagnostics,
    ambiguous: {},
  };
}

/** Reads canonical JSON through core's parser. @internal */
export function importJson(text: string, options: ImportOptions): ImportResult {
  const parsed = parseReportJson(text);
  if (!parsed.success) {
    const detail = parsed.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    return failed("json", [diag("import.json-invalid", "error", { detail }, locale(options))]);
  }
  return {
    report: parsed.report,
    edition: parsed.report.edition,
    evidence: { format: "json", editionLabels: [], rowsRecognised: {}, splits: [], ...(parsed.report.meta.year ? { year: parsed.report.meta.year } : {}) },
    diagnostics: [],
    ambiguous: {},
  };
}

/** Reads tables, metadata, sections and claims from a document and solves every glued split. @internal */
export function analyze(doc: DocInput, options: ImportOptions): ImportResult {
  const loc = locale(options);
  const diagnostics: Diagnostic[] = [...(doc.diagnostics ?? [])];
  const src = prepareText(doc.text);
  const c = compact(src);
  const starts = lineStartsOf(src);
  const textLoc = (offset: number, raw?: string): SourceLocation => {
    const at: { line: number; column: number; raw?: string } = lineCol(src, offset, starts);
    if (raw !== undefined) at.raw = raw;
    return at;
  };
  const meta = readMeta(c);
  const detected = options.edition ? { edition: options.edition, labels: ["(options.edition)"] } : detectEdition(c.text, meta.year);
  const edition = detected.edition;
  if (!edition) {
    const looksLikeReport = /政府信息公开(?:工作)?年度报告$/.test(meta.title ?? "") || /^标题:[^\n]*年度报告/m.test(src);
    diagnostics.push(
      looksLikeReport
        ? diag("import.no-tables", "error", {}, loc)
        : diag("import.not-a-report", "error", { detail: meta.title ? `；标题为“${meta.title}”` : "" }, loc),
    );
    return failed(doc.format, diagnostics, doc.encoding);
  }
  diagnostics.push(diag("edition.detected", "info", { edition, labels: detected.labels.slice(0, 6).join("、") }, loc));
  if (meta.year) {
    const expected = editionForYear(meta.year);
    if (expected && edition !== expected && edition !== "local")
      diagnostics.push(diag("edition.year-mismatch", "warning", { year: meta.year, expected, edition }, loc));
  }
  const out: SolveOut = { cells: new Map(), ambiguous: {}, splits: [], diagnostics: [] };
  const tableRanges: [number, number][] = [...(doc.tableRanges ?? [])];
  // Markdown (and text with pipe tables): the pipe tables are read as grids, cells atomic
  let grids = doc.grids;
  let fromPipes = false;
  if (!grids.length && (doc.format === "markdown" || doc.format === "text") && /^[ \t]*\|/m.test(doc.text)) {
    const md = markdownGrids(normalizeChars(doc.text));
    grids = md.grids;
    fromPipes = true;
    if (md.grids.length) tableRanges.push(...md.ranges);
  }
  const rowsRecognised: Record<string, number> = {};
  let localSpec: LocalTableSpec | undefined;
  let localObs: ReturnType<typeof readLocalText>;
  const obsByTable: Record<string, RowObs[]> = {};

  if (edition === "local") {
    localObs = readLocalGrids(grids) ?? readLocalText(src, c);
    if (localObs) {
      localSpec = localObs.spec;
      rowsRecognised.local = localObs.spec.rows.length;
      const first = localObs.obs[0]!.offset;
      const lastObs = localObs.obs[localObs.obs.length - 1]!;
      if (first >= 0) tableRanges.push([first, lastObs.offset + 200]);
    }
  } else {
    const specs = rowSpecs(edition);
    const useGrid = grids.length > 0;
    const pick = (specsT: typeof specs.t3, anchored: () => RowObs[]): RowObs[] => {
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
      obsByTable.old = pick(specs.old, () => {
        const r = anchorTable(specs.old, src, c);
        if (r.start >= 0) tableRanges.push([r.start, r.end + 200]);
        return r.rows;
      });
    }
    if (specs.t3.length) {
      obsByTable.t3 = pick(specs.t3, () => {
        const r = anchorTable(specs.t3, src, c);
        t3Start = r.start;
        t3End = r.end;
        if (r.start >= 0) tableRanges.push([r.start, r.end + 100]);
        return fillOrphans(r.rows, specs.t3, src, c);
      });
      obsByTable.t2 = pick(specs.t2, () => {
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
      obsByTable.t4 = pick(specs.t4, () => {
        const from = t3End >= 0 ? compactIndex(c.map, t3End) : 0;
        const r = findIndependent(specs.t4, src, c, from, c.text.length);
        const first = r[0];
        if (first?.chunks[0]) tableRanges.push([first.chunks[0].offset - 200, first.chunks[first.chunks.length - 1]!.offset + 50]);
        return r;
      });
    }
    for (const [t, rows] of Object.entries(obsByTable)) rowsRecognised[t] = rows.length;
  }

  const mainLocal = localSpec?.rows.find((r) => /主动公开/.test(r.label) && !r.parent)?.id;
  const claims: NarrativeClaim[] = readClaims(c, edition, (o) => textLoc(o), tableRanges, mainLocal);
  const ctx: SolveContext = {
    claims,
    previous: options.previous,
    locale: loc,
    mode: options.ambiguous ?? "most-plausible",
    locate: (p: Part) => p.loc ?? textLoc(p.offset ?? 0, p.raw),
  };
  if (edition === "local") {
    if (localObs) solveLocal(localObs.obs, ctx, out, options.previous);
  } else {
    if (obsByTable.old) solveRows(obsByTable.old, ctx, out);
    if (obsByTable.t2) solveRows(obsByTable.t2, ctx, out);
    if (obsByTable.t3) solveT3(obsByTable.t3, ctx, out, rowSpecs(edition).t3.length);
    if (obsByTable.t4) solveRows(obsByTable.t4, ctx, out);
  }
  diagnostics.push(...out.diagnostics);
  const totalRows = Object.values(rowsRecognised).reduce((a, b) => a + b, 0);
  if (totalRows === 0 || out.cells.size === 0) {
    const looksLikeReport = /年度报告/.test(meta.title ?? "");
    diagnostics.push(
      looksLikeReport
        ? diag("import.no-tables", "error", {}, loc)
        : diag("import.not-a-report", "error", { detail: meta.title ? `；标题为“${meta.title}”` : "" }, loc),
    );
    return { ...failed(doc.format, diagnostics, doc.encoding), edition };
  }
  diagnostics.push(...narrativeChecks(c, edition, out.cells, claims, loc, (o) => textLoc(o)));
  if (edition === "local" && localSpec && options.previous?.edition === "local")
    diagnostics.push(...cumulativeBreaks(localSpec, out.cells, options.previous, loc));

  const cells: Record<string, CellValue> = {};
  const sources: Record<string, SourceLocation> = {};
  for (const [id, p] of out.cells) {
    if (p.value.kind === "blank") continue;
    cells[id] = p.value;
    const base = p.loc ?? textLoc(p.offset ?? 0);
    sources[id] = base.raw === p.raw ? base : { ...base, raw: p.raw };
    if (p.value.kind === "text") diagnostics.push(diag("cell.not-numeric", "warning", { cell: id, raw: p.raw }, loc, { cells: [id], source: sources[id] }));
  }
  const sections = readSections(src, c, tableRanges);
  const report = {
    version: 1 as const,
    edition,
    meta: {
      ...(meta.body ? { body: meta.body } : {}),
      ...(meta.year ? { year: meta.year } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      ...(meta.title ? { title: meta.title } : {}),
      ...(options.filename || options.mediaType
        ? { source: { ...(options.filename ? { filename: options.filename } : {}), ...(options.mediaType ? { mediaType: options.mediaType } : {}) } }
        : {}),
    },
    sections,
    ...(edition === "local" ? { local: localSpec ?? { rows: [] } } : {}),
    cells,
    sources,
    ...(claims.length ? { claims } : {}),
  } as Report;
  const splits: SplitEvidence[] = out.splits;
  return {
    report,
    edition,
    evidence: {
      format: doc.format,
      ...(doc.encoding ? { encoding: doc.encoding } : {}),
      editionLabels: detected.labels,
      rowsRecognised,
      ...(meta.year ? { year: meta.year } : {}),
      splits,
    },
    diagnostics,
    ambiguous: out.ambiguous,
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
function fillOrphans(rows: RowObs[], specs: ReturnType<typeof rowSpecs>["t3"], src: string, c: ReturnType<typeof compact>): RowObs[] {
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
      const orphans = orphanPipeRows(src, from, to, 7);
      if (orphans.length === j - i)
        orphans.forEach((o, k) => {
          out.push({ spec: specs[i + k]!, chunks: o.chunks, label: "", foundBy: "order" });
        });
    }
    i = j;
  }
  void c;
  return out;
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

function cumulativeBreaks(spec: LocalTableSpec, cells: ReadonlyMap<string, Part>, prev: Report, loc: "zh-CN" | "en"): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of spec.rows) {
    const pr = prev.local?.rows.find((x) => x.label.replace(/\s/g, "") === r.label.replace(/\s/g, ""));
    if (!pr) continue;
    const pv = prev.cells[`local.${pr.id}.cumulative`];
    const cur = cells.get(`local.${r.id}.current`)?.value;
    const cum = cells.get(`local.${r.id}.cumulative`)?.value;
    if (pv?.kind !== "count" || cur?.kind !== "count" || cum?.kind !== "count") continue;
    if (pv.value + cur.value !== cum.value)
      out.push(
        diag("previous.cumulative-break", "warning", { label: r.label, cum: cum.value, prev: pv.value, cur: cur.value, expected: pv.value + cur.value }, loc, {
          cells: [`local.${r.id}.cumulative`],
        }),
      );
  }
  return out;
}
