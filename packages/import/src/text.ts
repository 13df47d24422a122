import { type Compact, compact, isSpaceCode, normalizeChars } from "./normalize";
import type { RowObs } from "./solve";
import { type Chunk, fitPipeCells } from "./split";
import { SEPARATOR_SOURCE } from "./markdown";
import { type RowSpec, rowRegex } from "./templates";

const SEPARATOR_LINES = new RegExp(SEPARATOR_SOURCE, "gm");

/**
 * Length-preserving clean-up of text before reading tables: width folding, Markdown table separator rows, the marks
 * of Markdown headings and page markers ("- 4 -", "— 4 —") blanked out with spaces so offsets still point into the input.
 */
export function prepareText(text: string): string {
  return prepareFolded(normalizeChars(text));
}

const blank = (s: string) => s.replace(/[^\n]/g, " ");
const HEADING_MARKS = /^([ \t]*)(#{1,6})(?=[ \t])/gm;
const PAGE_DASHES = /^[ \t]*[-—–－]{1,2}[ \t]*\d{1,3}[ \t]*[-—–－]{1,2}[ \t]*$/gm;
const PAGE_NUMBER = /^[ \t]*第[ \t]*\d{1,3}[ \t]*页[^\n]{0,12}$/gm;

/**
 * The four clean-ups as one pattern, tried at each line's start in their order: a separator row, a heading (its whole
 * line, for the page-number patterns to look at once its marks are blank), a page number of either kind.
 */
const CLEAN_UPS = new RegExp(
  `^(?:${SEPARATOR_SOURCE.slice(1, -1)}$|([ \\t]*)(#{1,6})(?=[ \\t])([^\\n\\r\\u2028\\u2029]*)|${PAGE_DASHES.source.slice(1, -1)}$|${PAGE_NUMBER.source.slice(1, -1)}$)`,
  "gm",
);
const PAGE_DASH_LINE = new RegExp(PAGE_DASHES.source);
const PAGE_NUMBER_LINE = new RegExp(PAGE_NUMBER.source);
/** A line terminator other than "\n": the multiline anchors break lines there too, a page number's tail runs across it. */
const isOtherBreak = (c: number): boolean => c === 13 || c === 0x2028 || c === 0x2029;

/**
 * `prepareText` of text already through `normalizeChars`. Every clean-up is a line's business (its pattern anchored at
 * both ends of one line, a heading's marks blanked before the page numbers are looked for), so the four are one pass of
 * the regex engine (a Markdown report 29 → 14 µs, label/value lines 4.6 → 2.5). A page number's tail (`[^\n]`) may
 * run across a line terminator other than "\n" onto lines the passes before it cleaned: it blanks them whole either
 * way, but a heading's line so ended is left to the four passes one after the other. A test holds both ways to each
 * other. @internal
 */
export function prepareFolded(t: string): string {
  // nothing to clean without a heading mark, a dash or 页 (a test of the text each, as the passes had)
  if (!(t.includes("#") || t.includes("页") || /[-—–－]/.test(t))) return t;
  let across = false;
  const out = t.replace(CLEAN_UPS, (m: string, lead: string | undefined, marks: string | undefined, rest: string, at: number) => {
    if (marks === undefined) return " ".repeat(m.length);
    // a heading: its marks blank, then the page numbers looked for on the line as it is now, as the passes do, unless
    // another terminator ends the line (a page number found there by the passes may run onto the next line)
    if (isOtherBreak(t.charCodeAt(at + m.length))) across = true;
    const now = lead! + " ".repeat(marks.length) + rest;
    return PAGE_DASH_LINE.test(now) || PAGE_NUMBER_LINE.test(now) ? " ".repeat(m.length) : now;
  });
  return across ? prepareByPasses(t) : out;
}

/** The clean-ups as four passes of the regex engine over the whole text, each only when a match of it is possible. @internal */
export function prepareByPasses(t: string): string {
  let out = t;
  if (out.includes("---")) out = out.replace(SEPARATOR_LINES, blank);
  // a Markdown heading keeps its text (a report's title, its sections): only the marks are blanked
  if (out.includes("#")) out = out.replace(HEADING_MARKS, (_m, lead: string, marks: string) => lead + " ".repeat(marks.length));
  if (/[-—–－]/.test(out)) out = out.replace(PAGE_DASHES, blank);
  if (out.includes("页")) out = out.replace(PAGE_NUMBER, blank);
  return out;
}

const CJK = /[\u3400-\u9fff]/;

/** The length of the unit at `i` (人次, 万元, 条, 件, 次, 篇, 个, 人, 元), else 0. */
function unitAt(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === 0x4eba) return src.charCodeAt(i + 1) === 0x6b21 ? 2 : 1; // 人次, 人
  if (c === 0x4e07) return src.charCodeAt(i + 1) === 0x5143 ? 2 : 0; // 万元
  return c === 0x6761 || c === 0x4ef6 || c === 0x6b21 || c === 0x7bc7 || c === 0x4e2a || c === 0x5143 ? 1 : 0; // 条 件 次 篇 个 元
}

