import * as z from "zod";
import { cellsOf } from "./cells";
import type { CellDef } from "./cells/types";
import { EDITIONS, type Edition } from "./editions";
import { LEVELS } from "./report";
import { cellRecord } from "./value";

// The schemas are built when first used, not when the module loads: building them is most of what loading core costs,
// and a program that reads no canonical JSON (validating a text report) never needs them. The exported schemas are the
// same zod objects as ever; the fields of their shapes are getters, which zod resolves (once) on first use. Every
// schema below is built once and shared, as before.

/** A value made by `make` on the first call and kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) value = make();
    return value;
  };
}

/** A zod shape whose fields are built when first read (each once), of the same type as the shape built at once. */
function lazyShape<T extends Record<string, z.ZodType>>(fields: { [K in keyof T]: () => T[K] }): T {
  const shape = {} as T;
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const field = once(fields[key]);
    Object.defineProperty(shape, key, { get: field, enumerable: true, configurable: true });
  }
  return shape;
}

const countJson = once(() => z.union([z.int(), z.string(), z.null()]).describe("count: an integer, null for blank, or the text as written (—, /, 无)"));
const moneyJson = once(() =>
  z
    .union([z.string(), z.number().nonnegative(), z.null()])
    .describe('amount: a decimal string such as "24252.311082" (a unit may follow: "251000元"), null for blank, or the text as written'),
);

/** The JSON schema of one cell's value in canonical JSON, by the cell's kind. */
export const cellJsonSchema = (def: Pick<CellDef, "kind">) => (def.kind === "money" ? moneyJson() : countJson());

// Where a value came from in the source document.
/** @internal The schema of one source location (zod), for tests holding `readSources` to it. */
export const sourceLocationSchema = once(() =>
  z.strictObject({
    line: z.int().min(1).optional(),
    column: z.int().min(1).optional(),
    table: z.int().min(0).optional(),
    row: z.int().min(0).optional(),
    col: z.int().min(0).optional(),
    sheet: z.string().optional(),
    page: z.int().min(1).optional(),
    x: z.number().min(0).optional(),
    y: z.number().min(0).optional(),
    width: z.number().min(0).optional(),
    height: z.number().min(0).optional(),
    raw: z.string().optional(),
  }),
);

// Report metadata.
const reportMetaSchema = once(() =>
  z.strictObject({
    body: z.string().optional().describe("issuing body (发布机构)"),
    level: z.enum(LEVELS).optional(),
    year: z.int().min(1990).max(2200).optional().describe("year the statistics cover"),
    publishedAt: z.iso.date().optional(),
    title: z.string().optional(),
    source: z.strictObject({ filename: z.string().optional(), url: z.string().optional(), mediaType: z.string().optional() }).optional(),
  }),
);

// A narrative section.
const sectionSchema = once(() => z.strictObject({ number: z.int().min(1).optional(), title: z.string(), text: z.string() }));

// A narrative claim mapped to a cell.
const narrativeClaimSchema = once(() =>
  z.strictObject({
    cell: z.string(),
    value: z.string().regex(/^\d+(\.\d+)?$/),
    approximate: z.boolean().optional(),
    text: z.string(),
    source: sourceLocationSchema().optional(),
  }),
);

const UNITS = ["条", "件", "次", "篇", "个", "人", "人次", "万元", "元", ""] as const;
const localRowSchema = once(() =>
  z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/),
    label: z.string(),
    unit: z.enum(UNITS),
    parent: z.string().optional(),
  }),
);

// The fields every edition shares (the same schemas in each).
const commonFields = {
  $schema: once(() => z.string().optional()),
  version: once(() => z.literal(1)),
  meta: reportMetaSchema,
  sections: once(() => z.array(sectionSchema()).default([])),
  sources: once(() => z.record(z.string(), sourceLocationSchema()).optional()),
  claims: once(() => z.array(narrativeClaimSchema()).optional()),
};

function nationalSchema(edition: Exclude<Edition, "local">) {
  return z.strictObject(
    lazyShape({
      ...commonFields,
      edition: () => z.literal(edition),
      cells: () => z.strictObject(Object.fromEntries(cellsOf(edition).map((c) => [c.id, cellJsonSchema(c).optional()]))),
    }),
  );
}

const localSchema = z.strictObject(
  lazyShape({
    ...commonFields,
    edition: () => z.literal("local"),
    local: () =>
      z.strictObject({
        columns: z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string()])]).optional(),
        rows: z.array(localRowSchema()),
      }),
    cells: () => z.record(z.string().regex(/^local\.[A-Za-z0-9_-]+\.(current|cumulative)$/), z.union([z.int(), z.string(), z.null()])),
  }),
);

/** The canonical JSON schema of a report of each edition (zod). */
export const ReportJsonSchemas = {
  local: localSchema,
  gen2014: nationalSchema("gen2014"),
  gen2019: nationalSchema("gen2019"),
  gen2021: nationalSchema("gen2021"),
} as const satisfies Record<Edition, z.ZodType>;

const cellsObject = once(() =>
  z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
    message: "Expected an object of cell values",
  }),
);
const runtimeSchemas = once(() => ({
  local: localSchema.extend({ cells: cellsObject() }),
  gen2014: ReportJsonSchemas.gen2014.extend({ cells: cellsObject() }),
  gen2019: ReportJsonSchemas.gen2019.extend({ cells: cellsObject() }),
  gen2021: ReportJsonSchemas.gen2021.extend({ cells: cellsObject() }),
}));
/** The same, for a report whose sources `readSources` has read: they are not read again. */
const checkedSources = once(() => z.unknown().optional());
const runtimeSchemasSourcesRead = once(() => ({
  local: runtimeSchemas().local.extend({ sources: checkedSources() }),
  gen2014: runtimeSchemas().gen2014.extend({ sources: checkedSources() }),
  gen2019: runtimeSchemas().gen2019.extend({ sources: checkedSources() }),
  gen2021: runtimeSchemas().gen2021.extend({ sources: checkedSources() }),
}));
/** @internal `RuntimeSchemas` with `sources` taken as they are, for sources `readSources` has read. */
export const runtimeSchemaSourcesRead = (edition: Edition) => runtimeSchemasSourcesRead()[edition];

