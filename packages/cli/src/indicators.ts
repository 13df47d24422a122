// The harmonised indicators summed over many reports (`stats` per year, `aggregate` over every input, across editions):
// exact decimal sums, how many reports had a figure, how many had none in their edition (never a silent 0), and
// whether a summed figure was guessed by the import.
import {
  Decimal,
  type Exactness,
  INDICATORS,
  type IndicatorId,
  type IndicatorValue,
  indicatorsOf,
  type Locale,
  plusExact,
  type Report,
} from "@gov-disclosure/core";
import { t } from "./messages";

/** One report's indicator as a batch sends it (plain data): value (decimal text) or null, status, exactness, guessed. */
export type IndicatorTuple = readonly [value: string | null, status: IndicatorValue["status"], exactness: Exactness, guessed: boolean];

/**
 * Every harmonised indicator of a report, in the order of core's `INDICATORS`; `guessed` when a summed cell is one
 * the import inferred (in `uncertain`).
 */
export function indicatorTuples(report: Report, uncertain: ReadonlySet<string> | readonly string[]): IndicatorTuple[] {
  const guessedCells = uncertain instanceof Set ? uncertain : new Set(uncertain as readonly string[]);
  return indicatorsOf(report).map((v) => [v.value ?? null, v.status, v.exactness, v.status === "value" && v.cells.some((c) => guessedCells.has(c))]);
}

/**
 * Core's Decimal with room for every digit of a sum: decimal.js rounds each result to `precision` significant digits
 * (20 by default), which a long sum of money could exceed.
 */
const Exact = Decimal.clone({ precision: 1e9 });

/** One indicator summed over a group of reports. */
export interface IndicatorRow {
  readonly indicator: IndicatorId;
  /** Reports with a figure (the ones summed). */
  readonly reports: number;
  /** Reports without a figure: `noEquivalent` + `blank` + `notNumeric`. */
  readonly withoutValue: number;
  /** Reports whose edition has no equivalent (not counted as 0). */
  readonly noEquivalent: number;
  /** Reports whose cells for it are blank, a dash or 无. */
  readonly blank: number;
  /** Reports where a cell for it holds text. */
  readonly notNumeric: number;
  /** The exact sum as decimal text, or null when no report had a figure. */
  readonly sum: string | null;
  /** How the summed figures stand for the indicator: one exactness, `mixed`, or `none` when nothing was summed. */
  readonly exactness: Exactness | "mixed";
  /** A summed figure rests on a cell the import inferred. */
  readonly guessed: boolean;
}

interface Acc {
  reports: number;
  noEquivalent: number;
  blank: number;
  notNumeric: number;
  sum: Decimal;
  exactness: Set<Exactness>;
  guessed: boolean;
}

/** Running sums of the harmonised indicators, per group (a year for `stats`, one group for `aggregate`). */
export class IndicatorTotals {
  private readonly groups = new Map<string, Acc[]>();

  /** Adds one report's indicators (in the order of `INDICATORS`) to a group. */
  add(group: string, tuples: readonly IndicatorTuple[]): void {
    let accs = this.groups.get(group);
    if (!accs) {
      accs = INDICATORS.map(() => ({
        reports: 0,
        noEquivalent: 0,
        blank: 0,
        notNumeric: 0,
        sum: new Exact(0),
        exactness: new Set<Exactness>(),
        guessed: false,
      }));
      this.groups.set(group, accs);
    }
    tuples.forEach(([value, status, exactness, guessed], i) => {
      const acc = accs[i];
      if (!acc) return;
      if (status === "value" && value !== null) {
        acc.reports++;
        acc.sum = plusExact(acc.sum, value);
        acc.exactness.add(exactness);
        if (guessed) acc.guessed = true;
      } else if (status === "none") acc.noEquivalent++;
      else if (status === "not-numeric") acc.notNumeric++;
      else acc.blank++;
    });
  }

  /** The groups in sorted order, each with its indicators in the order of `INDICATORS`. */
  rows(): { group: string; rows: IndicatorRow[] }[] {
    return [...this.groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([group, accs]) => ({
        group,
        rows: accs.map((acc, i) => ({
          indicator: (INDICATORS[i] as (typeof INDICATORS)[number]).id,
          reports: acc.reports,
          withoutValue: acc.noEquivalent + acc.blank + acc.notNumeric,
          noEquivalent: acc.noEquivalent,
          blank: acc.blank,
          notNumeric: acc.notNumeric,
          sum: acc.reports ? acc.sum.toFixed() : null,
          exactness: acc.exactness.size > 1 ? "mixed" : ([...acc.exactness][0] ?? "none"),
          guessed: acc.guessed,
        })),
      }));
  }
}

/** The indicators as a Markdown section: a heading, one row per indicator, and what approximate and missing mean. */
export function indicatorTotalsMarkdown(rows: readonly IndicatorRow[], files: number, locale: Locale): string {
  const name = (id: IndicatorId) => {
    const def = INDICATORS.find((d) => d.id === id);
    return def ? (locale === "en" ? def.en : def.zh) : id;
  };
  const exactness = (e: IndicatorRow["exactness"]) =>
    e === "exact" ? t(locale, "indicatorExact") : e === "approx" ? t(locale, "indicatorApprox") : e === "mixed" ? t(locale, "indicatorMixed") : "";
  const lines = [
    `## ${t(locale, "indicatorsHead", { files })}`,
    "",
    `| ${t(locale, "indicatorsColumns").split("|").join(" | ")} |`,
    `|${" --- |".repeat(t(locale, "indicatorsColumns").split("|").length)}`,
  ];
  for (const r of rows) {
    const sum = r.sum === null ? t(locale, "indicatorNoFigure") : r.guessed ? `${r.sum} ${t(locale, "indicatorGuessedMark")}` : r.sum;
    lines.push(`| ${name(r.indicator)} | ${sum} | ${r.reports} | ${r.noEquivalent} | ${r.blank + r.notNumeric} | ${exactness(r.exactness)} |`);
  }
  lines.push("", t(locale, "indicatorsNote"), "");
  return lines.join("\n");
}
