import { cellDef } from "./cells";
import type { Edition } from "./editions";
import type { LocalTableSpec, Report, ReportMeta, Section, SourceLocation } from "./report";
import { type CellValue, decodeCell, isDecodeError } from "./value";

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
  const cells: Record<string, CellValue> = {};
  const local = input.edition === "local" ? (input.local ?? { rows: [] }) : undefined;
  const localIds = local ? new Set(local.rows.flatMap((r) => [`local.${r.id}.current`, `local.${r.id}.cumulative`])) : undefined;
  for (const [id, raw] of Object.entries(input.cells ?? {})) {
    const def = localIds ? undefined : cellDef(input.edition, id);
    if (localIds ? !localIds.has(id) : !def) throw new Error(`createReport: "${id}" is not a cell of edition ${input.edition}`);
    const kind = def?.kind ?? (local?.rows.find((r) => id.startsWith(`local.${r.id}.`))?.unit.endsWith("元") ? "money" : "count");
    const v = raw !== null && typeof raw === "object" ? raw : decodeCell(raw, kind);
    if (isDecodeError(v)) throw new Error(`createReport: cell ${id}: expected ${v.expected}`);
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

/** Returns a copy of the report with one cell changed. */
export function withCell(report: Report, id: string, value: CellValue): Report {
  const cells = { ...report.cells };
  if (value.kind === "blank") delete cells[id];
  else cells[id] = value;
  return { ...report, cells };
}