/** True for a code unit of CJK_CHAR's range (U+3400–U+9FFF); false for NaN (past the end). */
const isCjkCode = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/** The first "|" in `src` from `from` to before `to`, else -1. */
function barIn(src: string, from: number, to: number): number {
  for (let j = from; j < to; j++) if (src.charCodeAt(j) === 0x7c) return j;
  return -1;
}

/** True when an ASCII digit stands in `src` from `from` to before `to`. */
function hasDigit(src: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = src.charCodeAt(j);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** True when the "|" at `at` opens an empty cell: only spaces or tabs stand before the next "|" of the same line. */
function emptyCellAt(src: string, at: number, limit: number): boolean {
  for (let j = at + 1; j < limit; j++) {
    const c = src.charCodeAt(j);
    if (c === 0x7c) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return false;
}

/**
 * Where the values after a label start: white space, punctuation, guidance in brackets, units and label cells of a
 * pipe row skipped (at most 50 of them), from `from`, before `limit`. @internal
 */
export function skipToValues(src: string, from: number, limit: number): number {
  let i = from;
  for (let guard = 0; guard < 50 && i < limit; guard++) {
    const c = src.charCodeAt(i);
    // an empty cell of a pipe row ("|  | 3 |", or a row of blanks under its label) is the row's first cell: a blank
    if (c === 0x7c && emptyCellAt(src, i, limit)) break;
    // white space, "|", 、 , : ; 。 .
    if (isSpaceCode(c) || c === 0x7c || c === 0x3001 || c === 0x2c || c === 0x3a || c === 0x3b || c === 0x3002 || c === 0x2e) {
      i++;
      continue;
    }
    if (c === 0x28 || c === 0xff08) {
      // guidance in brackets: skipped to its closing bracket within 160 characters
      const end = Math.min(limit, i + 160);
      let close = -1;
      for (let j = i + 1; j < end; j++) {
        const d = src.charCodeAt(j);
        if (d === 0x29 || d === 0xff09) {
          close = j;
          break;
        }
      }
      if (close > 0) {
        i = close + 1;
        continue;
      }
      break;
    }
    const unit = unitAt(src, i);
    if (unit && !isCjkCode(src.charCodeAt(i + unit))) {
      i += unit;
      continue;
    }
    // a label cell inside a pipe row ("| 缴纳费用、 | 行政机关不再处理其政 | 0 |"): skip it
    if (isCjkCode(c)) {
      const nl = src.indexOf("\n", i);
      const lineEnd = nl < 0 ? src.length : nl;
      const lineStart = src.lastIndexOf("\n", i) + 1;
      // both searches stop at the end of the line (a text without pipes is not read to its end for each label)
      if (barIn(src, lineStart, lineEnd) >= 0) {
        const bar = barIn(src, i, lineEnd);
        if (bar > 0 && !hasDigit(src, i, bar)) {
          i = bar + 1;
          continue;
        }
      }
    }
    break;
  }
  return i;
}

/** Reads the values that follow a label: skips guidance in brackets, units and label cells; stops at the next label. @internal */
export function extractRun(src: string, from: number, to: number): { chunks: Chunk[]; end: number } {
  const limit = Math.min(to, src.length, from + 2000);
  const start = skipToValues(src, from, limit);
  // the end of the line, or the limit when that comes first (searched no further: a text without line breaks would
  // be read to its end for every row)
  let stop = start;
  while (stop < limit && src.charCodeAt(stop) !== 10) stop++;
  if (barIn(src, start, stop) >= 0) {
    const restOfLine = src.slice(start, stop);
    // a Markdown pipe row: its cells are atomic; the row ends at the end of the line
    const chunks: Chunk[] = [];
    let off = start;
    for (const cell of restOfLine.split("|")) {
      const t = cell.trim();
      const lead = cell.length - cell.trimStart().length;
      const labelCell = CJK.test(t) && !/^(无|\d[\d.]*(万元|元))$/.test(t);
      if (!(labelCell && chunks.length === 0)) chunks.push({ text: t, offset: off + lead, atomic: true });
      off += cell.length + 1;
    }
    // the text before the first "|" is empty when the row starts with a pipe
    if (chunks.length && chunks[0]!.text === "" && !/\S/.test(restOfLine.slice(0, restOfLine.indexOf("|")))) chunks.shift();
    // what follows the row's last "|" is no cell; an empty cell before it is one (a blank, printed as such)
    if (chunks.length && chunks[chunks.length - 1]!.text === "" && /\|\s*$/.test(restOfLine)) chunks.pop();
    return { chunks, end: stop };
  }
  let j = start;
  // (no "|" can stand in the run: every character it takes is one of those tested here)
  while (j < limit) {
    const ch = src[j]!;
    if (runChar(src.charCodeAt(j))) {
      j++;
      continue;
    }
    if (ch === "," && /\d/.test(src[j - 1] ?? "") && /^\d{3}(?!\d)/.test(src.slice(j + 1, j + 5))) {
      j++;
      continue;
    }
    if (ch === "无" && !CJK.test(src[j + 1] ?? "")) {
      j++;
      continue;
    }
    if ((ch === "元" || (ch === "万" && src[j + 1] === "元")) && /\d/.test(src[j - 1] ?? "")) {
      j += ch === "万" ? 2 : 1;
      continue;
    }
    break;
  }
  // the run's tokens: the only blanks a run holds are spaces, tabs and line breaks (every character it took is tested
  // above), so these are its \S+ runs
  const chunks: Chunk[] = [];
  for (let a = start; a < j; ) {
    const c = src.charCodeAt(a);
    if (isRunBlank(c)) {
      a++;
      continue;
    }
    let b = a + 1;
    while (b < j && !isRunBlank(src.charCodeAt(b))) b++;
    const t = src.slice(a, b);
    // dashes glued to digits are separators of dates, not values
    if (valueToken(t)) chunks.push({ text: t, offset: a, atomic: false });
    a = b;
  }
  // a trailing "." is punctuation, not a decimal point
  const last = chunks[chunks.length - 1];
  if (last && /\.$/.test(last.text)) chunks[chunks.length - 1] = { ...last, text: last.text.replace(/\.+$/, "") };
  // (no token is emptied by that: every value token starts with a digit, a sign and a digit, "/", 无 or a dash)
  return { chunks, end: j };
}

/** A character of a run of values: a digit, ".", "+", "-", "—", "–", "/", a space, a tab or a line break. */
function runChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 47 || c === 32 || c === 9 || c === 13 || c === 10 || c === 0x2014 || c === 0x2013;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
/** The blanks a run of values may hold: a space, a tab or a line break. */
const isRunBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** A token of a run that is a value: starts with a digit or a sign and a digit, is "/" or "无", or is all dashes. */
function valueToken(t: string): boolean {
  const c0 = t.charCodeAt(0);
  if (isDigitCode(c0) || ((c0 === 43 || c0 === 45) && isDigitCode(t.charCodeAt(1))) || t === "/" || t === "无") return true;
  if (!t.length) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 45 && c !== 0x2014 && c !== 0x2013) return false;
  }
  return true;
}

