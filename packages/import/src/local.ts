import {
  importIssue,
  type LocalRow,
  localColumnsOf,
  type LocalTableSpec,
  type NarrativeClaim,
  type Report,
  type SourceLocation,
  type Unit,
} from "@gov-disclosure/core";
import { cellLoc, type Grid } from "./grid";
import type { Compact } from "./normalize";
import type { SolveContext, SolveOut } from "./solve";
import { type Cand, type Chunk, isNum, num, partText, rowCandidates, spend } from "./split";
import { extractRun } from "./text";

/** A row of a local table as read, before splitting. @internal */
export interface LocalObs {
  readonly row: LocalRow;
  readonly chunks: readonly Chunk[];
  readonly offset: number;
}

const UNIT_RE = "(人次|万元|条|件|个|次|篇|人|元)";
const UNIT_ONLY = /^(人次|万元|条|件|个|次|篇|人|元)$/;
const CHILD = /^(其中[:：]?|\d{1,2}[、.．])/;

/**
 * Reads a local table (指标名称 | 计量单位 | 本年度 | 历年累计) from table grids (HTML, DOCX, XLSX, Markdown pipe
 * tables): the header row names the columns, every later row gives a label, a unit and two atomic cells, so text in a
 * numeric cell is kept as text. @internal
 */
export function readLocalGrids(grids: readonly Grid[]): { spec: LocalTableSpec; obs: LocalObs[] } | undefined {
  for (const g of grids) {
    for (let h = 0; h < g.rows.length; h++) {
      const head = g.rows[h]!.map((c) => c.text.replace(/\s+/g, ""));
      const cum = head.findIndex((t) => /历年累计/.test(t));
      // a single-column 附表: 指标名称 | 计量单位 | 年末统计
      const yearEnd = head.findIndex((t) => /^年末统计数?$/.test(t));
      if (cum < 0 && yearEnd < 0) continue;
      const single = cum < 0;
      const cur = single ? yearEnd : head.findIndex((t, i) => i !== cum && !/历年累计/.test(t) && /(\d{4}年度?|本年度?)$/.test(t));
      if (cur < 0) continue;
      const unitCol = head.findIndex((t) => /单位$/.test(t));
      const named = head.findIndex((t) => /指标/.test(t));
      const labelCol = Math.max(named, 0);
      const yearLabel = head[cur]!;
      const rows: LocalRow[] = [];
      const obs: LocalObs[] = [];
      let parent: string | undefined;
      for (let r = h + 1; r < g.rows.length; r++) {
        const row = g.rows[r]!;
        const labelCell = row[labelCol];
        const label = (labelCell?.text ?? "").replace(/\s+/g, "");
        if (/历年累计/.test(row.map((c) => c.text).join(""))) break;
        if (!/[\u3400-\u9fff]/.test(label)) continue;
        const id = `r${rows.length + 1}`;
        const child = CHILD.test(label) && parent !== undefined;
        if (!child) parent = id;
        const unitText = unitCol >= 0 ? (row[unitCol]?.text ?? "").trim() : "";
        const unit = (UNIT_ONLY.test(unitText) ? unitText : "") as Unit;
        rows.push({ id, label, unit, ...(child && parent ? { parent } : {}) });
        const chunks: Chunk[] = [];
        for (const col of single ? [cur] : [cur, cum]) {
          const cell = row[col];
          // a cell merged with the label is no value
          if (!cell || (labelCell && cell.origin === labelCell.origin && cell.origin >= 0)) {
            chunks.push({ text: "", offset: -1, atomic: true });
            continue;
          }
          chunks.push({ text: cell.text, offset: -1, atomic: true, loc: cellLoc(g, r, col, cell) });
        }
        obs.push({ row: rows[rows.length - 1]!, chunks, offset: -1 });
      }
      if (rows.length >= 2) return { spec: { columns: single ? [yearLabel] : [yearLabel, "历年累计"], rows }, obs };
    }
  }
  return undefined;
}

/**
 * Reads a local two-column table (指标名称 | 计量单位 | 本年度 | 历年累计) from text: the header, then rows of
 * label, unit and two values that may be glued together. @internal
 */
