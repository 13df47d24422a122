import { type Correction, formatIssue, type Issue, type Locale, type Report, type Section } from "@gov-disclosure/core";
import { defsOf, labelOf } from "./defs";
import { cellAnchor, escapeHtml } from "./escape";
import { fill, labelled, sourceText, uiFor } from "./i18n";
import { type GridCell, type OfficialTable, officialTables } from "./layout";

/** Options of `renderHtml`. */
export interface HtmlOptions {
  /** Language of labels and interface text; zh-CN (the official labels) by default. */
  readonly locale?: Locale;
  /**
   * Issues to highlight and list (a validation result's `findings`: import issues and rule findings): failing cells get
   * a class by severity and link to the issue. Worded in `locale`.
   */
  readonly findings?: readonly Issue[];
  /** The fault localiser's corrections: the best ones are marked on their cells. */
  readonly corrections?: readonly Correction[];
  /** Cells whose values the import guessed or could not verify (a validation result's `uncertainCells`): marked apart. */
  readonly uncertainCells?: readonly string[];
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
  /** What the cell's title says: the worded issues, the uncertainty note, the suggestion. */
  readonly messages: readonly string[];
  /** The fault localiser's best suggestion for this cell. */
  readonly correction?: Correction;
  /** True when the import guessed the value or could not verify it. */
  readonly uncertain?: boolean;
}

