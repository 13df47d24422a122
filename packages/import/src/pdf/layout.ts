import { gridText } from "../grid";
import type { PdfGrid, PdfGridCell, PdfLine, PdfSource } from "./types";

/** The least of a list (spread into Math.min, a long list overflows the call stack). */
function least(xs: readonly number[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) if (x < m) m = x;
  return m;
}
/** The greatest of a list. */
function most(xs: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > m) m = x;
  return m;
}

// Geometry in points, from the page's top-left corner, y growing downwards. Every threshold is relative to the
// font size (em) of the text it compares, so the same rules hold for 9 pt tables and 16 pt prose.

/** A text run from PDF.js, placed on the page. @internal */
export interface RawItem {
  readonly text: string;
  /** 1-based page. */
  readonly page: number;
  /** Left edge. */
  readonly x: number;
  /** Horizontal runs: baseline. Vertical runs: top. */
  readonly y: number;
  readonly width: number;
  /** Font size (em). */
  readonly size: number;
  readonly font: string;
  readonly dir: "horizontal" | "vertical";
  /** Vertical runs: length downwards. */
  readonly length: number;
}

/** One page's text runs. @internal */
export interface RawPage {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly RawItem[];
}

/** A word or cell text: runs of one line joined where the gaps are small. */
interface Tok {
  text: string;
  page: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Vertical centre (of the first and last line for text wrapped over lines). */
  cy: number;
  size: number;
  vertical: boolean;
  /** A figure (count, money, 无, dash) standing apart from its neighbours. */
  value: boolean;
  /** The runs joined into this token (for splitting header words again at column boundaries). */
  runs?: { text: string; x0: number; x1: number }[];
}

interface Line {
  page: number;
  cy: number;
  top: number;
  bottom: number;
  size: number;
  toks: Tok[];
  /** Has values: a table row. */
  data: boolean;
  /** Index of the first value token (data lines). */
  firstValue: number;
}

interface Part {
  page: number;
  header: Line[];
  body: Line[];
}

interface Table {
  parts: Part[];
  vtoks: Tok[];
  /** Left edge of the value area (first value column). */
  valueX0: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const NUMERIC_RUN = /^[\d.,%+\-−]+$/;
const VALUE_RE = /^(?:[-+−]?\d[\d,，]*(?:\.\d+)?(?:%|‰)?(?:万元|亿元|元|件|条|个|次|人次|人|项|篇|期|家|场|份)?|无|[-—–－―]{1,2}|[/／])$/;
const HEADING_RE = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部分节])/;
const PAGE_NO = /^(?:[-—–－―~·•]*\d{1,4}[-—–－―~·•]*|第\d{1,4}页(?:[,，]?共\d{1,4}页)?|\d{1,4}[/／]\d{1,4}|共\d{1,4}页第\d{1,4}页|page\d{1,4}(?:of\d{1,4})?)$/i;

const weight = (ch: string) => (CJK.test(ch) ? 1 : 0.5);

/** Splits a run at its inner spaces, placing each piece by the width of its characters. */
function splitItem(it: RawItem): RawItem[] {
  if (it.dir !== "horizontal" || !/\S\s+\S/.test(it.text)) return [{ ...it, text: it.text.trim() }];
  const chars = [...it.text];
  const total = chars.reduce((a, c) => a + weight(c), 0) || 1;
  const unit = it.width / total;
  const out: RawItem[] = [];
  let x = it.x;
  let cur = "";
  let start = x;
  for (const ch of chars) {
    if (/\s/.test(ch)) {
      if (cur) out.push({ ...it, text: cur, x: start, width: x - start });
      cur = "";
    } else {
      if (!cur) start = x;
      cur += ch;
    }
    x += weight(ch) * unit;
  }
  if (cur) out.push({ ...it, text: cur, x: start, width: x - start });
  return out;
}

function tokOf(it: RawItem): Tok {
  if (it.dir === "vertical") {
    return {
      text: it.text,
      page: it.page,
      x0: it.x,
      x1: it.x + it.width,
      top: it.y,
      bottom: it.y + it.length,
      cy: it.y + it.length / 2,
      size: it.size,
      vertical: true,
      value: false,
    };
  }
  return {
    text: it.text,
    page: it.page,
    x0: it.x,
    x1: it.x + it.width,
    top: it.y - 0.85 * it.size,
    bottom: it.y + 0.15 * it.size,
    cy: it.y - 0.35 * it.size,
    size: it.size,
    vertical: false,
    value: false,
  };
}

const ALNUM = /^[A-Za-z0-9]/;
// Only the last character of `a` is looked at (a `$`-anchored pattern would rescan a token that keeps growing).
const joinText = (a: string, b: string, gap: number, em: number): string => (ALNUM.test(a.slice(-1)) && ALNUM.test(b) && gap > 0.15 * em ? `${a} ${b}` : a + b);

