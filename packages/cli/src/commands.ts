// The commands: each imports, validates and renders through the packages, and only here touches files.
import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import {
  aggregateReports,
  EDITIONS,
  type Edition,
  formatIssue,
  type Issue,
  isEdition,
  type Locale,
  type Report,
  type Severity,
  serializeReport,
  uncertainCellsOf,
  type ValidationResult,
  validateReport,
} from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import { type BatchPlan, DEFAULT_TIMEOUT_S, runInputs } from "./batch";
import { CONVERT_FORMATS, DIFF_FORMATS, SEVERITIES, STATS_FORMATS, TEMPLATE_FORMATS, VALIDATE_FORMATS } from "./constants";
import { type ConvertFormat, convertTo, diffOutput, templateBytes, unmarkedUncertainty, validationDocument } from "./formats";
import { IndicatorTotals, indicatorTotalsMarkdown, indicatorTuples } from "./indicators";
import { AtomicFile, collectInputs, type Input, readCapped, readStdin, STDIN_ARG, UsageError, writeAtomic } from "./io";
import { localeOfLang, type Message, say, t } from "./messages";
import { pdfOptions } from "./pdf";
import { Progress } from "./progress";
import { jsonSafe, termSafe, termSafeDocument, termSafeLines } from "./safe";
import { type BatchOptions, type FileOutcome, fromTransport, unreadEntry } from "./tasks";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

const localeOf = (lang: unknown): Locale => {
  const locale = localeOfLang(lang);
  if (!locale) throw new UsageError({ key: "langInvalid", params: { value: String(lang) } });
  return locale;
};
const oneOf = <T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T => {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError({ key: "oneOf", params: { option, allowed, value: String(value) } });
};
const useColor = () => process.stdout.isTTY === true && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
const toFile = (output: string | undefined): output is string => !!output && output !== "-" && output !== STDIN_ARG;
/** An option that may be given several times (or not at all), as a list. */
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** `--timeout <seconds>`: a positive number; 0 turns the limit off. */
function timeoutOf(v: unknown): { ms: number; given: boolean } {
  if (v === undefined) return { ms: DEFAULT_TIMEOUT_S * 1000, given: false };
  const s = Number(v);
  if (!Number.isFinite(s) || s < 0) throw new UsageError({ key: "badNumber", params: { option: "--timeout", value: String(v) } });
  return { ms: s * 1000, given: s > 0 };
}
function jobsOf(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError({ key: "badNumber", params: { option: "--jobs", value: String(v) } });
  return n;
}

/** Writes one line to standard error, made safe for a terminal, with the progress bar cleared first. */
const note = (line: string, progress?: Progress) => {
  const text = `${termSafe(line)}\n`;
  if (progress) progress.write(process.stderr, text);
  else process.stderr.write(text);
};

/** Imports one input into a report, or throws a UsageError naming the file and the reason (worded in `locale`). */
async function loadOne(input: Input, locale: Locale): Promise<{ report: Report; result: ValidationResult }> {
  let bytes: Uint8Array;
  try {
    const { MAX_INPUT_BYTES } = await import("@gov-disclosure/import");
    bytes = input.path ? readCapped(input.path, MAX_INPUT_BYTES) : readStdin(MAX_INPUT_BYTES);
  } catch (e) {
    throw new UsageError({ key: "unreadable", params: { name: input.name, code: (e as NodeJS.ErrnoException).code ?? (e as Error).name } });
  }
  if (!bytes.length) throw new UsageError({ key: "notReport", params: { name: input.name, reason: t(locale, "emptyFile") } });
  const r = await importReport(bytes, { filename: input.name.split(/[\\/]/).pop() ?? input.name, ...pdfOptions() });
  if (!r.report) {
    const first = r.issues.find((i) => i.severity === "error");
    throw new UsageError({ key: "notReport", params: { name: input.name, reason: first ? formatIssue(first, locale) : t(locale, "noReportFound") } });
  }
  return { report: r.report, result: validateReport(r.report, { importIssues: r.issues }) };
}

