import { type Locale, MARKDOWN_TABLES, type Report } from "@gov-disclosure/core";
import { escapeMarkdown, escapeMarkdownLine } from "./escape";
import { reportTitle } from "./html";
import { labelled, uiFor } from "./i18n";
import { expandGrid, headRowCount, type OfficialTable, officialTables } from "./layout";

/** Options of `renderMarkdown`. */
export interface MarkdownOptions {
  /** Language of labels; zh-CN (the official labels) by default. */
  readonly locale?: Locale;
}

/** One pipe table from a table whose first `nHead` grid rows are its header. */
function pipeTable(table: OfficialTable): string {
  const grid = expandGrid(table);
  const nHead = Math.max(1, headRowCount(table));
  const esc = (s: string) => escapeMarkdown(s).replace(/\s+/g, " ").trim();
  const headCells: string[] = [];
  for (let c = 0; c < table.columns; c++) {
    const labels: string[] = [];
    for (let r = 0; r < nHead; r++) {
      const t = grid[r]?.[c]?.cell.text ?? "";
      if (t && labels[labels.length - 1] !== t) labels.push(t);
    }
    headCells.push(labels.map(esc).join(" / "));
  }
  // Labels are repeated in every slot they cover; a value spanning several columns is written once, in its first slot.
  const bodyRows = grid.slice(nHead).map((row) => row.map((s) => (s.cell.role === "value" && !s.origin ? "" : esc(s.cell.text))));
  const merges: string[] = [];
  grid.forEach((row, r) => {
    row.forEach((s, c) => {
      if (s.origin && (s.cell.rowspan > 1 || s.cell.colspan > 1)) merges.push(`r${r}c${c}:${s.cell.rowspan}x${s.cell.colspan}`);
    });
  });
  const cells = grid.flatMap((row) => row.filter((s) => s.origin && s.cell.cell !== undefined).map((s) => s.cell.cell as string));
  return [
    `<!-- gov-disclosure:table id=${table.id} edition=${table.edition} columns=${table.columns} header-rows=${nHead} merges=${merges.join(",")} cells=${cells.join(",")} -->`,
    `| ${headCells.join(" | ")} |`,
    `|${headCells.map(() => " --- ").join("|")}|`,
    ...bodyRows.map((row) => `| ${row.map((t) => t || " ").join(" | ")} |`),
  ].join("\n");
}

/**
 * One official table as GitHub pipe tables. A pipe table cannot merge cells, so each table is the full grid of the
 * official layout: a merged header or row label is repeated in every slot it covers (what a grid expansion of the
 * HTML gives), the header rows become one header row whose cells join their column's labels top-down with " / ",
 * and a value spanning several columns is written once, in its first slot. An HTML comment before each pipe table
 * records the merges (`r<row>c<col>:<rowspan>x<colspan>` of the grid) and the cell ids of the value slots in reading
 * order, so an importer can rebuild the exact layout. Table 二, whose blocks each have their own header row, becomes
 * one pipe table per block under a bold block title.
 */
export function tableMarkdown(table: OfficialTable): string {
  if (table.groups.some((g) => g.head)) return pipeTable(table);
  return table.groups
    .map((g, i) => {
      const [first, ...rest] = g.rows;
      const titled = first?.length === 1 && first[0]?.colspan === table.columns;
      const rows = titled ? rest : g.rows;
      const [head, ...body] = rows;
      const sub: OfficialTable = {
        ...table,
        groups: [
          { head: true, rows: head ? [head] : [] },
          { head: false, rows: body },
        ],
      };
      const title = titled ? `**${escapeMarkdown(first?.[0]?.text ?? "")}**\n\n` : "";
      return `${title}${pipeTable({ ...sub, id: `${table.id}` })}${i < table.groups.length - 1 ? "\n" : ""}`;
    })
    .join("\n");
}

/**
 * A report as Markdown: title, metadata, the narrative sections, and the official tables where the format puts them,
 * as pipe tables with merged cells repeated (see `tableMarkdown`). Every piece of text is escaped, so labels or
 * narrative holding Markdown or HTML (`<script>`) come out as literal text.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const out: string[] = [`# ${escapeMarkdown(reportTitle(report, locale))}`, ""];
  const meta: string[] = [];
  if (report.meta.body) meta.push(escapeMarkdown(labelled(ui.fillingUnit, report.meta.body, locale)));
  if (report.meta.publishedAt) meta.push(escapeMarkdown(labelled(ui.published, report.meta.publishedAt, locale)));
  if (meta.length) out.push(meta.join("  \n"), "");
  const tables = officialTables(report, locale);
  const placed = new Set<OfficialTable>();
  const emit = (t: OfficialTable) => {
    out.push(tableMarkdown(t), "");
    placed.add(t);
  };
  // What the writer adds around the tables (the merged-cells note, block titles, the appendix heading) is not the
  // report's prose: it sits between two markers that an importer reads as the table area.
  const region = (write: () => void) => {
    out.push(MARKDOWN_TABLES.begin, "");
    write();
    out.push(MARKDOWN_TABLES.end, "");
  };
  const before = (n: number) => {
    for (const t of tables)
      if (t.section !== undefined && t.section < n && !placed.has(t)) {
        out.push(`## ${escapeMarkdown(t.title)}`, "");
        region(() => emit(t));
      }
  };
  let noted = false;
  const note = () => {
    if (!noted) out.push(`> ${escapeMarkdown(ui.mergedNote)}`, "");
    noted = true;
  };
  report.sections.forEach((s) => {
    if (s.number !== undefined) before(s.number);
    out.push(`## ${escapeMarkdown(s.title)}`, "");
    for (const line of s.text.split(/\r?\n+/).map((l) => l.trim())) if (line) out.push(escapeMarkdownLine(line), "");
    const t = tables.find((x) => x.section !== undefined && x.section === s.number && !placed.has(x));
    if (t)
      region(() => {
        note();
        emit(t);
      });
  });
  if (tables.some((t) => t.section !== undefined && !placed.has(t))) region(note);
  before(Number.POSITIVE_INFINITY);
  const rest = tables.filter((t) => !placed.has(t));
  if (rest.length)
    region(() => {
      out.push(`## ${escapeMarkdown(ui.appendix)}`, "");
      note();
      for (const t of rest) {
        out.push(`**${escapeMarkdown(t.title)}**`, "");
        emit(t);
      }
    });
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
