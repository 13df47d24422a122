import { type CellKind, type CellValue, count, Decimal, displayCell, money, specialValue } from "@gov-disclosure/core";

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u3000]+/g;
const MINUS = /^[\u2212\u2012\uFE63]/;
const COUNT_RE = /^([+-]?)(\d+)$/;
const MONEY_RE = /^([+-]?\d+(?:\.\d+)?)(万元|元)?$/;
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?(万元|元)?$/;
const UNIT_SUFFIX = /(条|件|次|篇|个|人次|人)$/;

/**
 * Normalises what someone typed into a cell: full-width digits and signs (０-９, －, ＋, ．, ，) become ASCII,
 * spaces go, thousands separators in a well-formed number ("1,234") go.
 */
export function normalizeEntry(text: string): string {
  let t = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(SPACES, "");
  t = t.replace(MINUS, "-");
  if (GROUPED_RE.test(t)) t = t.replace(/,/g, "");
  return t;
}

/**
 * Reads the text typed into a cell of the given kind as a cell value. Blank, "—", "/", "无" stay themselves (never 0);
 * counts must be whole numbers ("12", "１２", "12件"); money is a decimal with an optional 元/万元; anything else is kept
 * as text, which the rules flag (CELL-NOT-NUMERIC).
 */
export function parseEntry(text: string, kind: CellKind): CellValue {
  const raw = text.trim();
  const t = normalizeEntry(raw);
  if (t === "") return specialValue("");
  // "—", "/" and "无" as typed, or once spaces and full-width forms are gone ("— —", "／").
  for (const candidate of [raw, t]) {
    const special = specialValue(candidate);
    if (special.kind === "na" || special.kind === "none") return special;
  }
  if (kind === "money") {
    const m = MONEY_RE.exec(t);
    if (m?.[1]) {
      const unit = m[2] as "元" | "万元" | undefined;
      return money(new Decimal(m[1]), unit);
    }
    return specialValue(raw);
  }
  const m = COUNT_RE.exec(t.replace(UNIT_SUFFIX, ""));
  if (m?.[2] !== undefined) {
    const n = Number(`${m[1] === "-" ? "-" : ""}${m[2]}`);
    if (Number.isSafeInteger(n)) return count(n === 0 ? 0 : n);
  }
  return specialValue(raw);
}

/** The text to show in an input for a cell value: the number, the glyph, or "" for blank. */
export const entryText = (v: CellValue | undefined): string => displayCell(v);

/** True when two cell values are the same value (same kind, same number or glyph). */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return entryText(a) === entryText(b) && (a?.kind ?? "blank") === (b?.kind ?? "blank");
}
