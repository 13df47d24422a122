import { fillTemplate, type Locale, type ParamValue, type Phase, type Severity, type SourceLocation, type TableId } from "@gov-disclosure/core";

/**
 * Interface strings of the renderers, per locale: plain words, and templates whose `{name}` placeholders are filled by
 * core's `fillTemplate` (see `fill`). Official table labels and issue messages come from core, not from here. Both
 * locales have the same keys (the type checks it); no Chinese inside the English table and no English inside the Chinese.
 */
export interface UiStrings {
  /** Template: {body}, {year}. */
  readonly reportTitle: string;
  readonly fillingUnit: string;
  readonly published: string;
  readonly appendix: string;
  readonly indicator: string;
  readonly unit: string;
  readonly value: string;
  readonly infoContent: string;
  /** Template around core's T3_BALANCE_NOTE: {note}. */
  readonly t3Corner: string;
  readonly localIndicator: string;
  readonly localUnit: string;
  readonly localColumns: readonly [string, string];
  readonly oldTitle: string;
  /** Template: {year}. */
  readonly oldTitleOfYear: string;
  readonly mergedNote: string;
  /** Template: a label and its value ("填报单位：…", "Reporting body: …"): {label}, {text}. */
  readonly labelled: string;
  /** Separator between label–value pairs on one line. */
  readonly fieldSeparator: string;
  /** Template: a remark in parentheses after a text: {text}. */
  readonly parenthesised: string;
  /** Separator of items in a list shown inline. */
  readonly listSeparator: string;
  /** Separator of clauses (figures, flags) on one line. */
  readonly clauseSeparator: string;
  readonly validationTitle: string;
  readonly summary: string;
  readonly errors: string;
  readonly warnings: string;
  readonly infos: string;
  readonly notAssessable: string;
  readonly passed: string;
  readonly noFindings: string;
  /** Template: shown instead of "no problems" when cells were guessed or could not be verified: {count}. */
  readonly uncertainSummary: string;
  /** Template: shown instead of "no problems" when the import reported problems but marked no cell uncertain: {count}. */
  readonly importProblemsSummary: string;
  /** Template: rule checks that could not be assessed, not listed one by one in terminal text: {count}. */
  readonly notAssessableCollapsed: string;
  readonly noData: string;
  readonly findings: string;
  readonly importIssues: string;
  readonly corrections: string;
  readonly correctionComplete: string;
  readonly correctionAmbiguous: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly status: Readonly<Record<"fail" | "not-assessable" | "pass", string>>;
  readonly phase: Readonly<Record<Phase, string>>;
  readonly cells: string;
  readonly source: string;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  readonly rule: string;
  readonly goToCell: string;
  /** What an uncertain cell's mark means, on the cell (title) and in the legend of the validation HTML. */
  readonly uncertainCell: string;
  readonly uncertainLegend: string;
  /** Templates of a source location. */
  readonly sourceLine: string;
  readonly sourceLineColumn: string;
  readonly sourcePage: string;
  readonly sourceTable: string;
  readonly sourceTableCell: string;
  readonly sourceSheet: string;
  readonly sourceRaw: string;
  /** SARIF help: where the code is documented: {url}. */
  readonly seeRules: string;
  readonly edition: string;
  readonly body: string;
  readonly year: string;
  readonly unknown: string;
  /** Templates: {who}. */
  readonly chartOutcomes: string;
  readonly chartOutcomesOf: string;
  readonly chartOutcomesDesc: string;
  readonly chartTrend: string;
  readonly chartTrendOf: string;
  readonly chartTrendDesc: string;
  readonly received: string;
  readonly decided: string;
  readonly derived: string;
  readonly noChartData: string;
  readonly comparison: string;
  readonly changed: string;
  readonly before: string;
  readonly after: string;
  /** Template: a year after a body's name ("2021年", "2021"): {year}. */
  readonly ofYear: string;
  /** Between a body's name and its year. */
  readonly whoSeparator: string;
  /** Template: {which}. */
  readonly onlyIn: string;
  readonly noChanges: string;
  readonly cell: string;
  readonly row: string;
  readonly column: string;
  readonly table: string;
  readonly editionsDiffer: string;
  /** Worksheet names of the XLSX workbook, per table. */
  readonly sheetNames: Readonly<Record<TableId, string>>;
  readonly sheetTitle: string;
  readonly sheetText: string;
  readonly wholeNumberTitle: string;
  readonly wholeNumberError: string;
  /** English names of the official units (zh-CN: none, the unit is shown as printed). */
  readonly units: Readonly<Record<string, string>>;
}

