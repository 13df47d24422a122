import type { CellKind, CellValue, SourceLocation } from "@gov-disclosure/core";
import { count, specialValue, timesExact } from "@gov-disclosure/core";
import { asciiDigits, parseCellText, wellFormed } from "./numbers";

/** A piece of a row's value text: one cell (atomic, from a grid or a pipe table) or digits that may be glued. @internal */
export interface Chunk {
  readonly text: string;
  /** Offset of the chunk in the source text (text inputs). */
  readonly offset: number;
  readonly atomic: boolean;
  /** Location for grid inputs. */
  readonly loc?: SourceLocation;
}

/** One cell of a candidate split. @internal */
export interface Part {
  readonly raw: string;
  readonly value: CellValue;
  readonly offset?: number;
  readonly loc?: SourceLocation;
}

/** A candidate reading of a row: one part per cell, null where the cell is blank or missing. @internal */
export type Cand = readonly (Part | null)[];

/**
 * A part with its location when it has one. (Built by assignment: a conditional spread such as
 * `...(loc ? { loc } : {})` costs microseconds per object in V8 on these hot paths.) @internal
 */
export function partOf(raw: string, value: CellValue, offset: number, loc: SourceLocation | undefined): Part {
  const p: { raw: string; value: CellValue; offset: number; loc?: SourceLocation } = { raw, value, offset };
  if (loc) p.loc = loc;
  return p;
}

/** Candidates of a row, and whether enumeration stopped at its cap. @internal */
export interface RowCands {
  readonly cands: Cand[];
  readonly truncated: boolean;
  /** Chunks were atomic and fewer than the cells: positions were guessed. */
  readonly placed: boolean;
  /** More atomic chunks than cells: extra ones ignored. */
  readonly overflow: boolean;
}

/**
 * Most units of enumeration work one document may spend on splitting: every step of every row's split (each part
 * tried, at most 24 characters read), every combination and every candidate compared in table 三, every candidate
 * scored, every local row compared (a check of core's rules on a candidate costs `RULE_CHECK_COST`). One budget for
 * all of it; when it runs out the cells still open are reported undecided (`IMPORT-SPLIT-TRUNCATED`), never guessed.
 */
export const MAX_SPLIT_WORK = 3_000_000;

/** What is left of a document's enumeration budget. @internal */
export interface Work {
  left: number;
  exhausted: boolean;
}

/** A fresh enumeration budget for one document. @internal */
export const newWork = (): Work => ({ left: MAX_SPLIT_WORK, exhausted: false });

/** Spends `n` units; false (and the budget marked exhausted) when there were not enough. @internal */
export function spend(work: Work, n = 1): boolean {
  work.left -= n;
  if (work.left < 0) work.exhausted = true;
  return !work.exhausted;
}

/** The longest text a well-formed part of each kind can have (see `wellFormed`): longer parts are never tried. */
const MAX_PART: Readonly<Record<CellKind, number>> = { count: 12, signed: 12, money: 24 };
const maxPart = (kind: CellKind): number => MAX_PART[kind] ?? 24;

/**
 * A pipe row with more cells than its table has: the empty cells at its ends are no values (a label that spans two
 * columns, a converter's padding) and are dropped, the first ones first, until it fits. A row that fits keeps its empty
 * cells in place: they are blanks. @internal
 */
export function fitPipeCells(chunks: readonly Chunk[], width: number): readonly Chunk[] {
  let a = 0;
  let b = chunks.length;
  while (b - a > width && chunks[a]?.atomic && chunks[a]?.text === "") a++;
  while (b - a > width && chunks[b - 1]?.atomic && chunks[b - 1]?.text === "") b--;
  return a === 0 && b === chunks.length ? chunks : chunks.slice(a, b);
}

/** Dashes, slash and 无: a cell written as "nothing to report". @internal */
export const SPECIAL = /^(—+|-+|－|–|―|\/|无)$/;

/** Money enters identities in exact millionths, so that sums of decimals compare exactly (0.1 + 0.2 = 0.3). */
const MONEY_SCALE = 1_000_000;

/**
 * The numeric value of a part for identities: blank, dash and 无 are 0; text is NaN. Counts are themselves; money is
 * an exact integer number of millionths (NaN when it has more than six decimals or is too large to be exact), so every
 * comparison is exact. Identities only ever relate cells of one kind. @internal
 */
