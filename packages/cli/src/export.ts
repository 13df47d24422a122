// `export`: a corpus as a dataset. Three tables, each a file of its own: one row per report × cell, one row per issue
// (import issues, rule findings, and the files that were not read with their reason), and one row per report with the
// harmonised indicators (value, status, exactness: an edition without an equivalent is null and says so, never 0).
import { INDICATORS } from "@gov-disclosure/core";
import { neutraliseFormula } from "@gov-disclosure/render";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { AtomicFile, type Input } from "./io";
import type { FileOutcome } from "./tasks";
import { jsonSafe } from "./safe";

/** The formats `export` writes. */
export const EXPORT_FORMATS = ["csv", "ndjson", "parquet"] as const;
/** A format `export` writes. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type ColumnType = "STRING" | "INT32" | "DOUBLE" | "BOOLEAN";
type Value = string | number | boolean | null;

/** The cells table: one row per report × cell of its edition, blanks included. */
export const CELL_COLUMNS: readonly (readonly [string, ColumnType])[] = [
  ["file", "STRING"],
  ["body", "STRING"],
  ["year", "INT32"],
  ["edition", "STRING"],
  ["table", "STRING"],
  ["cell", "STRING"],
  ["label_zh", "STRING"],
  ["label_en", "STRING"],
  ["kind", "STRING"],
  ["value", "DOUBLE"],
  ["value_text", "STRING"],
  ["unit", "STRING"],
  ["page", "INT32"],
  ["line", "INT32"],
  ["column", "INT32"],
  ["sheet", "STRING"],
  ["raw", "STRING"],
  ["status", "STRING"],
  ["codes", "STRING"],
  ["uncertain", "BOOLEAN"],
];

/** The issues table: import issues and rule findings of every report read, and one row per file not read. */
export const ISSUE_COLUMNS: readonly (readonly [string, ColumnType])[] = [
  ["file", "STRING"],
  ["file_status", "STRING"],
  ["body", "STRING"],
  ["year", "INT32"],
  ["edition", "STRING"],
  ["phase", "STRING"],
  ["code", "STRING"],
  ["severity", "STRING"],
  ["status", "STRING"],
  ["key", "STRING"],
  ["cells", "STRING"],
  ["message", "STRING"],
  ["page", "INT32"],
  ["line", "INT32"],
  ["column", "INT32"],
  ["raw", "STRING"],
];

/** The indicators table: one row per report, three columns per harmonised indicator (value, status, exactness). */
export const INDICATOR_COLUMNS: readonly (readonly [string, ColumnType])[] = [
  ["file", "STRING"],
  ["body", "STRING"],
  ["year", "INT32"],
  ["edition", "STRING"],
  ...INDICATORS.flatMap((d) => [
    [d.id, "DOUBLE"] as const,
    [`${d.id}_status`, "STRING"] as const,
    [`${d.id}_exactness`, "STRING"] as const,
    [`${d.id}_guessed`, "BOOLEAN"] as const,
  ]),
];

/** One table being written. */
interface TableSink {
  write(rows: readonly (readonly Value[])[]): void;
  commit(): void;
  abort(): void;
}