function single(args: readonly string[], option: string): Input {
  const inputs = collectInputs(args);
  if (inputs.length !== 1) throw new UsageError({ key: "oneFile", params: { option, count: inputs.length } });
  const input = inputs[0] as Input;
  if (input.problem) throw new UsageError({ key: "unreadable", params: { name: input.name, code: input.problem.code } });
  return input;
}

function emit(data: string | Uint8Array, output: string | undefined, inputs: readonly Input[], locale: Locale): void {
  if (toFile(output)) {
    writeAtomic(output, data, inputs);
    note(t(locale, "wrote", { path: output }));
  } else {
    if (typeof data !== "string" && process.stdout.isTTY) throw new UsageError({ key: "binaryToTerminal" });
    // what reaches a terminal cannot move the cursor, colour, reorder or forge lines (a pipe or a file gets the bytes)
    process.stdout.write(typeof data === "string" && process.stdout.isTTY ? termSafeDocument(data) : data);
  }
}

/** The inputs of a batch command: at least one report-like file, or a usage error saying the input is empty. */
function batchInputs(args: readonly string[], flags: { include?: unknown; exclude?: unknown }): Input[] {
  if (!args.length) throw new UsageError({ key: "giveInput" });
  const inputs = collectInputs(args, { include: list(flags.include), exclude: list(flags.exclude) });
  if (!inputs.length) throw new UsageError({ key: "emptyInput", params: { names: args.map((a) => (a === STDIN_ARG ? "-" : a)) } });
  return inputs;
}

/** A progress bar worded in the locale. */
const progressBar = (locale: Locale, total: number, label: "progressValidate" | "progressStats" | "progressExport") =>
  new Progress(total, t(locale, label), (count) => t(locale, "progressUnreadable", { count }));

/** How many of a batch ended each way. */
class Tally {
  read = 0;
  failed = 0;
  unreadable = 0;
  skipped = 0;
  timedOut = 0;
  noData = 0;
  add(o: FileOutcome): void {
    if (o.status === "read") {
      this.read++;
      if (o.failed) this.failed++;
      if (o.noData) this.noData++;
    } else if (o.status === "skipped") this.skipped++;
    else if (o.status === "timed-out") this.timedOut++;
    else this.unreadable++;
  }
  /** The summary line: files, failed, unreadable, then what else happened (skipped, blank, timed out). */
  summary(locale: Locale, files: number): string {
    const extras = [
      this.skipped ? t(locale, "summarySkipped", { count: this.skipped }) : "",
      this.noData ? t(locale, "summaryNoData", { count: this.noData }) : "",
      this.timedOut ? t(locale, "summaryTimedOut", { count: this.timedOut }) : "",
    ].filter(Boolean);
    return t(locale, "summary", {
      files,
      failed: this.failed,
      unreadable: this.unreadable,
      extras: extras.length ? t(locale, "summaryExtras", { extras }) : "",
    });
  }
  /** 2 when a file could not be read or ran out of time, 1 when one failed, else 0. */
  exitCode(): number {
    return this.unreadable || this.timedOut ? 2 : this.failed ? 1 : 0;
  }
}

/** The line that says why a file was not read (skipped, unreadable, timed out). */
const notReadLine = (o: FileOutcome, locale: Locale): string =>
  o.status === "skipped"
    ? t(locale, "skippedFile", { name: o.name, reason: o.reason ?? "" })
    : o.status === "timed-out" || o.reasonCode === "EMPTY"
      ? t(locale, "fileProblem", { name: o.name, reason: o.reason ?? "" })
      : o.reasonCode && /^E[A-Z]+$/.test(o.reasonCode)
        ? t(locale, "unreadable", { name: o.name, code: o.reasonCode })
        : t(locale, "notReport", { name: o.name, reason: o.reason ?? t(locale, "noReportFound") });

/** A file's location for SARIF: a URI relative to the working directory, or a file:// URL outside it. */
export function artifactUri(input: Input): string | undefined {
  if (!input.path) return undefined;
  const rel = relative(process.cwd(), input.path);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) return pathToFileURL(input.path).href;
  return rel.split(sep).map(encodeURIComponent).join("/");
}

