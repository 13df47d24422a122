import type { Identity, Term } from "./types";
import type { RuleId } from "./ids";

/** A term for a cell of this report. */
export const t = (cell: string): Term => ({ cell });
/** A term for a cell of the previous year's report. */
export const prev = (cell: string): Term => ({ cell, prev: true });
/** A subtracted term. */
export const minus = (term: Term): Term => ({ ...term, neg: true });

/** total = Σ parts, with a TOTAL-MISSING warning when the total is blank. */
export function sumOf(key: string, total: string, parts: readonly string[], params?: Record<string, string>, totalMissing: RuleId = "TOTAL-MISSING"): Identity {
  return { key, rel: "eq", lhs: [t(total)], rhs: parts.map(t), totalMissing, ...(params ? { params } : {}) };
}

/** Σ lhs ≤ Σ rhs. */
export function atMost(key: string, lhs: readonly string[], rhs: readonly string[], params?: Record<string, string>): Identity {
  return { key, rel: "le", lhs: lhs.map(t), rhs: rhs.map(t), ...(params ? { params } : {}) };
}

/** Σ lhs = Σ rhs, with no total-missing handling. */
export function equal(key: string, lhs: readonly Term[], rhs: readonly Term[], params?: Record<string, string>): Identity {
  return { key, rel: "eq", lhs, rhs, ...(params ? { params } : {}) };
}