/** Groups a page's horizontal runs into lines (by vertical centre) and each line's runs into tokens. */
function pageLines(items: readonly RawItem[]): Line[] {
  const toks = items
    .filter((i) => i.dir === "horizontal")
    .flatMap(splitItem)
    .filter((i) => i.text)
    .map(tokOf)
    .sort((a, b) => a.cy - b.cy || a.x0 - b.x0);
  const lines: Line[] = [];
  let cur: Tok[] = [];
  let cy = 0;
  let cySum = 0;
  let minSize = 0;
  const flush = () => {
    if (cur.length) lines.push(makeLine(cur));
    cur = [];
  };
  for (const t of toks) {
    if (cur.length && Math.abs(t.cy - cy) <= 0.4 * Math.min(minSize, t.size)) {
      cur.push(t);
      cySum += t.cy;
      cy = cySum / cur.length;
      minSize = Math.min(minSize, t.size);
    } else {
      flush();
      cur = [t];
      cy = cySum = t.cy;
      minSize = t.size;
    }
  }
  flush();
  return lines;
}

function makeLine(runs: Tok[]): Line {
  runs.sort((a, b) => a.x0 - b.x0);
  const toks: Tok[] = [];
  for (const r of runs) {
    const prev = toks[toks.length - 1];
    if (prev) {
      const gap = r.x0 - prev.x1;
      const em = Math.min(prev.size, r.size);
      const lastRun = prev.text.slice(-1);
      const numeric = NUMERIC_RUN.test(r.text) || (NUMERIC_RUN.test(lastRun) && NUMERIC_RUN.test(prev.text.slice(-6)));
      const limit = numeric ? 0.3 * em : 0.8 * em;
      if (gap < limit && gap > -0.5 * em) {
        prev.runs ??= [{ text: prev.text, x0: prev.x0, x1: prev.x1 }];
        prev.runs.push({ text: r.text, x0: r.x0, x1: r.x1 });
        prev.text = joinText(prev.text, r.text, gap, em);
        prev.x1 = Math.max(prev.x1, r.x1);
        prev.top = Math.min(prev.top, r.top);
        prev.bottom = Math.max(prev.bottom, r.bottom);
        prev.size = Math.max(prev.size, r.size);
        continue;
      }
    }
    toks.push({ ...r });
  }
  let firstValue = -1;
  let digits = 0;
  let values = 0;
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    const next = toks[i + 1];
    const apart = (!prev || t.x0 - prev.x1 >= 0.9 * t.size) && (!next || next.x0 - t.x1 >= 0.9 * t.size);
    t.value = apart && VALUE_RE.test(t.text.replace(/\s/g, ""));
    if (t.value) {
      values++;
      if (/\d/.test(t.text)) digits++;
      if (firstValue < 0) firstValue = i;
    }
  });
  const top = least(toks.map((t) => t.top));
  const bottom = most(toks.map((t) => t.bottom));
  return {
    page: toks[0]!.page,
    cy: toks.reduce((a, t) => a + t.cy, 0) / toks.length,
    top,
    bottom,
    size: most(toks.map((t) => t.size)),
    toks,
    data: digits > 0 || values >= 2,
    firstValue,
  };
}

const lineText = (l: Line) => l.toks.map((t) => t.text).join("");
const compactText = (s: string) => s.replace(/\s+/g, "");

/** Drops page numbers and running headers/footers (text in the top or bottom tenth repeated on other pages). */
function dropFurniture(pages: readonly RawPage[], linesByPage: Line[][]): void {
  const inMargin = (l: Line, h: number) => l.bottom < 0.1 * h || l.top > 0.9 * h;
  const counts = new Map<string, number>();
  linesByPage.forEach((lines, i) => {
    const h = pages[i]!.height;
    const seen = new Set<string>();
    for (const l of lines) {
      if (!inMargin(l, h)) continue;
      const key = compactText(lineText(l)).replace(/\d+/g, "#");
      if (!seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key);
    }
  });
  linesByPage.forEach((lines, i) => {
    const h = pages[i]!.height;
    linesByPage[i] = lines.filter((l) => {
      if (!inMargin(l, h)) return true;
      const t = compactText(lineText(l));
      if (PAGE_NO.test(t)) return false;
      return !(pages.length > 1 && (counts.get(t.replace(/\d+/g, "#")) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2)));
    });
  });
}

/** The first value's left edge on a data line. */
const valueStart = (l: Line) => (l.firstValue >= 0 ? l.toks[l.firstValue]!.x0 : Number.POSITIVE_INFINITY);

/** Cuts one page's lines into table parts (data lines with the label lines between them) and the rest. */
function findParts(lines: Line[]): Part[] {
  const parts: Part[] = [];
  let cur: { body: Line[]; pending: Line[]; valueX0: number } | undefined;
  const close = () => {
    if (cur) parts.push({ page: cur.body[0]!.page, header: [], body: cur.body });
    cur = undefined;
  };
  for (const l of lines) {
    if (l.data) {
      if (cur) {
        cur.body.push(...cur.pending, l);
        cur.pending = [];
        cur.valueX0 = Math.min(cur.valueX0, valueStart(l));
      } else cur = { body: [l], pending: [], valueX0: valueStart(l) };
    } else if (cur) {
      const x0 = cur.valueX0;
      if (l.toks.every((t) => t.x1 <= x0 + 0.3 * t.size) && cur.pending.length < 6) cur.pending.push(l);
      else {
        trailing(cur.body, cur.pending);
        close();
      }
    }
  }
  if (cur) trailing(cur.body, cur.pending);
  close();
  return parts;
}

