import { type CellJson, Decimal, encodeCell, type Locale, numericOf, plusExact, type Report } from "@gov-disclosure/core";
import { defsOf, labelOf, whoOf } from "./defs";
import { cellAnchor, escapeHtml, escapeMarkdown, terminalSafe } from "./escape";
import { htmlDocument } from "./html";
import { fill, labelled, uiFor } from "./i18n";

/** One cell that differs between two reports. */
export interface CellChange {
  readonly cell: string;
  readonly table: string;
  /** The cell's label (row × column) in the locale of the comparison. */
  readonly label: string;
  readonly unit: string;
  /** Canonical JSON of the value in report A, or undefined when A's edition has no such cell. */
  readonly before: CellJson | undefined;
  readonly after: CellJson | undefined;
  /** after − before as an exact decimal string, when both are numbers (blank, "—" and 无 count as no number). */
  readonly difference?: string;
  readonly kind: "changed" | "only-a" | "only-b";
}

/** The result of comparing two reports. */
export interface Comparison {
  readonly a: { readonly body?: string; readonly year?: number; readonly edition: string };
  readonly b: { readonly body?: string; readonly year?: number; readonly edition: string };
  readonly sameEdition: boolean;
  /** Cells compared (present in both editions). */
  readonly compared: number;
  readonly changes: readonly CellChange[];
}

const ident = (r: Report) => ({
  ...(r.meta.body !== undefined ? { body: r.meta.body } : {}),
  ...(r.meta.year !== undefined ? { year: r.meta.year } : {}),
  edition: r.edition,
});

const numberOf = (r: Report, id: string): Decimal | undefined => {
  const v = r.cells[id];
  if (!v || (v.kind !== "count" && v.kind !== "money")) return undefined;
  const n = numericOf(v);
  return n === undefined ? undefined : new Decimal(n.toString());
};

const jsonOf = (r: Report, id: string): CellJson => {
  const v = r.cells[id];
  return v ? encodeCell(v) : null;
};

/**
 * Compares two reports cell by cell (two years of one body, or two bodies): every cell whose value differs, with the
 * exact difference, and the cells only one edition has. Blank and 0 are different values; "—" and blank too.
 */
export function compareReports(a: Report, b: Report, options: { readonly locale?: Locale } = {}): Comparison {
  const locale = options.locale ?? "zh-CN";
  const da = defsOf(a);
  const db = defsOf(b);
  const changes: CellChange[] = [];
  let compared = 0;
  const ids = [...da.keys(), ...[...db.keys()].filter((id) => !da.has(id))];
  for (const id of ids) {
    const inA = da.has(id);
    const inB = db.has(id);
    const def = da.get(id) ?? db.get(id);
    const base = { cell: id, table: def?.table ?? "", label: labelOf(inA ? da : db, id, locale), unit: def?.unit ?? "" };
    if (!inB) {
      changes.push({ ...base, before: jsonOf(a, id), after: undefined, kind: "only-a" });
      continue;
    }
    if (!inA) {
      changes.push({ ...base, before: undefined, after: jsonOf(b, id), kind: "only-b" });
      continue;
    }
    compared++;
    const x = jsonOf(a, id);
    const y = jsonOf(b, id);
    const nx = numberOf(a, id);
    const ny = numberOf(b, id);
    if (x === y) continue;
    changes.push({ ...base, before: x, after: y, ...(nx && ny ? { difference: plusExact(ny, nx.neg()).toFixed() } : {}), kind: "changed" });
  }
  return { a: ident(a), b: ident(b), sameEdition: a.edition === b.edition, compared, changes };
}

const show = (v: CellJson | undefined): string => (v === undefined ? "" : v === null ? "" : String(v));
const signed = (d: string | undefined): string => (d === undefined ? "" : d.startsWith("-") ? d : `+${d}`);
const nameOf = (r: Report, fallback: string) => whoOf(r, fallback);

