// The command's own words, per locale: one typed table per language (same keys, same parameters), filled by core's
// `fillTemplate`. Issues (import and rule) are worded by core's `formatIssue`; nothing else prints prose.
import { cellResolver, type Edition, fillTemplate, type Locale, type ParamValue } from "@gov-disclosure/core";

/** The parameters of each message. `{name}` in a template takes `params.name`; lists are joined the locale's way. */
export interface CliParams {
  // Usage errors.
  langInvalid: { value: string };
  oneOf: { option: string; allowed: readonly string[]; value: string };
  oneFile: { option: string; count: number };
  giveInput: Record<string, never>;
  htmlOne: Record<string, never>;
  noInputs: Record<string, never>;
  emptyInput: { names: readonly string[] };
  badNumber: { option: string; value: string };
  exportNeedsOutput: Record<string, never>;
  badGlob: { glob: string };
  aggregateGuessed: { count: number; files: number };
  aboutFile: { name: string; text: string };
  noSuchFile: { name: string };
  refuseOverwrite: { name: string };
  cannotWrite: { name: string; code: string };
  binaryToTerminal: Record<string, never>;
  unknownCommand: { command: string };
  unknownOption: { option: string };
  missingArgs: { command: string };
  missingValue: { option: string };
  unusedArgs: { args: readonly string[] };
  internalError: { detail: string };
  // Files that could not be read.
  unreadable: { name: string; code: string };
  notReport: { name: string; reason: string };
  noReportFound: Record<string, never>;
  cannotRead: { code: string };
  emptyFile: Record<string, never>;
  notReportJson: Record<string, never>;
  timedOut: { seconds: number };
  skippedFile: { name: string; reason: string };
  fileProblem: { name: string; reason: string };
  nothingRead: Record<string, never>;
  workerFailed: { detail: string };
  // Progress and summaries.
  progressExport: Record<string, never>;
  progressValidate: Record<string, never>;
  progressStats: Record<string, never>;
  progressUnreadable: { count: number };
  summary: { files: number; failed: number; unreadable: number; extras: string };
  summaryExtras: { extras: readonly string[] };
  summarySkipped: { count: number };
  summaryNoData: { count: number };
  summaryTimedOut: { count: number };
  fileWithPrevious: { name: string; previous: string };
  wrote: { path: string };
  excludedLocal: { name: string };
  excludedEdition: { name: string; edition: string; expectedEdition: string };
  excludedYear: { name: string; year: string; target: string };
  unknownYear: Record<string, never>;
  skipped: { name: string; cell: string; text: string };
  statsFiles: { files: number; readable: number; unreadable: number; skipped: number };
  statsEditionHead: Record<string, never>;
  statsCodeHead: Record<string, never>;
  // Help.
  helpUsage: Record<string, never>;
  helpUsageGlobal: Record<string, never>;
  helpCommands: Record<string, never>;
  helpMoreInfo: Record<string, never>;
  helpOptions: Record<string, never>;
  helpExamples: Record<string, never>;
  helpHelp: Record<string, never>;
  helpVersion: Record<string, never>;
  cmdValidate: Record<string, never>;
  cmdConvert: Record<string, never>;
  cmdTemplate: Record<string, never>;
  cmdDiff: Record<string, never>;
  cmdAggregate: Record<string, never>;
  cmdStats: Record<string, never>;
  cmdExport: Record<string, never>;
  optExportTo: { allowed: readonly string[]; fallback: string };
  optInclude: Record<string, never>;
  optExclude: Record<string, never>;
  optTimeout: { seconds: number };
  optVerbose: Record<string, never>;
  exampleExport: Record<string, never>;
  optChoices: { allowed: readonly string[]; fallback: string };
  optPrevious: Record<string, never>;
  optValidateFormat: { allowed: readonly string[]; fallback: string };
  optLang: Record<string, never>;
  optFailOn: { allowed: readonly string[]; fallback: string };
  optOutput: Record<string, never>;
  optOutputXlsx: Record<string, never>;
  optOutputFile: Record<string, never>;
  optJobs: Record<string, never>;
  optNoPair: Record<string, never>;
  optConvertTo: { allowed: readonly string[]; fallback: string };
  optEdition: { allowed: readonly string[]; fallback: string };
  optAggregateEdition: Record<string, never>;
  optYear: Record<string, never>;
  optBody: Record<string, never>;
  optIndicators: Record<string, never>;
  indicatorsFormat: { to: string };
  indicatorsHead: { files: number };
  indicatorsColumns: Record<string, never>;
  indicatorExact: Record<string, never>;
  indicatorApprox: Record<string, never>;
  indicatorMixed: Record<string, never>;
  indicatorNoFigure: Record<string, never>;
  indicatorGuessedMark: Record<string, never>;
  indicatorsNote: Record<string, never>;
  exampleTemplate: Record<string, never>;
  exampleAggregate: Record<string, never>;
}

