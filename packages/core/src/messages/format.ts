import type { CellDef } from "../cells/types";
import type { Issue, ParamValue } from "../issue";
import type { Report } from "../report";
import type { Correction } from "../rules/localize";
import { en } from "./en";
import { fillWith, formatWith, type Locale } from "./formatter";
import { type MessageTable, zhCN } from "./zh-CN";

export { cellResolver, type Locale } from "./formatter";

/** The message table of a locale. */
export const messagesFor = (locale: Locale = "zh-CN"): MessageTable => (locale === "en" ? en : zhCN);

/**
 * The message of an issue (parse, import or rule) or of a suggested correction, in the locale: the one place where
 * words are made. Cell ids in the parameters become the cells' labels of the report's edition (pass the report; without
 * it, the newest edition that has the cell). A rule finding that read cells the import could not confirm says so.
 * (To carry one locale's table only, use `formatWith` from `@gov-disclosure/core/validator`.)
 */
export const formatIssue = (item: Issue | Correction, locale: Locale = "zh-CN", report?: Pick<Report, "edition" | "local">): string =>
  formatWith(messagesFor(locale), item, report);

/**
 * Fills a template. `{name}` takes params.name; when the value is a cell id, its short label in the locale.
 * `{name.row}` and `{name.col}` take the row or column label of that cell. Edition, level, unit and other vocabulary
 * keys are worded in the locale; lists are joined.
 */
export const fillTemplate = (
  template: string,
  params: Readonly<Record<string, ParamValue>>,
  locale: Locale,
  resolve: (id: string) => CellDef | undefined,
): string => fillWith(messagesFor(locale), template, params, resolve);