export function num(p: Part | null | undefined): number {
  if (!p) return 0;
  const v = p.value;
  if (v.kind === "count") return v.value;
  if (v.kind === "money") {
    // exact at any length (decimal.js alone would round the product to 20 significant digits)
    const scaled = timesExact(v.value, MONEY_SCALE);
    return scaled.isInteger() && scaled.abs().lte(Number.MAX_SAFE_INTEGER) ? scaled.toNumber() : Number.NaN;
  }
  if (v.kind === "text") return Number.NaN;
  return 0;
}

/** True when a part holds a number (not blank, dash, 无 or text). @internal */
export const isNum = (p: Part | null | undefined): boolean => !!p && (p.value.kind === "count" || p.value.kind === "money");

const COMBINATIONS = new Map<number, readonly (readonly number[])[]>();
/** The ways to choose `m` of `k` positions, in order (kept when there are few; never modified). */
function combinations(k: number, m: number): readonly (readonly number[])[] {
  const key = k * 4096 + m;
  let hit = COMBINATIONS.get(key);
  if (!hit) {
    hit = choose(k, m);
    if (k < 4096 && m < 4096 && hit.length <= 1000) COMBINATIONS.set(key, hit);
  }
  return hit;
}

function choose(k: number, m: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, acc: number[]) => {
    if (acc.length === m) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i <= k - (m - acc.length); i++) {
      acc.push(i);
      rec(i + 1, acc);
      acc.pop();
    }
  };
  rec(0, []);
  return out;
}

/**
 * Every way to read the chunks as `kinds.length` cells: atomic chunks are one cell each (placed in order when fewer
 * than the cells), other chunks are split into well-formed numbers (no leading zeros, a sign only on signed cells,
 * a unit only at the end of money). Stops at `cap` candidates or `maxSteps` steps and says so.
 */
export function rowCandidates(
  chunks: readonly Chunk[],
  kinds: readonly CellKind[],
  identity: { sumLast?: boolean | undefined; block?: number | undefined } = {},
  cap = 5000,
  maxSteps = 300000,
  work: Work = newWork(),
): RowCands {
  const k = kinds.length;
  const cands: Cand[] = [];
  if (chunks.length === 0) return { cands, truncated: false, placed: false, overflow: false };
  if (chunks.every((c) => c.atomic)) {
    const use = chunks.slice(0, k);
    const overflow = chunks.length > k;
    const make = (c: Chunk, kind: CellKind): Part | null => {
      const value = parseCellText(c.text, kind);
      if (value.kind === "blank") return null;
      return partOf(c.text, value, c.offset, c.loc);
    };
    if (use.length === k) return { cands: [use.map((c, i) => make(c, kinds[i]!))], truncated: false, placed: false, overflow };
    for (const pos of combinations(k, use.length)) {
      const row: (Part | null)[] = Array.from({ length: k }, () => null);
      pos.forEach((p, i) => {
        row[p] = make(use[i]!, kinds[p]!);
      });
      cands.push(row);
    }
    return { cands, truncated: false, placed: true, overflow };
  }
  if (identity.sumLast && chunks.length === 1 && kinds.every((x) => x === "count") && /^\d+$/.test(chunks[0]!.text))
    return sumLastCandidates(chunks[0]!, k, cap, maxSteps, work);
  return (cap >= 1 ? oneTokenACell(chunks, kinds, identity, maxSteps, work) : undefined) ?? enumerateRow(chunks, kinds, identity, cap, maxSteps, work);
}

/**
 * The first cell a total cell of the row sums (the row's first with `sumLast` for its last cell, the block's first for
 * the last of each block), or -1 when `cell` is no total.
 */
function totalFrom(identity: { sumLast?: boolean | undefined; block?: number | undefined }, cell: number, k: number): number {
  if (identity.sumLast && cell === k - 1) return 0;
  if (identity.block && cell % identity.block === identity.block - 1) return cell - identity.block + 1;
  return -1;
}

/** A whole count as a token of its own: digits, no leading zero (but "0" itself), at most 12 (see `MAX_PART`). */
function wholeCount(t: string): boolean {
  const n = t.length;
  return n > 0 && n <= 12 && !(n > 1 && t.charCodeAt(0) === 48) && asciiDigits(t);
}

