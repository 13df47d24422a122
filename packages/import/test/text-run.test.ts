import { describe, expect, it } from "vitest";
import type { Chunk } from "../src/split";
import { extractRun } from "../src/text";

// The reading of the values after a label as it was before its loops worked on character codes (session 8): the
// reference the current one must match character for character.
const UNIT_AT = /^(人次|万元|条|件|次|篇|个|人|元)/;
const CJK = /[\u3400-\u9fff]/;

/** True when the "|" at `at` opens an empty cell: only spaces or tabs stand before the next "|" of the same line. */
function emptyCellAt(src: string, at: number, limit: number): boolean {
  for (let j = at + 1; j < limit; j++) {
    const c = src.charCodeAt(j);
    if (c === 0x7c) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return false;
}

/** (session 7's extractRun, kept as the reference) Reads the values that follow a label: skips guidance in brackets, units and label cells; stops at the next label. @internal */
function extractRunBefore(src: string, from: number, to: number): { chunks: Chunk[]; end: number } {
  let i = from;
  const limit = Math.min(to, src.length, from + 2000);
  // skip what stands between a label and its values
  for (let guard = 0; guard < 50 && i < limit; guard++) {
    const ch = src[i]!;
    // an empty cell of a pipe row ("|  | 3 |", or a row of blanks under its label) is the row's first cell: a blank
    if (ch === "|" && emptyCellAt(src, i, limit)) break;
    if (/\s|\||[、,:;。.]/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === "（") {
      const close = src.slice(i, Math.min(limit, i + 160)).search(/[)）]/);
      if (close > 0) {
        i += close + 1;
        continue;
      }
      break;
    }
    const u = UNIT_AT.exec(src.slice(i, i + 2));
    if (u && !CJK.test(src[i + u[0].length] ?? "")) {
      i += u[0].length;
      continue;
    }
    // a label cell inside a pipe row ("| 缴纳费用、 | 行政机关不再处理其政 | 0 |"): skip it
    const lineStart = src.lastIndexOf("\n", i) + 1;
    const lineEnd = src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
    const pipeLine = src.slice(lineStart, lineEnd).includes("|");
    if (pipeLine && CJK.test(ch)) {
      const bar = src.indexOf("|", i);
      if (bar > 0 && bar < lineEnd && !/\d/.test(src.slice(i, bar))) {
        i = bar + 1;
        continue;
      }
    }
    break;
  }
  const start = i;
  const lineEnd = src.indexOf("\n", start) < 0 ? src.length : src.indexOf("\n", start);
  const restOfLine = src.slice(start, Math.min(lineEnd, limit));
  if (restOfLine.includes("|")) {
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
    return { chunks, end: Math.min(lineEnd, limit) };
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
  const runText = src.slice(start, j);
  const chunks: Chunk[] = [];
  const re = /\S+/g;
  for (let m = re.exec(runText); m; m = re.exec(runText)) {
    const t = m[0];
    // dashes glued to digits are separators of dates, not values
    if (valueToken(t)) chunks.push({ text: t, offset: start + m.index, atomic: false });
  }
  // a trailing "." is punctuation, not a decimal point
  const last = chunks[chunks.length - 1];
  if (last && /\.$/.test(last.text)) chunks[chunks.length - 1] = { ...last, text: last.text.replace(/\.+$/, "") };
  return { chunks: chunks.filter((c) => c.text !== ""), end: j };
}

/** A character of a run of values: a digit, ".", "+", "-", "—", "–", "/", a space, a tab or a line break. */
function runChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 47 || c === 32 || c === 9 || c === 13 || c === 10 || c === 0x2014 || c === 0x2013;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

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

describe("extractRun reads as it did before its loops worked on character codes", () => {
  it("on 20,000 random stretches of label/value text, pipes, units, brackets and CJK", () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >> 8) % n;
    };
    const pieces = [
      "0",
      "1",
      "2",
      "7",
      "12",
      "305",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "|",
      "| ",
      " |",
      "、",
      ",",
      ":",
      ";",
      "。",
      ".",
      "(",
      ")",
      "（",
      "）",
      "人",
      "人次",
      "万",
      "万元",
      "元",
      "条",
      "件",
      "次",
      "篇",
      "个",
      "申请",
      "数量",
      "其他",
      "无",
      "—",
      "-",
      "/",
      "+",
      "–",
      "\u00a0",
      "\u3000",
      "\u2028",
      "\ufeff",
      "\u2003",
      "a",
      "（注：按件计）",
      "1,234",
      "5.0",
      "3元",
      "2万元",
    ];
    let nonEmpty = 0;
    for (let n = 0; n < 20000; n++) {
      const text = Array.from({ length: 1 + rnd(40) }, () => pieces[rnd(pieces.length)]).join("");
      const from = rnd(Math.max(1, text.length));
      const to = rnd(3) === 0 ? from + rnd(text.length + 1) : text.length;
      const got = extractRun(text, from, to);
      expect(got).toEqual(extractRunBefore(text, from, to));
      if (got.chunks.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(5000);
  });
});