interface BatchFlags {
  lang?: string;
  output?: string;
  jobs?: number;
  pair?: boolean;
  include?: unknown;
  exclude?: unknown;
  timeout?: unknown;
}

function planOf(flags: BatchFlags, options: BatchOptions, progress: Progress, previous?: Input): BatchPlan {
  const timeout = timeoutOf(flags.timeout);
  const jobs = jobsOf(flags.jobs);
  return {
    options,
    ...(jobs !== undefined ? { jobs } : {}),
    timeoutMs: timeout.ms,
    timeoutGiven: timeout.given,
    pair: flags.pair !== false,
    ...(previous ? { previous } : {}),
    progress,
  };
}

interface ValidateFlags extends BatchFlags {
  previous?: string;
  format?: string;
  failOn?: string;
  verbose?: boolean;
}

/** Options of a batch that prints nothing per file (aggregate, stats, export): validate, no colour, errors fail. */
const silentOptions = (locale: Locale, more: Partial<BatchOptions> = {}): BatchOptions => ({
  mode: "validate",
  locale,
  render: "none",
  color: false,
  verbose: false,
  failOn: "error",
  keepReport: false,
  ...more,
});

/** The `validate` command. */
export async function validate(args: readonly string[], flags: ValidateFlags): Promise<number> {
  const locale = localeOf(flags.lang);
  const format = oneOf("--format", flags.format, VALIDATE_FORMATS, "text");
  const failOn = oneOf<Severity>("--fail-on", flags.failOn, SEVERITIES, "error");
  const inputs = batchInputs(args, flags);
  if (format === "html" && inputs.length > 1) throw new UsageError({ key: "htmlOne" });
  const previousInput = flags.previous ? single([flags.previous], "--previous") : undefined;
  const sink = toFile(flags.output) ? new AtomicFile(flags.output, [...inputs, ...(previousInput ? [previousInput] : [])]) : undefined;
  // text is made safe where it is made (its colours are ours); any other format is made safe for a terminal here
  const toTerminal = format !== "text" && process.stdout.isTTY === true;
  const out = (s: string) => (sink ? sink.write(s) : process.stdout.write(toTerminal ? termSafeDocument(s) : s));
  const progress = progressBar(locale, inputs.length, "progressValidate");
  const options: BatchOptions = {
    mode: "validate",
    locale,
    render: format === "text" ? "text" : format === "json" ? "json" : format === "ndjson" ? "ndjson" : "none",
    color: format === "text" && !sink && useColor(),
    verbose: flags.verbose === true,
    failOn,
    keepReport: format === "html" || format === "sarif" || format === "junit",
  };
  const tally = new Tally();
  const collected: { report: Report; result: ValidationResult; uri?: string }[] = [];
  let first = true;
  if (format === "json") out("[");
  try {
    await runInputs(inputs, planOf(flags, options, progress, previousInput), (o) => {
      tally.add(o);
      if (o.status !== "read") {
        // Skipped files (JSON that is no report) are told with --verbose; unreadable ones always.
        if (o.status !== "skipped" || flags.verbose) note(notReadLine(o, locale), progress);
        if (format === "json" || format === "ndjson") {
          const entry = unreadEntry(o, format === "json" ? 2 : undefined);
          out(format === "json" ? `${first ? "" : ","}\n${entry}` : `${entry}\n`);
          first = false;
        }
        return;
      }
      if (format === "text" && o.text !== undefined) {
        const text = options.color ? o.text : termSafeLines(o.text);
        const head = termSafe(o.previous ? t(locale, "fileWithPrevious", { name: o.name, previous: o.previous }) : o.name);
        progress.clear();
        out(`${head}\n${text}\n`);
      }
      if ((format === "json" || format === "ndjson") && o.json) {
        out(format === "json" ? `${first ? "" : ","}\n${o.json}` : `${o.json}\n`);
        first = false;
      }
      if (o.transport && o.result) {
        const input = inputs[o.index] as Input;
        const uri = artifactUri(input);
        collected.push({ report: fromTransport(o.transport), result: JSON.parse(o.result) as ValidationResult, ...(uri ? { uri } : {}) });
      }
    });
  } catch (e) {
    sink?.abort();
    throw e;
  }
  progress.end();
  if (format === "json") out(first ? "]\n" : "\n]\n");
  if (format === "html" || format === "sarif" || format === "junit") out(validationDocument(format, collected, locale, VERSION));
  const summary = inputs.length > 1 || tally.read === 0 ? tally.summary(locale, inputs.length) : undefined;
  if (tally.read === 0 && tally.skipped === inputs.length) note(t(locale, "nothingRead"));
  if (sink) {
    sink.commit();
    if (summary) note(summary);
    note(t(locale, "wrote", { path: flags.output ?? "" }));
  } else if (summary) {
    if (format === "text") out(`${summary}\n`);
    else note(summary);
  }
  return tally.exitCode();
}

