// The commands: each imports, validates and renders through the packages, and only here touches files.
import { basename } from "node:path";
import {
  aggregateReports,
  EDITIONS,
  type Edition,
  formatIssue,
  isEdition,
  type Locale,
  parseReport,
  type Report,
  type Severity,
  type ValidationResult,
} from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import { pdfOptions } from "./pdf";
import { CONVERT_FORMATS, DIFF_FORMATS, SEVERITIES, STATS_FORMATS, TEMPLATE_FORMATS, VALIDATE_FORMATS } from "./constants";
import { type ConvertFormat, convertTo, diffOutput, templateBytes, validationDocument } from "./formats";
import { collectInputs, type Input, readInput, STDIN_ARG, UsageError, writeAtomic } from "./io";
import { localeOfLang, type Message, say, t } from "./messages";
import { jobsFor, runOrdered } from "./pool";
import { Progress } from "./progress";
import { indexTask, type ValidateOutcome, type ValidateTask, validateTask } from "./tasks";

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

/** Imports one input into a report, or throws a UsageError naming the file and the reason (worded in `locale`). */
async function loadOne(input: Input, locale: Locale, previous?: Report): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = readInput(input);
  } catch (e) {
    throw new UsageError({ key: "unreadable", params: { name: input.name, code: (e as NodeJS.ErrnoException).code ?? (e as Error).name } });
  }
  const r = await importReport(bytes, { filename: basename(input.name), ...(previous ? { previous } : {}), ...pdfOptions() });
  if (!r.report) {
    const first = r.issues.find((i) => i.severity === "error");
    throw new UsageError({ key: "notReport", params: { name: input.name, reason: first ? formatIssue(first, locale) : t(locale, "noReportFound") } });
  }
  return r.report;
}

function single(args: readonly string[], option: string): Input {
  const inputs = collectInputs(args);
  if (inputs.length !== 1) throw new UsageError({ key: "oneFile", params: { option, count: inputs.length } });
  return inputs[0] as Input;
}

function emit(data: string | Uint8Array, output: string | undefined, inputs: readonly Input[], locale: Locale): void {
  if (output && output !== "-" && output !== STDIN_ARG) {
    writeAtomic(output, data, inputs);
    process.stderr.write(`${t(locale, "wrote", { path: output })}\n`);
  } else {
    if (typeof data !== "string" && process.stdout.isTTY) throw new UsageError({ key: "binaryToTerminal" });
    process.stdout.write(data);
  }
}

interface ValidateFlags {
  previous?: string;
  format?: string;
  lang?: string;
  failOn?: string;
  output?: string;
  jobs?: number;
  pair?: boolean;
}

/** The outcome for a file whose worker died on it (out of memory on a hostile file): unreadable, with the reason. */
const crashedTask = (task: ValidateTask, reason: Message): ValidateOutcome => ({
  name: task.name,
  readable: false,
  problem: say(task.locale, reason),
  failed: true,
});

/** A progress bar worded in the locale. */
const progressBar = (locale: Locale, total: number, label: "progressIndex" | "progressValidate" | "progressStats") =>
  new Progress(total, t(locale, label), (count) => t(locale, "progressUnreadable", { count }));