/** A message key. */
export type MessageKey = keyof CliParams;

/** A message table: one template per key. Both locales must have every key (checked by the type system). */
export type CliMessages = { readonly [K in MessageKey]: string };

/** A message to be worded later, in the locale of whoever shows it. */
export type Message = {
  [K in MessageKey]: CliParams[K] extends Record<string, never> ? { key: K; params?: CliParams[K] } : { key: K; params: CliParams[K] };
}[MessageKey];

const zhCN: CliMessages = {
  langInvalid: "--lang：应为 zh 或 en，实为 {value}",
  oneOf: "{option}：应为 {allowed} 之一，实为 {value}",
  oneFile: "{option}：应给出一个文件，实为 {count} 个",
  giveInput: "validate：请至少给出一个文件、文件夹或 -（标准输入）",
  htmlOne: "--format html 只用于一份报告；多份报告请用 sarif、junit 或 json",
  noInputs: "没有可读的输入文件。",
  emptyInput: "{names}：没有报告文件（TXT、HTML、Markdown、DOCX、XLSX、PDF、JSON），输入为空",
  badNumber: "{option}：应为正数，实为 {value}",
  exportNeedsOutput: "export：请用 -o <文件> 指定输出文件",
  badGlob: "--include 或 --exclude 的模式“{glob}”无效：括号不配对、范围颠倒或可选项过多",
  aboutFile: "{name}：{text}",
  aggregateGuessed: "注意：合计用到了 {count} 个导入时推断的单元格（来自 {files} 个文件），这些数字不一定是原文数字，合计也就不一定准确",
  noSuchFile: "{name}：文件或文件夹不存在",
  refuseOverwrite: "{name}：不会覆盖输入文件",
  cannotWrite: "{name}：无法写入（{code}）",
  binaryToTerminal: "二进制输出不能写到终端：请用 -o <文件> 指定输出文件",
  unknownCommand: "未知命令：{command}（见 gov-disclosure --help）",
  unknownOption: "未知选项：{option}",
  missingArgs: "缺少参数：{command}",
  missingValue: "选项 {option} 缺少取值",
  unusedArgs: "多余的参数：{args}",
  internalError: "内部错误：{detail}",
  unreadable: "{name}：无法读取（{code}）",
  notReport: "{name}：未能读出年度报告（{reason}）",
  noReportFound: "未找到年度报告",
  cannotRead: "无法读取（{code}）",
  emptyFile: "空文件",
  notReportJson: "不是报告：JSON 中没有报告的格式与版本字段",
  timedOut: "超过 {seconds} 秒仍未完成，已停止",
  skippedFile: "{name}：已跳过（{reason}）",
  fileProblem: "{name}：{reason}",
  nothingRead: "没有读到任何报告：所有文件都已跳过（不是报告）。",
  workerFailed: "处理进程出错：{detail}",
  progressExport: "导出",
  progressValidate: "校验",
  progressStats: "统计",
  progressUnreadable: "（{count} 个无法读取）",
  summary: "共 {files} 个文件：{failed} 个未通过，{unreadable} 个无法读取{extras}。",
  summaryExtras: "，{extras}",
  summarySkipped: "{count} 个已跳过（不是报告）",
  summaryNoData: "{count} 个没有数字（空白）",
  summaryTimedOut: "{count} 个超时",
  fileWithPrevious: "{name}（上一年度：{previous}）",
  wrote: "已写入 {path}",
  excludedLocal: "{name}：未计入合计（地方统计表没有可相加的统一行）",
  excludedEdition: "{name}：未计入合计（为{edition}，而合计为{expectedEdition}）",
  excludedYear: "{name}：未计入合计（为 {year} 年度，而合计为 {target} 年度）",
  unknownYear: "未知",
  skipped: "{name}：{cell} 的“{text}”不是数字，未计入",
  statsFiles: "文件 {files} 个  可读 {readable} 个  无法读取 {unreadable} 个  已跳过 {skipped} 个",
  statsEditionHead: "格式       年度   报告数",
  statsCodeHead: "规则或代码                  未通过的报告数",
  helpUsage: "用法",
  helpUsageGlobal: "<命令> [选项]",
  helpCommands: "命令",
  helpMoreInfo: "各命令的详细说明：在命令后加 --help",
  helpOptions: "选项",
  helpExamples: "示例",
  helpHelp: "显示本说明",
  helpVersion: "显示版本号",
  cmdValidate: "校验年报：读取每个文件（TXT、HTML、Markdown、DOCX、XLSX、PDF、JSON；文件夹；- 为标准输入），核对并列出结果",
  cmdConvert: "格式转换：把一份报告转为规范 JSON、官方版式的 HTML 或 Markdown、逐格的 CSV/NDJSON 或 XLSX 工作簿",
  cmdTemplate: "空白模板：某一格式的空白报告，供填写",
  cmdDiff: "对比两份报告：列出有变化的单元格（同一机关的两个年度，或两个机关）；有变化时退出码为 1",
  cmdAggregate: "汇总同一格式、同一年度的报告（金额精确相加），并说明哪些输入未计入及原因",
  cmdStats: "批量统计：各格式、各年度的报告数，以及每条规则未通过的报告数",
  cmdExport: "导出数据集：每份报告每个单元格一行，另附问题表与统一指标表（CSV、NDJSON 或 Parquet）",
  optExportTo: "输出格式：{allowed}（默认 {fallback}）",
  optInclude: "遍历文件夹时只取与此通配符相符的文件（可多次给出）",
  optExclude: "遍历文件夹时略去与此通配符相符的文件（可多次给出）",
  optTimeout: "每个文件的时限（秒，默认 {seconds}；0 为不限）",
  optVerbose: "逐条列出无法核对的规则和已跳过的文件",
  exampleExport: "gov-disclosure export 年报/ --to parquet -o 年报.parquet",
  optChoices: "{allowed}（默认 {fallback}）",
  optPrevious: "上一年度的报告，用于跨年度核对",
  optValidateFormat: "输出格式：{allowed}（默认 {fallback}）",
  optLang: "语言：zh | en（默认 zh）",
  optFailOn: "有此级别或更高级别的问题时退出码为 1：{allowed}（默认 {fallback}）",
  optOutput: "写入文件（原子写入），而非标准输出",
  optOutputXlsx: "输出文件（在终端上输出 xlsx 时必须给出）",
  optOutputFile: "输出文件",
  optJobs: "批量处理的线程数（默认为处理器核数）",
  optNoPair: "不把文件夹中同一机关相邻年度的报告配对",
  optConvertTo: "输出格式：{allowed}（默认 {fallback}）",
  optEdition: "格式：{allowed}（默认 {fallback}）",
  optAggregateEdition: "要汇总的格式（默认为最常见的格式）",
  optYear: "要汇总的年度（默认为最常见的年度）",
  optBody: "汇总报告的发布机关",
  optIndicators: "另给出各统一指标在全部输入上的合计（跨格式、跨年度；无对应项的不计为 0）：json 输出为含汇总报告与指标的对象，md 输出在末尾附一节",
  indicatorsFormat: "--indicators 只用于 --to json 或 md，实为 {to}",
  indicatorsHead: "统一指标：{files} 份报告的合计（跨格式）",
  indicatorsColumns: "指标|合计|有数值的报告|无对应项的报告|无数值的报告|口径",
  indicatorExact: "口径一致",
  indicatorApprox: "口径近似",
  indicatorMixed: "口径不一（一致与近似都有）",
  indicatorNoFigure: "无数值",
  indicatorGuessedMark: "（含推断）",
  indicatorsNote:
    "“无对应项”指报告所用格式没有这一指标，不计为 0；“口径近似”指各格式的统计范围不完全相同，合计仅供参考；“含推断”指合计用到了导入时推断的单元格。",
  exampleTemplate: "gov-disclosure template --edition gen2021 --to xlsx -o 年报模板.xlsx",
  exampleAggregate: "gov-disclosure aggregate counties/*.json --body 某市 -o city.json",
};

