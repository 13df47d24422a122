// Exactness of the numbers in JSON text: `JSON.parse` reads every number as a double and rounds the ones a double
// cannot hold (an amount of 17 significant digits, an integer beyond 2^53) without a word. These are found in the text
// itself, with the path of each, so that a reader can refuse them instead of reading an approximation.
import { type ParseIssue, parseIssue } from "./issue";

const isDigitOrPoint = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e;
const EXPONENT = /\d[eE][-+]?\d/;

/**
 * True when the text may hold a number a double cannot hold exactly: a run of 16 or more digits and points (an integer
 * beyond 2^53 has 16 digits; a number of 15 significant digits or fewer always comes back as written) or an exponent (a
 * digit, `e`, maybe a sign, a digit: a cell id such as `C3_4e` is not one). Strings that happen to match only cost a
 * scan. A run of 16 covers one position in every 16, so only those are read, and a run around one (five times faster
 * than a regular expression for the runs). Linear in the text. @internal
 */
export function mayBeInexact(text: string): boolean {
  const n = text.length;
  for (let i = 15; i < n; i += 16) {
    if (!isDigitOrPoint(text.charCodeAt(i))) continue;
    let a = i;
    while (a > 0 && isDigitOrPoint(text.charCodeAt(a - 1))) a--;
    let b = i;
    while (b + 1 < n && isDigitOrPoint(text.charCodeAt(b + 1))) b++;
    if (b - a >= 15) return true;
    // a later run of 16 covers one of b + 16, b + 32, …
    i = b;
  }
  return EXPONENT.test(text);
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** At most this many issues about inexact numbers per document. */
const MAX_INEXACT = 50;

/** The significant digits of a decimal number's text (no sign, point, exponent, leading or trailing zeros). */
function significant(raw: string): string {
  const digits = raw.replace(/^-/, "").replace(/e.*$/i, "").replace(".", "");
  // the zeros at either end are trimmed by scanning (a regular expression anchored at the end is quadratic on them)
  let a = 0;
  let b = digits.length;
  while (a < b && digits.charCodeAt(a) === 0x30) a++;
  while (b > a && digits.charCodeAt(b - 1) === 0x30) b--;
  return digits.slice(a, b);
}

/** Why a JSON number's text is not held exactly by a double, or undefined when it is. */
function inexactness(raw: string): "integer" | "digits" | "underflow" | "overflow" | undefined {
  const n = Number(raw);
  if (!/[.eE]/.test(raw)) return Number.isSafeInteger(n) ? undefined : "integer";
  if (!Number.isFinite(n)) return "overflow";
  if (significant(raw) === significant(String(n))) return undefined;
  return n === 0 ? "underflow" : "digits";
}

/**
 * The numbers of a JSON text (one that `JSON.parse` accepts) that a double cannot hold exactly, as parse issues with
 * their paths: `PARSE-UNSAFE-INTEGER` for an integer beyond 2^53, `PARSE-INEXACT-NUMBER` for the others. Empty for
 * almost every document, after one quick scan (`mayBeInexact`). @internal
 */
export function inexactNumbers(text: string): ParseIssue[] {
  if (!mayBeInexact(text)) return [];
  const out: ParseIssue[] = [];
  // one frame per open object or array: the key or index of the value being read in it
  const frames: { array: boolean; key: string | number }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length && out.length < MAX_INEXACT; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = frames[frames.length - 1];
      if (expectKey && top) {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      frames.push({ array: false, key: "" });
      expectKey = true;
    } else if (c === 0x5b) frames.push({ array: true, key: 0 });
    else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      expectKey = false; // an empty object leaves no key pending
    } else if (c === 0x2c) {
      const top = frames[frames.length - 1];
      if (top?.array) top.key = (top.key as number) + 1;
      else if (top) expectKey = true;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const raw = NUMBER.exec(text)?.[0];
      if (!raw) continue;
      const why = inexactness(raw);
      if (why) {
        const path = frames.map((f) => f.key);
        const received = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
        out.push(
          why === "integer"
            ? parseIssue("PARSE-UNSAFE-INTEGER", path, { cell: String(path.at(-1) ?? ""), received })
            : parseIssue("PARSE-INEXACT-NUMBER", path, { received, why }),
        );
      }
      i += raw.length - 1;
    }
  }
  return out;
}