const zh: UiStrings = {
  reportTitle: "{body}{year}年政府信息公开工作年度报告",
  fillingUnit: "填报单位",
  published: "发布日期",
  appendix: "附表",
  indicator: "统计指标",
  unit: "单位",
  value: "统计数",
  infoContent: "信息内容",
  t3Corner: "（{note}）",
  localIndicator: "指标名称",
  localUnit: "计量单位",
  localColumns: ["本年度", "历年累计"],
  oldTitle: "政府信息公开情况统计表",
  oldTitleOfYear: "政府信息公开情况统计表（{year}年度）",
  mergedNote: "表格说明：Markdown 表格不能合并单元格。正式版式中合并的表头和行标题，在所覆盖的每一格中重复；跨列的数值只写在第一格。",
  labelled: "{label}：{text}",
  fieldSeparator: "　",
  parenthesised: "（{text}）",
  listSeparator: "、",
  clauseSeparator: "；",
  validationTitle: "核对报告",
  summary: "概况",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  notAssessable: "无法核对",
  passed: "通过",
  noFindings: "未发现问题。",
  uncertainSummary: "有 {count} 个单元格的数字是导入时推断、按顺序放置或无法核实的：数字的读取存在不确定性，不能视为没有问题，请对照原文核对。",
  importProblemsSummary: "导入时发现 {count} 个问题：数字的读取可能不完整，不能视为没有问题，请对照原文核对。",
  notAssessableCollapsed: "另有 {count} 项核对无法进行（未逐条列出）。",
  noData: "统计表没有任何数据。",
  findings: "核对结果",
  importIssues: "导入时发现的问题",
  corrections: "修正建议",
  correctionComplete: "可消除全部错误",
  correctionAmbiguous: "另有同样合理的修正",
  severity: { error: "错误", warning: "警告", info: "提示" },
  status: { fail: "未通过", "not-assessable": "无法核对", pass: "通过" },
  phase: { parse: "解析", import: "导入", rule: "规则" },
  cells: "单元格",
  source: "出处",
  expected: "应为",
  actual: "实际",
  difference: "差额",
  rule: "规则",
  goToCell: "查看单元格",
  uncertainCell: "此数字是导入时推断或无法核实的，不一定是原文数字。",
  uncertainLegend: "虚线框标出的单元格，其数字是导入时推断、按顺序放置或无法核实的，不一定是原文数字，请对照原文核对。",
  sourceLine: "第 {line} 行",
  sourceLineColumn: "第 {line} 行第 {column} 列",
  sourcePage: "第 {page} 页",
  sourceTable: "第 {table} 个表格",
  sourceTableCell: "第 {table} 个表格第 {row} 行第 {col} 列",
  sourceSheet: "工作表“{sheet}”",
  sourceRaw: "原文“{raw}”",
  seeRules: "说明见 {url}",
  edition: "格式",
  body: "发布机关",
  year: "年度",
  unknown: "未知",
  chartOutcomes: "政府信息公开申请办理结果",
  chartOutcomesOf: "{who}政府信息公开申请办理结果",
  chartOutcomesDesc: "按办理结果分类的申请件数（总计列）。",
  chartTrend: "历年政府信息公开申请收到与办结情况",
  chartTrendOf: "{who}历年政府信息公开申请收到与办结情况",
  chartTrendDesc: "各年度收到申请数与办结（答复）数。",
  received: "收到申请",
  decided: "办结",
  derived: "* 总计栏空白，按各类申请人之和推算。",
  noChartData: "没有可绘制的数据。",
  comparison: "对比",
  changed: "变化",
  before: "前",
  after: "后",
  ofYear: "{year}年",
  whoSeparator: "",
  onlyIn: "仅见于{which}",
  noChanges: "两份报告的数据完全相同。",
  cell: "单元格",
  row: "行",
  column: "列",
  table: "表",
  editionsDiffer: "两份报告格式不同，只比较共有的单元格。",
  sheetNames: { t2: "二、主动公开", t3: "三、依申请公开", t4: "四、复议诉讼", old: "统计表", local: "统计表" },
  sheetTitle: "标题",
  sheetText: "正文",
  wholeNumberTitle: "请填写整数",
  wholeNumberError: "请填写整数；不适用时可填“—”或“无”。",
  units: {},
};

