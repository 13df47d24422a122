import type * as z from "zod";
import { cellDef } from "./cells";
import { type LocalRow, localCells } from "./cells/local";
import type { CellDef } from "./cells/types";
import { isEdition } from "./editions";
import { describeValue, type ParseIssue } from "./issue";
import type { Report, SourceLocation } from "./report";
import { ReportJson, RuntimeSchemas, schemaId } from "./schema";
import { type CellJson, type CellValue, decodeCell, encodeCell, isDecodeError } from "./value";

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

function fromZod(input: unknown, issue: z.core.$ZodIssue, edition: unknown): ParseIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const value = get(input, path);
  const received = describeValue(value);
  if (path.length === 2 && path[0] === "cells" && isEdition(edition)) {
    const def = cellDef(edition, String(path[1]));
    const v = def ? decodeCell(value, def.kind) : undefined;
    if (v && isDecodeError(v))
      return {
        code: `schema.${v.code}`,
        path,
        expected: v.expected,
        received,
        message: `Cell ${String(path[1])}: expected ${v.expected}, received ${received}`,
      };
  }
  switch (issue.code) {
    case "invalid_type":
      return { code: "schema.invalid_type", path, expected: issue.expected, received, message: `Expected ${issue.expected}, received ${received}` };
    case "unrecognized_keys":
      return {
        code: "schema.unrecognized_keys",
        path,
        expected: "only known keys",
        received: issue.keys.join(", "),
        message: `Unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}: not part of this edition`,
      };
    case "invalid_union":
      return {
        code: "schema.invalid_value",
        path,
        expected: "a value of one of the allowed forms",
        received,
        message: `${issue.message} (received ${received})`,
      };
    case "too_small":
    case "too_big":
      return { code: `schema.${issue.code}`, path, expected: issue.message, received, message: `${issue.message}, received ${received}` };
    default:
      return { code: `schema.${issue.code}`, path, expected: issue.message, received, message: issue.message };
  }
}

/**
 * Reads canonical report JSON (an already-parsed JSON value) into a typed report.
 * Never throws: any problem comes back as structured issues with the path, what was expected and what was found.
 */
export function parseReport(input: unknown): ParseResult {
  const edition = get(input, ["edition"]);
  const schema = isEdition(edition) ? RuntimeSchemas[edition] : ReportJson;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { success: false, issues: parsed.error.issues.map((i) => fromZod(input, i, edition)) };
  const data = parsed.data as z.output<typeof ReportJson>;
  const issues: ParseIssue[] = [];
  let defs: ReadonlyMap<string, CellDef> | undefined;
  if (data.edition === "local") {
    defs = new Map(localCells(data.local.rows as readonly LocalRow[]).map((c) => [c.id, c]));
    const ids = new Set<string>();
    data.local.rows.forEach((r, i) => {
      if (ids.has(r.id))
        issues.push({
          code: "schema.duplicate_row",
          path: ["local", "rows", i, "id"],
          expected: "a unique row id",
          received: r.id,
          message: `Row id "${r.id}" is used twice`,
        });
      ids.add(r.id);
    });
    data.local.rows.forEach((r, i) => {
      if (r.parent !== undefined && !ids.has(r.parent))
        issues.push({
          code: "schema.unknown_parent",
          path: ["local", "rows", i, "parent"],
          expected: "the id of another row",
          received: r.parent,
          message: `Parent "${r.parent}" is not a row of this table`,
        });
    });
  }
  const cells: Record<string, CellValue> = {};
  for (const [id, json] of Object.entries(data.cells as Record<string, CellJson | undefined>)) {
    const def = defs ? defs.get(id) : cellDef(data.edition, id);
    if (!def) {
      issues.push({
        code: "schema.unknown_cell",
        path: ["cells", id],
        expected: data.edition === "local" ? "a cell id of a declared row" : `a cell id of edition ${data.edition}`,
        received: id,
        message: `"${id}" is not a cell of ${data.edition === "local" ? "a declared row" : `edition ${data.edition}`}`,
      });
      continue;
    }
    const v = decodeCell(json, def.kind);
    if (isDecodeError(v)) {
      issues.push({
        code: `schema.${v.code}`,
        path: ["cells", id],
        expected: v.expected,
        received: describeValue(json),
        message: `Cell ${id}: expected ${v.expected}, received ${describeValue(json)}`,
      });
      continue;
    }
    if (v.kind !== "blank") cells[id] = v;
  }
  for (const id of Object.keys(data.sources ?? {})) {
    if (!(defs ? defs.has(id) : cellDef(data.edition, id)))
      issues.push({
        code: "schema.unknown_cell",
        path: ["sources", id],
        expected: "a cell id of this edition",
        received: id,
        message: `"${id}" is not a cell of this edition`,
      });
  }
  if (issues.length) return { success: false, issues };
  const report: Report = {
    version: 1,
    edition: data.edition,
    meta: data.meta,
    sections: data.sections,
    ...(data.edition === "local" ? { local: data.local } : {}),
    cells,
    sources: (data.sources ?? {}) as Record<string, SourceLocation>,
    ...(data.claims ? { claims: data.claims } : {}),
  } as Report;
  return { success: true, report };
}

/** Reads canonical report JSON from text. Never throws: malformed JSON is one issue with its position. */
export function parseReportJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { success: false, issues: [{ code: "json.syntax", path: [], expected: "valid JSON", received: msg, message: `Not valid JSON: ${msg}` }] };
  }
  return parseReport(value);
}

/** Writes a report as canonical JSON (a plain, JSON-safe object): counts as numbers, money as decimal strings. */
export function serializeReport(report: Report): ReportJson {
  const cells: Record<string, CellJson> = {};
  for (const [id, v] of Object.entries(report.cells)) cells[id] = encodeCell(v);
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