export function readLocalText(src: string, c: Compact): { spec: LocalTableSpec; obs: LocalObs[] } | undefined {
  const head =
    /指标名称[^\d]{0,12}?(?:计量)?单位[^\d]{0,6}?((?:\d{4})?年度|本年度?)[^\d]{0,4}?历年累计/.exec(c.text) ??
    /计量单位[^\d]{0,6}?(\d{4}年度|本年度?)历年累计/.exec(c.text);
  // a single-column 附表 (2009–2013): 指标名称 | 计量单位 | 年末统计
  const single = head ? undefined : /指标名称[^\d]{0,12}?(?:计量)?单位[^\d]{0,6}?(年末统计数?)/.exec(c.text);
  const headAlt = head ?? single ?? /(\d{4})年度历年累计/.exec(c.text);
  if (!headAlt) return undefined;
  const width = single ? 1 : 2;
  const yearLabel = /^\d{4}$/.test(headAlt[1] ?? "") ? `${headAlt[1]}年度` : (headAlt[1] ?? "本年度");
  const columns: LocalTableSpec["columns"] = single ? [yearLabel] : [yearLabel, "历年累计"];
  let pos = c.map[headAlt.index + headAlt[0].length - 1]! + 1;
  const rows: LocalRow[] = [];
  const obs: LocalObs[] = [];
  const anyRow = new RegExp(`^\\s*(其中[:：]?)?\\s*(\\d{1,2}[、.．])?\\s*([^\\d\\s|]{2,40}?)\\s*${UNIT_RE}(?=\\s*[\\d—\\-/无]|\\s+\\S)`);
  // a table whose first row writes the unit apart from the label ("网站公开\n条\n…") writes every row so: then "详见附件"
  // (text in a cell) is not a label "详见附" with the unit "件"
  const apartRow = new RegExp(`^\\s*(其中[:：]?)?\\s*(\\d{1,2}[、.．])?\\s*([^\\d\\s|]{2,40}?)\\s+${UNIT_RE}(?=\\s*[\\d—\\-/无]|\\s+\\S)`);
  let rowRe = anyRow;
  let parent: string | undefined;
  let lastNumber = 0;
  for (let guard = 0; guard < 200; guard++) {
    const rest = src.slice(pos, pos + 200);
    const m = rowRe.exec(rest);
    if (!m) break;
    if (rows.length === 0 && /\s/.test(m[0][m[0].length - m[4]!.length - 1] ?? "")) rowRe = apartRow;
    const id = `r${rows.length + 1}`;
    const numbered = m[2] !== undefined;
    const child = !!m[1] || numbered;
    if (!child) parent = id;
    lastNumber = numbered ? Number.parseInt(m[2]!, 10) : 0;
    const label = `${m[1] ?? ""}${m[2] ?? ""}${m[3]!}`;
    const row: LocalRow = { id, label, unit: m[4] as Unit, ...(child && parent && parent !== id ? { parent } : {}) };
    let chunks: Chunk[] = [];
    let end = pos + m[0].length;
    for (let k = 0; k < 3 && chunks.length < width; k++) {
      const run = extractRun(src, end, src.length);
      let got = run.chunks;
      end = run.end;
      // the next row's item number glued to this row's digits: "2122100372、政府公报…"
      const after = src.slice(end, end + 2);
      const dotBefore = /[.．、]/.test(src[end - 1] ?? "") && /\d/.test(src[end - 2] ?? "") && !/\d/.test(src[end] ?? "");
      const dotAfter = /^[、.．][^\d]/.test(after);
      if ((dotAfter || dotBefore) && got.length) {
        const next = String(lastNumber + 1);
        const lastChunk = got[got.length - 1]!;
        const strip = lastChunk.text.endsWith(next) ? next.length : 1;
        const t = lastChunk.text.slice(0, lastChunk.text.length - strip);
        got = t ? [...got.slice(0, -1), { ...lastChunk, text: t }] : got.slice(0, -1);
        // the next row starts at its item number (the run stopped before its point, or just after it)
        end -= strip + (dotAfter ? 0 : 1);
      }
      chunks = [...chunks, ...got];
      if (chunks.length >= width) break;
      // text written in a numeric cell ("详见附件"): kept as an atomic cell, so that it is reported, not dropped
      const t = textCell(src, end, rowRe);
      if (!t) break;
      chunks.push(t.chunk);
      end = t.end;
    }
    rows.push(row);
    obs.push({ row, chunks, offset: pos + (m.index ?? 0) });
    pos = end;
  }
  if (rows.length < 2) return undefined;
  // cells written apart (one per line or space-separated) in nearly every row: a row with one number has a missing
  // cell, not two glued numbers — its single number is not split
  const apart = obs.filter((o) => o.chunks.length >= 2).length;
  // one value column: each row's one number is its value, whole
  if (width === 1 || apart >= 0.8 * obs.length)
    return {
      spec: { columns, rows },
      obs: obs.map((o) => (o.chunks.length === 1 && !o.chunks[0]!.atomic ? { ...o, chunks: [{ ...o.chunks[0]!, atomic: true }] } : o)),
    };
  return { spec: { columns, rows }, obs };
}

