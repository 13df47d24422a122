import { cac } from "cac";
import { CONVERT_FORMATS_LIST } from "./constants";
import { STDIN_ARG, UsageError } from "./io";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";
type Commands = typeof import("./commands");

/** Runs the command line; returns the exit code (0 clean, 1 findings at or above the threshold, 2 usage or unreadable input). */
export async function main(argv: readonly string[]): Promise<number> {
  const cli = cac("gov-disclosure");
  let code = 0;
  // Commands load the packages on first use, so that --help and --version start fast.
  const run =
    <K extends "validate" | "convert" | "template" | "diff" | "aggregate" | "stats">(name: K) =>
    async (...a: Parameters<Commands[K]>) => {
      const commands = await import("./commands");
      code = await (commands[name] as (...args: Parameters<Commands[K]>) => Promise<number>)(...a);
    };
  cli
    .command(
      "validate [...inputs]",
      "校验年报：读取每个文件（TXT、HTML、Markdown、DOCX、XLSX、JSON；文件夹；- 为标准输入）并列出核对结果 / Import each file (TXT, HTML, Markdown, DOCX, XLSX, JSON; a folder; - for stdin), validate it and print the findings",
    )
    .option("--previous <file>", "last year's report, for the cross-year rules")
    .option("--format <format>", "text | json | html | sarif | junit", { default: "text" })
    .option("--lang <lang>", "zh | en", { default: "zh" })
    .option("--fail-on <severity>", "exit 1 when a finding at or above this severity fails: error | warning | info", { default: "error" })
    .option("-o, --output <file>", "write to a file (atomically) instead of standard output")
    .option("--jobs <n>", "worker threads for batches (default: the cores)")
    .option("--no-pair", "do not pair consecutive years of one body found in a folder")
    .example("gov-disclosure validate report.html")
    .example("gov-disclosure validate reports/ --format sarif -o findings.sarif")
    .example("gov-disclosure validate 2021.docx --previous 2020.docx --lang en --fail-on warning")
    .example("curl -s https://example.gov.cn/nb.html | gov-disclosure validate -")
    .action(run("validate"));
  cli
    .command("convert <file>", "格式转换 / Convert a report to canonical JSON, official-layout HTML or Markdown, tidy CSV/NDJSON or an XLSX workbook")
    .option("--to <format>", CONVERT_FORMATS_LIST, { default: "json" })
    .option("-o, --output <file>", "output file (required for xlsx on a terminal)")
    .option("--lang <lang>", "zh | en", { default: "zh" })
    .example("gov-disclosure convert 2021.txt --to json -o 2021.json")
    .example("gov-disclosure convert 2021.html --to xlsx -o 2021.xlsx")
    .action(run("convert"));
  cli
    .command("template", "空白模板 / A blank report of an edition to fill in")
    .option("--edition <edition>", "gen2014 | gen2019 | gen2021", { default: "gen2021" })
    .option("--to <format>", "xlsx | json", { default: "json" })
    .option("-o, --output <file>", "output file")
    .option("--lang <lang>", "zh | en", { default: "zh" })
    .example("gov-disclosure template --edition gen2021 --to xlsx -o 年报模板.xlsx")
    .action(run("template"));
  cli
    .command("diff <a> <b>", "对比两份报告 / The cells that changed between two reports (two years of one body, or two bodies); exit 1 when any did")
    .option("--format <format>", "text | json | md | html", { default: "text" })
    .option("--lang <lang>", "zh | en", { default: "zh" })
    .option("-o, --output <file>", "output file")
    .example("gov-disclosure diff 2020.json 2021.json")
    .action(run("diff"));
  cli
    .command(
      "aggregate [...inputs]",
      "汇总同一格式、同一年度的报告 / Add up reports of one edition and year into a roll-up (money exact); says which inputs were left out and why",
    )
    .option("--edition <edition>", "the edition to add up (default: the most common)")
    .option("--year <year>", "the year to add up (default: the most common)")
    .option("--body <name>", "issuing body of the roll-up")
    .option("--to <format>", CONVERT_FORMATS_LIST, { default: "json" })
    .option("-o, --output <file>", "output file")
    .option("--lang <lang>", "zh | en", { default: "zh" })
    .example("gov-disclosure aggregate counties/*.json --body 某市 -o city.json")
    .action(run("aggregate"));
  cli
    .command("stats [...inputs]", "批量统计 / For a corpus: reports per edition and year, and how many fail each rule")
    .option("--format <format>", "table | csv | json", { default: "table" })
    .option("--lang <lang>", "zh | en", { default: "zh" })
    .option("-o, --output <file>", "output file")
    .option("--jobs <n>", "worker threads (default: the cores)")
    .example("gov-disclosure stats corpus/ --format csv -o stats.csv")
    .action(run("stats"));
  cli.help();
  cli.version(VERSION);
  try {
    // cac drops a bare "-"; carry it through as a placeholder that collectInputs reads as standard input.
    cli.parse(["node", "gov-disclosure", ...argv.map((a) => (a === "-" ? STDIN_ARG : a))], { run: false });
    if (!cli.matchedCommand) {
      if (cli.options.help || cli.options.version) return 0;
      if (cli.args.length) throw new UsageError(`未知命令 / unknown command: ${cli.args[0]} (gov-disclosure --help)`);
      cli.outputHelp();
      return 2;
    }
    await cli.runMatchedCommand();
    return code;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && e.name === "CACError")) {
      process.stderr.write(`gov-disclosure: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`gov-disclosure: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
