import type { LocalRow, LocalTableSpec, NarrativeClaim, Report, Unit } from "@gov-disclosure/core";
import { diag } from "./diagnostics";
import type { Compact } from "./normalize";
import type { SolveContext, SolveOut } from "./solve";
import { type Cand, type Chunk, isNum, num, partText, rowCandidates } from "./split";
import { extractRun } from "./text";

/** A row of a local table as read, before splitting. @internal */
export interface LocalObs {
  readonly row: LocalRow;
  readonly chunks: readonly Chunk[];
  readonly offset: number;
}

const UNIT_RE = "(人次|万元|条|件|个|次|篇|人|元)";

/**
 * Reads a local two-column table (指标名称 | 计量单位 | 本年度 | 历年累计) from text: the header, then rows of
 * label, unit and two values that may be glued together. @internal
 */
export function readLocalText(src: string, c: Compact): { spec: LocalTableSpec; obs: LocalObs[] } | undefined {
  const head =
    /指标名称[^\d]{0,12}?(?:计量)?单位[^\d]{0,6}?((?:\d{4})?年度|本年度?)[^\d]{0,4}?历年累计/.exec(c.text) ??
    /计量单位[^\d]{0,6}?(\d{4}年度|本年度?)历年累计/.exec(c.text);
  const headAlt = head ?? /(\d{4})年度历年累计/.exec(c.text);
  if (!headAlt) return undefined;
  const yearLabel = /^\d{4}$/.test(headAlt[1] ?? "") ? `${headAlt[1]}年度` : (headAlt[1] ?? "本年度");
  let pos = c.map[headAlt.index + headAlt[0].length - 1]! + 1;
  const rows: LocalRow[] = [];
  const obs: LocalObs[] = [];
  const rowRe = new RegExp(`^\\s*(其中[:：]?)?\\s*(\\d{1,2}[、.．])?\\s*([^\\d\\s|]{2,40}?)\\s*${UNIT_RE}(?=\\s*[\\d—\\-/无])`);
  let parent: string | undefined;
  let lastNumber = 0;
  for (let guard = 0; guard < 200; guard++) {
    const rest = src.slice(pos, pos + 200);
    const m = rowRe.exec(rest);
    if (!m) break;
    const id = `r${rows.length + 1}`;
    const numbered = m[2] !== undefined;
    const child = !!m[1] || numbered;
    if (!child) parent = id;
    lastNumber = numbered ? Number.parseInt(m[2]!, 10) : 0;
    const label = `${m[1] ?? ""}${m[2] ?? ""}${m[3]!}`;
    const row: LocalRow = { id, label, unit: m[4] as Unit, ...(child && parent && parent !== id ? { parent } : {}) };
    const runFrom = pos + m[0].length;
    const run = extractRun(src, runFrom, src.length);
    let chunks = run.chunks;
    let end = run.end;
    // the next row's item number glued to this row's digits: "2122100372、政府公报…"
    const after = src.slice(end, end + 2);
    const dotBefore = /[.．、]/.test(src[end - 1] ?? "") && /\d/.test(src[end - 2] ?? "") && !/\d/.test(src[end] ?? "");
    if ((/^[、.．][^\d]/.test(after) || dotBefore) && chunks.length) {
      const next = String(lastNumber + 1);
      const lastChunk = chunks[chunks.length - 1]!;
      const strip = lastChunk.text.endsWith(next) && lastChunk.text.length > next.length ? next.length : 1;
      const t = lastChunk.text.slice(0, lastChunk.text.length - strip);
      chunks = t ? [...chunks.slice(0, -1), { ...lastChunk, text: t }] : chunks.slice(0, -1);
      end -= strip;
    }
    rows.push(row);
    obs.push({ row, chunks, offset: pos + (m.index ?? 0) });
    pos = end;
  }
  if (rows.length < 2) return undefined;
  return { spec: { columns: [yearLabel, "历年累计"], rows }, obs };
}

type LocalSol = Cand;

/** Splits the rows of a local table: 历年累计 ≥ 本年度, then narrative figures, the previous report and 其中 sums decide. @internal */
export function solveLocal(obs: readonly LocalObs[], ctx: SolveContext, out: SolveOut, prevRows?: Report): void {
  const cands = new Map<string, LocalSol[]>();
  for (const o of obs) {
    const kind = o.row.unit === "万元" || o.row.unit === "元" ? "money" : "count";
    const rc = rowCandidates(o.chunks, [kind, kind]);
    const ok = rc.cands.filter((c) => !(isNum(c[0]) && isNum(c[1])) || num(c[1]) >= num(c[0]));
    if (!ok.length) {
      out.diagnostics.push(diag("row.unsplittable", "warning", { label: o.row.label, raw: o.chunks.map((x) => x.text).join(" "), want: 2 }, ctx.locale));
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
  for (let pass = 0; pass < 3; pass++) {
    for (const o of obs) {
      const id = o.row.id;
      const cs = cands.get(id);
      if (!cs || chosen.has(id)) continue;
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
        const pc = prevCum(o.row);
        if (pc !== undefined && isNum(c[0]) && isNum(c[1]) && pc + num(c[0]) === num(c[1])) {
          s += 10;
          why.push("previous");
        }
        // 其中 rows sum to their parent (both columns)
        const kids = obs.filter((k) => k.row.parent === id);
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
          const sibs = obs.filter((k) => k.row.parent === par && k.row.id !== id);
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
    const cellIds = [`local.${id}.current`, `local.${id}.cumulative`];
    const c = chosen.get(id);
    const glued = o.chunks.length < 2;
    if (!c) {
      for (const [k, cid] of cellIds.entries()) out.ambiguous[cid] = [...new Set(cs.map((x) => partText(x[k])))];
      out.diagnostics.push(
        diag("split.ambiguous", "warning", { n: cs.length, cells: `${o.row.label} (${cellIds.join(", ")})`, chosen: "" }, ctx.locale, {
          cells: cellIds,
          candidates: cs.slice(0, 20).map((x) => ({ [cellIds[0]!]: partText(x[0]), [cellIds[1]!]: partText(x[1]) })),
        }),
      );
      out.splits.push({ cells: cellIds, decidedBy: ["undecided"], candidates: cs.length, ambiguous: true });
      continue;
    }
    if (glued) out.splits.push({ cells: cellIds, decidedBy: by.get(id) ?? ["unique"], candidates: cs.length, ambiguous: false });
    c.forEach((p, k) => {
      if (p) out.cells.set(cellIds[k]!, { ...p, loc: ctx.locate(p) });
    });
  }
}