/** A text cell at `from` (after whitespace), unless it is the next row's label or prose after the table. */
function textCell(src: string, from: number, rowRe: RegExp): { chunk: Chunk; end: number } | undefined {
  let i = from;
  while (i < src.length && /[ \t\r\n]/.test(src[i]!)) i++;
  if (i >= src.length || rowRe.test(src.slice(i, i + 200))) return undefined;
  const ownLine = /^[ \t]*$/.test(src.slice(src.lastIndexOf("\n", i - 1) + 1, i));
  const lineEnd = src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
  const token = ownLine ? src.slice(i, lineEnd).trim() : (/^\S+/.exec(src.slice(i, lineEnd))?.[0] ?? "");
  if (!token || token.length > 20 || /^[\d+\-—–/]/.test(token) || /[。，,；;|]/.test(token)) return undefined;
  const end = i + token.length;
  let j = end;
  while (j < src.length && /[ \t\r\n]/.test(src[j]!)) j++;
  const next = src.slice(j, j + 200);
  // only between cells: followed by a value or by the next row (prose after the table is not a cell)
  if (!/^[\d—\-/无]/.test(next) && !rowRe.test(next)) return undefined;
  return { chunk: { text: token, offset: i, atomic: true }, end };
}

type LocalSol = Cand;

