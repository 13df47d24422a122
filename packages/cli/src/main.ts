import { EDITIONS, type Locale } from "@gov-disclosure/core";
import { cac } from "cac";
import { CONVERT_FORMATS, DEFAULT_TIMEOUT_S, DIFF_FORMATS, SEVERITIES, STATS_FORMATS, TEMPLATE_FORMATS, VALIDATE_FORMATS } from "./constants";
import { STDIN_ARG, UsageError } from "./io";
import { termSafe } from "./safe";
import { localeOfLang, type Message, MESSAGES, say, t } from "./messages";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";
type Commands = typeof import("./commands");

/** The value of `--lang` in the arguments (`--lang en` or `--lang=en`), read before anything else so that every message, usage errors included, is in that language. */
function langArg(argv: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") break;
    if (a === "--lang" && i + 1 < argv.length) lang = argv[++i];
    else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
  }
  return lang;
}

/** The usage error cac threw, as one of our messages (cac words its errors in English only). */
function cacMessage(e: Error): Message {
  const m = /^Unknown option `(.+)`$/.exec(e.message);
  if (m) return { key: "unknownOption", params: { option: m[1] as string } };
  const args = /^missing required args for command `(.+)`$/.exec(e.message);
  if (args) return { key: "missingArgs", params: { command: args[1] as string } };
  const value = /^option `(.+)` value is missing$/.exec(e.message);
  if (value) return { key: "missingValue", params: { option: value[1] as string } };
  const unused = /^Unused args: (.+)$/.exec(e.message);
  if (unused) return { key: "unusedArgs", params: { args: [...(unused[1] as string).matchAll(/`([^`]*)`/g)].map((x) => x[1] as string) } };
  return { key: "internalError", params: { detail: e.message } };
}

/** Runs the command line; returns the exit code (0 clean, 1 findings at or above the threshold, 2 usage or unreadable input). */
export async function main(argv: readonly string[]): Promise<number> {
  const lang = langArg(argv);
  const locale: Locale = localeOfLang(lang) ?? "zh-CN";
  const fail = (message: Message): number => {
    process.stderr.write(`gov-disclosure: ${termSafe(say(locale, message))}\n`);
    return 2;
  };
  if (!localeOfLang(lang)) return fail({ key: "langInvalid", params: { value: String(lang) } });

  const w = MESSAGES[locale];
  const choices = (allowed: readonly string[], fallback: string) => t(locale, "optChoices", { allowed: [...allowed], fallback });
  const cli = cac("gov-disclosure");
  let code = 0;
  // Commands load the packages on first use, so that --help and --version start fast.
  const run =
    <K extends "validate" | "convert" | "template" | "diff" | "aggregate" | "stats" | "exportCommand">(name: K) =>
    async (...a: Parameters<Commands[K]>) => {
      const commands = await import("./commands");
      code = await (commands[name] as (...args: Parameters<Commands[K]>) => Promise<number>)(...a);
    };
  const timeoutText = t(locale, "optTimeout", { seconds: DEFAULT_TIMEOUT_S });
  // Defaults are applied by the commands (and named in the descriptions), so that cac prints no English "(default: …)".
  cli
    .command("validate [...inputs]", w.cmdValidate)
    .option("--previous <file>", w.optPrevious)
    .option("--format <format>", t(locale, "optValidateFormat", { allowed: [...VALIDATE_FORMATS], fallback: "text" }))
    .option("--lang <lang>", w.optLang)
    .option("--fail-on <severity>", t(locale, "optFailOn", { allowed: [...SEVERITIES], fallback: "error" }))
    .option("-o, --output <file>", w.optOutput)
    .option("--jobs <n>", w.optJobs)
    .option("--timeout <seconds>", timeoutText)
    .option("--no-pair", w.optNoPair)
    .option("--include <glob>", w.optInclude)
    .option("--exclude <glob>", w.optExclude)
    .option("--verbose", w.optVerbose)
    .example("gov-disclosure validate report.html")
    .example("gov-disclosure validate reports/ --format sarif -o findings.sarif")
    .example("gov-disclosure validate 2021.docx --previous 2020.docx --lang en --fail-on warning")
    .example("curl -s https://example.gov.cn/nb.html | gov-disclosure validate -")
    .action(run("validate"));
  cli
    .command("convert <file>", w.cmdConvert)
    .option("--to <format>", t(locale, "optConvertTo", { allowed: [...CONVERT_FORMATS], fallback: "json" }))
    .option("-o, --output <file>", w.optOutputXlsx)
    .option("--lang <lang>", w.optLang)
    .example("gov-disclosure convert 2021.txt --to json -o 2021.json")
    .example("gov-disclosure convert 2021.html --to xlsx -o 2021.xlsx")
    .action(run("convert"));
  cli
    .command("template", w.cmdTemplate)
    .option("--edition <edition>", t(locale, "optEdition", { allowed: EDITIONS.filter((e) => e !== "local"), fallback: "gen2021" }))
    .option("--to <format>", choices(TEMPLATE_FORMATS, "json"))
    .option("-o, --output <file>", w.optOutputFile)
    .option("--lang <lang>", w.optLang)
    .example(w.exampleTemplate)
    .action(run("template"));
  cli
    .command("diff <a> <b>", w.cmdDiff)
    .option("--format <format>", choices(DIFF_FORMATS, "text"))
    .option("--lang <lang>", w.optLang)
    .option("-o, --output <file>", w.optOutputFile)
    .example("gov-disclosure diff 2020.json 2021.json")
    .action(run("diff"));
  cli
    .command("aggregate [...inputs]", w.cmdAggregate)
    .option("--edition <edition>", w.optAggregateEdition)
    .option("--year <year>", w.optYear)
    .option("--body <name>", w.optBody)
    .option("--indicators", w.optIndicators)
    .option("--to <format>", t(locale, "optConvertTo", { allowed: [...CONVERT_FORMATS], fallback: "json" }))
    .option("-o, --output <file>", w.optOutputFile)
    .option("--lang <lang>", w.optLang)
    .option("--jobs <n>", w.optJobs)
    .option("--timeout <seconds>", timeoutText)
    .option("--include <glob>", w.optInclude)
    .option("--exclude <glob>", w.optExclude)
    .example(w.exampleAggregate)
    .action(run("aggregate"));
  cli
    .command("stats [...inputs]", w.cmdStats)
    .option("--format <format>", choices(STATS_FORMATS, "table"))
    .option("--lang <lang>", w.optLang)
    .option("-o, --output <file>", w.optOutputFile)
    .option("--jobs <n>", w.optJobs)
    .option("--timeout <seconds>", timeoutText)
    .option("--no-pair", w.optNoPair)
    .option("--include <glob>", w.optInclude)
    .option("--exclude <glob>", w.optExclude)
    .example("gov-disclosure stats corpus/ --format csv -o stats.csv")
    .action(run("stats"));
  cli
    .command("export [...inputs]", w.cmdExport)
    .option("--to <format>", t(locale, "optExportTo", { allowed: ["csv", "ndjson", "parquet"], fallback: "csv" }))
    .option("-o, --output <file>", w.optOutputFile)
    .option("--lang <lang>", w.optLang)
    .option("--fail-on <severity>", t(locale, "optFailOn", { allowed: [...SEVERITIES], fallback: "error" }))
    .option("--jobs <n>", w.optJobs)
    .option("--timeout <seconds>", timeoutText)
    .option("--no-pair", w.optNoPair)
    .option("--include <glob>", w.optInclude)
    .option("--exclude <glob>", w.optExclude)
    .example(w.exampleExport)
    .example("gov-disclosure export reports/ --to csv -o reports.csv")
    .action(run("exportCommand"));
  // cac's section titles, the global usage line, its "(default: true)" of --no-… options and its own options'
  // descriptions are English: word them from the table.
  const titles: Readonly<Record<string, string>> = {
    Usage: w.helpUsage,
    Commands: w.helpCommands,
    Options: w.helpOptions,
    Examples: w.helpExamples,
    "For more info, run any command with the `--help` flag": w.helpMoreInfo,
  };
  cli.help((sections) =>
    sections.map((s) => {
      if (s.title === undefined) return s;
      const body =
        s.title === "Usage"
          ? s.body.replace("<command> [options]", w.helpUsageGlobal)
          : s.title === "Examples"
            ? s.body.replace(/^(?! )/gm, "  ")
            : s.body.replace(/ \(default: [^)]*\)/g, "");
      return { title: titles[s.title] ?? s.title, body };
    }),
  );
  cli.version(VERSION);
  for (const o of cli.globalCommand.options) {
    if (o.name === "help") o.description = w.helpHelp;
    if (o.name === "version") o.description = w.helpVersion;
  }
  try {
    // cac drops a bare "-"; carry it through as a placeholder that collectInputs reads as standard input.
    cli.parse(["node", "gov-disclosure", ...argv.map((a) => (a === "-" ? STDIN_ARG : a))], { run: false });
    if (!cli.matchedCommand) {
      if (cli.options.help || cli.options.version) return 0;
      if (cli.args.length) return fail({ key: "unknownCommand", params: { command: String(cli.args[0]) } });
      cli.outputHelp();
      return 2;
    }
    await cli.runMatchedCommand();
    return code;
  } catch (e) {
    if (e instanceof UsageError) return fail(e.said);
    if (e instanceof Error && e.name === "CACError") return fail(cacMessage(e));
    process.stderr.write(`gov-disclosure: ${t(locale, "internalError", { detail: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
    return 70;
  }
}