/**
 * `enumerateRow`'s one reading, worked out directly, when a row of counts has one token a cell (label/value text):
 * every token a whole count or a dash, slash or 无, and each total the identity forces spelled by its token. The same
 * reading, and the same enumeration work spent (counted as `enumerateRow` counts it: a step for each call, for each
 * part tried, and for each part that leaves its token unfinished). Undefined for anything else, and when the budget
 * would run out on the way: `enumerateRow` then reads the row, truncation included. @internal
 */
export function oneTokenACell(
  chunks: readonly Chunk[],
  kinds: readonly CellKind[],
  identity: { sumLast?: boolean | undefined; block?: number | undefined },
  maxSteps: number,
  work: Work,
): RowCands | undefined {
  const k = kinds.length;
  if (chunks.length !== k) return undefined;
  // which tokens are a dash, slash or 无 (the others are whole counts)
  const special = new Array<boolean>(k);
  for (let i = 0; i < k; i++) {
    const c = chunks[i]!;
    if (c.atomic || kinds[i] !== "count") return undefined;
    const whole = wholeCount(c.text);
    if (!whole && !SPECIAL.test(c.text)) return undefined;
    special[i] = !whole;
  }
  const out = new Array<Part | null>(k);
  // the value of each cell for the forced totals: a count, or NaN for a dash, slash or 无 (a total over it is not forced)
  const values = new Array<number>(k);
  let steps = 1; // the last call, which finds every cell read
  for (let i = 0; i < k; i++) {
    const chunk = chunks[i]!;
    const text = chunk.text;
    steps++; // the call for this cell
    const from = totalFrom(identity, i, k);
    let sum: number | undefined;
    if (from >= 0) {
      sum = 0;
      for (let j = from; j < i; j++) {
        const v = values[j]!;
        if (Number.isNaN(v)) {
          sum = undefined;
          break;
        }
        sum += v;
      }
    }
    if (sum !== undefined && !special[i]) {
      // a forced total: only its sum can stand there, spelled by the whole token
      if (spelledAt(text, 0, sum) !== text.length) return undefined;
      out[i] = { raw: text, value: count(sum), offset: chunk.offset };
      values[i] = sum;
      continue;
    }
    if (special[i]) {
      const value = specialValue(text);
      out[i] = value.kind === "blank" ? null : partOf(text, value, chunk.offset, chunk.loc);
      values[i] = value.kind === "blank" ? 0 : Number.NaN;
      continue;
    }
    // each prefix of the digits is tried (a step each), and each shorter one is a call that finds its token unfinished
    steps += 2 * text.length - 1;
    const n = Number(text);
    out[i] = { raw: text, value: count(n), offset: chunk.offset };
    values[i] = n;
  }
  if (steps > maxSteps || work.exhausted || work.left < steps) return undefined;
  spend(work, steps);
  return { cands: [out], truncated: false, placed: false, overflow: false };
}

/**
 * Every reading of a row whose chunks are not all atomic, by enumeration within the budget (see `rowCandidates`).
 * @internal
 */