/** The `convert` command. */
export async function convert(file: string, flags: { to?: string; output?: string; lang?: string }): Promise<number> {
  const locale = localeOf(flags.lang);
  const to = oneOf<ConvertFormat>("--to", flags.to, CONVERT_FORMATS, "json");
  const input = single([file], "convert");
  if (toFile(flags.output)) new AtomicFile(flags.output, [input]).abort(); // refuse an input (or an unwritable place) before reading
  const { report, result } = await loadOne(input, locale);
  // HTML and the tidy outputs mark what the issues say of each cell (status, codes, uncertain); the others cannot, so the
  // terminal is told that some figures were guessed.
  emit(await convertTo(report, to, locale, result), flags.output, [input], locale);
  const unmarked = unmarkedUncertainty(to, result, locale);
  if (unmarked) note(unmarked);
  return 0;
}

/** The `template` command. */
export async function template(flags: { edition?: string; to?: string; output?: string; lang?: string }): Promise<number> {
  const locale = localeOf(flags.lang);
  const editions = EDITIONS.filter((e) => e !== "local");
  const edition = oneOf<Exclude<Edition, "local">>("--edition", flags.edition, editions, "gen2021");
  const to = oneOf("--to", flags.to, TEMPLATE_FORMATS, "json");
  emit(await templateBytes(edition, to, locale), flags.output, [], locale);
  return 0;
}

/** The `diff` command. */
export async function diff(a: string, b: string, flags: { format?: string; lang?: string; output?: string }): Promise<number> {
  const locale = localeOf(flags.lang);
  const format = oneOf("--format", flags.format, DIFF_FORMATS, "text");
  const [ia, ib] = [single([a], "diff"), single([b], "diff")];
  const [la, lb] = [await loadOne(ia, locale), await loadOne(ib, locale)];
  const { text, changed } = diffOutput(la.report, lb.report, format, locale);
  emit(format === "text" ? termSafeLines(text) : text, flags.output, [ia, ib], locale);
  // a comparison cannot mark the figures the import guessed: the terminal is told, file by file
  for (const [input, loaded] of [
    [ia, la],
    [ib, lb],
  ] as const) {
    const unmarked = unmarkedUncertainty("diff", loaded.result, locale);
    if (unmarked) note(t(locale, "aboutFile", { name: termSafe(input.name), text: unmarked }));
  }
  return changed ? 1 : 0;
}

/**
 * The `aggregate` command. With `--indicators`, also each harmonised indicator summed over every input read, across
 * editions and years: JSON becomes `{ files, readable, unreadable, skipped, edition, year, report, indicators }` (the
 * roll-up itself stays canonical JSON under `report`, so that it reads back), Markdown gets a closing section.
 */