/** A comparison as terminal text: one line per changed cell (before → after, difference). */
export function renderComparisonText(a: Report, b: Report, cmp: Comparison = compareReports(a, b), options: { readonly locale?: Locale } = {}): string {
  const ui = uiFor(options.locale ?? "zh-CN");
  const lines = [terminalSafe(labelled(ui.comparison, `${nameOf(a, "A")} → ${nameOf(b, "B")}`, options.locale ?? "zh-CN"))];
  if (!cmp.sameEdition) lines.push(ui.editionsDiffer);
  if (!cmp.changes.length) lines.push(ui.noChanges);
  for (const c of cmp.changes) {
    const what =
      c.kind === "changed"
        ? `${show(c.before) || "∅"} → ${show(c.after) || "∅"}${c.difference !== undefined ? ` (${signed(c.difference)})` : ""}`
        : fill(ui.onlyIn, { which: c.kind === "only-a" ? nameOf(a, "A") : nameOf(b, "B") }, options.locale ?? "zh-CN");
    lines.push(terminalSafe(`${c.cell}  ${c.label}: ${what}`));
  }
  return `${lines.join("\n")}\n`;
}

/** A comparison as a Markdown table: cell, label, A, B, difference. */
export function renderComparisonMarkdown(a: Report, b: Report, cmp: Comparison = compareReports(a, b), options: { readonly locale?: Locale } = {}): string {
  const ui = uiFor(options.locale ?? "zh-CN");
  const na = escapeMarkdown(nameOf(a, "A"));
  const nb = escapeMarkdown(nameOf(b, "B"));
  const out = [`## ${labelled(escapeMarkdown(ui.comparison), `${na} → ${nb}`, options.locale ?? "zh-CN")}`, ""];
  if (!cmp.sameEdition) out.push(`> ${escapeMarkdown(ui.editionsDiffer)}`, "");
  if (!cmp.changes.length) return `${[...out, escapeMarkdown(ui.noChanges)].join("\n")}\n`;
  out.push(
    `| ${ui.cell} | ${escapeMarkdown(ui.row)} × ${escapeMarkdown(ui.column)} | ${na} | ${nb} | ${escapeMarkdown(ui.changed)} |`,
    "| --- | --- | --- | --- | --- |",
  );
  for (const c of cmp.changes) {
    const diff =
      c.kind === "changed"
        ? signed(c.difference)
        : fill(ui.onlyIn, { which: c.kind === "only-a" ? nameOf(a, "A") : nameOf(b, "B") }, options.locale ?? "zh-CN");
    out.push(`| \`${c.cell}\` | ${escapeMarkdown(c.label)} | ${escapeMarkdown(show(c.before))} | ${escapeMarkdown(show(c.after))} | ${escapeMarkdown(diff)} |`);
  }
  return `${out.join("\n")}\n`;
}

/** A comparison as a self-contained HTML document with one table row per changed cell. */
export function renderComparisonHtml(a: Report, b: Report, cmp: Comparison = compareReports(a, b), options: { readonly locale?: Locale } = {}): string {
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const na = nameOf(a, "A");
  const nb = nameOf(b, "B");
  const title = labelled(ui.comparison, `${na} → ${nb}`, locale);
  const rows = cmp.changes.map((c) => {
    const diff = c.kind === "changed" ? signed(c.difference) : fill(ui.onlyIn, { which: c.kind === "only-a" ? na : nb }, locale);
    const cls = c.difference?.startsWith("-") ? "down" : c.difference !== undefined ? "up" : c.kind;
    return `<tr id="${cellAnchor(c.cell)}" class="${cls}" data-cell="${escapeHtml(c.cell)}"><td><code>${escapeHtml(c.cell)}</code></td><th scope="row">${escapeHtml(c.label)}</th><td>${escapeHtml(show(c.before))}</td><td>${escapeHtml(show(c.after))}</td><td>${escapeHtml(diff)}</td></tr>`;
  });
  const body = [
    `<main>`,
    `<h1>${escapeHtml(title)}</h1>`,
    cmp.sameEdition ? "" : `<p>${escapeHtml(ui.editionsDiffer)}</p>`,
    cmp.changes.length
      ? `<table class="official comparison"><caption>${escapeHtml(title)}</caption><thead><tr><th scope="col">${escapeHtml(ui.cell)}</th><th scope="col">${escapeHtml(`${ui.row} × ${ui.column}`)}</th><th scope="col">${escapeHtml(na)}</th><th scope="col">${escapeHtml(nb)}</th><th scope="col">${escapeHtml(ui.changed)}</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table>`
      : `<p>${escapeHtml(ui.noChanges)}</p>`,
    `</main>`,
  ]
    .filter(Boolean)
    .join("\n");
  return htmlDocument(
    title,
    locale,
    body,
    "table.comparison th[scope=row]{text-align:left} tr.up td:last-child{color:#0a6b0a} tr.down td:last-child{color:#b00000}",
  );
}