/** Label lines after a table's last data line belong to it when they are within that row's reach. */
function trailing(body: Line[], pending: Line[]): void {
  let last = body[body.length - 1]!;
  for (const l of pending) {
    if (l.top - last.bottom > 0.8 * l.size) break;
    body.push(l);
    last = l;
  }
}

const tableFont = (p: Part): number => {
  const sizes = p.body.flatMap((l) => l.toks.filter((t) => !t.value).map((t) => t.size));
  const all = sizes.length ? sizes : p.body.flatMap((l) => l.toks.map((t) => t.size));
  all.sort((a, b) => a - b);
  return all[all.length >> 1] ?? 10;
};

/** Header lines: the lines right above a part's first data line that look like table headers. */
function attachHeaders(lines: Line[], parts: Part[]): void {
  const owner = new Map<Line, Part>();
  for (const p of parts) for (const l of p.body) owner.set(l, p);
  for (const p of parts) {
    const first = p.body[0]!;
    const idx = lines.indexOf(first);
    const font = tableFont(p);
    const x0 = least(p.body.flatMap((l) => l.toks.map((t) => t.x0)));
    const x1 = most(p.body.flatMap((l) => l.toks.map((t) => t.x1)));
    const valueX0 = least(p.body.map(valueStart));
    const second = p.body.find((l) => l.data && l !== first && l.data);
    const half = second ? Math.max(0.8 * first.size, (second.cy - first.cy) / 2) : 1.2 * first.size;
    let below = first;
    for (let i = idx - 1; i >= 0 && p.header.length < 12; i--) {
      const l = lines[i]!;
      if (owner.has(l)) break;
      const text = compactText(lineText(l));
      const labelOnly = l.toks.every((t) => t.x1 <= valueX0 + 0.3 * t.size);
      // a label wrapped above its figures (figures centred in a two-line cell)
      if (!p.header.length && labelOnly && first.cy - l.cy <= half && !HEADING_RE.test(text)) {
        p.body.unshift(l);
        owner.set(l, p);
        below = l;
        continue;
      }
      if (HEADING_RE.test(text) && l.toks.length === 1) break;
      if (l.size > font * 1.15) break;
      if (l.toks.some((t) => t.text.length >= 30)) break;
      if (below.top - l.bottom > 3.5 * l.size) break;
      if (l.toks.some((t) => t.x1 < x0 - 2 * t.size || t.x0 > x1 + 2 * t.size)) break;
      p.header.unshift(l);
      owner.set(l, p);
      below = l;
    }
  }
}

/** Value columns of a set of data lines: clusters of the value tokens' extents. */
function columnsOf(lines: readonly Line[]): { x0: number; x1: number }[] {
  const vals = lines.flatMap((l) => (l.data && l.firstValue >= 0 ? l.toks.slice(l.firstValue) : [])).sort((a, b) => a.x0 - b.x0);
  const cols: { x0: number; x1: number }[] = [];
  for (const t of vals) {
    const c = cols[cols.length - 1];
    if (c && t.x0 <= c.x1 + 0.2 * t.size) c.x1 = Math.max(c.x1, t.x1);
    else cols.push({ x0: t.x0, x1: t.x1 });
  }
  return cols;
}

const sameColumns = (a: readonly { x0: number; x1: number }[], b: readonly { x0: number; x1: number }[], em: number): boolean =>
  b.length > 0 && b.every((cb) => a.some((ca) => Math.abs((ca.x0 + ca.x1) / 2 - (cb.x0 + cb.x1) / 2) <= em || (cb.x0 < ca.x1 && ca.x0 < cb.x1)));

/** A table's caption or title line (政府信息公开统计表, 附表2, …（续）): one word ending in 表 or naming a 表. */
const CAPTION = /^(?:附表|表)[\d一二三四五六七八九十]*|表(?:[（(][^）)]{0,20}[)）])?$/;

/** The column header lines of a part as compact texts, its caption and title lines left out. */
function columnHeader(header: readonly Line[]): string[] {
  const out: string[] = [];
  for (const l of header) {
    const text = compactText(lineText(l));
    if (!out.length && l.toks.length === 1 && CAPTION.test(text)) continue;
    out.push(text);
  }
  return out;
}

/** Joins table parts that continue over a page break, dropping the repeated header rows. */
function joinParts(pagesParts: { parts: Part[]; lines: Line[] }[], repeated: Set<Line>): Table[] {
  const tables: Table[] = [];
  let prev: { table: Table; endsPage: boolean } | undefined;
  for (const { parts, lines } of pagesParts) {
    parts.forEach((p, i) => {
      const first = p.header[0] ?? p.body[0]!;
      const startsPage = lines.indexOf(first) === 0;
      const last = tables[tables.length - 1];
      if (i === 0 && startsPage && prev?.endsPage && last === prev.table) {
        const before = last.parts[last.parts.length - 1]!;
        const em = tableFont(before);
        const header = columnHeader(last.parts[0]!.header);
        const mine = columnHeader(p.header);
        const colsPrev = columnsOf(last.parts.flatMap((x) => x.body));
        const colsMine = columnsOf(p.body);
        // the continuation repeats the column header (or none), never the caption printed once above the table
        const repeats = !mine.length || (mine.length <= header.length && mine.every((m, k) => m === header[header.length - mine.length + k]));
        if (repeats && (sameColumns(colsPrev, colsMine, em) || sameColumns(colsMine, colsPrev, em))) {
          // the repeated header rows are page furniture now
          for (const l of p.header) repeated.add(l);
          p.header = [];
          last.parts.push(p);
          return;
        }
      }
      tables.push({ parts: [p], vtoks: [], valueX0: 0 });
    });
    const lastPart = parts[parts.length - 1];
    const lastLine = lastPart?.body[lastPart.body.length - 1];
    prev = lastPart && tables.length ? { table: tables[tables.length - 1]!, endsPage: lines[lines.length - 1] === lastLine } : undefined;
  }
  return tables;
}