interface Match {
  readonly spec: RowSpec;
  readonly start: number;
  readonly end: number;
}

/** The last search of each spec's pattern: from where, and the first match at or after it (null: none). */
type SearchMemo = ({ from: number; found: { start: number; end: number } | null } | undefined)[];

/**
 * The first match of a spec's pattern at or after `pos`. A match's extent does not depend on where the search
 * started, so the last search answers any later one that starts between it and its match (or after it, when it
 * found none): the starts anchorTable tries search the same stretches of text again and again.
 */
function firstMatch(spec: RowSpec, k: number, c: Compact, pos: number, memo: SearchMemo): { start: number; end: number } | null {
  const last = memo[k];
  if (last && last.from <= pos && (last.found === null || last.found.start >= pos)) return last.found;
  const re = rowRegex(spec);
  re.lastIndex = pos;
  const m = re.exec(c.text);
  const found = m ? { start: m.index, end: m.index + m[0].length } : null;
  memo[k] = { from: pos, found };
  return found;
}

function sequential(specs: readonly RowSpec[], c: Compact, start: number, maxGap: number, memo: SearchMemo): Match[] {
  const out: Match[] = [];
  let pos = start;
  let missed = 0;
  specs.forEach((spec, k) => {
    const m = firstMatch(spec, k, c, pos, memo);
    if (m && m.start - pos <= maxGap * (missed + 1)) {
      out.push({ spec, start: m.start, end: m.end });
      pos = m.end;
      missed = 0;
    } else missed++;
  });
  return out;
}