const en: UiStrings = {
  reportTitle: "{body} government information disclosure annual report {year}",
  fillingUnit: "Reporting body",
  published: "Published",
  appendix: "Appendix",
  indicator: "Indicator",
  unit: "Unit",
  value: "Value",
  infoContent: "Information",
  t3Corner: "({note})",
  localIndicator: "Indicator",
  localUnit: "Unit",
  localColumns: ["This year", "Cumulative"],
  oldTitle: "Government information disclosure statistics",
  oldTitleOfYear: "Government information disclosure statistics ({year})",
  mergedNote:
    "Note: Markdown tables cannot merge cells. Merged headers and row labels of the official layout are repeated in every cell they cover; a value spanning several columns is written once, in its first cell.",
  labelled: "{label}: {text}",
  fieldSeparator: "    ",
  parenthesised: " ({text})",
  listSeparator: ", ",
  clauseSeparator: "; ",
  validationTitle: "Validation report",
  summary: "Summary",
  errors: "errors",
  warnings: "warnings",
  infos: "notes",
  notAssessable: "not assessable",
  passed: "passed",
  noFindings: "No problems found.",
  uncertainSummary:
    "{count} cell(s) hold figures the import guessed, placed by order or could not verify: the figures were read with uncertainty, so the report cannot be called clean; check them against the document.",
  importProblemsSummary:
    "The import reported {count} problem(s): the figures may be incomplete, so the report cannot be called clean; check them against the document.",
  notAssessableCollapsed: "{count} more check(s) could not be assessed (not listed one by one).",
  noData: "The statistics tables hold no data.",
  findings: "Findings",
  importIssues: "Issues found while importing",
  corrections: "Suggested corrections",
  correctionComplete: "fixes every error",
  correctionAmbiguous: "another fix is equally plausible",
  severity: { error: "error", warning: "warning", info: "note" },
  status: { fail: "failed", "not-assessable": "not assessable", pass: "passed" },
  phase: { parse: "parse", import: "import", rule: "rule" },
  cells: "cells",
  source: "source",
  expected: "expected",
  actual: "actual",
  difference: "difference",
  rule: "rule",
  goToCell: "go to cell",
  uncertainCell: "The import guessed this figure or could not verify it; it may not be what the document prints.",
  uncertainLegend:
    "Cells in a dotted frame hold figures the import guessed, placed by order or could not verify; they may not be what the document prints, so check them against it.",
  sourceLine: "line {line}",
  sourceLineColumn: "line {line}, column {column}",
  sourcePage: "page {page}",
  sourceTable: "table {table}",
  sourceTableCell: "table {table}, row {row}, column {col}",
  sourceSheet: "worksheet “{sheet}”",
  sourceRaw: "text “{raw}”",
  seeRules: "Documented at {url}",
  edition: "Edition",
  body: "Body",
  year: "Year",
  unknown: "unknown",
  chartOutcomes: "How applications were decided",
  chartOutcomesOf: "How applications were decided: {who}",
  chartOutcomesDesc: "Applications by outcome (total column).",
  chartTrend: "Applications received and decided per year",
  chartTrendOf: "Applications received and decided per year: {who}",
  chartTrendDesc: "Applications received and decided (answered) in each year.",
  received: "Received",
  decided: "Decided",
  derived: "* Total cell blank; derived from the applicant columns.",
  noChartData: "No data to chart.",
  comparison: "Comparison",
  changed: "Change",
  before: "before",
  after: "after",
  ofYear: "{year}",
  whoSeparator: " ",
  onlyIn: "only in {which}",
  noChanges: "The two reports hold the same figures.",
  cell: "cell",
  row: "Row",
  column: "Column",
  table: "Table",
  editionsDiffer: "The reports use different editions; only the cells they share are compared.",
  sheetNames: { t2: "2 Proactive disclosure", t3: "3 Applications", t4: "4 Review and litigation", old: "Statistics", local: "Statistics" },
  sheetTitle: "Title",
  sheetText: "Text",
  wholeNumberTitle: "Whole number",
  wholeNumberError: "Enter a whole number, or “—” or “无” where the form allows.",
  units: { 条: "items", 件: "cases", 次: "times", 篇: "articles", 个: "units", 人: "persons", 人次: "person-times", 万元: "10k yuan", 元: "yuan" },
};

