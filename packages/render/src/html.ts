import type { Correction, Finding, Locale, Report, Section } from "@gov-disclosure/core";
import { cellAnchor, escapeHtml } from "./escape";
import { defsOf, labelOf } from "./defs";
import { uiFor } from "./i18n";
import { type GridCell, type OfficialTable, officialTables } from "./layout";

/** Options of `renderHtml`. */
export interface HtmlOptions {
  /** Language of labels and interface text; zh-CN (the official labels) by default. */
  readonly locale?: Locale;
  /** Findings to highlight: failing cells get a class by severity and link to the finding. */
  readonly findings?: readonly Finding[];
  /** The fault localiser's corrections: the best ones are marked on their cells. */
  readonly corrections?: readonly Correction[];
  /** Document title; by default the report's title, or one made from body and year. */
  readonly title?: string;
}

/** How a value cell is marked: the worst failing finding it is the subject of, the ones it only takes part in, a suggested fix. */
export interface CellMark {
  /** Worst severity among the failing findings whose first cell (the one to look at) this is. */
  readonly severity?: "error" | "warning" | "info";
  /** Worst severity among the failing findings that read this cell without being about it. */
  readonly involved?: "error" | "warning" | "info";
  /** HTML ids of the findings that read the cell. */
  readonly findings: readonly string[];
  readonly messages: readonly string[];
  /** The fault localiser's best suggestion for this cell. */
  readonly correction?: Correction;
}

const RANK = { error: 3, warning: 2, info: 1 } as const;
type Sev = keyof typeof RANK;
const worse = (a: Sev | undefined, b: Sev): Sev => (a && RANK[a] >= RANK[b] ? a : b);

/** The HTML id of the n-th finding (0-based) in a rendered validation report. */
export const findingAnchor = (index: number): string => `finding-${index + 1}`;

/** The HTML id of the n-th suggested correction (0-based). */
export const correctionAnchor = (index: number): string => `correction-${index + 1}`;

/** The corrections worth showing on the table: those that explain the most failing checks. */
export function bestCorrections(corrections: readonly Correction[] = []): Correction[] {
  const best = Math.max(0, ...corrections.map((c) => c.explains.length));
  return corrections.filter((c) => c.explains.length === best && best > 0);
}

/** Marks per cell id, from the failing findings (by their index in `findings`) and the best corrections. */
export function cellMarks(findings: readonly Finding[] = [], corrections: readonly Correction[] = []): Map<string, CellMark> {
  const marks = new Map<string, { severity?: Sev; involved?: Sev; findings: string[]; messages: string[]; correction?: Correction }>();
  const get = (cell: string) => {
    let m = marks.get(cell);
    if (!m) {
      m = { findings: [], messages: [] };
      marks.set(cell, m);
    }
    return m;
  };
  findings.forEach((f, i) => {
    if (f.status !== "fail") return;
    f.cells.forEach((cell, k) => {
      const m = get(cell);
      if (k === 0) m.severity = worse(m.severity, f.severity);
      else m.involved = worse(m.involved, f.severity);
      m.findings.push(findingAnchor(i));
      m.messages.push(f.message);
    });
  });
  for (const c of bestCorrections(corrections)) {
    const m = get(c.cell);
    m.correction ??= c;
  }
  return marks;
}