interface LabelTok extends Tok {
  col: number;
  row: number;
  /** On a data line. */
  onData: boolean;
}

interface GroupLabel {
  tok: LabelTok;
  from: number;
  to: number;
}

const sourceOf = (t: Tok, raw = t.text): PdfSource => ({
  page: t.page,
  x: round(t.x0),
  y: round(t.top),
  width: round(t.x1 - t.x0),
  height: round(t.bottom - t.top),
  raw,
});
const round = (n: number) => Math.round(n * 10) / 10;

function mergeInto(a: Tok, b: Tok): void {
  a.text += b.text;
  a.x0 = Math.min(a.x0, b.x0);
  a.x1 = Math.max(a.x1, b.x1);
  const firstCy = a.cy;
  a.top = Math.min(a.top, b.top);
  a.bottom = Math.max(a.bottom, b.bottom);
  a.cy = (Math.min(firstCy, b.cy) + Math.max(firstCy, b.cy, a.cy)) / 2;
}

const UNIT_WORD = /^(?:人次|万元|亿元|元|条|件|个|次|人|项|篇|期|家|场|份|户|册)$/;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
};

/**
 * A unit column (计量单位: 条, 件 … right before the figures, aligned, under a header word of its own) is on the
 * value side of the table, as in the HTML: its words are cells of their own column, never row labels (else the real
 * labels would look like group labels of the unit words).
 */
function markUnitColumn(t: Table): void {
  const data = t.parts.flatMap((p) => p.body).filter((l) => l.data && l.firstValue > 0);
  const cand = data.flatMap((l) => {
    const u = l.toks[l.firstValue - 1]!;
    return UNIT_WORD.test(u.text) && !u.value ? [{ l, u }] : [];
  });
  if (cand.length < 2 || cand.length < 0.5 * data.length) return;
  const em = median(cand.map((c) => c.u.size));
  const cx = median(cand.map((c) => (c.u.x0 + c.u.x1) / 2));
  const inCol = cand.filter((c) => Math.abs((c.u.x0 + c.u.x1) / 2 - cx) <= em);
  if (inCol.length < 2 || inCol.length < 0.5 * data.length) return;
  const x0 = least(inCol.map((c) => c.u.x0)) - 0.5 * em;
  const x1 = most(inCol.map((c) => c.u.x1)) + 0.5 * em;
  // the labels' left edge: a header word over the unit column must start right of it (its own header, not the labels')
  const labelX0 = least(data.map((l) => l.toks[0]!.x0));
  const header = t.parts.flatMap((p) => p.header).flatMap((l) => l.toks);
  if (!header.some((h) => h.x0 < x1 && x0 < h.x1 && h.x0 > labelX0 + em && !h.value)) return;
  for (const { l, u } of inCol) {
    u.value = true;
    l.firstValue = l.toks.indexOf(u);
  }
}