/** The `validate` command. */
export async function validate(args: readonly string[], flags: ValidateFlags): Promise<number> {
  const locale = localeOf(flags.lang);
  const format = oneOf("--format", flags.format, VALIDATE_FORMATS, "text");
  const failOn = oneOf<Severity>("--fail-on", flags.failOn, SEVERITIES, "error");
  if (!args.length) throw new UsageError({ key: "giveInput" });
  const inputs = collectInputs(args);
  if (!inputs.length) throw new UsageError({ key: "noInputs" });
  if (format === "html" && inputs.length > 1) throw new UsageError({ key: "htmlOne" });
  const previousInput = flags.previous ? single([flags.previous], "--previous") : undefined;
  const jobs = jobsFor(inputs.length, flags.jobs);

  // In folders, consecutive years of the same body are paired for the cross-year rules.
  const previousOf = new Map<string, string>();
  const foldered = inputs.filter((i) => i.fromFolder && i.path);
  if (!previousInput && flags.pair !== false && foldered.length > 1) {
    const byKey = new Map<string, string>();
    const index: { name: string; body?: string; year?: number; path: string }[] = [];
    const progress = progressBar(locale, foldered.length, "progressIndex");
    await runOrdered(
      foldered.map((i) => ({ name: i.name, path: i.path as string })),
      "index",
      indexTask,
      (r, n) => {
        progress.tick();
        const path = (foldered[n] as Input).path as string;
        index.push({ ...r, path });
        if (r.body && r.year !== undefined) byKey.set(`${r.body}\u0000${r.year}`, path);
      },
      jobs,
      (task) => ({ name: task.name }),
    );
    progress.end();
    for (const r of index) {
      const prev = r.body && r.year !== undefined ? byKey.get(`${r.body}\u0000${r.year - 1}`) : undefined;
      if (prev) previousOf.set(r.path, prev);
    }
  }

  const task = (i: Input): ValidateTask => ({
    name: i.name,
    ...(i.path ? { path: i.path } : { bytes: readInput(i) }),
    ...(previousInput?.path ? { previousPath: previousInput.path } : previousInput ? { previousBytes: readInput(previousInput) } : {}),
    ...(i.path && previousOf.has(i.path) ? { previousPath: previousOf.get(i.path) as string } : {}),
    format: format === "text" || format === "json" ? format : "report",
    locale,
    color: format === "text" && !flags.output && useColor(),
    failOn,
  });

  const toFile = flags.output && flags.output !== "-" && flags.output !== STDIN_ARG;
  const chunks: string[] = [];
  const out = (s: string) => (toFile ? chunks.push(s) : process.stdout.write(s));
  const collected: { report: Report; result: ValidationResult; uri: string }[] = [];
  let failed = 0;
  let unreadable = 0;
  let first = true;
  if (format === "json") out("[");
  const progress = progressBar(locale, inputs.length, "progressValidate");
  function tasks(): Iterable<ValidateTask> {
    return {
      *[Symbol.iterator]() {
        for (const i of inputs) yield task(i);
      },
    };
  }
  await runOrdered(
    tasks(),
    "validate",
    validateTask,
    (r: ValidateOutcome) => {
      progress.tick(!r.readable);
      if (!r.readable) {
        unreadable++;
        process.stderr.write(`${t(locale, "notReport", { name: r.name, reason: r.problem ?? t(locale, "noReportFound") })}\n`);
        return;
      }
      if (r.failed) failed++;
      if (format === "text" && r.output) out(`${r.output}\n`);
      if (format === "json" && r.output) {
        out(`${first ? "" : ","}\n${r.output}`);
        first = false;
      }
      if (r.reportJson) {
        const { report, result } = JSON.parse(r.reportJson) as { report: unknown; result: ValidationResult };
        const parsed = parseReport(report);
        if (parsed.success) collected.push({ report: parsed.report, result, uri: r.name });
      }
    },
    jobs,
    crashedTask,
  );
  progress.end();
  if (format === "json") out("\n]\n");
  if (format === "html" || format === "sarif" || format === "junit") out(validationDocument(format, collected, locale, VERSION));
  if (format === "text" && inputs.length > 1) out(`${t(locale, "summary", { files: inputs.length, failed, unreadable })}\n`);
  if (toFile) emit(chunks.join(""), flags.output, inputs, locale);
  return unreadable ? 2 : failed ? 1 : 0;
}

/** The `convert` command. */
export async function convert(file: string, flags: { to?: string; output?: string; lang?: string }): Promise<number> {
  const locale = localeOf(flags.lang);
  const to = oneOf<ConvertFormat>("--to", flags.to, CONVERT_FORMATS, "json");
  const input = single([file], "convert");
  const report = await loadOne(input, locale);
  emit(await convertTo(report, to, locale), flags.output, [input], locale);
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
  const [ra, rb] = [await loadOne(ia, locale), await loadOne(ib, locale)];
  const { text, changed } = diffOutput(ra, rb, format, locale);
  emit(text, flags.output, [ia, ib], locale);
  return changed ? 1 : 0;
}