/** Finds the rows of a table printed in order (table 三, the 2014 table) and reads the values after each label. @internal */
export function anchorTable(
  specs: readonly RowSpec[],
  src: string,
  c: Compact,
  from = 0,
  maxGap = 160,
): { rows: RowObs[]; labelsOnly: RowObs[]; start: number; end: number } {
  let best: Match[] = [];
  const memo: SearchMemo = [];
  for (const spec of specs.slice(0, 3)) {
    // the start positions first: sequential() searches with the same shared regexes
    const re = rowRegex(spec);
    re.lastIndex = from;
    const starts: number[] = [];
    for (let m = re.exec(c.text); m && starts.length < 40; m = re.exec(c.text)) {
      starts.push(m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
    for (const at of starts) {
      const got = sequential(specs, c, at, maxGap, memo);
      if (got.length > best.length) best = got;
    }
  }
  const found: { obs: RowObs; gaps: number[]; at: number }[] = [];
  best.forEach((m, i) => {
    const next = best[i + 1];
    const from = c.map[m.end - 1]! + 1;
    const to = next ? c.map[next.start]! : Math.min(src.length, from + 400);
    const run = extractRun(src, from, to);
    found.push({
      obs: { spec: m.spec, chunks: run.chunks, label: c.text.slice(m.start, m.end), loc: {} },
      gaps: layoutGaps(src, run.chunks, next ? to : -1),
      at: from,
    });
  });
  placeByLayout(found);
  // a label with no values is prose or a floating header fragment, not the row (its label is kept: in a glued table
  // whose zero cells were left blank it is a row of blanks)
  const rows = found.filter((f) => f.obs.chunks.length).map((f) => f.obs);
  const labelsOnly = found.filter((f) => !f.obs.chunks.length).map((f) => f.obs);
  const first = best[0];
  const last = best[best.length - 1];
  return { rows, labelsOnly, start: first ? c.map[first.start]! : -1, end: last ? c.map[last.end - 1]! + 1 : -1 };
}

const isSpace = (ch: string | undefined): boolean => ch === " " || ch === "\t" || ch === "\r" || ch === "\n" || ch === "\u3000";

/** Newlines in the whitespace that ends just before `at` (scanning back). */
function newlinesBefore(src: string, at: number): number {
  let n = 0;
  for (let i = at - 1; i >= 0 && isSpace(src[i]); i--) if (src[i] === "\n") n++;
  return n;
}

/** Newlines in the whitespace that starts at `at`; -1 when the text runs out first. */
function newlinesAfter(src: string, at: number): number {
  let n = 0;
  let i = at;
  for (; i < src.length && isSpace(src[i]); i++) if (src[i] === "\n") n++;
  return i < src.length ? n : -1;
}

/**
 * The line breaks around a row's values, as a page printed one cell per line writes them: before each chunk, then
 * after the last (up to the next label, `to`, or the next text). A row with no values has one gap, the whitespace
 * before `to`. Empty when something other than whitespace stands between two values.
 */
export function layoutGaps(src: string, chunks: readonly Chunk[], to: number): number[] {
  if (!chunks.length) return to >= 0 ? [newlinesBefore(src, to)] : [];
  const gaps = [newlinesBefore(src, chunks[0]!.offset)];
  for (let i = 1; i < chunks.length; i++) {
    const a = chunks[i - 1]!;
    const b = chunks[i]!;
    const between = src.slice(a.offset + a.text.length, b.offset);
    if (/\S/.test(between)) return [];
    gaps.push(newlinesBefore(src, b.offset));
  }
  const last = chunks[chunks.length - 1]!;
  const after = newlinesAfter(src, last.offset + last.text.length);
  if (after < 0 || (to >= 0 && last.offset + last.text.length + after > to)) return [];
  gaps.push(after);
  return gaps;
}

/**
 * Label/value lines (one cell per line, a blank line between): a blank cell is an empty line, so the line breaks
 * between values say where the blanks stand. The step is the fewest line breaks between two items in the table;
 * a row whose values, with the blanks its gaps hold, make exactly its cells is read cell by cell (blanks included).
 * Rows the layout does not account for exactly are left as they were. @internal
 */
export function placeByLayout(rows: readonly { obs: RowObs; gaps: readonly number[]; at: number }[]): void {
  let step = Number.POSITIVE_INFINITY;
  for (const r of rows) if (r.obs.chunks.length) for (const g of r.gaps) step = Math.min(step, g);
  if (!(step >= 1 && Number.isFinite(step))) return;
  for (const r of rows) {
    const k = r.obs.spec.cells.length;
    const n = r.obs.chunks.length;
    if (n >= k || !r.gaps.length || r.gaps.some((g) => g % step !== 0 || g < step)) continue;
    // a gap of step·(b + 1) line breaks holds b empty cells
    const blanks = r.gaps.map((g) => g / step - 1);
    if (n + blanks.reduce((a, b) => a + b, 0) !== k) continue;
    const cells: Chunk[] = [];
    const blank = (offset: number): Chunk => ({ text: "", offset, atomic: true });
    r.obs.chunks.forEach((ch, i) => {
      for (let b = 0; b < blanks[i]!; b++) cells.push(blank(ch.offset));
      cells.push({ ...ch, atomic: true });
    });
    const end = n ? r.obs.chunks[n - 1]!.offset : r.at;
    for (let b = 0; b < blanks[n]!; b++) cells.push(blank(end));
    (r.obs as { chunks: readonly Chunk[] }).chunks = cells;
  }
}

/** Numeric pipe rows (Markdown) between two offsets that no label claimed: rows whose label was lost. @internal */
export function orphanPipeRows(src: string, from: number, to: number, width: number): { chunks: Chunk[]; offset: number }[] {
  const out: { chunks: Chunk[]; offset: number }[] = [];
  let pos = from;
  while (pos < to) {
    const nl = src.indexOf("\n", pos);
    const end = nl < 0 || nl > to ? to : nl;
    const line = src.slice(pos, end);
    if (line.trim().startsWith("|")) {
      const chunks = fitPipeCells(extractRun(src, pos, end).chunks, width);
      const nums = chunks.filter((ch) => /^\d/.test(ch.text));
      if (chunks.length === width && nums.length === width) out.push({ chunks: [...chunks], offset: pos });
    }
    pos = end + 1;
  }
  return out;
}

/** Finds each section 二 row independently in its region and reads its values. @internal */
export function findIndependent(specs: readonly RowSpec[], src: string, c: Compact, from: number, to: number): RowObs[] {
  const found: { obs: RowObs; gaps: number[]; at: number }[] = [];
  for (const spec of specs) {
    const re = rowRegex(spec);
    re.lastIndex = from;
    for (let m = re.exec(c.text); m && m.index < to; m = re.exec(c.text)) {
      const a = c.map[m.index + m[0].length - 1]! + 1;
      const end = c.map[Math.min(to, c.text.length)] ?? src.length;
      const run = extractRun(src, a, end);
      if (run.chunks.length) {
        found.push({ obs: { spec, chunks: run.chunks, label: m[0], loc: {} }, gaps: layoutGaps(src, run.chunks, -1), at: a });
        break;
      }
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  placeByLayout(found);
  return found.map((f) => f.obs);
}

/** Builds the compact view used for label search. @internal */
export function compactOf(src: string): Compact {
  return compact(src);
}
