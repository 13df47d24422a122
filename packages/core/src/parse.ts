import type * as z from "zod";
import { cellDef, reportCells } from "./cells";
import type { LocalRow } from "./cells/local";
import type { CellDef } from "./cells/types";
import { isEdition } from "./editions";
import { describeValue, type ExpectedKind, type ParseIssue, parseIssue } from "./issue";
import { inexactNumbers } from "./json-exact";
import type { Report, SourceLocation } from "./report";
import { ReportJson, RuntimeSchemas, readSources, runtimeSchemaSourcesRead, schemaId } from "./schema";
import { type CellJson, type CellDecodeError, cellRecord, decodeCell, encodeCell, isDecodeError } from "./value";

/** The result of `parseReport`: the typed report, or every issue found in the input. */
export type ParseResult = { readonly success: true; readonly report: Report } | { readonly success: false; readonly issues: readonly ParseIssue[] };

function get(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const ZOD_TYPES = new Set(["string", "number", "object", "array", "boolean"]);
const DECODE_CODES = { not_integer: "PARSE-NOT-INTEGER", unsafe_integer: "PARSE-UNSAFE-INTEGER", not_decimal: "PARSE-NOT-DECIMAL" } as const;

/** A cell's value that `decodeCell` refused, as a parse issue. */
function decodeIssue(path: readonly (string | number)[], cell: string, kind: CellDef["kind"], code: CellDecodeError["code"], received: string): ParseIssue {
  if (code === "invalid_type") return parseIssue("PARSE-INVALID-TYPE", path, { expected: kind === "money" ? "money-value" : "count-value", received });
  return parseIssue(DECODE_CODES[code], path, { cell, received });
}

function fromZod(input: unknown, issue: z.core.$ZodIssue, edition: unknown): ParseIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const value = get(input, path);
  const received = describeValue(value);
  if (path.length === 2 && path[0] === "cells" && isEdition(edition)) {
    const def = cellDef(edition, String(path[1]));
    const v = def ? decodeCell(value, def.kind) : undefined;
    if (def && v && isDecodeError(v)) return decodeIssue(path, def.id, def.kind, v.code, received);
  }
  switch (issue.code) {
    case "invalid_type": {
      const expected: ExpectedKind = ZOD_TYPES.has(issue.expected) ? (issue.expected as ExpectedKind) : "value";
      return parseIssue("PARSE-INVALID-TYPE", path, { expected, received });
    }
    case "unrecognized_keys":
      return parseIssue("PARSE-UNKNOWN-KEYS", path, { keys: issue.keys });
    case "invalid_union":
    case "invalid_value":
      return parseIssue("PARSE-INVALID-VALUE", path, { expected: "one-of-forms", received });
    case "too_small":
      return parseIssue("PARSE-TOO-SMALL", path, { limit: String(issue.minimum), received });
    case "too_big":
      return parseIssue("PARSE-TOO-BIG", path, { limit: String(issue.maximum), received });
    default:
      return parseIssue("PARSE-INVALID", path, { received });
  }
}

/**
 * Reads canonical report JSON (an already-parsed JSON value) into a typed report.
 * Never throws: any problem comes back as structured issues with the path, what was expected and what was found.
 */
export function parseReport(input: unknown): ParseResult {
  return parseValue(input, false);
}

/**
 * `parseReport`; with `fromJson` (a value `JSON.parse` made: plain data, no accessors, proxies or hidden fields), the
 * sources (one a cell in an imported report) are read by hand when they read exactly as zod reads them.
 */
