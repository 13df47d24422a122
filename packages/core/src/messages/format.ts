import { cellDef, cellLabel } from "../cells";
import { localCells } from "../cells/local";
import { T3_GROUPS } from "../cells/national";
import type { CellDef } from "../cells/types";
import type { Edition } from "../editions";
import type { Report } from "../report";
import { en } from "./en";
import { type MessageTable, zhCN } from "./zh-CN";

const GROUPS = new Map(T3_GROUPS.map((c) => [c.id, c]));

/** Locales with messages. zh-CN is the default. */
export type Locale = "zh-CN" | "en";

/** The message table of a locale. */
export const messagesFor = (locale: Locale = "zh-CN"): MessageTable => (locale === "en" ? en : zhCN);

/** Resolves cell ids to definitions for a report's edition (local: its declared rows). */
export function cellResolver(edition: Edition, report?: Pick<Report, "local">): (id: string) => CellDef | undefined {
  if (edition !== "local") return (id) => cellDef(edition, id) ?? GROUPS.get(id);
  const m = new Map(localCells(report?.local?.rows ?? []).map((c) => [c.id, c]));
  return (id) => m.get(id);
}

/**
 * Fills a template. `{name}` takes params.name; when the value is a cell id, its short label in the locale.
 * `{name.row}` and `{name.col}` take the row or column label of that cell. Edition and level codes are translated.
 */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>>,
  locale: Locale,
  resolve: (id: string) => CellDef | undefined,
): string {
  const table = messagesFor(locale);
  return template.replace(/\{(\w+)(?:\.(row|col))?\}/g, (whole, name: string, part?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === "string") {
      const def = resolve(value);
      if (def) {
        if (part === "row") return (locale === "en" ? def.rowPathEn : def.rowPath).at(-1) ?? value;
        if (part === "col") return (locale === "en" ? def.colPathEn : def.colPath).at(-1) ?? value;
        return cellLabel(def, locale, true);
      }
      if (name === "edition" || name === "expectedEdition" || name === "previousEdition") return table.editions[value as Edition] ?? value;
      if (name === "level") return table.levels[value as keyof MessageTable["levels"]] ?? value;
    }
    return String(value);
  });
}
