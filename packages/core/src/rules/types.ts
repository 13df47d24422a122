import type { CellDef } from "../cells/types";
import type { Edition } from "../editions";
import type { Severity } from "../issue";
import type { Report } from "../report";
import type { CellValue } from "../value";
import type { NotAssessableReason, RuleId } from "./ids";
import type { Num } from "./num";

/** One term of a linear identity: a cell of this report (or of the previous year's, with `prev`), added or subtracted. */
export interface Term {
  readonly cell: string;
  readonly prev?: boolean;
  readonly neg?: boolean;
}

/**
 * One instance of a linear rule: Σ lhs REL Σ rhs. `eq` and `le` compare sums; `ge-max` says the single lhs cell is
 * at least every rhs cell.
 */
export interface Identity {
  /** Unique within the rule: the column or row it is about. */
  readonly key: string;
  readonly rel: "eq" | "le" | "ge-max";
  readonly lhs: readonly Term[];
  readonly rhs: readonly Term[];
  /** Message parameters naming cells (by id) or plain values. */
  readonly params?: Readonly<Record<string, string>>;
  /** When lhs is one total cell left blank, emit this warning with the derived value instead of failing. */
  readonly totalMissing?: RuleId;
}

/** What a rule check reports before its message is written. */
export interface Outcome {
  readonly status: "fail" | "pass" | "not-assessable";
  readonly cells: readonly string[];
  readonly key?: string;
  readonly expected?: Num;
  readonly actual?: Num;
  readonly reason?: NotAssessableReason;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** What a rule sees: the report, the previous year's report when given, and cell look-ups. */
export interface RuleContext {
  readonly report: Report;
  readonly previous: Report | undefined;
  readonly edition: Edition;
  /** The cell's value, or undefined when missing (blank). */
  cell(id: string): CellValue | undefined;
  /** A cell of the previous year's report. */
  prevCell(id: string): CellValue | undefined;
  /** The number a cell contributes: its value, a blank total's value derived from its parts, 0 for blank/dash/无, undefined for text. */
  effective(id: string): Num | undefined;
  /** The definition of a cell of the report's edition (local: of its declared rows). */
  def(id: string): CellDef | undefined;
  /** Every cell id of the report's edition (local: of its declared rows). */
  readonly cellIds: readonly string[];
}

/** What every rule has: its id, the editions it applies to and its severity. */
interface RuleBase {
  readonly id: RuleId;
  readonly editions: readonly Edition[];
  readonly severity: Severity;
  /**
   * Set when the rule compares with the previous year's report: the editions that report may have. The engine alone
   * decides "not assessable" when no previous report is given, when it is of another edition, another year or another body.
   */
  readonly previous?: readonly Edition[];
}

/** A linear rule: its identities, evaluated by the engine (blank totals derived, corrections localised). */
export interface IdentityRule extends RuleBase {
  readonly kind: "identity";
  /** The identities for the context. For a national edition they may depend on the edition only: the engine builds them once. */
  readonly identities: (ctx: RuleContext) => readonly Identity[];
}

/** Any other rule: one small check that returns its outcomes. */
export interface CheckRule extends RuleBase {
  readonly kind: "check";
  readonly check: (ctx: RuleContext) => readonly Outcome[];
}

/** A rule with no check of its own: emitted by the engine for the identities of other rules (a blank total). */
export interface DerivedRule extends RuleBase {
  readonly kind: "derived";
}

/** What the engine runs of a rule: an identity rule, a check rule or a derived rule, never two at once. */
export type RuleLogic = IdentityRule | CheckRule | DerivedRule;

/** Where a rule comes from and what it states: text for documentation, SARIF and reports (not needed to validate). */
export interface RuleDocs {
  /** The format row, printed note or 条例 article the rule comes from. */
  readonly basis: { readonly zh: string; readonly en: string };
  /** The formula, in the labels of the format. */
  readonly formula: string;
}

/** A rule of the catalogue (`RULES`): what the engine runs and its documentation. */
export type RuleDef = RuleLogic & RuleDocs;
