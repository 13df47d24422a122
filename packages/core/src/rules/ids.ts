/** Every rule id, in catalogue order. Rule ids are public API and never renamed. */
export const RULE_IDS = [
  // report level
  "CELL-NOT-NUMERIC",
  "TOTAL-MISSING",
  "META-GEN-DETECT",
  "META-SECTIONS",
  "META-PERIOD",
  "META-EMPTY-SECTION",
  "YOY-IDENTICAL",
  // local tables
  "OLD-SUBSET",
  "LOCAL-ITEMS-SUM",
  "LOCAL-CUM-GE-CURRENT",
  "LOCAL-CUM-YOY",
  // 2014–2018
  "OLD-INT",
  "OLD-PUB-CHAN-UPPER",
  "OLD-PUB-CHAN-LOWER",
  "OLD-PUB-CHAN-NODEDUP",
  "OLD-PUB-NORM-SUBSET",
  "OLD-PUB-NORM-ISSUED",
  "OLD-RESP-LEAD-PRESS",
  "OLD-RESP-LEAD-INTERVIEW",
  "OLD-RESP-HOTSPOT-UPPER",
  "OLD-APP-CHANNEL-SUM",
  "OLD-APP-DONE-SUM",
  "OLD-APP-REPLY-SUM",
  "OLD-APP-DENY-SUM",
  "OLD-APP-DONE-REPLY",
  "OLD-APP-DONE-LE-RECEIVED",
  "OLD-REVIEW-SUM",
  "OLD-LITIG-SUM",
  "OLD-STAFF-SUM",
  "OLD-TRAIN-PLAUSIBLE",
  // 2019 / 2021 section 二
  "T2-INT",
  "T2-19-PUB-LE-TOTAL",
  "T2-19-ITEMS-NONNEG",
  "T2-19-PROC-ZERO",
  "T2-19-PROC-UNIT",
  "T2-21-VALID-YOY",
  "T2-21-VALID-GE",
  "T2-RULE-AUTHORITY",
  "T2-21-FEE-MAGNITUDE",
  // section 三
  "T3-INT",
  "T3-OUTCOME-SUM",
  "T3-BALANCE",
  "T3-ROW-TOTAL",
  "T3-TOTAL-MISSING",
  "T3-OTHER-SPLIT",
  "T3-YOY-CARRY",
  // section 四
  "T4-INT",
  "T4-REVIEW-SUM",
  "T4-LIT-DIRECT-SUM",
  "T4-LIT-AFTER-SUM",
  // narrative against table
  "NARR-PUB-TOTAL",
  "NARR-PUB-CHANNEL",
  "NARR-APP-RECEIVED",
  "NARR-APP-CHANNEL",
  "NARR-APP-CARRY-IN",
  "NARR-APP-DONE",
  "NARR-APP-CARRY-OUT",
  "NARR-APP-OUTCOME",
  "NARR-REVIEW",
  "NARR-LITIG",
  "NARR-NORM-DOCS",
  "NARR-PRESS",
  "NARR-FEE",
] as const;

/** A rule id. */
export type RuleId = (typeof RULE_IDS)[number];

/** Why a rule could not be assessed. */
export const NOT_ASSESSABLE_REASONS = [
  "no_data",
  "non_numeric",
  "no_previous",
  "previous_edition",
  "previous_year",
  "previous_body",
  "row_missing",
  "level_unknown",
  "year_unknown",
  "no_sections",
] as const;

/** Why a rule could not be assessed. */
export type NotAssessableReason = (typeof NOT_ASSESSABLE_REASONS)[number];