export async function aggregate(
  args: readonly string[],
  flags: BatchFlags & { edition?: string; year?: number; to?: string; body?: string; indicators?: boolean },
): Promise<number> {
  const locale = localeOf(flags.lang);
  const to = oneOf<ConvertFormat>("--to", flags.to, CONVERT_FORMATS, "json");
  const withIndicators = flags.indicators === true;
  if (withIndicators && to !== "json" && to !== "md") throw new UsageError({ key: "indicatorsFormat", params: { to } });
  if (flags.edition !== undefined && !isEdition(flags.edition))
    throw new UsageError({ key: "oneOf", params: { option: "--edition", allowed: EDITIONS, value: String(flags.edition) } });
  const inputs = batchInputs(args, flags);
  if (toFile(flags.output)) new AtomicFile(flags.output, inputs).abort();
  const reports: Report[] = [];
  const names: string[] = [];
  /** Cells the import inferred, per report read (said when the roll-up sums any). */
  const guessedOf: number[] = [];
  const tally = new Tally();
  const totals = new IndicatorTotals();
  const progress = progressBar(locale, inputs.length, "progressStats");
  const options = silentOptions(locale, { mode: "import" });
  await runInputs(inputs, { ...planOf(flags, options, progress), pair: false }, (o) => {
    tally.add(o);
    if (o.status !== "read" || !o.transport) {
      note(notReadLine(o, locale), progress);
      return;
    }
    const read = JSON.parse(o.transport) as { report: string; issues?: readonly Issue[] };
    const report = fromTransport(read.report);
    reports.push(report);
    const uncertain = uncertainCellsOf(read.issues ?? []);
    // Every report read counts for the indicators, whatever its edition or year (a missing one is said, never 0).
    if (withIndicators) totals.add("", indicatorTuples(report, uncertain));
    guessedOf.push(uncertain.size);
    names.push(o.name);
  });
  progress.end();
  const r = aggregateReports(reports, {
    ...(flags.edition ? { edition: flags.edition as Edition } : {}),
    ...(flags.year !== undefined ? { year: Number(flags.year) } : {}),
    ...(flags.body ? { body: flags.body } : {}),
  });
  const yearText = (year: number | undefined) => (year === undefined ? t(locale, "unknownYear") : String(year));
  for (const e of r.excluded) {
    const name = names[e.index] ?? "?";
    const report = reports[e.index];
    const message: Message =
      e.reason === "local"
        ? { key: "excludedLocal", params: { name } }
        : e.reason === "edition"
          ? { key: "excludedEdition", params: { name, edition: report?.edition ?? "?", expectedEdition: r.edition ?? "?" } }
          : { key: "excludedYear", params: { name, year: yearText(report?.meta.year), target: yearText(r.year) } };
    note(say(locale, message));
  }
  for (const s of r.skippedCells) note(say(locale, { key: "skipped", params: { name: names[s.index] ?? "?", cell: s.cell, text: s.text } }, r.edition));
  if (!r.report && !(withIndicators && reports.length)) throw new UsageError({ key: "noInputs" });
  if (withIndicators) {
    const rows = totals.rows()[0]?.rows ?? [];
    const counts = { files: inputs.length, readable: tally.read, unreadable: tally.unreadable + tally.timedOut, skipped: tally.skipped };
    const doc =
      to === "json"
        ? `${jsonSafe(
            JSON.stringify(
              {
                ...counts,
                edition: r.report ? r.edition : null,
                year: r.report ? (r.year ?? null) : null,
                report: r.report ? serializeReport(r.report) : null,
                indicators: rows,
              },
              null,
              2,
            ),
          )}\n`
        : `${r.report ? `${await convertTo(r.report, "md", locale)}\n` : ""}${indicatorTotalsMarkdown(rows, reports.length, locale)}`;
    emit(doc, flags.output, inputs, locale);
  } else if (r.report) emit(await convertTo(r.report, to, locale), flags.output, inputs, locale);
  // A sum of guessed figures is a guess too: said, with how many cells and files of the roll-up it rests on (the
  // indicators mark their own).
  const guessed = r.report ? r.included.map((i) => guessedOf[i] ?? 0).filter((n) => n > 0) : [];
  const guessedCells = guessed.reduce((a, b) => a + b, 0);
  const guessedFiles = guessed.length;
  if (guessedCells) note(t(locale, "aggregateGuessed", { count: guessedCells, files: guessedFiles }));
  return tally.unreadable || tally.timedOut ? 2 : 0;
}

