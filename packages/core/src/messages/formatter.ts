import { cellDef, cellLabel } from "../cells";
import { localCells } from "../cells/local";
import { T3_GROUPS } from "../cells/national";
import type { CellDef } from "../cells/types";
import type { Edition } from "../editions";
import type { ImportCode, Issue, ParamValue, ParseCode } from "../issue";
import type { Report } from "../report";
import type { RuleId } from "../rules/ids";
import type { Correction } from "../rules/localize";
import type { MessageTable } from "./zh-CN";

const GROUPS = new Map(T3_GROUPS.map((c) => [c.id, c]));

/** Locales with messages. zh-CN is the default. */
export type Locale = "zh-CN" | "en";

/** Resolves cell ids to definitions for a report's edition (local: its declared rows). */
export function cellResolver(edition: Edition, report?: Pick<Report, "local">): (id: string) => CellDef | undefined {
  if (edition !== "local") return (id) => cellDef(edition, id) ?? GROUPS.get(id);
  const m = new Map(localCells(report?.local?.rows ?? [], report?.local?.columns).map((c) => [c.id, c]));
  return (id) => m.get(id);
}

/** Without a report: the newest national edition that has the cell. */
const anyEdition = (id: string): CellDef | undefined => cellDef("gen2021", id) ?? cellDef("gen2019", id) ?? cellDef("gen2014", id) ?? GROUPS.get(id);

const RESOLVERS = new WeakMap<object, (id: string) => CellDef | undefined>();
function resolverFor(report: Pick<Report, "edition" | "local"> | undefined): (id: string) => CellDef | undefined {
  if (!report) return anyEdition;
  let r = RESOLVERS.get(report);
  if (!r) {
    r = cellResolver(report.edition, report);
    RESOLVERS.set(report, r);
  }
  return r;
}

const isRuleIssue = (i: Issue): i is Issue & { code: RuleId } => i.phase === "rule";

/** The template of an issue or correction in a locale's table. */
function templateOf(item: Issue | Correction, table: MessageTable): string {
  if (!("phase" in item)) return table.fix[item.code];
  if (item.phase === "import") return table.import[item.code as ImportCode] ?? item.code;
  if (item.phase === "parse") return table.parse[item.code as ParseCode] ?? item.code;
  if (isRuleIssue(item)) {
    if (item.status === "pass") return table.pass;
    if (item.status === "not-assessable") return table.reasons[item.reason ?? "no_data"];
    return table.rules[item.code] ?? item.code;
  }
  return item.code;
}

/**
 * The message of an issue (parse, import or rule) or of a suggested correction, in the table's locale: the one place where
 * words are made. Cell ids in the parameters become the cells' labels of the report's edition (pass the report; without
 * it, the newest edition that has the cell). A rule finding that read cells the import could not confirm says so.
 */
export function formatWith(table: MessageTable, item: Issue | Correction, report?: Pick<Report, "edition" | "local">): string {
  const resolve = resolverFor(report);
  let text = fillWith(table, templateOf(item, table), item.params, resolve);
  if ("phase" in item && item.status === "fail" && typeof item.params.quotes === "string") text += fillWith(table, table.quotesPart, item.params, resolve);
  if ("phase" in item && item.uncertainCells?.length && item.status === "fail")
    return text + fillWith(table, table.uncertain, { count: item.uncertainCells.length, cells: item.uncertainCells }, resolve);
  return text;
}

/**
 * Fills a template with a locale's table. `{name}` takes params.name; when the value is a cell id, its short label in
 * the locale. `{name.row}` and `{name.col}` take the row or column label of that cell. Vocabulary keys are worded.
 */
export function fillWith(
  table: MessageTable,
  template: string,
  params: Readonly<Record<string, ParamValue>>,
  resolve: (id: string) => CellDef | undefined,
): string {
  const locale = table.locale;
  const word = (words: Readonly<Record<string, string>>, key: string): string => (Object.hasOwn(words, key) ? (words[key] as string) : key);
  const one = (name: string, value: string, part: string | undefined): string => {
    const def = resolve(value);
    if (def) {
      if (part === "row") return (locale === "en" ? def.rowPathEn : def.rowPath).at(-1) ?? value;
      if (part === "col") return (locale === "en" ? def.colPathEn : def.colPath).at(-1) ?? value;
      return cellLabel(def, locale, true);
    }
    if (name === "edition" || name === "expectedEdition" || name === "previousEdition") return word(table.editions, value);
    if (name === "level") return word(table.levels, value);
    if (name === "expected") return word(table.expected, value);
    if (name === "what") return Object.hasOwn(table.limits, value) ? word(table.limits, value) : word(table.binary, value);
    if (name === "by") return word(table.evidence, value);
    if (name === "chosen") return word(table.chosen, value);
    if (name === "why") return word(table.inexact, value);
    if (name === "table") return word(table.tables, value);
    if (name === "unit") return word(table.units, value);
    return value;
  };
  return template.replace(/\{(\w+)(?:\.(row|col))?\}/g, (whole, name: string, part?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === "number") return String(value);
    if (typeof value === "string") return one(name, value, part);
    const quote = ["“", "”"] as const;
    return value.map((v) => (resolve(v) && !part ? `${quote[0]}${one(name, v, part)}${quote[1]}` : one(name, v, part))).join(table.listSeparator);
  });
}
