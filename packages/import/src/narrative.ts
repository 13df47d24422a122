import {
  cellsOf,
  type Edition,
  type ImportIssue,
  identitiesOf,
  importIssue,
  type NarrativeClaim,
  narrativeRuleFor,
  type ReportMeta,
  type Section,
  type SourceLocation,
} from "@gov-disclosure/core";
import type { Compact } from "./normalize";
import { parseProseNumber } from "./numbers";
import type { Part } from "./split";

/** The Chinese numerals a stated number may be written in (万 included). */
const CN_NUMERALS = "零〇一二两三四五六七八九十百千万";
/** The words that make a stated number approximate ("约12件"). */
const APPROX_WORDS = ["约", "近", "超过", "逾"] as const;
// A number starts where no numeral stands before it: without the look-behind a pattern that begins with a number
// would be tried at every digit of a long run of digits (or 一, 万), each try reading to the run's end — the square of
// the run. With it, every try inside a run fails at once.
const NUM = `(?<![\\d.${CN_NUMERALS}])(\\d+(?:\\.\\d+)?万?|[${CN_NUMERALS}]+)`;
const APPROX_BEFORE = `(${APPROX_WORDS.join("|")})?`;
/**
 * A character of the same clause between a claim's words and its number: no sentence or clause end (the text claims
 * are read from is folded, full-width "，" and "；" are "," and ";" there; both forms are listed), no digit.
 */
const IN_CLAUSE = "[^，。；,;\\d]";

/** Title, body, year and publication date, when the document states them. @internal */
export function readMeta(c: Compact): ReportMeta & { title?: string } {
  const meta: { title?: string; body?: string; year?: number; publishedAt?: string } = {};
  const t = c.text;
  // (looked for only where "标题:" stands: the pattern alone is tried at every character of a text without one)
  const titled = t.includes("标题:") ? /标题:([^\n]{4,80}?政府信息公开工作年度报告)/.exec(t) : null;
  const m =
    /([\u4e00-\u9fff（）()]{2,40}?)(\d{4})年度?政府信息公开(?:工作)?年度报告/.exec(titled?.[1] ?? t) ??
    /(\d{4})年度?([\u4e00-\u9fff（）()]{2,40}?)政府信息公开(?:工作)?年度报告/.exec(titled?.[1] ?? t);
  const bodyOf = (x: RegExpExecArray) => (/^\d{4}$/.test(x[1]!) ? x[2]! : x[1]!);
  if (m && !/信息公开|关于|通知|落实|要点/.test(bodyOf(m)) && !/^(?:有关|的通知|编制)/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 4))) {
    meta.title = m[0];
    const yearFirst = /^\d{4}$/.test(m[1]!);
    meta.year = Number(yearFirst ? m[1] : m[2]);
    const body = (yearFirst ? m[2] : m[1])!.replace(/^(?:当前位置|首页|标题|报告)+/, "");
    if (body.length >= 2) meta.body = body;
  }
  const d = /发布(?:日期|时间):(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (d) meta.publishedAt = `${d[1]}-${d[2]!.padStart(2, "0")}-${d[3]!.padStart(2, "0")}`;
  if (!meta.year) {
    const p = /统计期限[^\d]{0,4}(\d{4})年1月1日/.exec(t);
    if (p) meta.year = Number(p[1]);
  }
  return meta;
}

const SECTION_RE =
  /([一二三四五六七八九十])、(总体情况|基本概况|概述|主动公开政府信息(?:的)?情况|主动公开情况|收到和处理政府信息公开申请情况|政府信息依申请公开工作情况|依申请公开政府信息情况|依申请公开情况|(?:因政府信息公开(?:申请|工作)?)?(?:被申请)?(?:申请)?行政复议[、和]?(?:提起)?(?:行政)?诉讼(?:的)?情况|政府信息公开行政复议、行政诉讼情况|收费及减免情况|(?:政府信息公开工作)?存在的主要问题(?:及|和)改进(?:情况|措施)|其他需要报告的事项|政府信息公开情况统计表)/g;
