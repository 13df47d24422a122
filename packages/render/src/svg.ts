import { indicatorsOf, type Locale, numericOf, OLD_ROWS, type Report, T3_COLUMNS, T3_GROUPS, T3_OUTCOME_ROWS, T3_ROWS } from "@gov-disclosure/core";
import { defsOf } from "./defs";
import { escapeXml, safeId } from "./escape";
import { fill, uiFor, whoIn } from "./i18n";

/** One bar of the outcome chart: a row of table 三 (or a group of rows), or a C3 row of the 2014 table. */
export interface OutcomeBar {
  readonly label: string;
  /** The cells summed into this bar. */
  readonly cells: readonly string[];
  readonly value: number;
  /** True when the 总计 cell was blank and the value was derived from the applicant columns. */
  readonly derived: boolean;
  /** 1 for the reasons under 不予公开 / 不同意公开. */
  readonly level: 0 | 1;
}

/** Options of the chart renderers. */
export interface ChartOptions {
  readonly locale?: Locale;
  /** Prefix of the ids inside the SVG (title, desc), so that several charts can share a page. */
  readonly idPrefix?: string;
  /** Width in pixels (default 720). */
  readonly width?: number;
}

const num = (report: Report, id: string): number => {
  const n = numericOf(report.cells[id]);
  return n === undefined ? 0 : Number(n);
};

/** The value of a table 三 row in the 总计 column, or derived from the applicant columns when 总计 is not a number. */
function t3Total(report: Report, row: string): { value: number; derived: boolean; cells: string[] } {
  const total = report.cells[`t3.${row}.total`];
  if (total && (total.kind === "count" || total.kind === "money")) return { value: Number(total.value), derived: false, cells: [`t3.${row}.total`] };
  const parts = T3_COLUMNS.filter((c) => c.id !== "total").map((c) => `t3.${row}.${c.id}`);
  const value = parts.reduce((s, id) => s + num(report, id), 0);
  return { value, derived: value !== 0, cells: parts };
}

/** The rows of the 2014 table whose replies the outcome chart shows: the children of （三）申请答复数, and their children. */
const OLD_OUTCOMES = ((): readonly { id: string; level: 0 | 1 }[] => {
  const children = (parent: string) => OLD_ROWS.filter((r) => r.parent === parent);
  return children("C3").flatMap((r) => [{ id: r.id, level: 0 as const }, ...children(r.id).map((c) => ({ id: c.id, level: 1 as const }))]);
})();

/** The outcome group of table 三 whose reasons get a bar each (（三）不予公开: why information was withheld). */
const DETAILED_GROUP = "denied";

/**
 * The bars of the outcome chart: how applications were decided, from table 三's 总计 column (core's T3_OUTCOME_ROWS, grouped
 * as core's T3_GROUPS group them) or the 2014 table's replies (the rows under C3 in core's OLD_ROWS).
 */
export function outcomeBars(report: Report, locale: Locale = "zh-CN"): OutcomeBar[] {
  const defs = defsOf(report);
  const short = (id: string) => {
    const d = defs.get(id);
    const p = d ? (locale === "en" ? d.rowPathEn : d.rowPath) : [];
    return p[p.length - 1] ?? id;
  };
  if (report.edition === "gen2014")
    return OLD_OUTCOMES.map(({ id, level }) => ({ label: short(`old.${id}`), cells: [`old.${id}`], value: num(report, `old.${id}`), derived: false, level }));
  if (report.edition === "local") return [];
  const rows = T3_ROWS[report.edition];
  const outcome = new Set(T3_OUTCOME_ROWS[report.edition]);
  // A row belongs to a group when its label path runs through the group's label (三、本年度办理结果 › （三）不予公开 › 1.…).
  const groupOf = (path: readonly string[]) => T3_GROUPS.find((g) => path.length > g.rowPath.length && g.rowPath.every((p, i) => path[i] === p));
  const bars: OutcomeBar[] = [];
  const done = new Set<string>();
  for (const r of rows) {
    if (!outcome.has(r.id)) continue;
    const g = groupOf(r.path);
    if (!g) {
      bars.push({ label: short(`t3.${r.id}.total`), ...t3Total(report, r.id), level: 0 });
      continue;
    }
    if (done.has(g.row)) continue;
    done.add(g.row);
    const members = rows.filter((m) => outcome.has(m.id) && groupOf(m.path) === g);
    const parts = members.map((m) => t3Total(report, m.id));
    bars.push({
      label: last(locale === "en" ? g.rowPathEn : g.rowPath),
      cells: parts.flatMap((p) => p.cells),
      value: parts.reduce((s, p) => s + p.value, 0),
      derived: parts.some((p) => p.derived),
      level: 0,
    });
    if (g.row === DETAILED_GROUP)
      members.forEach((m, i) => {
        bars.push({ label: short(`t3.${m.id}.total`), ...(parts[i] as ReturnType<typeof t3Total>), level: 1 });
      });
  }
  return bars;
}