export function enumerateRow(
  chunks: readonly Chunk[],
  kinds: readonly CellKind[],
  identity: { sumLast?: boolean | undefined; block?: number | undefined },
  cap: number,
  maxSteps: number,
  work: Work,
): RowCands {
  const k = kinds.length;
  const cands: Cand[] = [];
  let steps = 0;
  let truncated = false;
  // the cells read so far, by cell: a part, null (blank), or undefined for a count or an amount read from glued
  // digits, whose part is built only when a whole reading is found (most partial readings die: no object per step)
  const acc: (Part | null | undefined)[] = new Array(k);
  const accValue = new Array<number>(k).fill(0);
  /** The cell is an amount (its value parsed from its text when the part is built; never a count). */
  const accMoney = new Array<boolean>(k).fill(false);
  const accChunk = new Array<number>(k).fill(0);
  const accFrom = new Array<number>(k).fill(0);
  const accTo = new Array<number>(k).fill(0);
  const totalChunks = chunks.length;
  // which chunks are a dash, slash or 无 (tested once, not at every step that starts one)
  const special = chunks.map((c) => SPECIAL.test(c.text));
  const forcedTotal = (cell: number): number | undefined => {
    const from = totalFrom(identity, cell, k);
    if (from < 0) return undefined;
    let sum = 0;
    for (let i = from; i < cell; i++) {
      const p = acc[i];
      if (p === undefined) {
        if (accMoney[i]) return undefined;
        sum += accValue[i]!;
        continue;
      }
      if (p && p.value.kind !== "count") return undefined;
      sum += p && p.value.kind === "count" ? p.value.value : 0;
    }
    return sum;
  };
  const lazy = (cell: number, ci: number, from: number, to: number, value: number, isMoney = false): void => {
    acc[cell] = undefined;
    accMoney[cell] = isMoney;
    accValue[cell] = value;
    accChunk[cell] = ci;
    accFrom[cell] = from;
    accTo[cell] = to;
  };
  const reading = (): Cand => {
    const out = new Array<Part | null>(k);
    for (let i = 0; i < k; i++) {
      const p = acc[i];
      if (p !== undefined) out[i] = p;
      else {
        const chunk = chunks[accChunk[i]!]!;
        const raw = chunk.text.slice(accFrom[i], accTo[i]);
        out[i] = { raw, value: accMoney[i] ? parseCellText(raw, "money") : count(accValue[i]!), offset: chunk.offset + accFrom[i]! };
      }
    }
    return out;
  };
  const rec = (ci: number, pos: number, cell: number): void => {
    if (truncated) return;
    if (++steps > maxSteps || cands.length >= cap || !spend(work)) {
      truncated = true;
      return;
    }
    if (cell === k) {
      if (ci === totalChunks) cands.push(reading());
      return;
    }
    if (ci === totalChunks) return;
    // each remaining chunk needs at least one cell
    if (k - cell < totalChunks - ci) return;
    const chunk = chunks[ci]!;
    const text = chunk.text;
    const kind = kinds[cell]!;
    // a total cell is forced by the identity: only its sum can stand there
    const sum = forcedTotal(cell);
    if (sum !== undefined && pos < text.length && !(pos === 0 && special[ci])) {
      const len = spelledAt(text, pos, sum);
      if (len > 0) {
        const e = pos + len;
        if (kind === "money") {
          const forced = text.slice(pos, e);
          acc[cell] = { raw: forced, value: parseCellText(forced, kind), offset: chunk.offset + pos };
        } else lazy(cell, ci, pos, e, sum); // Number(String(sum)) is sum
        if (e === text.length) rec(ci + 1, 0, cell + 1);
        else rec(ci, e, cell + 1);
      }
      return;
    }
    if (pos === 0 && (chunk.atomic || special[ci])) {
      const value = chunk.atomic ? parseCellText(text, kind) : specialValue(text);
      acc[cell] = value.kind === "blank" ? null : partOf(text, value, chunk.offset, chunk.loc);
      rec(ci + 1, 0, cell + 1);
      return;
    }
    // no well-formed part is longer than maxPart: a long run of digits is tried a few characters deep, not to its end
    const last = Math.min(text.length, pos + maxPart(kind));
    // a count is well-formed when its characters are all digits (kept as the part grows) and it has no leading zero;
    // its value is its digits (parseCellText's normalisation is for raw cell text), at most 12: exact
    const isCount = kind === "count";
    const leadZero = text.charCodeAt(pos) === 48;
    let digits = true;
    let value = 0;
    for (let e = pos + 1; e <= last; e++) {
      if (++steps > maxSteps || !spend(work)) {
        truncated = true;
        return;
      }
      const ch = text.charCodeAt(e - 1);
      // the part ends in 元 or 万 before the chunk does: no longer part can be well-formed, but the 万 of a 万元 (its 元
      // next) goes on to its 元 (a part "1319万元" at the chunk's end was never tried: the row could not be read)
      if (e < text.length && (ch === 0x5143 || ch === 0x4e07)) {
        if (ch === 0x4e07 && text.charCodeAt(e) === 0x5143) continue;
        break;
      }
      digits = digits && ch >= 48 && ch <= 57;
      if (isCount) {
        if (digits && (e - pos === 1 || !leadZero) && e - pos <= 12) {
          value = value * 10 + (ch - 48);
          lazy(cell, ci, pos, e, value);
        } else {
          // a part that starts with 0 can only be "0"; longer is never well-formed for counts
          if (/^[+-]?0\d/.test(text.slice(pos, e))) break;
          continue;
        }
      } else {
        const part = text.slice(pos, e);
        if (!wellFormed(part, kind)) {
          // a part that starts with 0 can only be "0" (or "0.x" for money); longer is never well-formed for counts
          if (kind !== "money" && /^[+-]?0\d/.test(part)) break;
          continue;
        }
        if (kind === "money") lazy(cell, ci, pos, e, 0, true);
        else acc[cell] = { raw: part, value: count(Number(part) || 0), offset: chunk.offset + pos };
      }
      if (e === text.length) rec(ci + 1, 0, cell + 1);
      else rec(ci, e, cell + 1);
      if (truncated) return;
    }
  };
  rec(0, 0, 0);
  return { cands, truncated, placed: false, overflow: false };
}