const NUMERALS = "一二三四五六七八九十";

/**
 * `src` (the prepared text) from `from` to `to` with the document's own characters put back where preparing only
 * folded them (full-width punctuation, curly quotes): prose keeps its punctuation, while blanked page furniture and
 * heading marks stay blank. `original` has the same offsets as `src`, which differs from it only by folding (a
 * character for its folded one, spaces of every width for " ") and blanking (" " for anything but "\n"): the result
 * is `original` with a space wherever `src` holds one, found with `indexOf` (prose has few) rather than by comparing
 * the two texts character by character. A test holds it to the comparison. @internal
 */
export function unfolded(src: string, original: string | undefined, from: number, to: number): string {
  if (original === undefined || original.length !== src.length) return src.slice(from, to);
  const parts: string[] = [];
  let at = from;
  // searched in the stretch alone (a search of the whole text would run on past `to` at every call)
  const stretch = src.slice(from, to);
  for (let k = stretch.indexOf(" "); k >= 0; k = stretch.indexOf(" ", k + 1)) {
    const i = from + k;
    if (original.charCodeAt(i) === 32) continue;
    parts.push(original.slice(at, i), " ");
    at = i + 1;
  }
  if (at === from) return original.slice(from, to);
  parts.push(original.slice(at, to));
  return parts.join("");
}

/**
 * The numbered narrative sections (一…六, or the old outline), in order. Prose comes from `original` (the document's
 * text, same offsets as `src`) where given, so that full-width punctuation is kept. @internal
 */
export function readSections(src: string, c: Compact, tableRanges: readonly [number, number][], original?: string): Section[] {
  const heads: { n: number; title: string; start: number; end: number }[] = [];
  let want = 1;
  SECTION_RE.lastIndex = 0;
  for (let m = SECTION_RE.exec(c.text); m; m = SECTION_RE.exec(c.text)) {
    const n = NUMERALS.indexOf(m[1]!) + 1;
    if (n < want || n > want + 1) continue;
    heads.push({ n, title: m[0], start: c.map[m.index]!, end: c.map[m.index + m[0].length - 1]! + 1 });
    want = n + 1;
  }
  return heads.map((h, i) => {
    const next = heads[i + 1];
    let end = next ? next.start : Math.min(src.length, h.end + 20000);
    for (const [a] of tableRanges) if (a > h.end && a < end && i === heads.length - 1) end = a;
    // the section's own prose: the tables printed inside it are tables, not text
    let body = "";
    let at = h.end;
    for (const [a, b] of [...tableRanges].sort((x, y) => x[0] - y[0])) {
      if (b <= at || a >= end) continue;
      if (a > at) body += unfolded(src, original, at, a);
      body += "\n";
      at = Math.max(at, b);
    }
    if (at < end) body += unfolded(src, original, at, end);
    // an HTML comment on a line of its own (render's table markers) is no prose
    const text = (body.includes("<!--") ? body.replace(/^[ \t]*<!--[^\n]*?-->[ \t]*$/gm, "") : body)
      .replace(/[ \t\r\f\v]+/g, " ")
      .replace(/\n\s*\n+/g, "\n")
      .trim()
      .slice(0, 20000);
    return { number: h.n, title: h.title, text };
  });
}

interface ClaimRule {
  readonly re: RegExp;
  readonly cell: (edition: Edition, localMain?: string) => string | undefined;
  /** Finds the next match from an offset as `re` does (`lastIndex` then `exec`), faster; `re` when not given. */
  readonly next?: (text: string, from: number) => RegExpExecArray | null;
}