/** Builds one table's grid: header rows, then one row per data line with its labels (spanning groups) and values. */
function buildGrid(t: Table, index: number): PdfGrid {
  markUnitColumn(t);
  const body = t.parts.flatMap((p) => p.body);
  const dataLines = body.filter((l) => l.data);
  const valueX0 = least(dataLines.map(valueStart));
  t.valueX0 = valueX0;
  const em = tableFont(t.parts[0]!);
  // value columns, plus header words over columns that hold no figure at all
  const cols = columnsOf(dataLines);
  const headerToks = stackHeader(t.parts.flatMap((p) => p.header).map((l) => splitAtColumns(l, cols, valueX0)));
  const leafs = headerToks.filter(
    (h) => (h.x0 + h.x1) / 2 > valueX0 - 0.3 * h.size && !headerToks.some((o) => o !== h && o.top > h.top + 0.5 * h.size && o.x0 < h.x1 && h.x0 < o.x1),
  );
  for (const h of leafs) {
    if (cols.some((c) => h.x0 < c.x1 + 0.2 * h.size && c.x0 < h.x1 + 0.2 * h.size)) continue;
    cols.push({ x0: h.x0, x1: h.x1 });
  }
  cols.sort((a, b) => a.x0 - b.x0);
  const colOf = (tok: Tok): number => {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    const cx = (tok.x0 + tok.x1) / 2;
    cols.forEach((c, i) => {
      const overlap = Math.min(c.x1, tok.x1) - Math.max(c.x0, tok.x0);
      const d = overlap > 0 ? -overlap : Math.abs((c.x0 + c.x1) / 2 - cx);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };

  // label tokens: on data lines left of the values, and on label lines (wrapped labels merged line by line)
  const labels: LabelTok[] = [];
  const rows: { line: Line; values: Tok[][] }[] = [];
  const raw: { tok: LabelTok; line: Line }[] = [];
  for (const l of body) {
    const lab = l.data ? l.toks.filter((x) => x.x1 <= valueX0 + 0.3 * x.size && !(x.value && x.x0 >= valueX0 - 0.3 * x.size)) : l.toks;
    for (const x of lab) raw.push({ tok: { ...x, col: 0, row: -1, onData: l.data }, line: l });
    if (l.data) {
      const values: Tok[][] = cols.map(() => []);
      const isLabel = new Set(lab);
      for (const x of l.toks) if (!isLabel.has(x)) values[colOf(x)]!.push(x);
      rows.push({ line: l, values });
    }
  }
  // characters stacked a few per line in a narrow column: one vertical label (before anything else is joined)
  const stacks = stackVertical(raw.map((r) => r.tok));
  for (const { tok: x } of raw) {
    if (stacks.used.has(x)) continue;
    // a label line continues the label right above it (same cell: starts within it, no other label between)
    // labels come in reading order: look back over this page's last lines only (a wrapped label spans a few lines)
    let above: LabelTok | undefined;
    for (let k = labels.length - 1; k >= 0; k--) {
      const u = labels[k]!;
      if (u.page !== x.page || u.top < x.top - LOOK_BACK * x.size) break;
      if (u.bottom <= x.top + 0.3 * x.size && x.x0 < u.x1 && u.x0 < x.x1 && (!above || u.bottom > above.bottom)) above = u;
    }
    if (above && !above.onData && !ITEM_START.test(x.text) && x.x0 >= above.x0 - 0.5 * x.size && x.top - above.bottom <= 1.5 * x.size) {
      mergeInto(above, x);
      if (x.onData) above.onData = true;
      continue;
    }
    labels.push(x);
  }
  const all: LabelTok[] = [...labels, ...stacks.merged, ...t.vtoks.map((v) => ({ ...v, col: 0, row: -1, onData: false }))];
  // label columns by left edge
  const lefts = all.map((x) => x.x0).sort((a, b) => a - b);
  const labelCols: number[] = [];
  for (const x of lefts) {
    const last = labelCols[labelCols.length - 1];
    if (last === undefined || x - last > 0.8 * em) labelCols.push(x);
  }
  for (const x of all) {
    let c = 0;
    labelCols.forEach((v, i) => {
      if (Math.abs(v - x.x0) <= 0.8 * em + 0.01 && (Math.abs(v - x.x0) < Math.abs(labelCols[c]! - x.x0) || i === 0)) c = i;
    });
    for (let i = labelCols.length - 1; i >= 0; i--)
      if (x.x0 >= labelCols[i]! - 0.01) {
        c = i;
        break;
      }
    x.col = c;
  }
  // rows' bands (per page) and which labels fall in them
  // the rows of each page sorted by height, so that a token finds its nearest row by binary search
  const byPage = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const list = byPage.get(r.line.page) ?? [];
    list.push(i);
    byPage.set(r.line.page, list);
  });
  for (const list of byPage.values()) list.sort((a, b) => rows[a]!.line.cy - rows[b]!.line.cy || a - b);
  const bandOf = (tok: Tok): number => {
    const list = byPage.get(tok.page);
    if (!list?.length) return -1;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[list[mid]!]!.line.cy < tok.cy) lo = mid + 1;
      else hi = mid;
    }
    // the nearest of the two neighbours; on a tie the earlier row, as a scan in row order would choose
    let best = list[lo]!;
    const prev = list[lo - 1];
    if (prev !== undefined) {
      const dPrev = Math.abs(rows[prev]!.line.cy - tok.cy);
      const dBest = Math.abs(rows[best]!.line.cy - tok.cy);
      if (dPrev < dBest || (dPrev === dBest && prev < best)) best = prev;
    }
    return best;
  };
  const own: LabelTok[][] = rows.map(() => []);
  const ownCol: number[] = rows.map(() => Number.POSITIVE_INFINITY);
  const groups: GroupLabel[] = [];
  const inRow: LabelTok[][] = rows.map(() => []);
  for (const x of all) {
    x.row = bandOf(x);
    if (x.row >= 0 && !x.vertical) inRow[x.row]!.push(x);
  }
  rows.forEach((r, i) => {
    const mine = inRow[i]!;
    const onLine = mine.filter((x) => x.onData && x.page === r.line.page && Math.abs(x.cy - r.line.cy) < 0.5 * x.size);
    const deepest = Math.max(-1, ...(onLine.length ? onLine : mine).map((x) => x.col));
    if (deepest >= 0) ownCol[i] = deepest;
  });
  for (const x of all) {
    if (x.row < 0) continue;
    if (x.vertical || x.col < ownCol[x.row]!) groups.push({ tok: x, from: x.row, to: x.row });
    else own[x.row]!.push(x);
  }
  spanGroups(groups, ownCol, own);

  // the grid
  const L = labelCols.length;
  const grid: PdfGridCell[][] = [];
  let origin = 0;
  const cellOf = (toks: readonly Tok[], id: number): PdfGridCell => {
    const text = toks.map((x) => x.text).join(toks.every((x) => !CJK.test(x.text)) ? " " : "");
    const src = toks[0];
    return src ? { text, origin: id, source: sourceOf(mergeBox(toks), text) } : { text: "", origin: id };
  };
  // header rows
  const headerLines = new Map<number, Tok[]>();
  for (const h of headerToks) {
    const key = Math.round(h.top * 10) + h.page * 100000;
    headerLines.set(key, [...(headerLines.get(key) ?? []), h]);
  }
  const hdrKeys = [...headerLines.keys()].sort((a, b) => a - b);
  for (const k of hdrKeys) {
    const toks = headerLines.get(k)!.sort((a, b) => a.x0 - b.x0);
    const row: (PdfGridCell | undefined)[] = Array.from({ length: L + cols.length }, () => undefined);
    const labelPart = toks.filter((x) => (x.x0 + x.x1) / 2 < valueX0 - 0.3 * x.size && L > 0);
    if (labelPart.length) {
      const c = cellOf(labelPart, origin++);
      for (let i = 0; i < L; i++) row[i] = c;
    }
    const byCol = new Map<string, { from: number; to: number; toks: Tok[] }>();
    for (const x of toks) {
      if (labelPart.includes(x)) continue;
      const covered = cols.map((c, i) => ((c.x0 + c.x1) / 2 >= x.x0 - 0.3 * x.size && (c.x0 + c.x1) / 2 <= x.x1 + 0.3 * x.size ? i : -1)).filter((i) => i >= 0);
      const from = covered.length ? covered[0]! : colOf(x);
      const to = covered.length ? covered[covered.length - 1]! : from;
      const key = `${from}-${to}`;
      const g = byCol.get(key) ?? { from, to, toks: [] };
      g.toks.push(x);
      byCol.set(key, g);
    }
    for (const g of byCol.values()) {
      const c = cellOf(g.toks, origin++);
      for (let i = g.from; i <= g.to; i++) if (!row[L + i]) row[L + i] = c;
    }
    grid.push(row.map((c) => c ?? { text: "", origin: origin++ }));
  }
  const headerRows = grid.length;
  const groupCell = new Map<GroupLabel, PdfGridCell>();
  for (const g of groups) groupCell.set(g, cellOf([g.tok], origin++));
  rows.forEach((r, i) => {
    const row: (PdfGridCell | undefined)[] = Array.from({ length: L + cols.length }, () => undefined);
    for (const g of groups) if (g.from <= i && i <= g.to && !row[g.tok.col]) row[g.tok.col] = groupCell.get(g)!;
    const mine = own[i]!.sort((a, b) => a.page - b.page || a.top - b.top || a.x0 - b.x0);
    if (mine.length) {
      const c = cellOf(mine, origin++);
      const at = least(mine.map((x) => x.col));
      for (let k = at; k < L; k++) if (!row[k]) row[k] = c;
    }
    if (L > 0) {
      const firstFilled = row.slice(0, L).findIndex((c) => !!c);
      if (firstFilled < 0) {
        const c = { text: "", origin: origin++ };
        for (let k = 0; k < L; k++) row[k] = c;
      } else {
        for (let k = 0; k < firstFilled; k++) row[k] = row[firstFilled];
        for (let k = firstFilled + 1; k < L; k++) row[k] ??= row[k - 1];
      }
    }
    r.values.forEach((toks, j) => {
      row[L + j] = toks.length ? cellOf(toks, origin++) : { text: "", origin: origin++ };
    });
    grid.push(row.map((c) => c ?? { text: "", origin: origin++ }));
  });
  const pages = [...new Set(t.parts.map((p) => p.page))];
  return { rows: grid, index, pages, headerRows, labelColumns: L };
}