/**
 * How many characters `String(n)` has when `text` spells it at `pos`, else -1 — without building the string when `n` is
 * a safe integer ≥ 0 (digits compared from the last).
 */
function spelledAt(text: string, pos: number, n: number): number {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    const s = String(n);
    return text.startsWith(s, pos) ? s.length : -1;
  }
  let len = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) len++;
  if (pos + len > text.length) return -1;
  let m = n;
  for (let i = pos + len - 1; i >= pos; i--) {
    if (text.charCodeAt(i) !== 48 + (m % 10)) return -1;
    m = Math.floor(m / 10);
  }
  return len;
}

/**
 * One glued run of digits read as `k` counts whose last is the sum of the others: the total is taken first, as each
 * well-formed suffix of the digits, and the prefix is split into `k − 1` counts whose running sum may not pass it — far
 * fewer steps than splitting blindly and checking the sum at the end, so rows of five-digit counts stay under the cap.
 */
/**
 * The one way, when there is only one, to cut a run of digits into `k` counts, none with a leading zero nor longer
 * than 12 digits — what was printed, whatever the row's identities say ("0000001000000" into 7 is 0|0|0|0|0|0|1000000).
 * Undefined when there is no such cut or several. Linear in the digits × `k` (ways counted up to 2). @internal
 */
export function literalSplit(chunk: Chunk, k: number): Cand | undefined {
  const text = chunk.text;
  const n = text.length;
  if (!/^\d+$/.test(text) || k < 1 || n < k || n > 12 * k) return undefined;
  // ways[cell * (n + 1) + pos]: cuts of text[pos..] into the cells from `cell` on (capped at 2)
  const ways = new Uint8Array((k + 1) * (n + 1));
  ways[k * (n + 1) + n] = 1;
  for (let cell = k - 1; cell >= 0; cell--)
    for (let pos = n - 1; pos >= 0; pos--) {
      let w = 0;
      const maxLen = text.charCodeAt(pos) === 48 ? 1 : 12;
      for (let len = 1; len <= maxLen && pos + len <= n && w < 2; len++) w += ways[(cell + 1) * (n + 1) + pos + len]!;
      ways[cell * (n + 1) + pos] = Math.min(w, 2);
    }
  if (ways[0] !== 1) return undefined;
  const out: Part[] = [];
  let pos = 0;
  for (let cell = 0; cell < k; cell++) {
    const maxLen = text.charCodeAt(pos) === 48 ? 1 : 12;
    for (let len = 1; len <= maxLen && pos + len <= n; len++)
      if (ways[(cell + 1) * (n + 1) + pos + len] === 1) {
        const raw = text.slice(pos, pos + len);
        out.push({ raw, value: count(Number(raw)), offset: chunk.offset + pos });
        pos += len;
        break;
      }
  }
  return out;
}

function sumLastCandidates(chunk: Chunk, k: number, cap: number, maxSteps: number, work: Work): RowCands {
  const text = chunk.text;
  const cands: Cand[] = [];
  let steps = 0;
  let truncated = false;
  const acc: Part[] = [];
  const part = (from: number, to: number): Part => {
    const raw = text.slice(from, to);
    return { raw, value: count(Number(raw)), offset: chunk.offset + from };
  };
  for (let tl = 1; tl <= 12 && tl <= text.length - (k - 1) && !truncated; tl++) {
    const end = text.length - tl;
    const totalRaw = text.slice(end);
    if (!wellFormed(totalRaw, "count")) continue;
    const total = Number(totalRaw);
    const rec = (pos: number, cell: number, sum: number): void => {
      if (truncated) return;
      if (++steps > maxSteps || cands.length >= cap || !spend(work)) {
        truncated = true;
        return;
      }
      if (cell === k - 1) {
        if (pos === end && sum === total) cands.push([...acc, part(end, text.length)]);
        return;
      }
      // each remaining cell needs at least one digit
      const maxEnd = end - (k - 2 - cell);
      for (let e = pos + 1; e <= maxEnd && e - pos <= 12; e++) {
        if (++steps > maxSteps || !spend(work)) {
          truncated = true;
          return;
        }
        if (text.charCodeAt(pos) === 48 && e > pos + 1) break; // no leading zeros
        const v = Number(text.slice(pos, e));
        if (sum + v > total) break; // longer parts are larger still
        // no part is longer than the total: the digits left must fit in the cells left
        const left = k - 2 - cell;
        if (end - e > left * tl) continue;
        // …and can still reach the total: the largest sum of the cells left is below 10^(longest part)·cells
        if (left > 0 && sum + v + left * 10 ** Math.min(tl, end - e - left + 1) <= total) continue;
        acc.push(part(pos, e));
        rec(e, cell + 1, sum + v);
        acc.pop();
        if (truncated) return;
      }
    };
    rec(0, 0, 0);
  }
  return { cands, truncated, placed: false, overflow: false };
}