/** The `aggregate` command. */
export async function aggregate(
  args: readonly string[],
  flags: { edition?: string; year?: number; to?: string; output?: string; lang?: string; body?: string },
): Promise<number> {
  const locale = localeOf(flags.lang);
  const to = oneOf<ConvertFormat>("--to", flags.to, CONVERT_FORMATS, "json");
  if (flags.edition !== undefined && !isEdition(flags.edition))
    throw new UsageError({ key: "oneOf", params: { option: "--edition", allowed: EDITIONS, value: String(flags.edition) } });
  const inputs = collectInputs(args);
  if (!inputs.length) throw new UsageError({ key: "noInputs" });
  const reports: Report[] = [];
  const names: string[] = [];
  let unreadable = 0;
  for (const i of inputs) {
    try {
      reports.push(await loadOne(i, locale));
      names.push(i.name);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      unreadable++;
      process.stderr.write(`${say(locale, e.said)}\n`);
    }
  }
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
    process.stderr.write(`${say(locale, message)}\n`);
  }
  for (const s of r.skippedCells)
    process.stderr.write(`${say(locale, { key: "skipped", params: { name: names[s.index] ?? "?", cell: s.cell, text: s.text } }, r.edition)}\n`);
  if (!r.report) throw new UsageError({ key: "noInputs" });
  emit(await convertTo(r.report, to, locale), flags.output, inputs, locale);
  return unreadable ? 2 : 0;
}

/** The `stats` command. */
export async function stats(args: readonly string[], flags: { format?: string; lang?: string; output?: string; jobs?: number }): Promise<number> {
  const locale = localeOf(flags.lang);
  const format = oneOf("--format", flags.format, STATS_FORMATS, "table");
  const inputs = collectInputs(args);
  if (!inputs.length) throw new UsageError({ key: "noInputs" });
  const perEdition = new Map<string, number>();
  const perRule = new Map<string, number>();
  let readable = 0;
  let unreadable = 0;
  const progress = progressBar(locale, inputs.length, "progressStats");
  await runOrdered(
    inputs.map(
      (i): ValidateTask => ({
        name: i.name,
        ...(i.path ? { path: i.path } : { bytes: readInput(i) }),
        format: "report" as never,
        locale,
        color: false,
        failOn: "error",
      }),
    ),
    "validate",
    validateTask,
    (r) => {
      progress.tick(!r.readable);
      if (!r.readable) {
        unreadable++;
        return;
      }
      readable++;
      const key = `${r.edition}\t${r.year ?? ""}`;
      perEdition.set(key, (perEdition.get(key) ?? 0) + 1);
      for (const id of r.failedRules ?? []) perRule.set(id, (perRule.get(id) ?? 0) + 1);
    },
    jobsFor(inputs.length, flags.jobs),
    crashedTask,
  );
  progress.end();
  const editions = [...perEdition].sort().map(([k, n]) => {
    const [edition, year] = k.split("\t");
    return { edition: edition as string, year: year ? Number(year) : null, reports: n };
  });
  const rules = [...perRule]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, reports]) => ({ rule, reports, share: readable ? reports / readable : 0 }));
  let text: string;
  if (format === "json") text = `${JSON.stringify({ files: inputs.length, readable, unreadable, editions, rules }, null, 2)}\n`;
  else if (format === "csv")
    text = `${["kind,key,year,reports", ...editions.map((e) => `edition,${e.edition},${e.year ?? ""},${e.reports}`), ...rules.map((r) => `rule,${r.rule},,${r.reports}`)].join("\n")}\n`;
  else {
    const lines = [t(locale, "statsFiles", { files: inputs.length, readable, unreadable }), "", t(locale, "statsEditionHead")];
    for (const e of editions) lines.push(`${e.edition.padEnd(9)} ${String(e.year ?? "?").padEnd(5)} ${e.reports}`);
    lines.push("", t(locale, "statsCodeHead"));
    for (const r of rules) lines.push(`${r.rule.padEnd(26)} ${String(r.reports).padStart(6)}  ${(r.share * 100).toFixed(1)}%`);
    text = `${lines.join("\n")}\n`;
  }
  emit(text, flags.output, inputs, locale);
  return unreadable ? 2 : 0;
}