const last = (a: readonly string[]): string => a[a.length - 1] ?? "";

/** A "nice" axis maximum ≥ v: 1, 2 or 5 times a power of ten. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const FONT = `font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','WenQuanYi Zen Hei',sans-serif"`;

/** Truncates a label to about `max` characters for the chart (the full text stays in a nested title). */
const clip = (s: string, max: number): string =>
  Array.from(s).length > max
    ? `${Array.from(s)
        .slice(0, max - 1)
        .join("")}…`
    : s;

/**
 * How applications were decided, as a self-contained horizontal bar chart (SVG): 予以公开, 部分公开, 不予公开 and each
 * of its reasons, 无法提供, 不予处理, 其他处理, from table 三's 总计 column (2019/2021; a blank 总计 is derived from the
 * applicant columns and marked *), or the 2014 table's C3 rows. Text is escaped; `<title>` and `<desc>` describe it.
 */
export function renderOutcomeChart(report: Report, options: ChartOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const id = safeId(options.idPrefix ?? "gd-outcomes");
  const width = options.width ?? 720;
  const bars = outcomeBars(report, locale);
  const who = whoIn(report.meta, locale);
  const title = who ? fill(ui.chartOutcomesOf, { who }, locale) : ui.chartOutcomes;
  const labelW = Math.round(width * 0.42);
  const barW = width - labelW - 70;
  const rowH = 24;
  const top = 48;
  const derived = bars.some((b) => b.derived);
  const height = top + Math.max(bars.length, 1) * rowH + (derived ? 40 : 20);
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const desc = bars.length ? `${ui.chartOutcomesDesc} ${bars.map((b) => `${b.label}: ${b.value}${b.derived ? "*" : ""}`).join("; ")}` : ui.noChartData;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ${FONT} font-size="13">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  if (!bars.length) out.push(`<text x="${width / 2}" y="${top + 16}" text-anchor="middle">${escapeXml(ui.noChartData)}</text>`);
  // Axis line at x = labelW.
  out.push(`<line x1="${labelW}" y1="${top - 4}" x2="${labelW}" y2="${top + bars.length * rowH}" stroke="#000" stroke-width="1"/>`);
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const w = max ? Math.round((b.value / max) * barW * 10) / 10 : 0;
    const fill = b.level ? "#8fb3de" : "#2c5aa0";
    out.push(`<g class="bar" data-value="${b.value}" data-cells="${escapeXml(b.cells.join(" "))}">`);
    out.push(`<title>${escapeXml(`${b.label}: ${b.value}${b.derived ? "*" : ""}`)}</title>`);
    out.push(
      `<text x="${labelW - 6}" y="${y + 16}" text-anchor="end"${b.level ? ' fill="#444444" font-size="12"' : ""}>${escapeXml(clip(b.label, b.level ? 20 : 22))}</text>`,
    );
    out.push(`<rect x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 8}" fill="${fill}"/>`);
    out.push(`<text x="${labelW + w + 4}" y="${y + 16}">${b.value}${b.derived ? "*" : ""}</text>`);
    out.push("</g>");
  });
  if (derived) out.push(`<text x="8" y="${height - 12}" font-size="11" fill="#333">${escapeXml(ui.derived)}</text>`);
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

/** One year of the trend chart: core's harmonised indicators `received` and `decided` (absent, never 0, when the edition has none). */
export interface TrendPoint {
  readonly year: number;
  readonly received?: number;
  readonly decided?: number;
  /** The series whose figure only approximates the indicator in this edition (e.g. the 2014 table's 申请办结数). */
  readonly approximate: readonly ("received" | "decided")[];
  readonly edition: string;
}