/** The `stats` command. */
export async function stats(args: readonly string[], flags: BatchFlags & { format?: string }): Promise<number> {
  const locale = localeOf(flags.lang);
  const format = oneOf("--format", flags.format, STATS_FORMATS, "table");
  const inputs = batchInputs(args, flags);
  if (toFile(flags.output)) new AtomicFile(flags.output, inputs).abort();
  const perEdition = new Map<string, number>();
  const perRule = new Map<string, number>();
  /** Per year: each indicator's exact sum, the reports with and without a figure, and the exactness seen. */
  const perYear = new IndicatorTotals();
  const tally = new Tally();
  const progress = progressBar(locale, inputs.length, "progressStats");
  const options = silentOptions(locale, { indicators: true });
  await runInputs(inputs, planOf(flags, options, progress), (o) => {
    tally.add(o);
    if (o.status !== "read") return;
    const key = `${o.edition}\t${o.year ?? ""}`;
    perEdition.set(key, (perEdition.get(key) ?? 0) + 1);
    for (const id of o.failedRules ?? []) perRule.set(id, (perRule.get(id) ?? 0) + 1);
    if (o.indicators) perYear.add(String(o.year ?? ""), o.indicators);
  });
  progress.end();
  const editions = [...perEdition].sort().map(([k, n]) => {
    const [edition, year] = k.split("\t");
    return { edition: edition as string, year: year ? Number(year) : null, reports: n };
  });
  const rules = [...perRule]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, reports]) => ({ rule, reports, share: tally.read ? reports / tally.read : 0 }));
  const indicators = perYear.rows().flatMap(({ group, rows }) => rows.map((row) => ({ year: group ? Number(group) : null, ...row })));
  const counts = { files: inputs.length, readable: tally.read, unreadable: tally.unreadable + tally.timedOut, skipped: tally.skipped };
  let text: string;
  if (format === "json") text = `${jsonSafe(JSON.stringify({ ...counts, editions, rules, indicators }, null, 2))}\n`;
  else if (format === "csv")
    text = `${[
      "kind,key,year,reports,sum,exactness,guessed",
      ...editions.map((e) => `edition,${e.edition},${e.year ?? ""},${e.reports},,,`),
      ...rules.map((r) => `rule,${r.rule},,${r.reports},,,`),
      ...indicators.map((i) => `indicator,${i.indicator},${i.year ?? ""},${i.reports},${i.sum ?? ""},${i.exactness},${i.guessed}`),
    ].join("\n")}\n`;
  else {
    const lines = [t(locale, "statsFiles", counts), "", t(locale, "statsEditionHead")];
    for (const e of editions) lines.push(`${e.edition.padEnd(9)} ${String(e.year ?? "?").padEnd(5)} ${e.reports}`);
    lines.push("", t(locale, "statsCodeHead"));
    for (const r of rules) lines.push(`${r.rule.padEnd(26)} ${String(r.reports).padStart(6)}  ${(r.share * 100).toFixed(1)}%`);
    text = `${lines.join("\n")}\n`;
  }
  emit(text, flags.output, inputs, locale);
  return tally.unreadable || tally.timedOut ? 2 : 0;
}

/** The `export` command. */
export async function exportCommand(args: readonly string[], flags: BatchFlags & { to?: string; failOn?: string }): Promise<number> {
  const locale = localeOf(flags.lang);
  const { EXPORT_FORMATS, openExport } = await import("./export");
  const to = oneOf("--to", flags.to, EXPORT_FORMATS, "csv");
  if (!toFile(flags.output)) throw new UsageError({ key: "exportNeedsOutput" });
  const inputs = batchInputs(args, flags);
  const sink = openExport(flags.output, to, inputs);
  const tally = new Tally();
  const progress = progressBar(locale, inputs.length, "progressExport");
  const options = silentOptions(locale, { failOn: oneOf<Severity>("--fail-on", flags.failOn, SEVERITIES, "error"), exportRows: true });
  try {
    await runInputs(inputs, planOf(flags, options, progress), (o) => {
      tally.add(o);
      if (o.status !== "read") note(notReadLine(o, locale), progress);
      sink.add(o);
    });
    await sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
  progress.end();
  if (inputs.length > 1) note(tally.summary(locale, inputs.length));
  for (const path of sink.paths) note(t(locale, "wrote", { path }));
  return tally.unreadable || tally.timedOut ? 2 : 0;
}
