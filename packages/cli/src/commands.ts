// The commands: each imports, validates and renders through the packages, and only here touches files.
import { basename } from "node:path";
import {
  aggregateReports,
  EDITIONS,
  type Edition,
  isEdition,
  type Locale,
  parseReport,
  type Report,
  type Severity,
  type ValidationResult,
} from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import { convertTo, CONVERT_FORMATS, type ConvertFormat, diffOutput, templateBytes, validationDocument } from "./formats";
import { collectInputs, type Input, readInput, STDIN_ARG, UsageError, writeAtomic } from "./io";
import { MESSAGES } from "./messages";
import { jobsFor, runOrdered } from "./pool";
import { Progress } from "./progress";
import { indexTask, type ValidateOutcome, type ValidateTask, validateTask } from "./tasks";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

const localeOf = (lang: unknown): Locale => {
  if (lang === undefined || lang === "zh" || lang === "zh-CN" || lang === "zh-cn") return "zh-CN";
  if (lang === "en") return "en";
  throw new UsageError(`--lang：应为 zh 或 en，实为 ${String(lang)} / --lang: expected zh or en, got ${String(lang)}`);
};
const oneOf = <T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T => {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${flag}：应为 ${allowed.join("、")} 之一，实为 ${String(value)} / ${flag}: expected one of ${allowed.join(", ")}, got ${String(value)}`,
  );
};
const useColor = () => process.stdout.isTTY === true && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";

/** Imports one input into a report, or throws a UsageError naming the file and the reason. */
async function loadOne(input: Input, locale: Locale, previous?: Report): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = readInput(input);
  } catch (e) {
    throw new UsageError(MESSAGES[locale].unreadable(input.name, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  const r = await importReport(bytes, { filename: basename(input.name), locale, ...(previous ? { previous } : {}) });
  if (!r.report) throw new UsageError(MESSAGES[locale].notReport(input.name, r.diagnostics.find((d) => d.severity === "error")?.message ?? "?"));
  return r.report;
}

function single(args: readonly string[], what: string): Input {
  const inputs = collectInputs(args);
  if (inputs.length !== 1) throw new UsageError(`${what}：应给出一个文件，实为 ${inputs.length} 个 / ${what}: expected one file, got ${inputs.length}`);
  return inputs[0] as Input;
}

function emit(data: string | Uint8Array, output: string | undefined, inputs: readonly Input[], locale: Locale): void {
  if (output && output !== "-" && output !== STDIN_ARG) {
    writeAtomic(output, data, inputs);
    process.stderr.write(`${MESSAGES[locale].wrote(output)}\n`);
  } else {
    if (typeof data !== "string" && process.stdout.isTTY) throw new UsageError("二进制输出：请用 -o <文件> 指定输出文件 / binary output: give -o <file>");
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
const crashedTask = (t: ValidateTask, reason: string): ValidateOutcome => ({ name: t.name, readable: false, problem: reason, failed: true });

/** The `validate` command. */
export async function validate(args: readonly string[], flags: ValidateFlags): Promise<number> {
  const locale = localeOf(flags.lang);
  const m = MESSAGES[locale];
  const format = oneOf("--format", flags.format, ["text", "json", "html", "sarif", "junit"] as const, "text");
  const failOn = oneOf<Severity>("--fail-on", flags.failOn, ["error", "warning", "info"], "error");
  if (!args.length)
    throw new UsageError("validate：请至少给出一个文件、文件夹或 -（标准输入） / validate: give at least one file, folder or - for standard input");
  const inputs = collectInputs(args);
  if (!inputs.length) throw new UsageError(m.noInputs);
  if (format === "html" && inputs.length > 1)
    throw new UsageError(
      "--format html 只用于一份报告；多份报告请用 sarif、junit 或 json / --format html takes one report; use sarif, junit or json for several",
    );
  const previousInput = flags.previous ? single([flags.previous], "--previous") : undefined;
  const jobs = jobsFor(inputs.length, flags.jobs);

  // In folders, consecutive years of the same body are paired for the cross-year rules.
  const previousOf = new Map<string, string>();
  const foldered = inputs.filter((i) => i.fromFolder && i.path);
  if (!previousInput && flags.pair !== false && foldered.length > 1) {
    const byKey = new Map<string, string>();
    const index: { name: string; body?: string; year?: number; path: string }[] = [];
    const progress = new Progress(foldered.length, "index");
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
      (t) => ({ name: t.name }),
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
  const progress = new Progress(inputs.length, "validate");
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
        process.stderr.write(`${m.notReport(r.name, r.problem ?? "?")}\n`);
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
  if (format === "text" && inputs.length > 1) out(`${m.summary(inputs.length, failed, unreadable)}\n`);
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
  const to = oneOf("--to", flags.to, ["xlsx", "json"] as const, "json");
  emit(await templateBytes(edition, to, locale), flags.output, [], locale);
  return 0;
}

/** The `diff` command. */
export async function diff(a: string, b: string, flags: { format?: string; lang?: string; output?: string }): Promise<number> {
  const locale = localeOf(flags.lang);
  const format = oneOf("--format", flags.format, ["text", "json", "md", "html"] as const, "text");
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
  const m = MESSAGES[locale];
  const to = oneOf<ConvertFormat>("--to", flags.to, CONVERT_FORMATS, "json");
  if (flags.edition !== undefined && !isEdition(flags.edition))
    throw new UsageError(`--edition：应为 ${EDITIONS.join("、")} 之一 / --edition: expected one of ${EDITIONS.join(", ")}`);
  const inputs = collectInputs(args);
  if (!inputs.length) throw new UsageError(m.noInputs);
  const reports: Report[] = [];
  const names: string[] = [];
  let unreadable = 0;
  for (const i of inputs) {
    try {
      reports.push(await loadOne(i, locale));
      names.push(i.name);
    } catch (e) {
      unreadable++;
      process.stderr.write(`${(e as Error).message}\n`);
    }
  }
  const r = aggregateReports(reports, {
    ...(flags.edition ? { edition: flags.edition as Edition } : {}),
    ...(flags.year !== undefined ? { year: Number(flags.year) } : {}),
    ...(flags.body ? { body: flags.body } : {}),
  });
  for (const e of r.excluded) process.stderr.write(`${m.excluded(names[e.index] ?? "?", e.detail)}\n`);
  for (const s of r.skippedCells) process.stderr.write(`${m.skipped(names[s.index] ?? "?", s.cell, s.text)}\n`);
  if (!r.report) throw new UsageError(m.noInputs);
  emit(await convertTo(r.report, to, locale), flags.output, inputs, locale);
  return unreadable ? 2 : 0;
}

/** The `stats` command. */
export async function stats(args: readonly string[], flags: { format?: string; lang?: string; output?: string; jobs?: number }): Promise<number> {
  const locale = localeOf(flags.lang);
  const format = oneOf("--format", flags.format, ["table", "csv", "json"] as const, "table");
  const inputs = collectInputs(args);
  if (!inputs.length) throw new UsageError(MESSAGES[locale].noInputs);
  const perEdition = new Map<string, number>();
  const perRule = new Map<string, number>();
  let readable = 0;
  let unreadable = 0;
  const progress = new Progress(inputs.length, "stats");
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
    const lines = [`files ${inputs.length}  readable ${readable}  unreadable ${unreadable}`, "", "edition   year  reports"];
    for (const e of editions) lines.push(`${e.edition.padEnd(9)} ${String(e.year ?? "?").padEnd(5)} ${e.reports}`);
    lines.push("", "rule                       failing reports");
    for (const r of rules) lines.push(`${r.rule.padEnd(26)} ${String(r.reports).padStart(6)}  ${(r.share * 100).toFixed(1)}%`);
    text = `${lines.join("\n")}\n`;
  }
  emit(text, flags.output, inputs, locale);
  return unreadable ? 2 : 0;
}