function parseValue(input: unknown, fromJson: boolean): ParseResult {
  const edition = get(input, ["edition"]);
  const sourcesRead = fromJson && isEdition(edition) ? readSources(get(input, ["sources"])) : undefined;
  const schema = isEdition(edition) ? (sourcesRead ? runtimeSchemaSourcesRead(edition) : RuntimeSchemas[edition]) : ReportJson;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { success: false, issues: parsed.error.issues.map((i) => fromZod(input, i, edition)) };
  const data = parsed.data as z.output<typeof ReportJson>;
  const sources = sourcesRead === "absent" ? undefined : sourcesRead ? (sourcesRead as Record<string, SourceLocation>) : data.sources;
  const issues: ParseIssue[] = [];
  // the cells of the edition, or of the local table (kept by the table: validating the report finds them again)
  const defs = reportCells(data as { edition: Report["edition"]; local?: { rows: readonly LocalRow[]; columns?: readonly string[] } }).byId;
  if (data.edition === "local") {
    const ids = new Set<string>();
    data.local.rows.forEach((r, i) => {
      if (ids.has(r.id)) issues.push(parseIssue("PARSE-DUPLICATE-ROW", ["local", "rows", i, "id"], { id: r.id }));
      ids.add(r.id);
    });
    data.local.rows.forEach((r, i) => {
      if (r.parent !== undefined && !ids.has(r.parent)) issues.push(parseIssue("PARSE-UNKNOWN-PARENT", ["local", "rows", i, "parent"], { id: r.parent }));
    });
  }
  const cells = cellRecord();
  // for…in, not Object.entries: an object of 150-odd cells is a dictionary object, whose entries cost 3× as much
  const given = data.cells as Record<string, CellJson | undefined>;
  for (const id in given) {
    if (!Object.hasOwn(given, id)) continue;
    const json = given[id];
    const def = defs.get(id);
    if (!def) {
      issues.push(parseIssue("PARSE-UNKNOWN-CELL", ["cells", id], { id, edition: data.edition }));
      continue;
    }
    const v = decodeCell(json, def.kind);
    if (isDecodeError(v)) {
      issues.push(decodeIssue(["cells", id], id, def.kind, v.code, describeValue(json)));
      continue;
    }
    if (v.kind !== "blank") cells[id] = v;
  }
  for (const id of Object.keys(sources ?? {})) {
    if (!defs.has(id)) issues.push(parseIssue("PARSE-UNKNOWN-CELL", ["sources", id], { id, edition: data.edition }));
  }
  if (issues.length) return { success: false, issues };
  const report: Report = {
    version: 1,
    edition: data.edition,
    meta: data.meta,
    sections: data.sections,
    ...(data.edition === "local" ? { local: data.local } : {}),
    cells,
    sources: (sources ?? {}) as Record<string, SourceLocation>,
    ...(data.claims ? { claims: data.claims } : {}),
  } as Report;
  return { success: true, report };
}

/**
 * Reads canonical report JSON from text. Never throws: malformed JSON is one issue with its position, and a number a
 * double cannot hold exactly (an amount of 17 significant digits, an integer beyond 2^53) is an issue with its path,
 * never a rounded value.
 */
export function parseReportJson(text: string): ParseResult {
  let value: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(msg);
    return { success: false, issues: [parseIssue("PARSE-JSON-SYNTAX", [], { position: at ? Number(at[1]) + 1 : text.length, detail: msg.slice(0, 200) })] };
  }
  // a number JSON.parse had to round is refused, never read as an approximation
  const inexact = inexactNumbers(body);
  if (inexact.length) return { success: false, issues: inexact };
  return parseValue(value, true);
}

/** Writes a report as canonical JSON (a plain, JSON-safe object): counts as numbers, money as decimal strings. */
export function serializeReport(report: Report): ReportJson {
  const cells: Record<string, CellJson> = {};
  for (const id in report.cells) {
    const v = report.cells[id];
    if (v && Object.hasOwn(report.cells, id)) cells[id] = encodeCell(v);
  }
  const out: Record<string, unknown> = { $schema: schemaId(report.edition), version: 1, edition: report.edition, meta: report.meta, sections: report.sections };
  if (report.edition === "local") out.local = report.local ?? { rows: [] };
  out.cells = cells;
  if (Object.keys(report.sources).length) out.sources = report.sources;
  if (report.claims?.length) out.claims = report.claims;
  return out as unknown as ReportJson;
}

/** Writes a report as canonical JSON text, two-space indented. */
export function stringifyReport(report: Report): string {
  return `${JSON.stringify(serializeReport(report), null, 2)}\n`;
}
