// Public API of @gov-disclosure/core. Anything not listed here is internal.

export { cellDef, cellLabel, cellsOf, reportCells, tablesOf } from "./cells";
export { LOCAL_COLUMNS, type LocalColumn, type LocalRow, localCells, localColumnsOf } from "./cells/local";
export { OLD_ROWS } from "./cells/gen2014";
export {
  type NationalEdition,
  T2_2019_CELLS,
  T2_2021_CELLS,
  T3_BALANCE_NOTE,
  T3_COLUMNS,
  T3_GROUPS,
  T3_OUTCOME_ROWS,
  T3_ROWS,
  T4_BLOCKS,
  T4_COLUMNS,
} from "./cells/national";
export type { Axis, CellDef, CellKind, TableDef, TableId, Unit } from "./cells/types";
export { blankReport, type CreateReportInput, createReport, withCell } from "./create";
export { EDITION_INFO, EDITIONS, type Edition, editionForYear, isEdition, SECTION_TITLES } from "./editions";
export { type FlatCell, flattenReport } from "./flatten";
export {
  type BinaryKind,
  type CorrectionCode,
  describeValue,
  type EvidenceKind,
  type ExpectedKind,
  IMPORT_CODES,
  type ImportCode,
  type ImportIssue,
  type ImportIssueExtra,
  type ImportParams,
  type LimitKind,
  type Issue,
  type IssueCode,
  type IssueStatus,
  importIssue,
  isUncertain,
  PARSE_CODES,
  type ParamValue,
  type ParseCode,
  type ParseIssue,
  type ParseParams,
  type Phase,
  parseIssue,
  type Severity,
  toDotPath,
  UNCERTAIN_CODES,
  absentCellsOf,
  uncertainCellsOf,
} from "./issue";
export { en as messagesEn } from "./messages/en";
export { cellResolver, fillTemplate, formatIssue, type Locale, messagesFor } from "./messages/format";
export { fillWith, formatWith } from "./messages/formatter";
export { type MessageTable, zhCN as messagesZhCN } from "./messages/zh-CN";
export { type ParseResult, parseReport, parseReportJson, serializeReport, stringifyReport } from "./parse";
export {
  LEVELS,
  type Level,
  type LocalTableSpec,
  type NarrativeClaim,
  type Report,
  type ReportMeta,
  type Section,
  type SourceLocation,
} from "./report";
/** The rules of an edition, as `validateReport` runs them. */
export { rulesFor } from "./rules/catalogue";
/** The rule catalogue, each rule with its basis and formula. */
export { RULE_DOCS, RULES, ruleById } from "./rules/docs";
export {
  brokenWithin,
  deriveTotals,
  type EditionIdentity,
  type Finding,
  type FindingStatus,
  fillTotals,
  identitiesOf,
  type ValidateOptions,
  type ValidationResult,
  validateReport,
} from "./rules/engine";
export { NOT_ASSESSABLE_REASONS, type NotAssessableReason, RULE_IDS, type RuleId } from "./rules/ids";
export type { Correction, FaultArea } from "./rules/localize";
export type { CheckRule, DerivedRule, Identity, IdentityRule, Outcome, RuleContext, RuleDef, RuleDocs, RuleLogic, Term } from "./rules/types";
export { cellJsonSchema, jsonSchemaFor, ReportJson, ReportJsonSchemas, schemaId } from "./schema";
export {
  BLANK,
  type BlankValue,
  type CellJson,
  type CellValue,
  type CountValue,
  cellRecord,
  count,
  decodeCell,
  displayCell,
  encodeCell,
  hasNumber,
  isEmptyish,
  type MoneyValue,
  money,
  type NaValue,
  type NoneValue,
  numericOf,
  specialValue,
  type TextValue,
} from "./value";
export { Decimal } from "decimal.js";
/** Exact sum and product of two decimals, whatever their number of digits (decimal.js alone rounds to 20 significant digits). */
export { plusExact, timesExact } from "./rules/num";
export { narrativeRuleFor } from "./rules/narrative";
export { rulesMarkdown } from "./docs/rulesMarkdown";
export { type AggregateExclusion, type AggregateResult, aggregateReports } from "./aggregate";
export { MARKDOWN_TABLES, WORKBOOK, type WorkbookMeta } from "./workbook";
export {
  type Exactness,
  INDICATOR_IDS,
  INDICATORS,
  type IndicatorDef,
  type IndicatorId,
  type IndicatorMapping,
  type IndicatorValue,
  indicatorsMarkdown,
  indicatorsOf,
} from "./indicators";