/** The carried-over claim's pattern: it begins with a number, so the regex engine tries it at every character. */
const CARRY_OUT = new RegExp(`${APPROX_BEFORE}${NUM}(余|多)?件(?:申请)?${IN_CLAUSE}{0,12}?(?:结转下年度|顺延到下年度|结转至下年度)`, "g");
const CARRY_OUT_AT = new RegExp(CARRY_OUT.source, "y");
const CARRY_SUFFIX = /结转下年度|顺延到下年度|结转至下年度/g;
const APPROX_FIRST: ReadonlySet<number> = new Set(APPROX_WORDS.map((w) => w.charCodeAt(0)));
const CN_NUMERAL_CODES: ReadonlySet<number> = new Set([...CN_NUMERALS].map((c) => c.charCodeAt(0)));
/** A character a number of the claims may hold (digits, ".", the numerals, 万): `NUM`'s characters. */
const isNumeralCode = (c: number): boolean => (c >= 48 && c <= 57) || c === 46 || CN_NUMERAL_CODES.has(c);

/**
 * `CARRY_OUT`'s next match from `from`, found from the places its ending (结转下年度 …) stands: a match ends at the
 * first such ending after its number (none of 件, 申请, 余, 多, a numeral or an approximation word begins one, and the
 * gap before it is lazy), and starts at most 16 characters before it plus its number's run plus two. Only those
 * starts are tried, each anchored; the regex engine tried every character of the text (15–25 µs a report). A test
 * holds it to the regex on random texts. @internal
 */
export function nextCarryOut(text: string, from: number): RegExpExecArray | null {
  // where `lastIndex = from` would start the search (NaN and below 0 at 0, a fraction rounded down)
  let c = Math.max(0, Math.floor(from) || 0);
  for (;;) {
    CARRY_SUFFIX.lastIndex = c;
    const suffix = CARRY_SUFFIX.exec(text);
    if (!suffix) return null;
    const s = suffix.index;
    let p = Math.max(0, s - 16);
    // (no further back than where the search starts: nothing before it is tried)
    while (p > c && isNumeralCode(text.charCodeAt(p - 1))) p--;
    for (let q = Math.max(c, p - 2); q < s; q++) {
      // a match starts with a digit, a numeral or an approximation word (约 近 超过 逾), and not inside a run of
      // numerals (the number may not follow one)
      const f = text.charCodeAt(q);
      if (isNumeralCode(f) ? f === 46 || (q > 0 && isNumeralCode(text.charCodeAt(q - 1))) : !APPROX_FIRST.has(f)) continue;
      CARRY_OUT_AT.lastIndex = q;
      const m = CARRY_OUT_AT.exec(text);
      if (m) return m;
    }
    c = Math.max(c, s + 1);
  }
}

const natl = (id: string) => (e: Edition) => (e === "gen2019" || e === "gen2021" ? id : undefined);
const t2 = (row: string) => (e: Edition) => (e === "gen2019" ? `t2.${row}.published` : e === "gen2021" ? `t2.${row}.issued` : undefined);

