import Decimal from "decimal.js";
import type { CellKind } from "./cells/types";

/** A number of a count cell: a safe integer (non-negative unless the cell is signed). */
export interface CountValue {
  readonly kind: "count";
  readonly value: number;
}
/** An amount of money, exact. `unit` is set when the source wrote one in the cell ("251000元"). */
export interface MoneyValue {
  readonly kind: "money";
  readonly value: Decimal;
  readonly unit?: "元" | "万元";
}
/** An empty cell (empty text, `&nbsp;`). Counts as 0 inside sum rules only. */
export interface BlankValue {
  readonly kind: "blank";
}
/** A dash or slash ("—", "——", "-", "－", "/"): not applicable. Counts as 0 inside sum rules only. */
export interface NaValue {
  readonly kind: "na";
  readonly raw: string;
}
/** "无" in a numeric cell: none. Counts as 0 inside sum rules only. */
export interface NoneValue {
  readonly kind: "none";
  readonly raw: string;
}
/** Any other text in a numeric cell, kept as written and flagged by CELL-NOT-NUMERIC. */
export interface TextValue {
  readonly kind: "text";
  readonly raw: string;
}

/** The value of one cell. Blank, not-applicable, "无" and 0 stay distinct. */
export type CellValue = CountValue | MoneyValue | BlankValue | NaValue | NoneValue | TextValue;

/** The JSON form of a cell value in canonical report JSON. */
export type CellJson = number | string | null;

/** The blank cell value. */
export const BLANK: BlankValue = Object.freeze({ kind: "blank" });

const NA_GLYPHS = new Set(["—", "——", "-", "－", "/", "／", "–", "―", "——————", "--"]);
const NONE_GLYPHS = new Set(["无"]);
const MONEY_RE = /^(-?\d+(?:\.\d+)?)(万元|元)?$/;

/** Builds a count value. (`createReport` and `withCell` refuse counts that are not safe integers.) */
export const count = (value: number): CountValue => ({ kind: "count", value });
/** Builds a money value from a decimal string or a Decimal. */
export const money = (value: string | Decimal, unit?: "元" | "万元"): MoneyValue =>
  unit ? { kind: "money", value: new Decimal(value), unit } : { kind: "money", value: new Decimal(value) };

/**
 * A new object for a report's cells (or sources), with `from`'s own entries copied in. @internal
 * V8 keeps it as a hash table from the start (a null-prototype object, given Object.prototype back). A plain `{}` filled
 * key by key gets a hidden class per set of keys, and a report's 50–200 keys differ from report to report, so every
 * read of a cell missed V8's caches: reads were 3× slower, and validation a third slower.
 */
export function cellRecord<T = CellValue>(from?: Readonly<Record<string, T>>): Record<string, T> {
  const o: Record<string, T> = Object.setPrototypeOf(Object.create(null), Object.prototype);
  // own keys copied as own keys (an own "__proto__" key too, which an assignment would take for the prototype)
  if (from)
    for (const k of Object.keys(from))
      if (k === "__proto__") Object.defineProperty(o, k, { value: from[k], enumerable: true, writable: true, configurable: true });
      else o[k] = from[k] as T;
  return o;
}

/** Why a JSON cell value was refused: a short code and the expectation, for a schema issue. */
export interface CellDecodeError {
  readonly code: "not_integer" | "unsafe_integer" | "not_decimal" | "invalid_type";
  readonly expected: string;
}

/** Reads a text cell that holds no number: blank, dash, 无, or other text. */
export function specialValue(raw: string): BlankValue | NaValue | NoneValue | TextValue {
  const t = raw.trim();
  if (t === "") return BLANK;
  if (NA_GLYPHS.has(t)) return { kind: "na", raw: t };
  if (NONE_GLYPHS.has(t)) return { kind: "none", raw: t };
  return { kind: "text", raw };
}

/**
 * Decodes one cell of canonical JSON for a cell of the given kind.
 * Counts are JSON numbers that are safe integers; money is a decimal string (a JSON number is accepted when it is
 * an integer, or has at most 15 significant digits so that it round-trips exactly); null is blank; any other string is
 * kept as dash, 无 or text.
 */
export function decodeCell(json: unknown, kind: CellKind): CellValue | CellDecodeError {
  if (json === null || json === undefined) return BLANK;
  if (typeof json === "number") {
    if (!Number.isFinite(json)) return { code: "invalid_type", expected: kind === "money" ? "decimal string" : "integer" };
    if (kind === "money") {
      if (Number.isInteger(json)) {
        if (!Number.isSafeInteger(json)) return { code: "unsafe_integer", expected: "amount as a decimal string" };
        return money(new Decimal(json));
      }
      const s = String(json);
      if (s.includes("e") || s.replace(/^-?0\.0*|[-.]/g, "").length > 15) return { code: "not_decimal", expected: "amount as a decimal string" };
      return money(s);
    }
    if (!Number.isInteger(json)) return { code: "not_integer", expected: "integer" };
    if (!Number.isSafeInteger(json)) return { code: "unsafe_integer", expected: `integer of at most ${Number.MAX_SAFE_INTEGER}` };
    return count(json === 0 ? 0 : json);
  }
  if (typeof json === "string") {
    if (kind === "money") {
      const m = MONEY_RE.exec(json.trim());
      if (m?.[1]) return money(m[1], m[2] as "元" | "万元" | undefined);
    }
    return specialValue(json);
  }
  return { code: "invalid_type", expected: kind === "money" ? "decimal string, number or null" : "integer, string or null" };
}

/** True when `v` is a decode error rather than a value. */
export const isDecodeError = (v: CellValue | CellDecodeError): v is CellDecodeError => "code" in v;

/** Encodes a cell value as canonical JSON: counts as numbers, money as decimal strings, specials as their glyph. */
export function encodeCell(v: CellValue): CellJson {
  switch (v.kind) {
    case "count":
      return v.value;
    case "money":
      return v.unit ? `${v.value.toFixed()}${v.unit}` : v.value.toFixed();
    case "blank":
      return null;
    case "na":
    case "none":
    case "text":
      return v.raw;
  }
}

/** The value a cell contributes to a sum rule: its number, 0 for blank/dash/无, or undefined for text. */
export function numericOf(v: CellValue | undefined): number | Decimal | undefined {
  if (!v) return 0;
  switch (v.kind) {
    case "count":
      return v.value;
    case "money":
      return v.value;
    case "text":
      return undefined;
    default:
      return 0;
  }
}

/** True when the cell holds a number (count or money). */
export const hasNumber = (v: CellValue | undefined): v is CountValue | MoneyValue => v?.kind === "count" || v?.kind === "money";

/** True when the cell is empty or not applicable: blank, dash, 无 or missing. */
export const isEmptyish = (v: CellValue | undefined): boolean => !v || v.kind === "blank" || v.kind === "na" || v.kind === "none";

/** Displays a cell value as text: the number, the glyph, or "" for blank. */
export function displayCell(v: CellValue | undefined): string {
  if (!v) return "";
  const j = encodeCell(v);
  return j === null ? "" : String(j);
}