/** Received and decided applications of a report, through core's harmonised indicators; undefined without either. */
export function trendPoint(report: Report): TrendPoint | undefined {
  if (report.meta.year === undefined) return undefined;
  const values = indicatorsOf(report);
  const pick = (id: "received" | "decided") => values.find((v) => v.indicator === id && v.status === "value");
  const received = pick("received");
  const decided = pick("decided");
  if (!received && !decided) return undefined;
  return {
    year: report.meta.year,
    ...(received ? { received: Number(received.value) } : {}),
    ...(decided ? { decided: Number(decided.value) } : {}),
    approximate: [received, decided].filter((v) => v?.exactness === "approx").map((v) => v?.indicator as "received" | "decided"),
    edition: report.edition,
  };
}

/**
 * Applications received and decided per year for several years of one body, as a grouped bar chart (SVG).
 * Throws when the reports are of different bodies or repeat a year. Years without the figures (local tables) are left out.
 */
export function renderTrendChart(reports: readonly Report[], options: ChartOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const bodies = new Set(reports.map((r) => r.meta.body).filter((b): b is string => b !== undefined));
  if (bodies.size > 1) throw new Error(`renderTrendChart: reports of different bodies (${[...bodies].join(", ")})`);
  const points = reports.map(trendPoint).filter((p): p is TrendPoint => p !== undefined);
  points.sort((a, b) => a.year - b.year);
  for (let i = 1; i < points.length; i++) if (points[i]?.year === points[i - 1]?.year) throw new Error(`renderTrendChart: year ${points[i]?.year} given twice`);
  const id = safeId(options.idPrefix ?? "gd-trend");
  const width = options.width ?? 720;
  const height = 360;
  const who = [...bodies][0] ?? "";
  const title = who ? fill(ui.chartTrendOf, { who }, locale) : ui.chartTrend;
  const left = 56;
  const right = 16;
  const top = 64;
  const bottom = 40;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const max = niceMax(Math.max(0, ...points.flatMap((p) => [p.received ?? 0, p.decided ?? 0])));
  const shown = (p: TrendPoint, k: "received" | "decided") => (p[k] === undefined ? "—" : `${p.approximate.includes(k) ? "≈" : ""}${p[k]}`);
  const desc = points.length
    ? `${ui.chartTrendDesc} ${points.map((p) => `${p.year}: ${ui.received} ${shown(p, "received")}, ${ui.decided} ${shown(p, "decided")}`).join("; ")}`
    : ui.noChartData;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ${FONT} font-size="13">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
    `<g font-size="12"><rect x="${left}" y="36" width="12" height="12" fill="#2c5aa0"/><text x="${left + 16}" y="46">${escapeXml(ui.received)}</text>`,
    `<rect x="${left + 110}" y="36" width="12" height="12" fill="#e08a1e"/><text x="${left + 126}" y="46">${escapeXml(ui.decided)}</text></g>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    const y = top + plotH - (plotH * k) / 4;
    out.push(`<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="${k ? "#dddddd" : "#000000"}"/>`);
    out.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`);
  }
  if (!points.length) out.push(`<text x="${width / 2}" y="${top + plotH / 2}" text-anchor="middle">${escapeXml(ui.noChartData)}</text>`);
  const slot = points.length ? plotW / points.length : plotW;
  const bw = Math.min(40, slot / 3);
  points.forEach((p, i) => {
    const cx = left + slot * i + slot / 2;
    const series: ["received" | "decided", string, string][] = [
      ["received", "#2c5aa0", ui.received],
      ["decided", "#e08a1e", ui.decided],
    ];
    out.push(`<g class="year" data-year="${p.year}">`);
    series.forEach(([key, colour, name], j) => {
      const v = p[key];
      // no equivalent in this edition: no bar, never a bar of 0
      if (v === undefined) return;
      const label = shown(p, key);
      const h = Math.round((v / max) * plotH * 10) / 10;
      const x = cx - bw + j * bw;
      out.push(
        `<rect x="${x}" y="${top + plotH - h}" width="${bw - 2}" height="${h}" fill="${colour}" data-series="${key}" data-value="${v}"${p.approximate.includes(key) ? ' data-approximate="true"' : ""}><title>${escapeXml(`${p.year} ${name}: ${label}`)}</title></rect>`,
      );
      out.push(`<text x="${x + (bw - 2) / 2}" y="${top + plotH - h - 4}" text-anchor="middle" font-size="11">${label}</text>`);
    });
    out.push(`<text x="${cx}" y="${height - bottom + 18}" text-anchor="middle">${p.year}</text>`);
    out.push("</g>");
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