const CLAIMS: readonly ClaimRule[] = [
  {
    re: new RegExp(`主动公开(?:[\\u4e00-\\u9fff]{0,8}?)?政府信息(?:共)?${APPROX_BEFORE}${NUM}(余|多)?条`, "g"),
    cell: (e, main) => (e === "gen2014" ? "old.A1" : e === "local" && main ? `local.${main}.current` : undefined),
  },
  {
    re: new RegExp(`(?:受理|收到|新收)${IN_CLAUSE}{0,30}?申请(?:共)?${APPROX_BEFORE}${NUM}(余|多)?件`, "g"),
    cell: (e) => (e === "gen2014" ? "old.C1" : natl("t3.new.total")(e)),
  },
  {
    re: new RegExp(`(?:收到|受理)${APPROX_BEFORE}${NUM}(余|多)?件(?:政府信息公开)?申请`, "g"),
    cell: (e) => (e === "gen2014" ? "old.C1" : natl("t3.new.total")(e)),
  },
  { re: new RegExp(`(?:办结|答复)(?:政府信息公开申请)?${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.total.total") },
  { re: new RegExp(`上年度?结转(?:申请)?${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.carry_in.total") },
  { re: CARRY_OUT, cell: natl("t3.carry_out.total"), next: nextCarryOut },
  { re: new RegExp(`行政复议(?:案件)?${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: (e) => (e === "gen2014" ? "old.D" : natl("t4.review.total")(e)) },
  // Outcomes of table 三 ("不予公开35件"): a group without a cell of its own is claimed as core's group pseudo-cell
  // (予以公开及部分公开 together: t3.disclosed).
  { re: new RegExp(`(?<!不)予以公开(?![及和与])${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.granted.total") },
  { re: new RegExp(`(?<!不)予以公开(?:及|和|与)部分公开${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.disclosed.total") },
  { re: new RegExp(`不予公开${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.denied.total") },
  { re: new RegExp(`无法提供${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.unable.total") },
  { re: new RegExp(`不予处理${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.rejected.total") },
  { re: new RegExp(`其他处理${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: natl("t3.other.total") },
  { re: new RegExp(`(?:公开|制发|出台|制定)${IN_CLAUSE}{0,10}?规章${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: t2("rules") },
  { re: new RegExp(`(?:公开|制发|出台|制定)${IN_CLAUSE}{0,16}?规范性文件${APPROX_BEFORE}${NUM}(余|多)?件`, "g"), cell: t2("normative") },
  { re: new RegExp(`召开${APPROX_BEFORE}${NUM}(余|多)?场新闻发布会`, "g"), cell: (e) => (e === "gen2014" ? "old.B2_1" : undefined) },
  { re: new RegExp(`在线访谈${APPROX_BEFORE}${NUM}(余|多)?次`, "g"), cell: (e) => (e === "gen2014" ? "old.B2_2" : undefined) },
];

/**
 * `text.lastIndexOf(ch, from)` when the answer is at least `floor`, else a number below `floor` (-1): the search
 * stops at `floor` instead of running back to the start of the text.
 */
function lastWithin(text: string, ch: string, from: number, floor: number): number {
  const code = ch.charCodeAt(0);
  for (let i = Math.min(Math.max(from, 0), text.length - 1); i >= 0 && i >= floor; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Numbers stated in the prose mapped to the cells they speak of (only mappings the wording makes certain). @internal */
export function readClaims(
  c: Compact,
  edition: Edition,
  locate: (offset: number) => SourceLocation,
  tableRanges: readonly [number, number][],
  localMain?: string,
): NarrativeClaim[] {
  const out: NarrativeClaim[] = [];
  const seen = new Set<string>();
  const inTable = (o: number) => tableRanges.some(([a, b]) => o >= a && o < b);
  for (const rule of CLAIMS) {
    const cell = rule.cell(edition, localMain);
    if (!cell || seen.has(cell)) continue;
    const next =
      rule.next ??
      ((text: string, from: number) => {
        rule.re.lastIndex = from;
        return rule.re.exec(text);
      });
    for (let m = next(c.text, 0); m; m = next(c.text, m.index + m[0].length)) {
      const off = c.map[m.index]!;
      if (inTable(off)) continue;
      const value = parseProseNumber(m[2]!);
      if (value === undefined) continue;
      // digits that lost 年/月 ("2021926") are not counts
      if (/^\d{5,}$/.test(m[2]!) && /^(19|20)\d{2}/.test(m[2]!) && Number(m[2]!.slice(4)) < 1232 && cell.startsWith("t3")) continue;
      const sentStart = Math.max(lastWithin(c.text, "。", m.index, m.index - 40), lastWithin(c.text, ",", m.index - 1, m.index - 40), m.index - 40) + 1;
      const approximate = !!(m[1] || m[3] || /万/.test(m[2]!));
      out.push({
        cell,
        value,
        ...(approximate ? { approximate: true } : {}),
        text: c.text.slice(Math.max(0, sentStart), m.index + m[0].length),
        source: locate(off),
      });
      seen.add(cell);
      break;
    }
  }
  return out;
}

/**
 * What no NARR rule of core compares (claims of one cell or one table-三 group are compared there, from
 * `report.claims`): "均维持" against table 四, and a stated breakdown against its stated total. @internal
 */
export function narrativeChecks(
  c: Compact,
  edition: Edition,
  cells: ReadonlyMap<string, Part>,
  claims: readonly NarrativeClaim[],
  locate: (offset: number) => SourceLocation,
): ImportIssue[] {
  const out: ImportIssue[] = [];
  const v = (id: string): number | undefined => {
    const p = cells.get(id);
    return p?.value.kind === "count" ? p.value.value : p?.value.kind === "money" ? p.value.value.toNumber() : undefined;
  };
  if (edition === "gen2019" || edition === "gen2021") {
    const defs = cellsOf(edition);
    // 予以公开及部分公开 is a claim (t3.disclosed, compared by core); here it is one of the stated parts, or, when the
    // prose gives them apart ("予以公开2件，部分公开0件"), 予以公开 and 部分公开 are two
    const combined = /予以公开(?:及|和|与)部分公开(\d+)件/.exec(c.text);
    const groupRes: RegExp[] = [/不予公开(\d+)件/, /无法提供(\d+)件/, /不予处理(\d+)件/, /其他处理(\d+)件/];
    if (!combined) groupRes.push(/(?<!不)予以公开(\d+)件/, /部分公开(\d+)件/);
    const stated = groupRes
      .map((re) => re.exec(c.text))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => Number(m[1]));
    if (combined) stated.push(Number(combined[1]));
    const groupsFound = stated.length;
    // the stated number of applications answered (办结/答复)
    const done = claims.find((cl) => narrativeRuleFor(cl.cell) === "NARR-APP-DONE");
    if (done && groupsFound >= 4) {
      const sum = stated.reduce((a, b) => a + b, 0);
      if (String(sum) !== done.value)
        out.push(
          importIssue(
            "IMPORT-NARRATIVE-BREAKDOWN",
            "warning",
            { sum: String(sum), total: done.value, text: done.text },
            done.source ? { source: done.source } : {},
          ),
        );
    }
    // "复议…诉讼…均获维持": every case of table 四 upheld (its cases: the parts of its block totals)
    const upheld = /(?:复议|诉讼)[^。]{0,30}?均获?维持/.exec(c.text);
    if (upheld) {
      const t4 = new Map(defs.filter((d) => d.table === "t4").map((d) => [d.id, d]));
      const parts = identitiesOf(edition)
        .map((x) => x.identity)
        .filter((i) => i.rel === "eq" && i.lhs.length === 1 && t4.has(i.lhs[0]!.cell))
        .flatMap((i) => i.rhs.map((t) => t.cell));
      const kept = parts.filter((id) => t4.get(id)?.colPath.at(-1) === "结果维持");
      const cases = parts.reduce((a, id) => a + (v(id) ?? 0), 0);
      const held = kept.reduce((a, id) => a + (v(id) ?? 0), 0);
      if (kept[0] && cases > held)
        out.push(
          importIssue(
            "IMPORT-NARRATIVE-MISMATCH",
            "warning",
            { text: upheld[0], claimed: String(cases), cell: kept[0], actual: String(held) },
            { cells: parts, source: locate(c.map[upheld.index]!) },
          ),
        );
    }
  }
  // a stated total followed by a list of its items that does not add up
  const totalRe = /(?:公布|公开)(?:[\u4e00-\u9fff]{0,6})?政府信息(\d+)条|的(\d+)条政府信息中/g;
  for (let m = totalRe.exec(c.text); m; m = totalRe.exec(c.text)) {
    const total = Number(m[1] ?? m[2]);
    const from = m.index + m[0].length;
    const stop = c.text.indexOf("。", from + 1);
    const span = c.text.slice(from, stop < 0 ? from + 600 : Math.min(stop, from + 600));
    const items = [...span.matchAll(/(\d+)条/g)].map((x) => Number(x[1]));
    if (items.length < 3) continue;
    const sum = items.reduce((a, b) => a + b, 0);
    if (sum !== total && sum < total * 1.5 && sum > total * 0.5)
      out.push(
        importIssue(
          "IMPORT-NARRATIVE-BREAKDOWN",
          "warning",
          { sum: String(sum), total: String(total), text: c.text.slice(m.index, Math.min(m.index + 80, from + span.length)) },
          { source: locate(c.map[m.index]!) },
        ),
      );
  }
  return out;
}
