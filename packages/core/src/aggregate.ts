import type Decimal from "decimal.js";
import { plusExact } from "./rules/num";
import { cellsOf } from "./cells";
import type { Edition } from "./editions";
import type { Report } from "./report";
import { cellRecord } from "./value";

/** Why a report was left out of a roll-up. */
export type AggregateExclusion = "edition" | "year" | "local";

/** The result of `aggregateReports`: the roll-up, which inputs went in, and which were left out and why. */
export interface AggregateResult {
  /** The summed report, or undefined when no input could be summed. */
  readonly report: Report | undefined;
  readonly edition: Edition | undefined;
  readonly year: number | undefined;
  /** Indexes of the inputs that were summed. */
  readonly included: readonly number[];
  readonly excluded: readonly { readonly index: number; readonly reason: AggregateExclusion; readonly detail: string }[];
  /** Cells holding text that could not be added, by input index. */
  readonly skippedCells: readonly { readonly index: number; readonly cell: string; readonly text: string }[];
}

const mostCommon = <T>(xs: readonly T[]): T | undefined => {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
};

/**
 * Sums reports of one edition and one year into a roll-up (a city adding up its counties). Counts stay exact integers
 * (a sum beyond 2^53 becomes a decimal amount rather than being rounded), money stays decimal; a cell blank in every
 * input stays blank; "—"/"无" count as 0. Reports of another edition or year, and local tables, are left out with the reason.
 */
export function aggregateReports(reports: readonly Report[], options: { edition?: Edition; year?: number; body?: string } = {}): AggregateResult {
  const national = reports.filter((r) => r.edition !== "local");
  const edition = options.edition ?? mostCommon(national.map((r) => r.edition));
  const year = options.year ?? mostCommon(national.filter((r) => r.edition === edition).map((r) => r.meta.year));
  const excluded: { index: number; reason: AggregateExclusion; detail: string }[] = [];
  const included: number[] = [];
  reports.forEach((r, index) => {
    if (r.edition === "local") excluded.push({ index, reason: "local", detail: "local tables have no common rows to add" });
    else if (r.edition !== edition) excluded.push({ index, reason: "edition", detail: `${r.edition}, not ${edition}` });
    else if (r.meta.year !== year) excluded.push({ index, reason: "year", detail: `${r.meta.year ?? "unknown"}, not ${year ?? "unknown"}` });
    else included.push(index);
  });
  if (!edition || edition === "local" || !included.length) return { report: undefined, edition, year, included, excluded, skippedCells: [] };

  const skippedCells: { index: number; cell: string; text: string }[] = [];
  const cells = cellRecord();
  for (const def of cellsOf(edition)) {
    let total: Decimal | undefined;
    let unit: "元" | "万元" | undefined;
    for (const index of included) {
      const v = (reports[index] as Report).cells[def.id];
      if (!v || v.kind === "blank") continue;
      if (v.kind === "text") {
        skippedCells.push({ index, cell: def.id, text: v.raw });
        continue;
      }
      const n = v.kind === "count" || v.kind === "money" ? v.value : 0;
      if (v.kind === "money" && v.unit) unit = v.unit;
      total = plusExact(total ?? 0, n);
    }
    if (total === undefined) continue;
    if (def.kind === "money") cells[def.id] = unit ? { kind: "money", value: total, unit } : { kind: "money", value: total };
    else if (total.abs().lte(Number.MAX_SAFE_INTEGER)) cells[def.id] = { kind: "count", value: total.toNumber() };
    else cells[def.id] = { kind: "text", raw: total.toFixed() };
  }
  const report: Report = {
    version: 1,
    edition,
    meta: { body: options.body ?? `合计（${included.length}份报告）`, ...(year !== undefined ? { year } : {}) },
    sections: [],
    cells,
    sources: {},
  };
  return { report, edition, year, included, excluded, skippedCells };
}