/** Options of `cellMarks`. */
export interface CellMarkOptions {
  /** The report, to word the messages with its cells' labels. */
  readonly report?: Pick<Report, "edition" | "local">;
  readonly locale?: Locale;
  /** Cells whose values the import guessed or could not verify. */
  readonly uncertainCells?: readonly string[];
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

/**
 * Marks per cell id: from the failing issues (by their index in `findings`; a rule finding marks its first cell as the
 * one to look at and the rest as involved, an import issue marks all its cells as involved), the best corrections, and
 * the uncertain cells. Messages are worded in the locale.
 */
export function cellMarks(findings: readonly Issue[] = [], corrections: readonly Correction[] = [], options: CellMarkOptions = {}): Map<string, CellMark> {
  const locale = options.locale ?? "zh-CN";
  const marks = new Map<string, { severity?: Sev; involved?: Sev; findings: string[]; messages: string[]; correction?: Correction; uncertain?: boolean }>();
  const get = (cell: string) => {
    let m = marks.get(cell);
    if (!m) {
      m = { findings: [], messages: [] };
      marks.set(cell, m);
    }
    return m;
  };
  for (const cell of options.uncertainCells ?? []) {
    const m = get(cell);
    m.uncertain = true;
    m.messages.push(uiFor(locale).uncertainCell);
  }
  findings.forEach((f, i) => {
    if (f.status !== "fail") return;
    const message = formatIssue(f, locale, options.report);
    f.cells.forEach((cell, k) => {
      const m = get(cell);
      if (k === 0 && f.phase === "rule") m.severity = worse(m.severity, f.severity);
      else m.involved = worse(m.involved, f.severity);
      m.findings.push(findingAnchor(i));
      m.messages.push(message);
    });
  });
  for (const c of bestCorrections(corrections)) {
    const m = get(c.cell);
    if (m.correction) continue;
    m.correction = c;
    m.messages.push(formatIssue(c, locale, options.report));
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
td.uncertain, table.official td.uncertain { border: 2px dotted #6a1b9a; font-style: italic; }
td.uncertain::after { content: "?"; font-size: 8pt; color: #6a1b9a; vertical-align: super; margin-left: 0.5mm; }
td .fix { display: block; font-size: 8pt; color: #0050b3; font-weight: bold; }
td a.mark { color: inherit; text-decoration: none; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

/** Extra CSS of documents that list findings and corrections. */
export const FINDINGS_CSS = `
.summary { border: 1px solid #000; padding: 2mm 4mm; margin: 0 0 6mm; }
.summary .n-error { color: #b00000; font-weight: bold; } .summary .n-warning { color: #8a5a00; font-weight: bold; }
.summary .uncertain, .legend { color: #6a1b9a; font-weight: bold; }
.legend .swatch { display: inline-block; width: 1.2em; height: 1em; border: 2px dotted #6a1b9a; vertical-align: middle; margin-right: 1mm; }
.source { color: #444; font-size: 10pt; }
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
          const cls = [
            m.severity ? `fail-${m.severity}` : "",
            !m.severity && m.involved ? `involved-${m.involved}` : "",
            m.correction ? "suggested" : "",
            m.uncertain ? "uncertain" : "",
          ];
          a += ` class="${cls.filter(Boolean).join(" ")}"`;
          if (m.findings.length) a += ` data-findings="${m.findings.join(" ")}" aria-describedby="${m.findings.join(" ")}"`;
          if (m.correction) a += ` data-suggested="${escapeHtml(m.correction.to)}"`;
          if (m.uncertain) a += ` data-uncertain="true"`;
          a += ` title="${escapeHtml(m.messages.join("\n"))}"`;
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
  return fill(ui.reportTitle, { body: report.meta.body ?? "", year: report.meta.year !== undefined ? String(report.meta.year) : "" }, locale)
    .replace(/\s+/g, " ")
    .trim();
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
  if (report.meta.body) meta.push(escapeHtml(labelled(ui.fillingUnit, report.meta.body, locale)));
  if (report.meta.publishedAt) meta.push(escapeHtml(labelled(ui.published, report.meta.publishedAt, locale)));
  if (meta.length) parts.push(`<div class="meta">${meta.join(escapeHtml(ui.fieldSeparator))}</div>`);
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
    if (report.meta.body) parts.push(`<div class="meta">${escapeHtml(labelled(ui.fillingUnit, report.meta.body, locale))}</div>`);
    for (const t of rest) parts.push(tableHtml(t, marks));
    parts.push("</section>");
  }
  return `<main>\n${parts.join("\n")}\n</main>`;
}

/**
 * A report as a self-contained HTML document in the official layout of its edition: the narrative, and the tables
 * with their merged header cells (real rowspan/colspan), captions and scoped headers, printable on A4. With findings,
 * the failing and uncertain cells are marked and the issues listed after the report.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const title = options.title ?? reportTitle(report, locale);
  const findings = options.findings ?? [];
  const corrections = options.corrections ?? [];
  const lists = issueSections(report, findings, corrections, locale, false);
  const marks = cellMarks(findings, corrections, { report, locale, ...(options.uncertainCells ? { uncertainCells: options.uncertainCells } : {}) });
  const body = [reportBodyHtml(report, locale, marks, title), ...lists].join("\n");
  return htmlDocument(title, locale, body, lists.length || options.uncertainCells?.length ? FINDINGS_CSS : "");
}

/**
 * The sections listing issues after a report: the import's (and parse) issues, the rule findings, the corrections.
 * Anchors number the issues by their index in `findings`, so that cell marks link to them. With `always`, the rule
 * findings section is written even when there is none.
 */
export function issueSections(
  report: Report,
  findings: readonly Issue[],
  corrections: readonly Correction[],
  locale: Locale,
  always: boolean,
  empty = "",
): string[] {
  const ui = uiFor(locale);
  const indexed = findings.map((issue, index) => ({ issue, index }));
  const imported = indexed.filter((x) => x.issue.phase !== "rule");
  const rules = indexed.filter((x) => x.issue.phase === "rule");
  const out: string[] = [];
  if (imported.length) out.push(`<section id="import-issues">\n<h2>${escapeHtml(ui.importIssues)}</h2>\n${findingsHtml(report, imported, locale)}\n</section>`);
  if (rules.length || always)
    out.push(
      `<section id="findings">\n<h2>${escapeHtml(ui.findings)}</h2>\n${rules.length ? findingsHtml(report, rules, locale) : `<p>${escapeHtml(empty)}</p>`}\n</section>`,
    );
  if (corrections.length)
    out.push(`<section id="corrections">\n<h2>${escapeHtml(ui.corrections)}</h2>\n${correctionsHtml(report, corrections, locale)}\n</section>`);
  return out;
}

/** Cells linked per finding before the rest fold into a <details>. */
const LISTED_CELLS = 6;

/** Issues as an ordered list, each item with its anchor (`finding-N`, N from its index in the result), its code, message, figures, cells and source. */
export function findingsHtml(report: Report, items: readonly { readonly issue: Issue; readonly index: number }[], locale: Locale): string {
  const ui = uiFor(locale);
  const defs = defsOf(report);
  const html = items.map(({ issue: f, index }) => {
    const tag = f.status === "fail" ? ui.severity[f.severity] : ui.status[f.status];
    const cells = f.cells.map((id) => `<a href="#${cellAnchor(id)}" data-cell="${escapeHtml(id)}">${escapeHtml(labelOf(defs, id, locale))}</a>`);
    const nums = [
      f.actual !== undefined ? `${ui.actual} ${escapeHtml(f.actual)}` : "",
      f.expected !== undefined ? `${ui.expected} ${escapeHtml(f.expected)}` : "",
      f.difference !== undefined ? `${ui.difference} ${escapeHtml(f.difference)}` : "",
    ].filter(Boolean);
    const sep = escapeHtml(ui.listSeparator);
    const cellList = `${cells.slice(0, LISTED_CELLS).join(sep)}${cells.length > LISTED_CELLS ? `<details><summary>+${cells.length - LISTED_CELLS}</summary>${cells.slice(LISTED_CELLS).join(sep)}</details>` : ""}`;
    const source = sourceText(f.source, locale);
    return [
      `<li id="${findingAnchor(index)}" class="${f.status} sev-${f.severity} phase-${f.phase}" data-rule="${escapeHtml(f.code)}" data-code="${escapeHtml(f.code)}">`,
      `<span class="tag">${escapeHtml(tag)}</span><code>${escapeHtml(f.code)}${f.key !== undefined ? `:${escapeHtml(f.key)}` : ""}</code>`,
      `<div class="message">${escapeHtml(formatIssue(f, locale, report))}</div>`,
      nums.length ? `<div class="numbers">${nums.join(escapeHtml(ui.clauseSeparator))}</div>` : "",
      cells.length ? `<div class="cells">${escapeHtml(labelled(ui.cells, "", locale))}${cellList}</div>` : "",
      source ? `<div class="source">${escapeHtml(labelled(ui.source, source, locale))}</div>` : "",
      "</li>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return `<ol class="findings">\n${html.join("\n")}\n</ol>`;
}

/** A private-use character standing for markup inside text that is escaped first. */
const SLOT = "\uE000";

/** The suggested corrections as an ordered list, each linked to its cell and worded in the locale. */
export function correctionsHtml(report: Report, corrections: readonly Correction[], locale: Locale): string {
  const ui = uiFor(locale);
  const defs = defsOf(report);
  const items = corrections.map((c, i) => {
    const flags = [c.complete ? ui.correctionComplete : "", c.ambiguous ? ui.correctionAmbiguous : ""].filter(Boolean);
    const head = `<a href="#${cellAnchor(c.cell)}">${escapeHtml(labelOf(defs, c.cell, locale))}</a>`;
    const text = escapeHtml(labelled(SLOT, formatIssue(c, locale, report), locale)).replace(SLOT, head);
    const note = flags.length ? ` <small>${escapeHtml(fill(ui.parenthesised, { text: flags.join(ui.clauseSeparator) }, locale).trim())}</small>` : "";
    return `<li id="${correctionAnchor(i)}" data-cell="${escapeHtml(c.cell)}">${text}${note}</li>`;
  });
  return `<ol class="corrections">\n${items.join("\n")}\n</ol>`;
}
