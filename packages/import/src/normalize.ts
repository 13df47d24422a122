/**
 * Length-preserving normalisation: full-width ASCII to half-width, ideographic and no-break spaces to spaces,
 * typographic minus signs to "-", curly quotes to straight. Every output index maps to the same input index.
 */
export function normalizeChars(text: string): string {
  // one linear pass of the regex engine, one character for one character (a string built character by character
  // costs a hundred bytes a character on long inputs)
  return text.replace(FOLD, foldChar);
}

/** The code unit `normalizeChars` puts in place of the code unit `c` (`c` itself when it is kept). @internal */
export function foldedCode(c: number): number {
  if (c < 0xa0) return c;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x2212) return 45;
  if (c === 0x201c || c === 0x201d) return 34;
  if (c === 0x2018 || c === 0x2019) return 39;
  if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x200b || c === 0xfeff) return 32;
  return c;
}

const FOLD = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\u2212\u201c\u201d\u2018\u2019]/g;
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x2212) return "-";
  if (c === 0x201c || c === 0x201d) return '"';
  if (c === 0x2018 || c === 0x2019) return "'";
  return " ";
}

/** True for a code unit that `\s` matches and `trim()` removes (ECMAScript's white space and line terminators). @internal */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * White space runs as one space, trimmed: `text.replace(/\s+/g, " ").trim()`, returned without a pass of the regex
 * engine when the text has no white space, or one white space character before the rest only (a table cell's text
 * mostly). @internal
 */
export function collapseSpaces(text: string): string {
  let i = 0;
  while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  if (i === 0) {
    let j = 1;
    while (j < text.length && !isSpaceCode(text.charCodeAt(j))) j++;
    if (j === text.length) return text.slice(1);
  }
  return text.replace(/\s+/g, " ").trim();
}

/** Text with whitespace removed plus, for every kept character, its index in the original text. */
export interface Compact {
  readonly text: string;
  readonly map: Int32Array;
}

/** Removes whitespace (and table pipes when `dropPipes`) keeping a map back to the original offsets. */
export function compact(text: string, dropPipes = false): Compact {
  const map = new Int32Array(text.length + 1);
  let n = 0;
  // the kept characters' offsets, and the text as its runs of kept characters joined (a rope V8 flattens once, on
  // first use: a fifth to a quarter cheaper than a pass of the regex engine removing the same characters)
  let out = "";
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 ? !(dropPipes && c === 124) : !(c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11)) {
      map[n++] = i;
      if (run < 0) run = i;
    } else if (run >= 0) {
      out += text.slice(run, i);
      run = -1;
    }
  }
  if (run >= 0) out = run === 0 ? text : out + text.slice(run);
  map[n] = text.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

/** Collapses whitespace inside a label and normalises it. */
export function cleanLabel(s: string): string {
  return normalizeChars(s).replace(/\s+/g, "");
}

/** The 0-based line an offset stands on, given the lines' starts (`lineStartsOf`). @internal */
export function lineIndex(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offsets at which each line starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  // indexOf finds each line break faster than a loop over every character (Markdown 12 → 3 µs a report)
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