function mergeBox(toks: readonly Tok[]): Tok {
  const f = toks[0]!;
  return {
    ...f,
    x0: least(toks.map((t) => t.x0)),
    x1: most(toks.map((t) => t.x1)),
    top: least(toks.filter((t) => t.page === f.page).map((t) => t.top)),
    bottom: most(toks.filter((t) => t.page === f.page).map((t) => t.bottom)),
  };
}

/** Header words of neighbouring cells joined on one line ("结果 其他") cut again where they stand over different columns. */
function splitAtColumns(l: Line, cols: readonly { x0: number; x1: number }[], valueX0: number): Line {
  const near = (x0: number, x1: number): number => {
    const cx = (x0 + x1) / 2;
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    cols.forEach((c, i) => {
      const overlap = Math.min(c.x1, x1) - Math.max(c.x0, x0);
      const d = overlap > 0 ? -overlap : Math.abs((c.x0 + c.x1) / 2 - cx);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
  const toks: Tok[] = [];
  for (const t of l.toks) {
    if (!t.runs || t.x0 < valueX0 - 0.3 * t.size) {
      toks.push(t);
      continue;
    }
    let cur: Tok | undefined;
    let curCol = -2;
    for (const r of t.runs) {
      const c = near(r.x0, r.x1);
      if (cur && (c === curCol || r.x0 - cur.x1 < 0.25 * t.size)) {
        cur.text = joinText(cur.text, r.text, r.x0 - cur.x1, t.size);
        cur.x1 = Math.max(cur.x1, r.x1);
      } else {
        cur = { ...t, text: r.text, x0: r.x0, x1: r.x1, runs: [] };
        curCol = c;
        toks.push(cur);
      }
    }
  }
  return { ...l, toks };
}

/** Header words stacked over lines in one cell ("商业" over "企业") joined; each keeps its first line. */
function stackHeader(lines: readonly Line[]): Tok[] {
  const out: Tok[] = [];
  for (const l of lines) {
    for (const x of l.toks) {
      let above: Tok | undefined;
      for (const u of out)
        if (u.page === x.page && u.bottom <= x.top + 0.3 * x.size && x.x0 < u.x1 && u.x0 < x.x1 && (!above || u.bottom > above.bottom)) above = u;
      const cx = (x.x0 + x.x1) / 2;
      if (
        above &&
        x.top - above.bottom <= 1.5 * x.size &&
        Math.abs((above.x0 + above.x1) / 2 - cx) <= 0.6 * x.size + Math.abs(above.x1 - above.x0 - (x.x1 - x.x0)) / 2
      ) {
        const keepCy = above.cy;
        mergeInto(above, x);
        above.cy = keepCy;
      } else out.push({ ...x });
    }
  }
  return out;
}

/** How far up (in font sizes) a label line looks for the label it continues: far more than any wrapped label spans. */
const LOOK_BACK = 60;

/** Most pieces a vertical row header is made of (三、本年度办理结果 is nine): longer runs are rows' own labels. */
const MAX_VERTICAL_PIECES = 16;

/** Finds columns of one- or two-character labels on consecutive lines (a vertical row header) and merges each. */
function stackVertical(labels: LabelTok[]): { merged: LabelTok[]; used: Set<LabelTok> } {
  const short = labels
    .filter((x) => [...x.text].length <= 4 && x.x1 - x.x0 <= 4.5 * x.size && CJK.test(x.text) && !VALUE_RE.test(x.text))
    .sort((a, b) => a.page - b.page || a.cy - b.cy);
  const used = new Set<LabelTok>();
  const merged: LabelTok[] = [];
  const reach = 2.5 * most(short.map((x) => x.size));
  for (let a = 0; a < short.length; a++) {
    const s = short[a]!;
    if (used.has(s)) continue;
    const chain = [s];
    // sorted by page and height: past the furthest a next piece could be, nothing later can join
    for (let b = a + 1; b < short.length; b++) {
      const o = short[b]!;
      const last = chain[chain.length - 1]!;
      if (o.page !== last.page || o.cy - last.cy > reach) break;
      if (used.has(o) || o.cy <= last.cy) continue;
      if (Math.abs((o.x0 + o.x1) / 2 - (last.x0 + last.x1) / 2) <= 0.6 * o.size && o.cy - last.cy <= 2.5 * o.size) chain.push(o);
      if (chain.length >= MAX_VERTICAL_PIECES) break;
    }
    // row labels stand on their rows' lines; a vertical header's pieces mostly do not
    if (chain.length < 3 || chain.filter((c) => c.onData).length > chain.length / 2) continue;
    const m: LabelTok = { ...chain[0]!, vertical: true };
    for (const c of chain.slice(1)) mergeInto(m, c);
    m.cy = (chain[0]!.cy + chain[chain.length - 1]!.cy) / 2;
    for (const c of chain) used.add(c);
    merged.push(m);
  }
  return { merged, used };
}

const NUMBERED_FIRST = /^1[.、．]/;
/** A numbered item ("2.", "（三）", "四、") starts a label of its own: it never continues the label above. */
const ITEM_START = /^(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

/** Gives each group label (a rowspan) its rows: the run around it whose own labels are deeper, split between groups. */
function spanGroups(groups: GroupLabel[], ownCol: readonly number[], own: readonly LabelTok[][]): void {
  const byCol = new Map<number, GroupLabel[]>();
  for (const g of groups) byCol.set(g.tok.col, [...(byCol.get(g.tok.col) ?? []), g]);
  for (const [col, gs] of byCol) {
    gs.sort((a, b) => a.tok.row - b.tok.row);
    for (const g of gs) {
      let from = g.from;
      let to = g.to;
      if (ownCol[g.from]! > col) {
        while (from > 0 && ownCol[from - 1]! > col) from--;
        while (to < ownCol.length - 1 && ownCol[to + 1]! > col) to++;
      }
      g.from = from;
      g.to = to;
    }
    // groups sharing a run: split where item numbering restarts (1.), else half-way
    for (let i = 1; i < gs.length; i++) {
      const a = gs[i - 1]!;
      const b = gs[i]!;
      if (b.from > a.to) continue;
      const lo = a.tok.row;
      const hi = b.tok.row;
      if (hi <= lo) {
        b.from = Math.max(b.from, a.to + 1);
        continue;
      }
      let cut = -1;
      const mid = (lo + hi) / 2;
      for (let r = lo + 1; r <= hi; r++) {
        const text = own[r]!.map((x) => x.text).join("");
        if (NUMBERED_FIRST.test(text) && (cut < 0 || Math.abs(r - mid) < Math.abs(cut - mid))) cut = r;
      }
      if (cut < 0) cut = Math.ceil(mid + 0.5);
      a.to = cut - 1;
      b.from = cut;
    }
  }
}

/** Lays PDF text out as reading-order text with tables on grids. @internal */
export function layoutPdf(pages: readonly RawPage[]): { text: string; grids: PdfGrid[]; tableRanges: [number, number][]; lines: PdfLine[] } {
  const linesByPage = pages.map((p) => pageLines(p.items));
  dropFurniture(pages, linesByPage);
  const pageParts = linesByPage.map((lines) => {
    const parts = findParts(lines);
    attachHeaders(lines, parts);
    // a lone figure with no label, header or neighbour is not a table
    const kept = parts.filter((p) => p.header.length > 0 || p.body.filter((l) => l.data).length > 1 || p.body.some((l) => l.firstValue > 0));
    return { parts: kept, lines };
  });
  const repeated = new Set<Line>();
  const tables = joinParts(pageParts, repeated);
  // vertical runs go to the table whose rows they stand beside
  const inTable = new Set<Line>(repeated);
  for (const t of tables) for (const p of t.parts) for (const l of [...p.header, ...p.body]) inTable.add(l);
  const looseV: Tok[] = [];
  pages.forEach((p) => {
    for (const it of p.items) {
      if (it.dir !== "vertical") continue;
      const v = tokOf(it);
      const t = tables.find((tb) =>
        tb.parts.some((pt) => {
          if (pt.page !== v.page) return false;
          const top = least(pt.body.map((l) => l.top));
          const bottom = most(pt.body.map((l) => l.bottom));
          const vx = least(pt.body.filter((l) => l.data).map(valueStart));
          return v.top < bottom && v.bottom > top && v.x1 <= vx;
        }),
      );
      if (t) t.vtoks.push(v);
      else looseV.push(v);
    }
  });
  const grids = tables.map((t, i) => buildGrid(t, i));

  // reading order: prose lines and tables by position, page by page
  type Block = { kind: "line"; line: Line } | { kind: "table"; grid: PdfGrid };
  const blocks: { page: number; top: number; block: Block }[] = [];
  linesByPage.forEach((lines) => {
    for (const l of lines) if (!inTable.has(l)) blocks.push({ page: l.page, top: l.top, block: { kind: "line", line: l } });
  });
  for (const v of looseV) {
    const line: Line = { page: v.page, cy: v.cy, top: v.top, bottom: v.bottom, size: v.size, toks: [v], data: false, firstValue: -1 };
    blocks.push({ page: v.page, top: v.top, block: { kind: "line", line } });
  }
  tables.forEach((t, i) => {
    const p = t.parts[0]!;
    const first = p.header[0] ?? p.body[0]!;
    blocks.push({ page: p.page, top: first.top, block: { kind: "table", grid: grids[i]! } });
  });
  blocks.sort((a, b) => a.page - b.page || a.top - b.top);

  const proseLines = blocks.flatMap((b) => (b.block.kind === "line" ? [b.block.line] : []));
  const left = percentile(
    proseLines.map((l) => l.toks[0]!.x0),
    0.1,
  );
  const right = percentile(
    proseLines.map((l) => l.toks[l.toks.length - 1]!.x1),
    0.9,
  );
  let text = "";
  const tableRanges: [number, number][] = [];
  const outLines: PdfLine[] = [];
  let prev: Line | undefined;
  for (const { block } of blocks) {
    if (block.kind === "table") {
      const start = text.length + 1;
      text += `\n${gridText(block.grid)}\n`;
      tableRanges.push([start, text.length]);
      prev = undefined;
      continue;
    }
    const l = block.line;
    let s = "";
    l.toks.forEach((t, i) => {
      const gap = i ? t.x0 - l.toks[i - 1]!.x1 : 0;
      s = !i ? t.text : gap >= 1.5 * t.size ? `${s}  ${t.text}` : joinText(s, t.text, gap, t.size);
    });
    const joined = prev && continues(prev, l, left, right);
    if (joined) {
      if (/[A-Za-z0-9,.;:]$/.test(text) && /^[A-Za-z0-9]/.test(s)) text += " ";
    } else if (text.length) text += "\n";
    outLines.push({ offset: text.length, text: s, sources: l.toks.map((t) => sourceOf(t)) });
    text += s;
    prev = l;
  }
  return { text: `${text}\n`, grids, tableRanges, lines: outLines };
}

function percentile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))]!;
}

/** Whether prose line `b` continues the paragraph of line `a` (a full line, then an unindented one). */
function continues(a: Line, b: Line, left: number, right: number): boolean {
  if (Math.abs(a.size - b.size) > 0.5) return false;
  if (b.page !== a.page && b.page !== a.page + 1) return false;
  if (b.page === a.page && b.top - a.bottom > 1.2 * a.size) return false;
  const at = lineText(a);
  if (/[。！？：；!?:;]$/.test(at)) return false;
  const aEnd = a.toks[a.toks.length - 1]!.x1;
  if (aEnd < right - 1.5 * a.size) return false;
  const bStart = b.toks[0]!.x0;
  if (bStart > left + 0.8 * b.size) return false;
  if (HEADING_RE.test(lineText(b)) || /^[(（][一二三四五六七八九十]+[)）]/.test(lineText(b))) return false;
  return true;
}