const csvField = (v: Value): string => {
  if (v === null) return "";
  const s = typeof v === "string" ? neutraliseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csvSink(path: string, columns: readonly (readonly [string, ColumnType])[], inputs: readonly Input[]): TableSink {
  const f = new AtomicFile(path, inputs);
  f.write(`\ufeff${columns.map(([n]) => n).join(",")}\n`);
  return {
    write: (rows) => f.write(rows.map((r) => `${r.map(csvField).join(",")}\n`).join("")),
    commit: () => f.commit(),
    abort: () => f.abort(),
  };
}

function ndjsonSink(path: string, columns: readonly (readonly [string, ColumnType])[], inputs: readonly Input[]): TableSink {
  const f = new AtomicFile(path, inputs);
  return {
    write: (rows) => f.write(rows.map((r) => `${jsonSafe(JSON.stringify(Object.fromEntries(columns.map(([n], i) => [n, r[i] ?? null]))))}\n`).join("")),
    commit: () => f.commit(),
    abort: () => f.abort(),
  };
}

const PARQUET_TYPES = {
  STRING: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  INT32: { type: "INT32" },
  DOUBLE: { type: "DOUBLE" },
  BOOLEAN: { type: "BOOLEAN" },
} as const;
/** Rows buffered before a row group is written: memory stays flat over a corpus. */
const ROW_GROUP = 50_000;

function parquetSink(path: string, columns: readonly (readonly [string, ColumnType])[], inputs: readonly Input[]): TableSink {
  const f = new AtomicFile(path, inputs);
  const writer = new ByteWriter();
  // Flush the encoded bytes to the file as they come (hyparquet-writer calls `ensure` before each append).
  const flush = () => {
    if (writer.index) f.write(new Uint8Array(writer.buffer, 0, writer.index).slice());
    writer.index = 0;
  };
  const ensure = writer.ensure.bind(writer);
  writer.ensure = (size: number) => {
    if (writer.index > 1 << 20) flush();
    ensure(size);
  };
  const schema = [
    { name: "root", num_children: columns.length },
    ...columns.map(([name, type]) => ({ name, repetition_type: "OPTIONAL" as const, ...PARQUET_TYPES[type] })),
  ];
  const pq = new ParquetWriter({ writer, schema, createdBy: "gov-disclosure" });
  let buffer: (readonly Value[])[] = [];
  const writeGroup = () => {
    if (!buffer.length) return;
    const rows = buffer;
    buffer = [];
    pq.write({
      columnData: columns.map(([name, type], i) => ({ name, data: rows.map((r) => r[i] ?? null), type })),
      rowGroupSize: rows.length,
    });
    flush();
  };
  return {
    write: (rows) => {
      for (const r of rows) buffer.push(r);
      if (buffer.length >= ROW_GROUP) writeGroup();
    },
    commit: () => {
      writeGroup();
      pq.finish();
      flush();
      f.commit();
    },
    abort: () => f.abort(),
  };
}

/** The paths of the three tables: the file given, and `<name>.findings.<ext>` and `<name>.indicators.<ext>` beside it. */
export function exportPaths(output: string, to: ExportFormat): { cells: string; issues: string; indicators: string } {
  const ext = `.${to}`;
  const stem = output.toLowerCase().endsWith(ext) ? output.slice(0, -ext.length) : output;
  return { cells: output, issues: `${stem}.findings${ext}`, indicators: `${stem}.indicators${ext}` };
}

/** An export being written: outcomes in, three tables out (committed together). */
export interface ExportSink {
  readonly paths: readonly string[];
  add(o: FileOutcome): void;
  commit(): Promise<void>;
  abort(): void;
}

/** Opens the three tables of an export (refusing to write over an input). */
export function openExport(output: string, to: ExportFormat, inputs: readonly Input[]): ExportSink {
  const paths = exportPaths(output, to);
  const make = to === "csv" ? csvSink : to === "ndjson" ? ndjsonSink : parquetSink;
  const sinks: TableSink[] = [];
  try {
    sinks.push(make(paths.cells, CELL_COLUMNS, inputs), make(paths.issues, ISSUE_COLUMNS, inputs), make(paths.indicators, INDICATOR_COLUMNS, inputs));
  } catch (e) {
    for (const s of sinks) s.abort();
    throw e;
  }
  const [cells, issues, indicators] = sinks as [TableSink, TableSink, TableSink];
  return {
    paths: [paths.cells, paths.issues, paths.indicators],
    add(o) {
      if (o.status === "read" && o.rows) {
        cells.write(o.rows.cells);
        // The issues table says of each issue that its file was read.
        issues.write(o.rows.issues.map((r) => [r[0] ?? null, "read", ...r.slice(1)]));
        indicators.write([o.rows.indicators]);
      } else if (o.status !== "read") {
        issues.write([
          [
            o.name,
            o.status,
            null,
            null,
            null,
            "file",
            o.reasonCode ?? null,
            o.status === "skipped" ? "info" : "error",
            o.status,
            null,
            null,
            o.reason ?? null,
            null,
            null,
            null,
            null,
          ],
        ]);
      }
    },
    async commit() {
      for (const s of sinks) s.commit();
    },
    abort() {
      for (const s of sinks) s.abort();
    },
  };
}
