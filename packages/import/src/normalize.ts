/**
 * Length-preserving normalisation: full-width ASCII to half-width, ideographic and no-break spaces to spaces,
 * typographic minus signs to "-", curly quotes to straight. Every output index maps to the same input index.
 */
export function normalizeChars(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x200b || c === 0xfeff) out += " ";
    else if (c === 0x2212) out += "-";
    else if (c === 0x201c || c === 0x201d) out += '"';
    else if (c === 0x2018 || c === 0x2019) out += "'";
    else if (c === 0x3007) out += "〇";
    else out += text[i];
  }
  return out;
}

/** Text with whitespace removed plus, for every kept character, its index in the original text. */
export interface Compact {
  readonly text: string;
  readonly map: Int32Array;
}

/** Removes whitespace (and table pipes when `dropPipes`) keeping a map back to the original offsets. */
export function compact(text: string, dropPipes = false): Compact {
  const map = new Int32Array(text.length + 1);
  let out = "";
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v" || (dropPipes && ch === "|")) continue;
    out += ch;
    map[n++] = i;
  }
  map[n] = text.length;
  return { text: out, map: map.slice(0, n + 1) };
}

/** Collapses whitespace inside a label and normalises it. */
export function cleanLabel(s: string): string {
  return normalizeChars(s).replace(/\s+/g, "");
}

/** 1-based line and column of an offset. */
export function lineCol(text: string, offset: number, lineStarts?: readonly number[]): { line: number; column: number } {
  const starts = lineStarts ?? lineStartsOf(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Offsets at which each line starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
