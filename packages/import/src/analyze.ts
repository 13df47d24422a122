import { type Issue, importIssue, type ParseIssue, parseIssue, parseReport, parseReportJson } from "@gov-disclosure/core";
import { getUnsafeNumberReason, isInteger, isLosslessNumber, parse as parseLossless } from "lossless-json";
import { assemble, failed } from "./assemble";
import { type DocInput, locate } from "./locate";
import { solveTables } from "./solve";
import type { ImportOptions, ImportResult } from "./types";

export { failed } from "./assemble";
export type { DocInput } from "./locate";

/** The issues of JSON that is not a valid report: one `IMPORT-JSON-INVALID`, then core's parse issues themselves. @internal */
export function invalidJson(parseIssues: readonly ParseIssue[]): Issue[] {
  return [importIssue("IMPORT-JSON-INVALID", "error", { count: parseIssues.length }), ...parseIssues];
}

/** Most inexact numbers reported one by one. */
const MAX_INEXACT = 50;

/**
 * Reads JSON without rounding (lossless-json): every number is checked to be exactly what a double holds — more
 * significant digits than a double keeps (an integer beyond 2^53, a fraction with 20 digits) or a magnitude beyond
 * its range (1e-400, 1e400) is an issue with its path, never a rounded value. Undefined when the text is not JSON
 * this reader reads (syntax, nesting deeper than its stack): core's parser then says why. @internal
 */
export function readJsonExact(text: string): { value: unknown; inexact: ParseIssue[] } | undefined {
  let tree: unknown;
  try {
    // duplicate keys: the last wins, as with JSON.parse
    tree = parseLossless(text, null, { onDuplicateKey: ({ newValue }) => newValue });
  } catch {
    return undefined;
  }
  const inexact: ParseIssue[] = [];
  interface At {
    readonly holder: Record<string | number, unknown>;
    readonly key: string | number;
    readonly up?: At;
  }
  const pathOf = (at: At): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let a: At | undefined = at; a?.up; a = a.up) path.push(a.key);
    return path.reverse();
  };
  const root: At = { holder: { v: tree }, key: "v" };
  const stack: At[] = [root];
  while (stack.length) {
    const at = stack.pop()!;
    const v = at.holder[at.key];
    if (isLosslessNumber(v)) {
      const raw = v.toString();
      if (getUnsafeNumberReason(raw) !== undefined && inexact.length < MAX_INEXACT) {
        const path = pathOf(at);
        const received = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
        inexact.push(
          isInteger(raw)
            ? parseIssue("PARSE-UNSAFE-INTEGER", path, { cell: String(path.at(-1) ?? ""), received })
            : parseIssue("PARSE-INEXACT-NUMBER", path, { received, why: inexactWhy(raw) }),
        );
      }
      at.holder[at.key] = Number(raw);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ holder: v as unknown as Record<number, unknown>, key: i, up: at });
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ holder: v as Record<string, unknown>, key: keys[i]!, up: at });
    }
  }
  return { value: (root.holder as { v: unknown }).v, inexact };
}

/**
 * True when the text may hold a number a double cannot hold exactly: a run of 16 or more digits and points (an
 * integer beyond 2^53 has 16 digits; a number of 15 significant digits or fewer always comes back as written) or an
 * exponent. Strings that happen to match only cost the exact reader's time. Linear in the text.
 */
const MAY_BE_INEXACT = /[0-9.]{16}|\d[eE]/;

/**
 * Reads canonical JSON: exactly (`readJsonExact`: a number a double cannot hold is an issue, not a rounded value)
 * when a number might not fit a double, else by `JSON.parse` (every number of the text fits), then through core's
 * parser. @internal
 */
export function importJson(text: string, _options: ImportOptions): ImportResult {
  const exact = MAY_BE_INEXACT.test(text) ? readJsonExact(text) : undefined;
  if (exact?.inexact.length) return failed("json", invalidJson(exact.inexact));
  const parsed = exact ? parseReport(exact.value) : parseReportJson(text);
  if (!parsed.success) return failed("json", invalidJson(parsed.issues));
  return {
    report: parsed.report,
    edition: parsed.report.edition,
    evidence: { format: "json", editionLabels: [], rowsRecognised: {}, splits: [], ...(parsed.report.meta.year ? { year: parsed.report.meta.year } : {}) },
    issues: [],
    ambiguous: {},
  };
}

/**
 * Reads a document reduced to text and grids: locate (edition, rows, claims) → solve (every glued split) → assemble
 * (the report, its sources and the issues that need the cells). @internal
 */
export function analyze(doc: DocInput, options: ImportOptions): ImportResult {
  const located = locate(doc, options);
  if (located.edition === undefined) return failed(doc.format, located.issues, doc.encoding);
  return assemble(doc, located, solveTables(located, options), options);
}

/** Why a JSON number cannot be held exactly by a double. @internal */
function inexactWhy(raw: string): "digits" | "underflow" | "overflow" {
  const n = Number(raw);
  if (!Number.isFinite(n)) return "overflow";
  if (n === 0 && /[1-9]/.test(raw.replace(/e.*$/i, ""))) return "underflow";
  return "digits";
}
