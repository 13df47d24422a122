import type { Locale } from "@gov-disclosure/core";

/** Interface strings of the renderers, per locale. Official table labels come from core, not from here. */
export interface UiStrings {
  readonly reportTitle: (body: string, year: string) => string;
  readonly fillingUnit: string;
  readonly published: string;
  readonly appendix: string;
  readonly indicator: string;
  readonly unit: string;
  readonly value: string;
  readonly infoContent: string;
  readonly t3Corner: string;
  readonly localIndicator: string;
  readonly localUnit: string;
  readonly localColumns: readonly [string, string];
  readonly oldTitle: (year: string) => string;
  readonly mergedNote: string;
  readonly validationTitle: string;
  readonly summary: string;
  readonly errors: string;
  readonly warnings: string;
  readonly infos: string;
  readonly notAssessable: string;
  readonly passed: string;
  readonly noFindings: string;
  readonly noData: string;
  readonly findings: string;
  readonly corrections: string;
  readonly correctionComplete: string;
  readonly correctionAmbiguous: string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
  readonly status: Readonly<Record<"fail" | "not-assessable" | "pass", string>>;
  readonly cells: string;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  readonly rule: string;
  readonly goToCell: string;
  readonly edition: string;
  readonly body: string;
  readonly year: string;
  readonly unknown: string;
  readonly chartOutcomes: (who: string) => string;
  readonly chartOutcomesDesc: string;
  readonly chartTrend: (who: string) => string;
  readonly chartTrendDesc: string;
  readonly received: string;
  readonly decided: string;
  readonly derived: string;
  readonly noChartData: string;
  readonly comparison: string;
  readonly changed: string;
  readonly before: string;
  readonly after: string;
  readonly onlyIn: (which: string) => string;
  readonly noChanges: string;
  readonly cell: string;
  readonly row: string;
  readonly column: string;
  readonly table: string;
  readonly editionsDiffer: string;
  readonly units: Readonly<Record<string, string>>;
}

const zh: UiStrings = {
  reportTitle: (body, year) => `${body}${year}年政府信息公开工作年度报告`,
  fillingUnit: "填报单位",
  published: "发布日期",
  appendix: "附表",
  indicator: "统计指标",
  unit: "单位",
  value: "统计数",
  infoContent: "信息内容",
  t3Corner: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  localIndicator: "指标名称",
  localUnit: "计量单位",
  localColumns: ["本年度", "历年累计"],
  oldTitle: (year) => (year ? `政府信息公开情况统计表（${year}年度）` : "政府信息公开情况统计表"),
  mergedNote: "表格说明：Markdown 表格不能合并单元格。正式版式中合并的表头和行标题，在所覆盖的每一格中重复；跨列的数值只写在第一格。",
  validationTitle: "核对报告",
  summary: "概况",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  notAssessable: "无法核对",
  passed: "通过",
  noFindings: "未发现问题。",
  noData: "统计表没有任何数据。",
  findings: "核对结果",
  corrections: "修正建议",
  correctionComplete: "可消除全部错误",
  correctionAmbiguous: "另有同样合理的修正",
  severity: { error: "错误", warning: "警告", info: "提示" },
  status: { fail: "未通过", "not-assessable": "无法核对", pass: "通过" },
  cells: "单元格",
  expected: "应为",
  actual: "实际",
  difference: "差额",
  rule: "规则",
  goToCell: "查看单元格",
  edition: "格式",
  body: "发布机关",
  year: "年度",
  unknown: "未知",
  chartOutcomes: (who) => `${who}政府信息公开申请办理结果`,
  chartOutcomesDesc: "按办理结果分类的申请件数（总计列）。",
  chartTrend: (who) => `${who}历年政府信息公开申请收到与办结情况`,
  chartTrendDesc: "各年度收到申请数与办结（答复）数。",
  received: "收到申请",
  decided: "办结",
  derived: "* 总计栏空白，按各类申请人之和推算。",
  noChartData: "没有可绘制的数据。",
  comparison: "对比",
  changed: "变化",
  before: "前",
  after: "后",
  onlyIn: (which) => `仅见于${which}`,
  noChanges: "两份报告的数据完全相同。",
  cell: "单元格",
  row: "行",
  column: "列",
  table: "表",
  editionsDiffer: "两份报告格式不同，只比较共有的单元格。",
  units: {},
};

const en: UiStrings = {
  reportTitle: (body, year) => `${body} government information disclosure annual report ${year}`.replace(/\s+/g, " ").trim(),
  fillingUnit: "Reporting body",
  published: "Published",
  appendix: "Appendix",
  indicator: "Indicator",
  unit: "Unit",
  value: "Value",
  infoContent: "Information",
  t3Corner: "(In every column: item I plus item II equals item III plus item IV)",
  localIndicator: "Indicator",
  localUnit: "Unit",
  localColumns: ["This year", "Cumulative"],
  oldTitle: (year) => (year ? `Government information disclosure statistics (${year})` : "Government information disclosure statistics"),
  mergedNote:
    "Note: Markdown tables cannot merge cells. Merged headers and row labels of the official layout are repeated in every cell they cover; a value spanning several columns is written once, in its first cell.",
  validationTitle: "Validation report",
  summary: "Summary",
  errors: "errors",
  warnings: "warnings",
  infos: "notes",
  notAssessable: "not assessable",
  passed: "passed",
  noFindings: "No problems found.",
  noData: "The statistics tables hold no data.",
  findings: "Findings",
  corrections: "Suggested corrections",
  correctionComplete: "fixes every error",
  correctionAmbiguous: "another fix is equally plausible",
  severity: { error: "error", warning: "warning", info: "note" },
  status: { fail: "failed", "not-assessable": "not assessable", pass: "passed" },
  cells: "cells",
  expected: "expected",
  actual: "actual",
  difference: "difference",
  rule: "rule",
  goToCell: "go to cell",
  edition: "Edition",
  body: "Body",
  year: "Year",
  unknown: "unknown",
  chartOutcomes: (who) => `How applications were decided${who ? `: ${who}` : ""}`,
  chartOutcomesDesc: "Applications by outcome (total column).",
  chartTrend: (who) => `Applications received and decided per year${who ? `: ${who}` : ""}`,
  chartTrendDesc: "Applications received and decided (answered) in each year.",
  received: "Received",
  decided: "Decided",
  derived: "* Total cell blank; derived from the applicant columns.",
  noChartData: "No data to chart.",
  comparison: "Comparison",
  changed: "Change",
  before: "before",
  after: "after",
  onlyIn: (which) => `only in ${which}`,
  noChanges: "The two reports hold the same figures.",
  cell: "cell",
  row: "Row",
  column: "Column",
  table: "Table",
  editionsDiffer: "The reports use different editions; only the cells they share are compared.",
  units: { 条: "items", 件: "cases", 次: "times", 篇: "articles", 个: "units", 人: "persons", 人次: "person-times", 万元: "10k yuan", 元: "yuan" },
};

/** The interface strings of a locale (zh-CN by default). */
export const uiFor = (locale: Locale = "zh-CN"): UiStrings => (locale === "en" ? en : zh);

/** A unit as shown in a locale: the official Chinese unit, or its English name. */
export const unitText = (unit: string, locale: Locale): string => (locale === "en" ? (uiFor("en").units[unit] ?? unit) : unit);
