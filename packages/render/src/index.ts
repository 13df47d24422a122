// Public API of @gov-disclosure/render. Pure functions: reports and findings in, strings or bytes out.

/** Compare two reports cell by cell: the data, and text, Markdown and HTML views of it. */
export {
  type CellChange,
  type Comparison,
  compareReports,
  renderComparisonHtml,
  renderComparisonMarkdown,
  renderComparisonText,
} from "./compare";
/** Escaping helpers shared by every output (HTML/XML, Markdown, CSV formula neutralising, terminal). */
export { cellAnchor, escapeHtml, escapeMarkdown, escapeXml, neutraliseFormula, safeJson, terminalSafe } from "./escape";
/** HTML of a report in the official layout, and its building blocks. */
export {
  BASE_CSS,
  type CellMark,
  type CellMarkOptions,
  cellMarks,
  findingAnchor,
  type HtmlOptions,
  renderHtml,
  reportTitle,
  tableHtml,
} from "./html";
/** Interface strings per locale (typed zh-CN and en tables, filled with core's fillTemplate). */
export { fill, sourceText, type UiStrings, uiFor } from "./i18n";
/** The official tables of each edition as grids with real merged cells. */
export { expandGrid, type GridCell, type GridGroup, type GridSlot, type HeaderScope, type OfficialTable, officialTables } from "./layout";
/** Markdown of a report, merged cells repeated and recorded. */
export { type MarkdownOptions, renderMarkdown, tableMarkdown } from "./markdown";
/** SVG charts: how applications were decided, and received/decided per year. */
export { type ChartOptions, type OutcomeBar, outcomeBars, renderOutcomeChart, renderTrendChart, type TrendPoint, trendPoint } from "./svg";
/** Tidy data, one row per cell: rows, CSV (BOM, formula-safe) and NDJSON. */
export { CSV_COLUMNS, renderCsv, renderNdjson, type TidyOptions, type TidyRow, tidyRows } from "./tidy";
/** Validation reports: terminal text, HTML, JSON, SARIF 2.1.0, JUnit XML. */
export {
  codeHelpUri,
  type JUnitOptions,
  RULES_DOC,
  renderJUnit,
  renderSarif,
  renderValidationHtml,
  renderValidationJson,
  renderValidationText,
  ruleFamily,
  type SarifOptions,
  type TextOptions,
  uncertaintyNote,
  type ValidatedReport,
  type ValidationRenderOptions,
} from "./validation";
/** XLSX workbooks of the official tables, with the hidden sheets of the import contract (core's WORKBOOK). */
export { isExactDouble, renderXlsx, type XlsxOptions, xlsxValue } from "./xlsx";
