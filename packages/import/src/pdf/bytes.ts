// Byte-level helpers for reading a PDF's structure before PDF.js does (the bomb guard, the font-program copy).

/** PDF white space (space, LF, CR, tab, form feed, NUL). @internal */
export const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** PDF white space or a delimiter (`<` `>` `/` `[` `]` `(` `)`), or past the end. @internal */
export const isDelim = (c: number | undefined): boolean =>
  c === undefined || isSpace(c) || c === 0x3e || c === 0x3c || c === 0x2f || c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29;

/** The bytes of an ASCII keyword. @internal */
export const ascii = (s: string): readonly number[] => Array.from(s, (ch) => ch.charCodeAt(0));

/** First index of `pat` in `b` at or after `from`, ending before `to` (-1 when absent). @internal */
export function find(b: Uint8Array, pat: readonly number[], from: number, to: number = b.length): number {
  const first = pat[0]!;
  for (let i = b.indexOf(first, from); i >= 0 && i + pat.length <= to; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pat.length && b[i + k] === pat[k]) k++;
    if (k === pat.length) return i;
  }
  return -1;
}

/** Last index of `pat` in `b` that starts at or after `floor` and before `before` (-1 when absent). @internal */
export function findLast(b: Uint8Array, pat: readonly number[], floor: number, before: number): number {
  const first = pat[0]!;
  for (let i = b.lastIndexOf(first, before - 1); i >= floor; i = i > 0 ? b.lastIndexOf(first, i - 1) : -1) {
    let k = 1;
    while (k < pat.length && b[i + k] === pat[k]) k++;
    if (k === pat.length) return i;
  }
  return -1;
}

/** Bytes as text, one character per byte (faster than TextDecoder's latin1). @internal */
export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return s;
}
