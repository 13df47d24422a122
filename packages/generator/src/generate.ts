import { createReport, EDITIONS, type Edition, type Level, type Report } from "@gov-disclosure/core";
import { type BodyProfile, drawProfile, EDITION_YEARS } from "./bodies";
import { narrative } from "./narrative";
import { hashSeed, Rng } from "./random";
import { type CellInput, gen2014Tables, gen2019Tables, gen2021Tables, localTables, type TableOutput, type YearState } from "./tables";

/** What `generateReport` takes. */
export interface GenerateOptions {
  readonly edition: Edition;
  /** Any integer: the same seed always gives the same report. */
  readonly seed: number;
  /** Administrative level of the body; drawn (mostly small bodies) when omitted. */
  readonly level?: Level;
  /** Year covered; drawn within the edition's years when omitted. */
  readonly year?: number;
}

/** What `generateSeries` takes: consecutive years of one body. */
export interface SeriesOptions {
  readonly edition: Edition;
  readonly seed: number;
  /** Number of consecutive years. */
  readonly years: number;
  readonly level?: Level;
  /** First year; by default the series is placed inside the edition's years. */
  readonly startYear?: number;
}

/** What `generateCorpus` takes. */
export interface CorpusOptions {
  readonly count: number;
  readonly seed: number;
  /** Editions to draw from, in turn; all four by default. */
  readonly editions?: readonly Edition[];
}

function tablesFor(rng: Rng, edition: Edition, profile: BodyProfile, year: number, prev: YearState | undefined): TableOutput {
  switch (edition) {
    case "gen2021":
      return gen2021Tables(rng, profile, prev);
    case "gen2019":
      return gen2019Tables(rng, profile, prev);
    case "gen2014":
      return gen2014Tables(rng, profile);
    case "local":
      return localTables(rng, profile, year, prev);
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Builds one year of a body's report. */
function buildYear(rng: Rng, edition: Edition, profile: BodyProfile, year: number, prev: YearState | undefined): { report: Report; state: YearState } {
  const out = tablesFor(rng.fork("tables"), edition, profile, year, prev);
  const cells: Record<string, CellInput> = { ...out.cells };
  const style = rng.fork("style");
  // Shanghai 2019 left the zero cells of tables 三 and 四 blank: do so in some reports.
  if ((edition === "gen2019" || edition === "gen2021") && style.chance(0.12)) {
    for (const [id, v] of Object.entries(cells)) if ((id.startsWith("t3.") || id.startsWith("t4.")) && v === 0) delete cells[id];
  }
  const rowIds: Record<string, string> = {};
  for (const r of out.localRows ?? []) {
    if (r.parent) continue;
    if (r.label.startsWith("主动公开")) rowIds.published = `local.${r.id}.current`;
    if (r.label.startsWith("受理")) rowIds.received = `local.${r.id}.current`;
    if (r.label.startsWith("对申请的答复")) rowIds.replied = `local.${r.id}.current`;
  }
  const { sections, claims } = narrative(rng.fork("prose"), edition, profile, year, out.facts, rowIds);
  const month = style.int(1, 3);
  const report = createReport({
    edition,
    meta: {
      body: profile.body,
      level: profile.level,
      year,
      publishedAt: `${year + 1}-${pad(month)}-${pad(style.int(1, month === 2 ? 28 : 31))}`,
      title: `${profile.body}${year}年政府信息公开工作年度报告`,
    },
    sections,
    ...(out.localRows ? { local: { columns: [`${year}年度`, "历年累计"] as const, rows: out.localRows } } : {}),
    cells,
  });
  return { report: claims.length ? { ...report, claims } : report, state: out.state };
}

function yearIn(rng: Rng, edition: Edition): number {
  const [lo, hi] = EDITION_YEARS[edition];
  return rng.int(lo, hi);
}

/**
 * A valid, realistic report of the edition: metadata, six narrative sections that state some of the figures, and
 * statistics tables in which every identity of core's rule catalogue holds. Deterministic per seed.
 */
export function generateReport(options: GenerateOptions): Report {
  const rng = new Rng(hashSeed(`report:${options.edition}:${options.seed}`));
  const profile = drawProfile(rng.fork("body"), options.level);
  const year = options.year ?? yearIn(rng.fork("year"), options.edition);
  return buildYear(rng.fork("year-data"), options.edition, profile, year, undefined).report;
}

/** True when every number of `a` equals `b`'s and one is non-zero (YOY-IDENTICAL would fire). */
function identicalNumbers(a: Report, b: Report): boolean {
  const ids = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  let nonzero = false;
  for (const id of ids) {
    const x = a.cells[id];
    const y = b.cells[id];
    const xn = x?.kind === "count" ? String(x.value) : x?.kind === "money" ? x.value.toFixed() : undefined;
    const yn = y?.kind === "count" ? String(y.value) : y?.kind === "money" ? y.value.toFixed() : undefined;
    if (xn !== yn) return false;
    if (xn !== undefined && Number(xn) !== 0) nonzero = true;
  }
  return nonzero;
}

/**
 * Consecutive years of one body's reports, oldest first: carry-overs chain (T3-YOY-CARRY), 现行有效件数 chains
 * (T2-21-VALID-YOY) and 历年累计 chains (LOCAL-CUM-YOY), so the cross-year rules hold when `previous` is given.
 */
export function generateSeries(options: SeriesOptions): Report[] {
  const rng = new Rng(hashSeed(`series:${options.edition}:${options.seed}`));
  const profile = drawProfile(rng.fork("body"), options.level);
  const [lo, hi] = EDITION_YEARS[options.edition];
  const years = Math.max(0, Math.floor(options.years));
  const start = options.startYear ?? (years > hi - lo + 1 ? lo : rng.fork("year").int(lo, hi - years + 1));
  const out: Report[] = [];
  let state: YearState | undefined;
  for (let i = 0; i < years; i++) {
    const year = start + i;
    let built = buildYear(rng.fork(`year-${year}`), options.edition, profile, year, state);
    const last = out[out.length - 1];
    for (let k = 1; last && identicalNumbers(built.report, last) && k < 20; k++) {
      built = buildYear(rng.fork(`year-${year}-${k}`), options.edition, profile, year, state);
    }
    out.push(built.report);
    state = built.state;
  }
  return out;
}

/**
 * Lazily yields `count` reports, cycling through the editions with a level drawn per report, so that thousands can
 * be streamed with flat memory.
 */
export function* generateCorpus(options: CorpusOptions): Generator<Report, void, undefined> {
  const editions = options.editions?.length ? options.editions : EDITIONS;
  for (let i = 0; i < options.count; i++) {
    const edition = editions[i % editions.length] as Edition;
    yield generateReport({ edition, seed: hashSeed(`corpus:${options.seed}:${i}`) });
  }
}
