/** Severity of a finding: an identity the form defines (error), an expectation (warning), or an observation (info). */
export type Severity = "error" | "warning" | "info";

/** A problem with the shape of the input, found by `parseReport`. */
export interface ParseIssue {
  /** Stable code: `schema.invalid_type`, `schema.unrecognized_keys`, `schema.unsafe_integer`, … */
  readonly code: string;
  /** Where in the input: object keys and array indexes. */
  readonly path: readonly (string | number)[];
  /** What was expected there. */
  readonly expected: string;
  /** What was found (a short description, never the whole value). */
  readonly received: string;
  /** English message. */
  readonly message: string;
}

/** Turns a path into `a.b[0]["t3.new.natural"]` form for display. */
export function toDotPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** A short description of a value's type for issues: `string "abc"`, `number 1.5`, `object`. */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === "number") return `number ${v}`;
  return typeof v;
}