/** The interface strings of a locale (zh-CN by default). */
export const uiFor = (locale: Locale = "zh-CN"): UiStrings => (locale === "en" ? en : zh);

const noCells = (): undefined => undefined;

/** Fills an interface template with core's `fillTemplate` (values are shown as given: no cell labels). */
export const fill = (template: string, params: Readonly<Record<string, ParamValue>>, locale: Locale): string => fillTemplate(template, params, locale, noCells);

/** Body and year of a report as a heading says them ("平潭综合实验区2021年", "Pingtan 2021"); "" when neither is known. */
export function whoIn(meta: { readonly body?: string; readonly year?: number }, locale: Locale): string {
  const ui = uiFor(locale);
  const parts = [meta.body ?? "", meta.year !== undefined ? fill(ui.ofYear, { year: String(meta.year) }, locale) : ""].filter(Boolean);
  return parts.join(ui.whoSeparator);
}

/** A unit as shown in a locale: the official Chinese unit, or its English name. */
export const unitText = (unit: string, locale: Locale): string => (locale === "en" ? (uiFor("en").units[unit] ?? unit) : unit);

/** "label：value" in the locale. */
export const labelled = (label: string, text: string, locale: Locale): string => fill(uiFor(locale).labelled, { label, text }, locale);

/** Where an issue's value came from in the published document, in words ("第 3 行第 12 列", "page 2"); "" when nothing is known. */
export function sourceText(s: SourceLocation | undefined, locale: Locale): string {
  if (!s) return "";
  const ui = uiFor(locale);
  const parts: string[] = [];
  if (s.sheet !== undefined) parts.push(fill(ui.sourceSheet, { sheet: s.sheet }, locale));
  if (s.page !== undefined) parts.push(fill(ui.sourcePage, { page: s.page }, locale));
  if (s.line !== undefined) parts.push(fill(s.column !== undefined ? ui.sourceLineColumn : ui.sourceLine, { line: s.line, column: s.column ?? 0 }, locale));
  if (s.table !== undefined)
    parts.push(
      s.row !== undefined && s.col !== undefined
        ? fill(ui.sourceTableCell, { table: s.table + 1, row: s.row + 1, col: s.col + 1 }, locale)
        : fill(ui.sourceTable, { table: s.table + 1 }, locale),
    );
  if (s.raw !== undefined) parts.push(fill(ui.sourceRaw, { raw: s.raw }, locale));
  return parts.join(ui.clauseSeparator);
}