/** The inline style sheet of every HTML output: A4 print layout, official table look, highlight colours. */
export const BASE_CSS = `
@page { size: A4; margin: 20mm 15mm; }
:root { color-scheme: light; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 12pt; line-height: 1.6; color: #000; background: #fff; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; }
.meta { text-align: center; margin: 0 0 6mm; }
p { text-indent: 2em; margin: 0 0 2mm; text-align: justify; }
table.official { border-collapse: collapse; width: 100%; margin: 3mm 0 6mm; font-size: 10pt; page-break-inside: auto; }
table.official caption { font-weight: bold; padding-bottom: 2mm; }
table.official th, table.official td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: middle; }
table.official th { font-weight: normal; text-align: center; }
table.official th[scope="row"] { text-align: left; }
table.official th.title { font-weight: bold; }
table.official td { text-align: center; font-variant-numeric: tabular-nums; min-width: 2.5em; }
table.official tr { page-break-inside: avoid; break-inside: avoid; }
table.official thead { display: table-header-group; }
table.official th.indent-1 { padding-left: 5mm; } table.official th.indent-2 { padding-left: 9mm; } table.official th.indent-3 { padding-left: 13mm; }
td.fail-error { background: #f4b4b4; outline: 3px solid #b00000; outline-offset: -3px; font-weight: bold; }
td.fail-warning { background: #ffe08a; outline: 3px solid #a06800; outline-offset: -3px; font-weight: bold; }
td.fail-info { background: #cfe0fa; outline: 2px solid #2c5aa0; outline-offset: -2px; }
td.involved-error { background: #fbe3e3; }
td.involved-warning { background: #fff6d6; }
td.involved-info { background: #eef4fd; }
td.suggested { outline: 3px dashed #0050b3; outline-offset: -3px; background: #f4b4b4; font-weight: bold; }
td .fix { display: block; font-size: 8pt; color: #0050b3; font-weight: bold; }
td a.mark { color: inherit; text-decoration: none; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

/** Extra CSS of documents that list findings and corrections. */
export const FINDINGS_CSS = `
.summary { border: 1px solid #000; padding: 2mm 4mm; margin: 0 0 6mm; }
.summary .n-error { color: #b00000; font-weight: bold; } .summary .n-warning { color: #8a5a00; font-weight: bold; }
ol.findings, ol.corrections { padding-left: 8mm; }
ol.findings li, ol.corrections li { margin: 0 0 3mm; }
li.fail.sev-error .tag { color: #fff; background: #b00000; } li.fail.sev-warning .tag { background: #ffe08a; }
li.fail.sev-info .tag { background: #cfe0fa; } li.not-assessable, li.pass { color: #555; }
.tag { display: inline-block; padding: 0 1.5mm; border: 1px solid #000; font-size: 9pt; margin-right: 2mm; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
:target { outline: 3px solid #0050b3; }
`;

function attrs(cell: GridCell): string {
  let a = "";
  if (cell.scope) a += ` scope="${cell.scope}"`;
  if (cell.rowspan > 1) a += ` rowspan="${cell.rowspan}"`;
  if (cell.colspan > 1) a += ` colspan="${cell.colspan}"`;
  return a;
}

/** One official table as HTML, with real rowspan/colspan, a caption and scoped header cells. */
export function tableHtml(table: OfficialTable, marks: ReadonlyMap<string, CellMark> = new Map()): string {
  const out: string[] = [`<table class="official" id="table-${table.id}" data-table="${table.id}" data-edition="${table.edition}">`];
  out.push(`<caption>${escapeHtml(table.title)}</caption>`);
  for (const g of table.groups) {
    out.push(g.head ? "<thead>" : "<tbody>");
    for (const row of g.rows) {
      const cells = row.map((cell) => {
        if (cell.header) {
          const cls = [cell.role === "title" ? "title" : "", cell.indent ? `indent-${Math.min(cell.indent, 3)}` : ""].filter(Boolean).join(" ");
          return `<th${attrs(cell)}${cls ? ` class="${cls}"` : ""}>${escapeHtml(cell.text)}</th>`;
        }
        if (cell.cell === undefined) return `<td${attrs(cell)} class="${cell.role}">${escapeHtml(cell.text)}</td>`;
        const m = marks.get(cell.cell);
        const id = cellAnchor(cell.cell);
        let a = `${attrs(cell)} id="${id}" data-cell="${escapeHtml(cell.cell)}"`;
        if (m) {
          const cls = [m.severity ? `fail-${m.severity}` : "", !m.severity && m.involved ? `involved-${m.involved}` : "", m.correction ? "suggested" : ""];
          const notes = [...m.messages, ...(m.correction ? [m.correction.message] : [])];
          a += ` class="${cls.filter(Boolean).join(" ")}"`;
          if (m.findings.length) a += ` data-findings="${m.findings.join(" ")}" aria-describedby="${m.findings.join(" ")}"`;
          if (m.correction) a += ` data-suggested="${escapeHtml(m.correction.to)}"`;
          a += ` title="${escapeHtml(notes.join("\n"))}"`;
          const fix = m.correction ? `<span class="fix">→ ${escapeHtml(m.correction.to)}</span>` : "";
          const target = m.findings[0] ?? "";
          const text = escapeHtml(cell.text) || "&#160;";
          return `<td${a}>${target ? `<a class="mark" href="#${target}">${text}</a>` : text}${fix}</td>`;
        }
        return `<td${a}>${escapeHtml(cell.text)}</td>`;
      });
      out.push(`<tr>${cells.join("")}</tr>`);
    }
    out.push(g.head ? "</thead>" : "</tbody>");
  }
  out.push("</table>");
  return out.join("\n");
}

/** A complete, self-contained HTML document (inline CSS, no external resources). */
export function htmlDocument(title: string, locale: Locale, body: string, extraCss = ""): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale === "en" ? "en" : "zh-CN"}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${BASE_CSS}${extraCss}</style>`,
    "</head>",
    "<body>",
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The title of a report: as printed, or made from body and year. */
export function reportTitle(report: Report, locale: Locale = "zh-CN"): string {
  if (report.meta.title) return report.meta.title;
  const ui = uiFor(locale);
  return ui.reportTitle(report.meta.body ?? "", report.meta.year !== undefined ? String(report.meta.year) : "");
}

const paragraphs = (text: string): string =>
  text
    .split(/\r?\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join("\n");

function sectionHtml(s: Section, index: number): string {
  return `<section id="section-${s.number ?? index + 1}">\n<h2>${escapeHtml(s.title)}</h2>\n${paragraphs(s.text)}`;
}

/** The body of a report's HTML: heading, metadata, narrative sections with the official tables where the format puts them. */
export function reportBodyHtml(report: Report, locale: Locale, marks: ReadonlyMap<string, CellMark>, title: string): string {
  const ui = uiFor(locale);
  const parts: string[] = [`<header>\n<h1>${escapeHtml(title)}</h1>`];
  const meta: string[] = [];
  if (report.meta.body) meta.push(`${escapeHtml(ui.fillingUnit)}：${escapeHtml(report.meta.body)}`);
  if (report.meta.publishedAt) meta.push(`${escapeHtml(ui.published)}：${escapeHtml(report.meta.publishedAt)}`);
  if (meta.length) parts.push(`<div class="meta">${meta.join("　")}</div>`);
  parts.push("</header>");
  const tables = officialTables(report, locale);
  const placed = new Set<OfficialTable>();
  const bySection = new Map(tables.filter((t) => t.section !== undefined).map((t) => [t.section as number, t]));
  const sections = [...report.sections];
  const emitTablesBefore = (n: number) => {
    for (const t of tables) {
      if (t.section !== undefined && t.section < n && !placed.has(t)) {
        parts.push(`<section id="section-${t.section}">\n<h2>${escapeHtml(t.title)}</h2>\n${tableHtml(t, marks)}\n</section>`);
        placed.add(t);
      }
    }
  };
  sections.forEach((s, i) => {
    if (s.number !== undefined) emitTablesBefore(s.number);
    let html = sectionHtml(s, i);
    const t = s.number !== undefined ? bySection.get(s.number) : undefined;
    if (t && !placed.has(t)) {
      html += `\n${tableHtml(t, marks)}`;
      placed.add(t);
    }
    parts.push(`${html}\n</section>`);
  });
  emitTablesBefore(Number.POSITIVE_INFINITY);
  const rest = tables.filter((t) => !placed.has(t));
  if (rest.length) {
    parts.push(`<section id="appendix">\n<h2>${escapeHtml(ui.appendix)}</h2>`);
    if (report.meta.body) parts.push(`<div class="meta">${escapeHtml(ui.fillingUnit)}：${escapeHtml(report.meta.body)}</div>`);
    for (const t of rest) parts.push(tableHtml(t, marks));
    parts.push("</section>");
  }
  return `<main>\n${parts.join("\n")}\n</main>`;
}

/**
 * A report as a self-contained HTML document in the official layout of its edition: the narrative, and the tables
 * with their merged header cells (real rowspan/colspan), captions and scoped headers, printable on A4.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const title = options.title ?? reportTitle(report, locale);
  const ui = uiFor(locale);
  const lists: string[] = [];
  if (options.findings?.length)
    lists.push(`<section id="findings">\n<h2>${escapeHtml(ui.findings)}</h2>\n${findingsHtml(report, options.findings, locale)}\n</section>`);
  if (options.corrections?.length)
    lists.push(`<section id="corrections">\n<h2>${escapeHtml(ui.corrections)}</h2>\n${correctionsHtml(report, options.corrections, locale)}\n</section>`);
  const body = [reportBodyHtml(report, locale, cellMarks(options.findings, options.corrections), title), ...lists].join("\n");
  return htmlDocument(title, locale, body, lists.length ? FINDINGS_CSS : "");
}

/** Cells linked per finding before the rest fold into a <details>. */
const LISTED_CELLS = 6;

/** The findings as an ordered list, each item with its anchor (`finding-N`) and links to its cells. */
export function findingsHtml(report: Report, findings: readonly Finding[], locale: Locale): string {
  const ui = uiFor(locale);
  const defs = defsOf(report);
  const items = findings.map((f, i) => {
    const tag = f.status === "fail" ? ui.severity[f.severity] : ui.status[f.status];
    const cells = f.cells.map((id) => `<a href="#${cellAnchor(id)}" data-cell="${escapeHtml(id)}">${escapeHtml(labelOf(defs, id, locale))}</a>`);
    const nums = [
      f.actual !== undefined ? `${ui.actual} ${escapeHtml(f.actual)}` : "",
      f.expected !== undefined ? `${ui.expected} ${escapeHtml(f.expected)}` : "",
      f.difference !== undefined ? `${ui.difference} ${escapeHtml(f.difference)}` : "",
    ].filter(Boolean);
    return [
      `<li id="${findingAnchor(i)}" class="${f.status} sev-${f.severity}" data-rule="${escapeHtml(f.ruleId)}">`,
      `<span class="tag">${escapeHtml(tag)}</span><code>${escapeHtml(f.ruleId)}${f.key !== undefined ? `:${escapeHtml(f.key)}` : ""}</code>`,
      `<div class="message">${escapeHtml(f.message)}</div>`,
      nums.length ? `<div class="numbers">${nums.join("；")}</div>` : "",
      cells.length
        ? `<div class="cells">${escapeHtml(ui.cells)}：${cells.slice(0, LISTED_CELLS).join("、")}${cells.length > LISTED_CELLS ? `<details><summary>+${cells.length - LISTED_CELLS}</summary>${cells.slice(LISTED_CELLS).join("、")}</details>` : ""}</div>`
        : "",
      "</li>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return `<ol class="findings">\n${items.join("\n")}\n</ol>`;
}

/** The suggested corrections as an ordered list, each linked to its cell. */
export function correctionsHtml(report: Report, corrections: readonly Correction[], locale: Locale): string {
  const ui = uiFor(locale);
  const defs = defsOf(report);
  const items = corrections.map((c, i) => {
    const flags = [c.complete ? ui.correctionComplete : "", c.ambiguous ? ui.correctionAmbiguous : ""].filter(Boolean);
    return `<li id="${correctionAnchor(i)}" data-cell="${escapeHtml(c.cell)}"><a href="#${cellAnchor(c.cell)}">${escapeHtml(labelOf(defs, c.cell, locale))}</a>：${escapeHtml(c.message)}${flags.length ? ` <small>（${escapeHtml(flags.join("；"))}）</small>` : ""}</li>`;
  });
  return `<ol class="corrections">\n${items.join("\n")}\n</ol>`;
}