const en: CliMessages = {
  langInvalid: "--lang: expected zh or en, got {value}",
  oneOf: "{option}: expected one of {allowed}, got {value}",
  oneFile: "{option}: expected one file, got {count}",
  giveInput: "validate: give at least one file, folder or - for standard input",
  htmlOne: "--format html takes one report; use sarif, junit or json for several",
  noInputs: "No readable input files.",
  emptyInput: "{names}: no report files (TXT, HTML, Markdown, DOCX, XLSX, PDF, JSON): the input is empty",
  badNumber: "{option}: expected a positive number, got {value}",
  exportNeedsOutput: "export: give the output file with -o <file>",
  badGlob: "the --include/--exclude pattern “{glob}” is not valid: unbalanced braces or brackets, a reversed range or too many alternatives",
  aboutFile: "{name}: {text}",
  aggregateGuessed:
    "note: the totals use {count} cell(s) the import inferred (from {files} file(s)); those may not be the printed figures, so neither may the totals",
  noSuchFile: "{name}: no such file or folder",
  refuseOverwrite: "{name}: refusing to write over an input file",
  cannotWrite: "{name}: cannot write ({code})",
  binaryToTerminal: "binary output cannot go to a terminal: give -o <file>",
  unknownCommand: "unknown command: {command} (see gov-disclosure --help)",
  unknownOption: "unknown option: {option}",
  missingArgs: "missing arguments: {command}",
  missingValue: "option {option} needs a value",
  unusedArgs: "unexpected arguments: {args}",
  internalError: "internal error: {detail}",
  unreadable: "{name}: cannot be read ({code})",
  notReport: "{name}: no annual report found ({reason})",
  noReportFound: "no annual report found",
  cannotRead: "cannot be read ({code})",
  emptyFile: "empty file",
  notReportJson: "not a report: the JSON has no edition or version field",
  timedOut: "not done after {seconds} s, stopped",
  skippedFile: "{name}: skipped ({reason})",
  fileProblem: "{name}: {reason}",
  nothingRead: "No report was read: every file was skipped (not a report).",
  workerFailed: "the worker failed: {detail}",
  progressExport: "export",
  progressValidate: "validate",
  progressStats: "stats",
  progressUnreadable: " ({count} unreadable)",
  summary: "{files} file(s): {failed} failed, {unreadable} unreadable{extras}.",
  summaryExtras: ", {extras}",
  summarySkipped: "{count} skipped (not a report)",
  summaryNoData: "{count} with no figures (blank)",
  summaryTimedOut: "{count} timed out",
  fileWithPrevious: "{name} (last year: {previous})",
  wrote: "wrote {path}",
  excludedLocal: "{name}: left out of the roll-up (local tables have no common rows to add)",
  excludedEdition: "{name}: left out of the roll-up (it is in the {edition}, the roll-up in the {expectedEdition})",
  excludedYear: "{name}: left out of the roll-up (it is for {year}, the roll-up for {target})",
  unknownYear: "an unknown year",
  skipped: "{name}: “{text}” in {cell} is not a number and was not added",
  statsFiles: "files {files}  readable {readable}  unreadable {unreadable}  skipped {skipped}",
  statsEditionHead: "edition   year  reports",
  statsCodeHead: "rule or code               failing reports",
  helpUsage: "Usage",
  helpUsageGlobal: "<command> [options]",
  helpCommands: "Commands",
  helpMoreInfo: "For more about a command, add --help after it",
  helpOptions: "Options",
  helpExamples: "Examples",
  helpHelp: "show this help",
  helpVersion: "show the version number",
  cmdValidate: "Import each file (TXT, HTML, Markdown, DOCX, XLSX, PDF, JSON; a folder; - for standard input), validate it and print the findings",
  cmdConvert: "Convert a report to canonical JSON, official-layout HTML or Markdown, tidy CSV/NDJSON or an XLSX workbook",
  cmdTemplate: "A blank report of an edition to fill in",
  cmdDiff: "The cells that changed between two reports (two years of one body, or two bodies); exit 1 when any did",
  cmdAggregate: "Add up reports of one edition and year into a roll-up (money exact); says which inputs were left out and why",
  cmdStats: "For a corpus: reports per edition and year, and how many fail each rule",
  cmdExport: "A corpus as a dataset: one row per report and cell, with a table of issues and one of harmonised indicators (CSV, NDJSON or Parquet)",
  optExportTo: "output format: {allowed} (default {fallback})",
  optInclude: "in folders, take only files matching this glob (may be repeated)",
  optExclude: "in folders, leave out files matching this glob (may be repeated)",
  optTimeout: "time limit per file in seconds (default {seconds}; 0 for none)",
  optVerbose: "list the checks that could not be assessed and the files skipped",
  exampleExport: "gov-disclosure export reports/ --to parquet -o reports.parquet",
  optChoices: "{allowed} (default {fallback})",
  optPrevious: "last year's report, for the cross-year rules",
  optValidateFormat: "output format: {allowed} (default {fallback})",
  optLang: "language: zh | en (default zh)",
  optFailOn: "exit 1 when an issue at or above this severity fails: {allowed} (default {fallback})",
  optOutput: "write to a file (atomically) instead of standard output",
  optOutputXlsx: "output file (required for xlsx on a terminal)",
  optOutputFile: "output file",
  optJobs: "worker threads for batches (default: the cores)",
  optNoPair: "do not pair consecutive years of one body found in a folder",
  optConvertTo: "output format: {allowed} (default {fallback})",
  optEdition: "edition: {allowed} (default {fallback})",
  optAggregateEdition: "the edition to add up (default: the most common)",
  optYear: "the year to add up (default: the most common)",
  optBody: "issuing body of the roll-up",
  optIndicators:
    "also give each harmonised indicator summed over every input (across editions and years; no equivalent is never counted as 0): json becomes an object with the roll-up and the indicators, md gets a closing section",
  indicatorsFormat: "--indicators goes with --to json or md, not {to}",
  indicatorsHead: "Harmonised indicators: totals of {files} report(s), across editions",
  indicatorsColumns: "indicator|total|reports with a figure|reports whose edition has no equivalent|reports without a figure|definition",
  indicatorExact: "exact",
  indicatorApprox: "approximate",
  indicatorMixed: "mixed (exact and approximate)",
  indicatorNoFigure: "no figure",
  indicatorGuessedMark: "(includes inferred figures)",
  indicatorsNote:
    "“No equivalent”: the report's edition has no such figure, and it is not counted as 0. “Approximate”: the editions bound it differently, so the total is indicative. “Includes inferred figures”: the total uses cells the import inferred.",
  exampleTemplate: "gov-disclosure template --edition gen2021 --to xlsx -o template.xlsx",
  exampleAggregate: 'gov-disclosure aggregate counties/*.json --body "$CITY" -o city.json',
};

/** Every locale's table. */
export const MESSAGES: { readonly [L in Locale]: CliMessages } = { "zh-CN": zhCN, en };

const noCells = (): undefined => undefined;

/**
 * Words a message in a locale with core's `fillTemplate`. Pass an edition to show cell ids (`{cell}`) as the cell's
 * label in that edition; edition codes (`{edition}`, `{expectedEdition}`) are named the locale's way.
 */
export function say(locale: Locale, message: Message, edition?: Edition): string {
  const params = (message.params ?? {}) as Readonly<Record<string, ParamValue>>;
  return fillTemplate(MESSAGES[locale][message.key], params, locale, edition && edition !== "local" ? cellResolver(edition) : noCells);
}

/** Words a message given by key and params. */
export const t = <K extends MessageKey>(locale: Locale, key: K, ...params: CliParams[K] extends Record<string, never> ? [] : [CliParams[K]]): string =>
  say(locale, { key, params: params[0] ?? {} } as Message);

/** The locale of a `--lang` value; undefined when the value is not one. */
export function localeOfLang(lang: unknown): Locale | undefined {
  if (lang === undefined || lang === "zh" || lang === "zh-CN" || lang === "zh-cn") return "zh-CN";
  if (lang === "en") return "en";
  return undefined;
}
