import Decimal from "decimal.js";
import { cellDef, reportCells } from "./cells";
import type { CellKind } from "./cells/types";
import type { Edition } from "./editions";
import type { LocalTableSpec, Report, ReportMeta, Section, SourceLocation } from "./report";
import { type CellValue, cellRecord, decodeCell, isDecodeError } from "./value";

/** What `createReport` takes: the edition and, optionally, anything else of the report. */
export interface CreateReportInput {
  readonly edition: Edition;
  readonly meta?: ReportMeta;
  readonly sections?: readonly Section[];
  readonly local?: LocalTableSpec;
  /** Cell values as typed values or as canonical JSON (numbers, decimal strings, glyphs, null). */
  readonly cells?: Readonly<Record<string, CellValue | number | string | null>>;
  readonly sources?: Readonly<Record<string, SourceLocation>>;
}

/** Builds a typed report in code. Unknown cell ids and malformed values throw: this is for programmers, not for input. */
export function createReport(input: CreateReportInput): Report {
  const cells = cellRecord();
  const local = input.edition === "local" ? (input.local ?? { rows: [] }) : undefined;
  const localIds = local ? new Set(local.rows.flatMap((r) => [`local.${r.id}.current`, `local.${r.id}.cumulative`])) : undefined;
  const seen = new Set<string>();
  const twice = local?.rows.find((r) => seen.size === seen.add(r.id).size);
  if (twice) throw new Error(`createReport: local row id "${twice.id}" is used twice`);
  for (const [id, raw] of Object.entries(input.cells ?? {})) {
    const def = localIds ? undefined : cellDef(input.edition, id);
    if (localIds ? !localIds.has(id) : !def) throw new Error(`createReport: "${id}" is not a cell of edition ${input.edition}`);
    const kind = def?.kind ?? (local?.rows.find((r) => id.startsWith(`local.${r.id}.`))?.unit.endsWith("元") ? "money" : "count");
    const v = typed(id, kind, raw, "createReport");
    if (v.kind !== "blank") cells[id] = v;
  }
  return {
    version: 1,
    edition: input.edition,
    meta: input.meta ?? {},
    sections: input.sections ?? [],
    ...(local ? { local } : {}),
    cells,
    sources: input.sources ?? {},
  };
}

/** A report of the edition with every cell blank: the template to fill in. */
export function blankReport(edition: Exclude<Edition, "local">, meta: ReportMeta = {}): Report {
  return createReport({ edition, meta });
}

/**
 * Returns a copy of the report with one cell changed. The value may be a typed value or canonical JSON (a plain number
 * is a count, or money in a money cell; a decimal string, "—", "无" or null). Unknown cell ids and malformed values
 * throw, as in `createReport`.
 */
export function withCell(report: Report, id: string, value: CellValue | number | string | null): Report {
  const def = reportCells(report).byId.get(id);
  if (!def) throw new Error(`withCell: "${id}" is not a cell of ${report.edition === "local" ? "this report's local table" : `edition ${report.edition}`}`);
  const v = typed(id, def.kind, value, "withCell");
  const cells = cellRecord(report.cells);
  if (v.kind === "blank") delete cells[id];
  else cells[id] = v;
  return { ...report, cells };
}

/** A typed value from a typed value or canonical JSON, checked against the cell's kind. */
function typed(id: string, kind: CellKind, raw: CellValue | number | string | null, who: string): CellValue {
  if (raw !== null && typeof raw === "object") {
    if (raw.kind === "count" && !Number.isSafeInteger(raw.value)) throw new RangeError(`${who}: cell ${id}: ${raw.value} is not a whole number`);
    if (raw.kind === "count" && kind === "money") return { kind: "money", value: new Decimal(raw.value) };
    return raw;
  }
  const v = decodeCell(raw, kind);
  if (isDecodeError(v)) throw new RangeError(`${who}: cell ${id}: expected ${v.expected}, received ${JSON.stringify(raw)}`);
  return v;
}
