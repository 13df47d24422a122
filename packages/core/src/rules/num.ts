import Decimal from "decimal.js";

/** An exact number in a rule: a safe integer on the fast path, a Decimal for money or very large sums. */
export type Num = number | Decimal;

const SAFE = Number.MAX_SAFE_INTEGER;

// decimal.js rounds the result of every operation to its `precision` significant digits (20 by default): an amount of
// 21 digits would be rounded in a sum. Sums here are made by a copy of the constructor whose precision no input reaches
// (only additions and multiplications by short factors use it: their digits are bounded by the inputs'), and handed
// back as plain Decimals.
const Exact = Decimal.clone({ precision: 1e9 });

/** a + b of two decimals, exact whatever their number of digits. */
export const plusExact = (a: Decimal.Value, b: Decimal.Value): Decimal => new Decimal(new Exact(a).plus(b));

/** a × b of two decimals, exact whatever their number of digits. */
export const timesExact = (a: Decimal.Value, b: Decimal.Value): Decimal => new Decimal(new Exact(a).times(b));

/** Exact addition: stays a number while the result is a safe integer, else switches to Decimal. */
export function add(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r) && Math.abs(a) <= SAFE && Math.abs(b) <= SAFE) return r;
  }
  return plusExact(a, b);
}

/** Exact subtraction. */
export const sub = (a: Num, b: Num): Num => add(a, typeof b === "number" ? -b : b.neg());

/** Compares exactly: negative, zero or positive. */
export function cmp(a: Num, b: Num): number {
  if (typeof a === "number" && typeof b === "number") return a === b ? 0 : a < b ? -1 : 1;
  return new Decimal(a).cmp(b);
}

/** True when the number is zero. */
export const isZero = (a: Num): boolean => (typeof a === "number" ? a === 0 : a.isZero());

/** Canonical decimal text of a number (no exponent). */
export const numText = (a: Num): string => (typeof a === "number" ? String(a) : a.toFixed());

/** Sum of a list, exact. */
export const sum = (xs: readonly Num[]): Num => xs.reduce<Num>((acc, x) => add(acc, x), 0);
