import { type CellKind, type CellValue, count, Decimal, money, plusExact, specialValue, timesExact } from "@gov-disclosure/core";
import { normalizeChars } from "./normalize";

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads a Chinese numeral ("二十三", "一百零五", "二〇一九" digit by digit). Returns undefined when it is not one. */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return undefined;
  if (!/[十百千万]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + (CN_DIGITS[ch] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else if (ch in CN_UNITS) {
      section += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    } else if (ch === "万") {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

const PLAIN_INTEGER = /^(?:0|[1-9]\d{0,14})$/;

/** Parses a prose number: Arabic (with separators, decimals, 万) or Chinese numerals. Returns a decimal string. */
export function parseProseNumber(raw: string): string | undefined {
  const s = normalizeChars(raw).replace(/[,，\s]/g, "");
  // a whole number without leading zeros is its own decimal string (as Decimal would write it)
  if (PLAIN_INTEGER.test(s)) return s;
  const m = /^(\d+(?:\.\d+)?)(万)?$/.exec(s);
  if (m) {
    const d = new Decimal(m[1]!);
    return (m[2] ? timesExact(d, 10000) : d).toFixed();
  }
  const wan = /^(\d+(?:\.\d+)?)万(\d+)$/.exec(s);
  if (wan) return plusExact(timesExact(wan[1]!, 10000), wan[2]!).toFixed();
  const cn = parseChineseNumeral(s);
  return cn === undefined ? undefined : String(cn);
}

const COUNT_RE = /^(0|[1-9]\d*)$/;
const SIGNED_RE = /^([+-]?)(0|[1-9]\d*)$/;
const MONEY_RE = /^(0|[1-9]\d*)(\.\d+)?(万元|元)?$/;
const SEP_RE = /^\d{1,3}(,\d{3})+(\.\d+)?(万元|元)?$/;

/**
 * Reads the text of one table cell as a value of the given kind: numbers (full-width digits, thousands separators,
 * signs for signed cells, decimals and 元/万元 for money, a unit word after a count), or blank / dash / 无 / text.
 */
export function parseCellText(raw: string, kind: CellKind): CellValue {
  // a count written in ASCII digits alone (most cells) is read as the steps below would read it, without them
  if (kind === "count" && raw.length > 0 && raw.length < 16 && asciiDigits(raw)) return count(Number(raw));
  let s = normalizeChars(raw).trim().replace(/\s+/g, "");
  if (SEP_RE.test(s)) s = s.replace(/,/g, "");
  if (kind === "money") {
    const m = MONEY_RE.exec(s) ?? /^(0|[1-9]\d*|\d+)(\.\d+)?(万元|元)?$/.exec(s);
    if (m) return money(m[1]! + (m[2] ?? ""), m[3] as "元" | "万元" | undefined);
  } else if (kind === "signed") {
    const m = SIGNED_RE.exec(s.replace(/^—(?=\d)/, "-"));
    if (m) return count(Number(m[1] === "-" ? -Number(m[2]) : Number(m[2])) || 0);
  } else {
    const t = s.replace(/(条|件|次|篇|个|人次|人)$/, "");
    if (/^\d+$/.test(t) && t.length < 16) return count(Number(t));
  }
  return specialValue(normalizeChars(raw).trim());
}

/** True when every code unit of `s` is an ASCII digit. @internal */
export function asciiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when a digit string is a well-formed value of the kind (no leading zeros) — used by the splitter. */
export function wellFormed(s: string, kind: CellKind): boolean {
  if (kind === "money") return MONEY_RE.test(s) && s.replace(/[^\d]/g, "").length <= 20;
  if (kind === "signed") return SIGNED_RE.test(s) && s.length <= 12;
  return COUNT_RE.test(s) && s.length <= 12;
}

/** The numeric value of a well-formed split part (for identities). Money is compared exactly via Decimal. */
export function partNumber(s: string, kind: CellKind): Decimal {
  const m = /^[+-]?\d+(\.\d+)?/.exec(s);
  const d = new Decimal(m ? m[0] : "0");
  return kind === "money" && s.endsWith("万元") ? d : d;
}