/** Row-internal identities: the last cell is the sum of the others, or blocks of `block` cells each end in their sum. @internal */
export function rowHolds(c: Cand, sumLast: boolean | undefined, block: number | undefined): boolean {
  const check = (from: number, to: number): boolean => {
    const total = c[to];
    if (!isNum(total)) return true;
    let s = 0;
    for (let i = from; i < to; i++) s += num(c[i]);
    return s === num(total);
  };
  if (sumLast) return check(0, c.length - 1);
  if (block) {
    for (let b = 0; b + block <= c.length; b += block) if (!check(b, b + block - 1)) return false;
  }
  return true;
}

/** Text of a candidate's cell for display in diagnostics. @internal */
export function partText(p: Part | null | undefined): string {
  if (!p) return "";
  const v = p.value;
  if (v.kind === "count") return String(v.value);
  if (v.kind === "money") return v.value.toFixed() + (v.unit ?? "");
  if (v.kind === "blank") return "";
  return v.raw;
}

/**
 * Reads a row's chunks as exactly the given counts (computed from identities, e.g. a totals row from the column sums):
 * glued digits must spell the values one after another, atomic cells and dashes must hold them. Undefined when the
 * text does not read so. @internal
 */
export function matchRow(chunks: readonly Chunk[], values: readonly number[]): Cand | undefined {
  const parts: (Part | null)[] = [];
  let ci = 0;
  let pos = 0;
  for (const v of values) {
    const chunk = chunks[ci];
    if (!chunk || !(v >= 0) || !Number.isSafeInteger(v)) return undefined;
    if (pos === 0 && (chunk.atomic || SPECIAL.test(chunk.text))) {
      const value = chunk.atomic ? parseCellText(chunk.text, "count") : specialValue(chunk.text);
      const n = value.kind === "count" ? value.value : value.kind === "text" || value.kind === "money" ? Number.NaN : 0;
      if (n !== v) return undefined;
      parts.push(value.kind === "blank" ? null : partOf(chunk.text, value, chunk.offset, chunk.loc));
      ci++;
      continue;
    }
    const s = String(v);
    if (!chunk.text.startsWith(s, pos)) return undefined;
    parts.push({ raw: s, value: parseCellText(s, "count"), offset: chunk.offset + pos });
    pos += s.length;
    if (pos === chunk.text.length) {
      ci++;
      pos = 0;
    }
  }
  return ci === chunks.length && pos === 0 ? parts : undefined;
}

/**
 * Every reading of a glued row of counts whose zero cells were left blank (as 上海 2019 left them), the blanks leaving
 * no trace in the digits: each printed number is a positive count (no leading zeros, no part across a space), the
 * last is the row total in the last cell, and the others, in order, stand in any of the cells before it and sum to
 * it. A row with no digits is all blank. Stops at `cap` candidates or when the budget runs out, and says so. @internal
 */
