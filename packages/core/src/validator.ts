// @gov-disclosure/core/validator: what a form needs to check a report, without the JSON parser (zod), the JSON
// Schemas or the message tables. Add one locale's messages from `@gov-disclosure/core/messages/zh-CN` (or `/en`) and
// word issues with `formatWith(table, issue, report)`.

/** Cell definitions: the cells of an edition, of a report, one cell, its label. */
export { cellDef, cellLabel, cellsOf, reportCells, tablesOf } from "./cells";
/** The table constants of the 2019 and 2021 formats. */
export { T3_BALANCE_NOTE, T3_COLUMNS, T3_OUTCOME_ROWS, T3_ROWS, T4_BLOCKS, T4_COLUMNS } from "./cells/national";
/** Cell, table and axis types. */
export type { CellDef, CellKind, TableDef, TableId, Unit } from "./cells/types";
/** Build reports in code. */
export { blankReport, type CreateReportInput, createReport, withCell } from "./create";
/** Editions and the year each applies to. */
export { EDITIONS, type Edition, editionForYear, SECTION_TITLES } from "./editions";
/** The issue model. */
export { type ImportIssue, type Issue, type IssueCode, importIssue, type Severity, uncertainCellsOf } from "./issue";
/** Words an issue or correction with one locale's table. */
export { cellResolver, fillWith, formatWith, type Locale } from "./messages/formatter";
/** The shape of a locale's message table. */
export type { MessageTable } from "./messages/zh-CN";
/** The report model. */
export type { Report, ReportMeta, Section, SourceLocation } from "./report";
/** The rules of an edition, as `validateReport` runs them (their basis and formula: `RULES` of the main entry). */
export { rulesFor } from "./rules/catalogue";
/** Rule types. */
export type { CheckRule, DerivedRule, Identity, IdentityRule, Outcome, RuleContext, RuleDocs, RuleLogic, Term } from "./rules/types";
/** Validation. */
export {
  deriveTotals,
  type EditionIdentity,
  type Finding,
  fillTotals,
  identitiesOf,
  type ValidateOptions,
  type ValidationResult,
  validateReport,
} from "./rules/engine";
/** Rule ids. */
export { RULE_IDS, type RuleId } from "./rules/ids";
/** Corrections and fault areas. */
export type { Correction, FaultArea } from "./rules/localize";
/** Cell values. */
export { BLANK, type CellValue, count, displayCell, money } from "./value";