/** The fields of a source location (as `sourceLocationSchema` has them, in its order). */
const SOURCE_FIELDS = ["line", "column", "table", "row", "col", "sheet", "page", "x", "y", "width", "height", "raw"] as const;
const SOURCE_FIELD_SET: ReadonlySet<string> = new Set(SOURCE_FIELDS);
// what each field accepts, as zod does (its int is a safe integer, its number finite), absent included
const int1 = (v: unknown) => v === undefined || (typeof v === "number" && Number.isSafeInteger(v) && v >= 1);
const int0 = (v: unknown) => v === undefined || (typeof v === "number" && Number.isSafeInteger(v) && v >= 0);
const text = (v: unknown) => v === undefined || typeof v === "string";
const num0 = (v: unknown) => v === undefined || (typeof v === "number" && Number.isFinite(v) && v >= 0);

/** A plain object: what JSON and the importers make (another prototype is left to zod, which reads inherited fields). */
const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * One location read as the schema reads it, a new object with its fields in the schema's order; undefined when a
 * field is out of bounds, or an enumerable key is no field or a field given as undefined (zod keeps such a field).
 * The fields are read by name, as zod reads them (a non-enumerable one too); a read by a computed key, or a list of the
 * keys, costs four times as much.
 */
function readLocation(loc: Record<string, unknown>): Record<string, unknown> | undefined {
  const { line, column, table, row, col, sheet, page, x, y, width, height, raw } = loc;
  if (!(int1(line) && int1(column) && int0(table) && int0(row) && int0(col) && text(sheet) && int1(page))) return undefined;
  if (!(num0(x) && num0(y) && num0(width) && num0(height) && text(raw))) return undefined;
  for (const k in loc) if (!SOURCE_FIELD_SET.has(k) || loc[k] === undefined) return undefined;
  const out: Record<string, unknown> = {};
  if (line !== undefined) out.line = line;
  if (column !== undefined) out.column = column;
  if (table !== undefined) out.table = table;
  if (row !== undefined) out.row = row;
  if (col !== undefined) out.col = col;
  if (sheet !== undefined) out.sheet = sheet;
  if (page !== undefined) out.page = page;
  if (x !== undefined) out.x = x;
  if (y !== undefined) out.y = y;
  if (width !== undefined) out.width = width;
  if (height !== undefined) out.height = height;
  if (raw !== undefined) out.raw = raw;
  return out;
}

/**
 * @internal The `sources` of a report that `JSON.parse` made, read by hand as
 * `z.record(z.string(), sourceLocationSchema()).optional()` reads them (a new object of new locations, each location's
 * fields in the schema's order), in a seventh of zod's time (an imported report has a location for each cell). Only
 * for JSON's plain data: with accessors, proxies or hidden fields the order and number of zod's reads would matter.
 * `"absent"` for undefined; undefined for anything this does not read exactly as zod would, whether zod would accept it
 * or not (not plain, "__proto__", a field out of bounds or given as null, an unknown key, a field name Object.prototype
 * has): the caller then lets zod read it, issues and all.
 */
export function readSources(value: unknown): Record<string, Record<string, unknown>> | "absent" | undefined {
  if (value === undefined) return "absent";
  if (!isPlain(value)) return undefined;
  for (const k of SOURCE_FIELDS) if (k in Object.prototype) return undefined;
  const ids = Object.keys(value);
  if (Reflect.ownKeys(value).length !== ids.length) return undefined;
  const out = cellRecord<Record<string, unknown>>();
  for (const id of ids) {
    const loc = value[id];
    if (id === "__proto__" || !isPlain(loc)) return undefined;
    const read = readLocation(loc);
    if (!read) return undefined;
    out[id] = read;
  }
  return out;
}

/**
 * The schemas `parseReport` runs: the same as `ReportJsonSchemas` except that cell values are decoded by hand (one
 * pass, precise issues per cell) instead of through a 200-key zod object, which is several times faster.
 */
export const RuntimeSchemas = {
  get local() {
    return runtimeSchemas().local;
  },
  get gen2014() {
    return runtimeSchemas().gen2014;
  },
  get gen2019() {
    return runtimeSchemas().gen2019;
  },
  get gen2021() {
    return runtimeSchemas().gen2021;
  },
} as const satisfies Record<Edition, z.ZodType>;

/** The canonical JSON of a report, any edition (zod, discriminated by `edition`). */
export const ReportJson = z.discriminatedUnion("edition", [
  ReportJsonSchemas.local,
  ReportJsonSchemas.gen2014,
  ReportJsonSchemas.gen2019,
  ReportJsonSchemas.gen2021,
]);

/** The canonical JSON of a report, as a TypeScript type. */
export type ReportJson = z.input<typeof ReportJson>;

/** The URL-like id written in `$schema` of canonical JSON files, per edition. */
export const schemaId = (edition: Edition) => `https://gov-disclosure.github.io/schemas/report-${edition}.schema.json`;

/** JSON Schema (draft 2020-12) of canonical report JSON for one edition, generated from the zod schema. */
export function jsonSchemaFor(edition: Edition): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportJsonSchemas[edition], { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return { ...schema, $id: schemaId(edition), title: `gov-disclosure report (${edition})` };
}

export { EDITIONS };