/** Splits the rows of a local table: 历年累计 ≥ 本年度, then narrative figures, the previous report and 其中 sums decide. @internal */
export function solveLocal(obs: readonly LocalObs[], ctx: SolveContext, out: SolveOut, prevRows?: Report, spec?: LocalTableSpec): void {
  const cands = new Map<string, LocalSol[]>();
  // the table's value columns: 本年度 and 历年累计, or 本年度 alone (a single-column 附表)
  const cols = localColumnsOf(spec?.columns).map((c) => c.id);
  const cellsOfRow = (o: LocalObs) => cols.map((c) => `local.${o.row.id}.${c}`);
  const sourceOf = (o: LocalObs): { source?: SourceLocation } => {
    const first = o.chunks[0];
    const raw = o.chunks.map((x) => x.text).join(" ");
    if (first?.loc) return { source: { ...first.loc, raw } };
    const at = first && first.offset >= 0 ? first.offset : o.offset;
    return at >= 0 ? { source: ctx.at(at, raw) } : {};
  };
  for (const o of obs) {
    const kind = o.row.unit === "万元" || o.row.unit === "元" ? "money" : "count";
    const rc = rowCandidates(
      o.chunks,
      cols.map(() => kind),
      {},
      5000,
      300000,
      ctx.work,
    );
    if (rc.truncated) {
      const cells = cellsOfRow(o);
      out.issues.push(importIssue("IMPORT-SPLIT-TRUNCATED", "warning", { row: cells[0]! }, { cells, ...sourceOf(o) }));
    }
    const holds = rc.cands.filter((c) => !(isNum(c[0]) && isNum(c[1])) || num(c[1]) >= num(c[0]));
    // cells read whole (a grid, or numbers written apart) are kept as written even when 历年累计 < 本年度: validation says so
    const ok = holds.length || !o.chunks.every((x) => x.atomic) ? holds : rc.cands;
    if (!ok.length) {
      const cells = cellsOfRow(o);
      out.issues.push(
        importIssue(
          "IMPORT-ROW-UNSPLITTABLE",
          "warning",
          { row: cells[0]!, raw: o.chunks.map((x) => x.text).join(" "), want: cells.length },
          { cells, ...sourceOf(o) },
        ),
      );
      continue;
    }
    cands.set(o.row.id, ok);
  }
  const chosen = new Map<string, LocalSol>();
  const by = new Map<string, string[]>();
  for (const [id, cs] of cands) {
    if (cs.length !== 1) continue;
    chosen.set(id, cs[0]!);
    by.set(id, ["unique"]);
  }
  const prevCum = (row: LocalRow): number | undefined => {
    if (prevRows?.edition !== "local") return undefined;
    const pr = prevRows.local?.rows.find((r) => r.label.replace(/\s/g, "") === row.label.replace(/\s/g, ""));
    const v = pr ? prevRows.cells[`local.${pr.id}.cumulative`] : undefined;
    return v?.kind === "count" ? v.value : undefined;
  };
  const claimsFor = (id: string): NarrativeClaim[] => ctx.claims.filter((c) => !c.approximate && c.cell.startsWith(`local.${id}.`));
  // each row's 其中 rows and siblings, once (not once per candidate)
  const kidsOf = new Map<string, LocalObs[]>();
  for (const k of obs) if (k.row.parent !== undefined) kidsOf.set(k.row.parent, [...(kidsOf.get(k.row.parent) ?? []), k]);
  let stopped = false;
  for (let pass = 0; pass < 3 && !stopped; pass++) {
    for (const o of obs) {
      const id = o.row.id;
      const cs = cands.get(id);
      if (!cs || chosen.has(id)) continue;
      const kids = kidsOf.get(id) ?? [];
      const sibs = o.row.parent !== undefined ? (kidsOf.get(o.row.parent) ?? []).filter((k) => k.row.id !== id) : [];
      // scoring reads each candidate against the claims, the previous report, the 其中 rows and the siblings
      if (!spend(ctx.work, cs.length * (1 + ctx.claims.length + kids.length + sibs.length))) {
        stopped = true;
        break;
      }
      const pc = prevCum(o.row);
      const scored = cs.map((c) => {
        let s = 0;
        const why: string[] = [];
        for (const cl of claimsFor(id)) {
          const v = cl.cell.endsWith(".current") ? c[0] : c[1];
          if (partText(v) === cl.value) {
            s += 10;
            why.push("narrative");
          }
        }
        if (pc !== undefined && isNum(c[0]) && isNum(c[1]) && pc + num(c[0]) === num(c[1])) {
          s += 10;
          why.push("previous");
        }
        // 其中 rows sum to their parent (both columns)
        if (kids.length && kids.every((k) => chosen.has(k.row.id))) {
          const s0 = kids.reduce((a, k) => a + num(chosen.get(k.row.id)![0]), 0);
          const s1 = kids.reduce((a, k) => a + num(chosen.get(k.row.id)![1]), 0);
          if (s0 === num(c[0]) && s1 === num(c[1])) {
            s += 5;
            why.push("children-sum");
          }
        }
        const par = o.row.parent;
        if (par && chosen.has(par)) {
          if (sibs.every((k) => chosen.has(k.row.id))) {
            const p = chosen.get(par)!;
            const s0 = sibs.reduce((a, k) => a + num(chosen.get(k.row.id)![0]), num(c[0]));
            const s1 = sibs.reduce((a, k) => a + num(chosen.get(k.row.id)![1]), num(c[1]));
            if (s0 === num(p[0]) && s1 === num(p[1])) {
              s += 5;
              why.push("children-sum");
            }
          }
        }
        return { c, s, why };
      });
      const best = Math.max(...scored.map((x) => x.s));
      const top = scored.filter((x) => x.s === best);
      if (best > 0 && top.length === 1) {
        chosen.set(id, top[0]!.c);
        by.set(id, ["cumulative≥current", ...new Set(top[0]!.why)]);
      }
    }
  }
  for (const o of obs) {
    const id = o.row.id;
    const cs = cands.get(id);
    if (!cs) continue;
    const cellIds = cellsOfRow(o);
    const c = chosen.get(id);
    const glued = o.chunks.length < cols.length;
    if (!c) {
      if (stopped && !out.issues.some((i) => i.code === "IMPORT-SPLIT-TRUNCATED" && i.cells.includes(cellIds[0]!)))
        out.issues.push(importIssue("IMPORT-SPLIT-TRUNCATED", "warning", { row: cellIds[0]! }, { cells: cellIds, ...sourceOf(o) }));
      for (const [k, cid] of cellIds.entries()) out.ambiguous[cid] = [...new Set(cs.map((x) => partText(x[k])))];
      out.issues.push(
        importIssue(
          "IMPORT-SPLIT-AMBIGUOUS",
          "warning",
          { n: cs.length, cells: cellIds, chosen: "blank" },
          { cells: cellIds, candidates: cs.slice(0, 20).map((x) => Object.fromEntries(cellIds.map((cid, k) => [cid, partText(x[k])]))), ...sourceOf(o) },
        ),
      );
      out.splits.push({ cells: cellIds, decidedBy: ["undecided"], candidates: cs.length, ambiguous: true });
      continue;
    }
    if (glued) out.splits.push({ cells: cellIds, decidedBy: by.get(id) ?? ["unique"], candidates: cs.length, ambiguous: false });
    c.forEach((p, k) => {
      if (p) out.cells.set(cellIds[k]!, p);
    });
  }
}
