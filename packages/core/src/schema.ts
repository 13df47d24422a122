import * as z from "zod";
import { cellsOf } from "./cells";
import type { CellDef } from "./cells/types";
import { EDITIONS, type Edition } from "./editions";
import { LEVELS } from "./report";

const countJson = z.union([z.int(), z.string(), z.null()]).describe("count: an integer, null for blank, or the text as written (—, /, 无)");
const moneyJson = z
  .union([z.string(), z.number().nonnegative(), z.null()])
  .describe('amount: a decimal string such as "24252.311082" (a unit may follow: "251000元"), null for blank, or the text as written');

/** The JSON schema of one cell's value in canonical JSON, by the cell's kind. */
export const cellJsonSchema = (def: Pick<CellDef, "kind">) => (def.kind === "money" ? moneyJson : countJson);

/** Where a value came from in the source document. */
export const SourceLocationSchema = z.strictObject({
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
});

/** Report metadata. */
export const ReportMetaSchema = z.strictObject({
  body: z.string().optional().describe("issuing body (发布机构)"),
  level: z.enum(LEVELS).optional(),
  year: z.int().min(1990).max(2200).optional().describe("year the statistics cover"),
  publishedAt: z.iso.date().optional(),
  title: z.string().optional(),
  source: z.strictObject({ filename: z.string().optional(), url: z.string().optional(), mediaType: z.string().optional() }).optional(),
});

/** A narrative section. */
export const SectionSchema = z.strictObject({ number: z.int().min(1).optional(), title: z.string(), text: z.string() });

/** A narrative claim mapped to a cell. */
export const NarrativeClaimSchema = z.strictObject({
  cell: z.string(),
  value: z.string().regex(/^\d+(\.\d+)?$/),
  approximate: z.boolean().optional(),
  text: z.string(),
  source: SourceLocationSchema.optional(),
});

const UNITS = ["条", "件", "次", "篇", "个", "人", "人次", "万元", "元", ""] as const;
const LocalRowSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  label: z.string(),
  unit: z.enum(UNITS),
  parent: z.string().optional(),
});

const common = {
  $schema: z.string().optional(),
  version: z.literal(1),
  meta: ReportMetaSchema,
  sections: z.array(SectionSchema).default([]),
  sources: z.record(z.string(), SourceLocationSchema).optional(),
  claims: z.array(NarrativeClaimSchema).optional(),
};

function nationalSchema(edition: Exclude<Edition, "local">) {
  const cells = Object.fromEntries(cellsOf(edition).map((c) => [c.id, cellJsonSchema(c).optional()]));
  return z.strictObject({ ...common, edition: z.literal(edition), cells: z.strictObject(cells) });
}

const localSchema = z.strictObject({
  ...common,
  edition: z.literal("local"),
  local: z.strictObject({ columns: z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string()])]).optional(), rows: z.array(LocalRowSchema) }),
  cells: z.record(z.string().regex(/^local\.[A-Za-z0-9_-]+\.(current|cumulative)$/), z.union([z.int(), z.string(), z.null()])),
});

/** The canonical JSON schema of a report of each edition (zod). */
export const ReportJsonSchemas = {
  local: localSchema,
  gen2014: nationalSchema("gen2014"),
  gen2019: nationalSchema("gen2019"),
  gen2021: nationalSchema("gen2021"),
} as const satisfies Record<Edition, z.ZodType>;

const cellsObject = z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), {
  message: "Expected an object of cell values",
});
/**
 * The schemas `parseReport` runs: the same as `ReportJsonSchemas` except that cell values are decoded by hand (one
 * pass, precise issues per cell) instead of through a 200-key zod object, which is several times faster.
 */
export const RuntimeSchemas = {
  local: localSchema.extend({ cells: cellsObject }),
  gen2014: ReportJsonSchemas.gen2014.extend({ cells: cellsObject }),
  gen2019: ReportJsonSchemas.gen2019.extend({ cells: cellsObject }),
  gen2021: ReportJsonSchemas.gen2021.extend({ cells: cellsObject }),
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