export function blankCandidates(chunks: readonly Chunk[], k: number, cap = 5000, work: Work = newWork()): RowCands {
  const cands: Cand[] = [];
  const none = { cands, truncated: false, placed: false, overflow: false };
  if (chunks.length === 0) return { ...none, cands: [Array.from({ length: k }, () => null)] };
  if (k < 2 || chunks.some((c) => c.atomic || !/^[1-9]\d*$/.test(c.text))) return none;
  const last = chunks[chunks.length - 1]!;
  let truncated = false;
  const parts: Part[] = [];
  const place = (total: Part): void => {
    // the m printed parts before the total in m of the k − 1 cells, in order
    const m = parts.length;
    for (const pos of combinations(k - 1, m)) {
      if (cands.length >= cap || !spend(work)) {
        truncated = true;
        return;
      }
      const row: (Part | null)[] = Array.from({ length: k }, () => null);
      pos.forEach((p, i) => {
        row[p] = parts[i]!;
      });
      row[k - 1] = total;
      cands.push(row);
    }
  };
  for (let tl = 1; tl <= Math.min(12, last.text.length) && !truncated; tl++) {
    const start = last.text.length - tl;
    if (last.text.charCodeAt(start) === 48) continue;
    const total = Number(last.text.slice(start));
    const totalPart: Part = { raw: last.text.slice(start), value: count(total), offset: last.offset + start };
    // the text before the total: whole chunks, then the start of the last
    const pieces = [...chunks.slice(0, -1).map((c) => ({ text: c.text, offset: c.offset })), { text: last.text.slice(0, start), offset: last.offset }].filter(
      (p) => p.text.length > 0,
    );
    const rec = (pi: number, pos: number, sum: number): void => {
      if (truncated) return;
      if (!spend(work)) {
        truncated = true;
        return;
      }
      if (pi === pieces.length) {
        if (sum === total && parts.length > 0) place(totalPart);
        return;
      }
      if (parts.length === k - 1) return;
      const piece = pieces[pi]!;
      if (piece.text.charCodeAt(pos) === 48) return; // a positive count never starts with 0
      for (let e = pos + 1; e <= piece.text.length && e - pos <= 12; e++) {
        const raw = piece.text.slice(pos, e);
        const v = Number(raw);
        if (sum + v > total) break;
        parts.push({ raw, value: count(v), offset: piece.offset + pos });
        if (e === piece.text.length) rec(pi + 1, 0, sum + v);
        else rec(pi, e, sum + v);
        parts.pop();
        if (truncated) return;
      }
    };
    rec(0, 0, 0);
  }
  return { cands, truncated, placed: false, overflow: false };
}

/**
 * Every reading of a glued row of blocks of counts (table 四: each block's parts, then its total) whose zero cells
 * were left blank: the digits are cut into the blocks in order (a block may print nothing: all blank), and each block
 * is read as `blankCandidates` reads a row. Only a row glued into one run of digits. Stops at `cap` readings or when
 * the budget runs out, and says so. @internal
 */
export function blockBlankCandidates(chunks: readonly Chunk[], k: number, block: number, cap = 5000, work: Work = newWork()): RowCands {
  const none = { cands: [] as Cand[], truncated: false, placed: false, overflow: false };
  const only = chunks[0];
  if (chunks.length !== 1 || !only || only.atomic || !/^[1-9]\d*$/.test(only.text) || k % block !== 0) return none;
  const blocks = k / block;
  const text = only.text;
  const cands: Cand[] = [];
  let truncated = false;
  // the readings of text[from, to) as one block, memoised by cut
  const memo = new Map<string, Cand[]>();
  const readBlock = (from: number, to: number): Cand[] => {
    const key = `${from}:${to}`;
    let hit = memo.get(key);
    if (!hit) {
      const rc =
        from === to
          ? { cands: [Array.from({ length: block }, () => null)], truncated: false }
          : blankCandidates([{ text: text.slice(from, to), offset: only.offset + from, atomic: false }], block, cap, work);
      if (rc.truncated) truncated = true;
      hit = rc.cands;
      memo.set(key, hit);
    }
    return hit;
  };
  const acc: Cand[] = [];
  const rec = (b: number, from: number): void => {
    if (truncated) return;
    if (!spend(work)) {
      truncated = true;
      return;
    }
    if (b === blocks) {
      if (from === text.length) {
        if (cands.length >= cap) truncated = true;
        else cands.push(acc.flat());
      }
      return;
    }
    // a block starts with a nonzero digit (or prints nothing), and prints at most 12 digits a cell
    for (let to = from; to <= text.length && to - from <= 12 * block && !truncated; to++) {
      if (to > from && text.charCodeAt(from) === 48) break;
      for (const c of readBlock(from, to)) {
        acc.push(c);
        rec(b + 1, to);
        acc.pop();
        if (truncated) return;
      }
    }
  };
  rec(0, 0);
  return { cands, truncated, placed: false, overflow: false };
}
