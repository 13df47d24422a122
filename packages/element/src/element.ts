import {
  blankReport,
  type Correction,
  type Edition,
  formatIssue,
  type Issue,
  isEdition,
  isUncertain,
  type Locale,
  type Report,
  reportCells,
  type ValidationResult,
} from "@gov-disclosure/core";
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { entryText, normalizeEntry } from "./entry";
import { LANGUAGE_NAMES, localeOf, stringsFor, uiText } from "./i18n";
import { exportName, type ReadFailure, type ReadResult, readBytes, readText, toHtml, toJson, toXlsx } from "./io";
import { entryLayout, type InputCell, inputLabel, type LayoutCell, type LayoutTable } from "./layout";
import { applyCorrection, type Checked, check, fillBlankTotals, isEmptyReport, setCellText } from "./state";
import { validatorStyles } from "./styles";

/** The tag name of the element. */
export const TAG_NAME = "gov-disclosure-validator";

/** What the `change` event carries: the report as it now stands and its validation. */
export interface ValidatorChangeDetail {
  readonly report: Report;
  readonly result: ValidationResult;
  /** What changed it: typing, a file or pasted text, a correction, filled totals, an edition switch. */
  readonly cause: "edit" | "load" | "correction" | "fill-totals" | "edition" | "clear";
}

const ENTRY_EDITIONS = ["gen2021", "gen2019", "gen2014"] as const;
/** How long typing pauses before the form is checked (it is also checked on leaving a cell). */
export const CHECK_DELAY_MS = 600;
/** Share of the cells that must be filled before corrections are proposed (a mostly blank form gets none). */
export const MIN_FILLED_FOR_CORRECTIONS = 0.2;
const FORMAT_KEYS = ["text", "html", "markdown", "docx", "xlsx", "pdf", "json"] as const;
type FormatKey = (typeof FORMAT_KEYS)[number] | "unknown";
const formatKey = (format: string): FormatKey => ((FORMAT_KEYS as readonly string[]).includes(format) ? (format as FormatKey) : "unknown");
type EntryEdition = (typeof ENTRY_EDITIONS)[number];
const cellDomId = (cell: string): string => `cell-${cell.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/**
 * The status line, kept as what happened (not as text) so that it is worded in the language shown: switching the
 * language re-words it, like the findings.
 */
type Status =
  | { readonly kind: "none" }
  | { readonly kind: "reading" }
  | { readonly kind: "loaded"; readonly name: string; readonly format: string }
  | { readonly kind: "not-loaded"; readonly name: string; readonly issue?: Issue; readonly failure?: ReadFailure }
  | { readonly kind: "filled"; readonly count: number }
  | { readonly kind: "saved-guessed"; readonly count: number }
  | { readonly kind: "applied"; readonly correction: Correction; readonly report: Report };

const NO_STATUS: Status = { kind: "none" };

/**
 * `<gov-disclosure-validator>`: checks a government information disclosure annual report in the browser. Paste text,
 * drop a file or fill in the official table; findings appear live beside their cells. Nothing is uploaded.
 *
 * Attributes: `edition` (gen2021 default, gen2019, gen2014), `lang` (zh-CN default, en).
 * Properties: `report` (a core Report, in and out), `previous` (last year's report, for the cross-year rules), `result`.
 * Events: `change` (detail: `ValidatorChangeDetail`).
 */
export class GovDisclosureValidator extends LitElement {
  static override styles = validatorStyles;
  static override properties = {
    edition: { type: String, reflect: true },
    lang: { type: String, reflect: true },
    previous: { attribute: false },
    _checked: { state: true },
    _status: { state: true },
    _busy: { state: true },
    _dragging: { state: true },
  };

  /** Edition of the entry table when no report is loaded: gen2021 (default), gen2019 or gen2014. */
  declare edition: string;
  /** Interface and message language: `zh-CN` (default) or `en`. */
  declare lang: string;
  /** The same body's report for the year before, for the cross-year rules. */
  declare previous: Report | undefined;
  declare private _checked: Checked;
  declare private _status: Status;
  /** The issues of the last file or text read (passed to every validation until another is read or the form is reset). */
  private importIssues: readonly Issue[] = [];
  declare private _busy: boolean;
  declare private _dragging: boolean;
  /** Text typed into cells as typed (kept so that re-rendering never rewrites what is being typed). */
  private readonly drafts = new Map<string, string>();
  /** Cells typed into and not yet checked (checked after a pause, or on leaving the cell). */
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Cells typed or changed by the user since the last file or text was read (marked in the table). */
  private readonly typed = new Set<string>();
  /** Cells filled from their parts (marked in the table). */
  private readonly computed = new Set<string>();
  private resizeObserver: ResizeObserver | undefined;
  private layoutCache: { key: string; tables: LayoutTable[] } | undefined;

  constructor() {
    super();
    this.edition = "gen2021";
    this.lang = "zh-CN";
    this.previous = undefined;
    this._checked = check(blankReport("gen2021"));
    this._status = NO_STATUS;
    this._busy = false;
    this._dragging = false;
  }

  /** The report as it now stands (a core Report). Setting it shows and validates it; no `change` event is fired. */
  get report(): Report {
    return this._checked.report;
  }
  set report(value: Report) {
    this.forget();
    this.importIssues = [];
    this._checked = this.validate(value);
    if (value.edition !== "local" && value.edition !== this.edition) this.edition = value.edition;
  }

  /**
   * The validation of the current report: findings (the issues of the file it was read from first), corrections and
   * counts. Locale-free: the same object whatever the language shown (switching the language never re-validates).
   */
  get result(): ValidationResult {
    return this._checked.result;
  }

  private validate(report: Report): Checked {
    return check(report, {
      ...(this.previous ? { previous: this.previous } : {}),
      ...(this.importIssues.length ? { importIssues: this.importIssues } : {}),
      minFilledForCorrections: MIN_FILLED_FOR_CORRECTIONS,
    });
  }

  /** Forgets what was typed and not checked, and the marks of typed and computed cells (a new report is shown). */
  private forget(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.drafts.clear();
    this.dirty.clear();
    this.typed.clear();
    this.computed.clear();
  }

  /**
   * Checks what was typed and not yet checked (the form is checked after a pause in typing, or on leaving a cell);
   * every action that reads the report calls it first. Returns true when something was checked.
   */
  flush(): boolean {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty.size) return false;
    let report = this._checked.report;
    for (const cell of this.dirty) report = setCellText(report, cell, this.drafts.get(cell) ?? "");
    this.dirty.clear();
    this.commit(report, "edit");
    return true;
  }

  /** Cells the user typed that still hold a value (what a read would replace). */
  private typedValues(): number {
    return [...this.typed].filter((c) => {
      const v = this._checked.report.cells[c];
      return v !== undefined && v.kind !== "blank";
    }).length;
  }

  /** Asks before a read replaces cells the user typed; true when nothing typed would be lost or the user agrees. */
  private mayReplace(): boolean {
    const count = this.typedValues();
    if (!count || typeof confirm !== "function") return true;
    return confirm(uiText(this.locale, "confirmReplace", { count }));
  }

  private get locale(): Locale {
    return localeOf(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("edition") && isEdition(this.edition) && this.edition !== "local" && this.edition !== this._checked.report.edition) {
      const ed = this.edition as EntryEdition;
      if (ENTRY_EDITIONS.includes(ed)) {
        this.importIssues = [];
        this._checked = this.validate(blankReport(ed, this._checked.report.meta));
      }
    }
    // The language is not here: the result is locale-free and is worded in render().
    if (changed.has("previous") && changed.get("previous") !== this.previous) this._checked = this.validate(this._checked.report);
  }

  private commit(report: Report, cause: ValidatorChangeDetail["cause"]): void {
    this._checked = this.validate(report);
    if (report.edition !== "local" && report.edition !== this.edition) this.edition = report.edition;
    const detail: ValidatorChangeDetail = { report, result: this._checked.result, cause };
    this.dispatchEvent(new CustomEvent<ValidatorChangeDetail>("change", { detail, bubbles: true, composed: true }));
  }

  /**
   * Reads a file (TXT, HTML, Markdown, DOCX, XLSX, PDF, JSON) in the browser and shows the report it holds. Asks first
   * when it would replace cells the user typed (a refusal reads nothing: `failure.kind` is `cancelled`).
   */
  async loadFile(file: Blob & { readonly name?: string }): Promise<ReadResult> {
    const name = file.name ?? "report";
    this.flush();
    if (!this.mayReplace()) return { issues: [], format: "unknown", failure: { kind: "cancelled" } };
    this._busy = true;
    this._status = { kind: "reading" };
    try {
      const result = await readBytes(new Uint8Array(await file.arrayBuffer()), name);
      return this.afterRead(result, name);
    } finally {
      this._busy = false;
    }
  }

  /**
   * Reads pasted text (web page text, HTML, Markdown or canonical JSON) and shows the report it holds. Asks first when it
   * would replace cells the user typed.
   */
  async loadText(text: string, filename?: string): Promise<ReadResult> {
    this.flush();
    if (!this.mayReplace()) return { issues: [], format: "unknown", failure: { kind: "cancelled" } };
    this._busy = true;
    this._status = { kind: "reading" };
    try {
      const result = await readText(text, filename);
      return this.afterRead(result, filename ?? "");
    } finally {
      this._busy = false;
    }
  }

  /**
   * Shows what a read gave. With a report: the report, validated with the read's issues. Without one: the form keeps
   * what it holds (nothing typed is lost) and is validated with the read's issues, so that they are listed and counted.
   */
  private afterRead(result: ReadResult, name: string): ReadResult {
    this.importIssues = result.issues;
    const shown = name;
    if (result.report) {
      this.forget();
      this.commit(result.report, "load");
      this._status = { kind: "loaded", name: shown, format: result.format };
    } else {
      this._checked = this.validate(this._checked.report);
      const issue = result.issues.find((i) => i.severity === "error") ?? result.issues[0];
      this._status = {
        kind: "not-loaded",
        name: shown || stringsFor(this.locale).formats[formatKey(result.format)],
        ...(issue ? { issue } : {}),
        ...(result.failure ? { failure: result.failure } : {}),
      };
    }
    void this.revealResult();
    return result;
  }

  /** Brings the result summary to where the reader is looking (after a read): scrolled into view and focused. */
  private async revealResult(): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>("#result");
    if (!target) return;
    const box = target.getBoundingClientRect();
    const height = typeof innerHeight === "number" ? innerHeight : 0;
    if (box.top < 0 || box.top > height * 0.5) target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  /** The skip link: from the controls to the result summary. */
  private onSkip(e: Event): void {
    e.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>("#result");
    target?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
  }

  /** Fills every blank total from its parts; returns the ids of the cells filled. */
  fillTotals(): readonly string[] {
    this.flush();
    const { report, filled } = fillBlankTotals(this._checked.report);
    this.drafts.clear();
    for (const c of filled) this.computed.add(c);
    if (filled.length) this.commit(report, "fill-totals");
    this._status = { kind: "filled", count: filled.length };
    return filled;
  }

  /** Applies the fault localiser's suggested correction number `index` (0-based, best first). */
  applyCorrection(index = 0): boolean {
    this.flush();
    const c = this._checked.corrections[index];
    if (!c) return false;
    const before = this._checked.report;
    this.drafts.delete(c.cell);
    this.typed.add(c.cell);
    this.computed.delete(c.cell);
    this.commit(applyCorrection(before, c), "correction");
    this._status = { kind: "applied", correction: c, report: before };
    return true;
  }

  /** The report as canonical JSON text (core's writer is loaded on first use, so the answer is a promise). */
  exportJson(): Promise<string> {
    this.flush();
    return toJson(this._checked.report);
  }

  /** The report as an XLSX workbook in the official layout (the writer is loaded on first use). */
  exportXlsx(): Promise<Uint8Array> {
    this.flush();
    return toXlsx(this._checked.report, this.locale);
  }

  /** The report as a printable HTML document with its findings (the renderer is loaded on first use). */
  exportHtml(): Promise<string> {
    this.flush();
    return toHtml(this._checked.report, this.locale, this._checked.result);
  }

  /** The entry form: render's official layout of the report's edition (value texts are not used, so it is cached). */
  private tables(): LayoutTable[] {
    const r = this._checked.report;
    const key = `${r.edition}|${this.locale}|${r.meta.year ?? ""}|${r.edition === "local" ? JSON.stringify(r.local) : ""}`;
    if (this.layoutCache?.key !== key) this.layoutCache = { key, tables: entryLayout(r, this.locale) };
    return this.layoutCache.tables;
  }

  /**
   * The message of an issue or correction in the language shown (core's one formatter). A fraction typed into a count
   * cell is said to be "not a whole number" (core words every non-numeric text as "not a number").
   */
  private word(item: Issue | Correction, report: Report = this._checked.report): string {
    if ("phase" in item && item.code === "CELL-NOT-NUMERIC" && typeof item.params.cell === "string" && typeof item.params.text === "string") {
      const def = reportCells(report).byId.get(item.params.cell);
      if (def?.kind === "count" && /^[+-]?\d+\.\d+$/.test(normalizeEntry(item.params.text)))
        return uiText(this.locale, "notWhole", { cell: item.params.cell, text: item.params.text }, report);
    }
    return formatIssue(item, this.locale, report);
  }

  private statusText(): string {
    const st = this._status;
    const locale = this.locale;
    switch (st.kind) {
      case "none":
        return "";
      case "reading":
        return stringsFor(locale).reading;
      case "loaded": {
        const kind = stringsFor(locale).formats[formatKey(st.format)];
        return st.name ? uiText(locale, "loaded", { name: st.name, kind }) : uiText(locale, "loadedPasted", { kind });
      }
      case "filled":
        return st.count ? uiText(locale, "filled", { count: st.count }) : stringsFor(locale).filledNone;
      case "saved-guessed":
        return uiText(locale, "savedGuessed", { count: st.count });
      case "applied":
        return uiText(locale, "applied", { message: this.word(st.correction, st.report) });
      case "not-loaded": {
        const why = st.issue
          ? this.word(st.issue)
          : st.failure?.kind === "unavailable"
            ? stringsFor(locale).importerUnavailable
            : st.failure
              ? uiText(locale, "readFailed", { detail: st.failure.detail ?? "" })
              : "";
        return [uiText(locale, "notLoaded", { name: st.name }), why].filter(Boolean).join(" ");
      }
    }
  }

  private onCellInput(e: InputEvent): void {
    const input = e.target as HTMLInputElement;
    const cell = input.dataset.cell as string;
    this.drafts.set(cell, input.value);
    this.dirty.add(cell);
    this.typed.add(cell);
    this.computed.delete(cell);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), CHECK_DELAY_MS);
  }

  /** Leaving a cell (or Enter) checks at once; the cell then shows its value as read. */
  private onCellChange(e: Event): void {
    const input = e.target as HTMLInputElement;
    this.flush();
    this.drafts.delete(input.dataset.cell as string);
    this.requestUpdate();
  }

  private onCellKey(e: KeyboardEvent): void {
    const keys = ["Enter", "ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"];
    if (!keys.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const here = e.target as HTMLInputElement;
    const len = here.value.length;
    const [from, to] = [here.selectionStart ?? 0, here.selectionEnd ?? len];
    const whole = from === 0 && to === len;
    // ←/→ move between cells when the caret is at that edge of the text (or all of it is selected), as in a spreadsheet.
    if (e.key === "ArrowLeft" && !(whole || (from === 0 && to === 0))) return;
    if (e.key === "ArrowRight" && !(whole || (from === len && to === len))) return;
    const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>("td input")];
    const i = inputs.indexOf(here);
    const table = here.dataset.table;
    const row = Number(here.dataset.row);
    let next: HTMLInputElement | undefined;
    if (e.key === "Enter") next = inputs[e.shiftKey ? i - 1 : i + 1];
    else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      const cand = inputs[e.key === "ArrowRight" ? i + 1 : i - 1];
      if (cand && cand.dataset.table === table && Number(cand.dataset.row) === row) next = cand;
    } else {
      const col = here.dataset.col;
      const step = e.key === "ArrowDown" ? 1 : -1;
      next = inputs.find((x) => x.dataset.table === table && x.dataset.col === col && Number(x.dataset.row) === row + step);
    }
    if (next) {
      e.preventDefault();
      next.focus();
      next.select();
    }
  }

  private focusCell(cell: string): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${cellDomId(cell)}`);
    input?.scrollIntoView({ block: "center", inline: "center" });
    input?.focus();
    input?.select();
  }

  private onEdition(e: Event): void {
    const select = e.target as HTMLSelectElement;
    const ed = select.value as EntryEdition;
    const s = stringsFor(this.locale);
    this.flush();
    if (!isEmptyReport(this._checked.report) && typeof confirm === "function" && !confirm(s.confirmSwitch)) {
      select.value = this._checked.report.edition;
      return;
    }
    this.forget();
    this.importIssues = [];
    this.edition = ed;
    this.commit(blankReport(ed, this._checked.report.meta), "edition");
  }

  private onClear(): void {
    const s = stringsFor(this.locale);
    this.flush();
    const empty = isEmptyReport(this._checked.report);
    if (empty && !this.importIssues.length) return;
    if (!empty && typeof confirm === "function" && !confirm(s.confirmClear)) return;
    this.forget();
    this.importIssues = [];
    this._status = NO_STATUS;
    const r = this._checked.report;
    this.commit(r.edition === "local" ? blankReport(ENTRY_EDITIONS[0]) : blankReport(r.edition, r.meta), "clear");
  }

  private onMeta(field: "body" | "year", value: string): void {
    this.flush();
    const meta = { ...this._checked.report.meta } as Record<string, unknown>;
    const v = value.trim();
    if (field === "year") {
      const n = Number(v.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
      if (v && Number.isInteger(n) && n > 1900 && n < 2200) meta.year = n;
      else delete meta.year;
    } else if (v) meta.body = v;
    else delete meta.body;
    this.commit({ ...this._checked.report, meta: meta as Report["meta"] }, "edit");
  }

  private toggleLang(): void {
    this.lang = this.locale === "en" ? "zh-CN" : "en";
  }

  private async onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await this.loadFile(file);
    input.value = "";
  }

  private onDragOver(e: DragEvent): void {
    if (!e.dataTransfer?.types.includes("Files")) return;
    e.preventDefault();
    this._dragging = true;
  }

  private async onDrop(e: DragEvent): Promise<void> {
    const file = e.dataTransfer?.files[0];
    this._dragging = false;
    if (!file) return;
    e.preventDefault();
    await this.loadFile(file);
  }

  private async onPasteRead(): Promise<void> {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>("textarea");
    if (area?.value.trim()) await this.loadText(area.value);
  }

  private download(data: string | Uint8Array, type: string, name: string): void {
    const blob = new Blob([data as BlobPart], { type });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  private async save(kind: "json" | "xlsx" | "html"): Promise<void> {
    const r = this._checked.report;
    this._busy = true;
    try {
      if (kind === "json") this.download(await this.exportJson(), "application/json", exportName(r, "json"));
      else if (kind === "xlsx")
        this.download(await this.exportXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exportName(r, "xlsx"));
      else this.download(await this.exportHtml(), "text/html;charset=utf-8", exportName(r, "html"));
      // JSON and XLSX cannot mark the figures the import inferred (the printable HTML does): the clerk is told
      const guessed = [...this._checked.uncertain].filter((c) => !this.typed.has(c) && r.cells[c] !== undefined).length;
      if (kind !== "html" && guessed > 0) this._status = { kind: "saved-guessed", count: guessed };
    } finally {
      this._busy = false;
    }
  }

  private renderCell(c: LayoutCell, tableId: string, rowIndex: number): TemplateResult {
    const span = (n: number) => (n > 1 ? n : nothing);
    if (c.kind === "head") {
      const indent = c.depth ? `padding-left:${0.35 + c.depth * 1}rem` : "";
      return html`<th scope=${c.scope} colspan=${span(c.colspan)} rowspan=${span(c.rowspan)} class=${c.role === "corner" ? "corner" : nothing}
        style=${indent || nothing}>${c.text}</th>`;
    }
    if (c.kind === "fixed") return html`<td colspan=${span(c.colspan)} rowspan=${span(c.rowspan)} class=${`filler ${c.role}`}>${c.text}</td>`;
    return this.renderInput(c, tableId, rowIndex);
  }

  private renderInput(c: InputCell, tableId: string, rowIndex: number): TemplateResult {
    const id = c.def.id;
    const mark = this._checked.marks.get(id);
    const failing = mark !== undefined && mark.findings.length > 0;
    const fault = mark?.fault === true;
    const value = this.drafts.get(id) ?? entryText(this._checked.report.cells[id]);
    const typed = this.typed.has(id);
    const uncertain = this._checked.uncertain.has(id) && !typed;
    const cls = [
      mark ? `${fault ? "fault" : "involved"} ${mark.severity}` : "",
      mark?.correction !== undefined ? "suggested" : "",
      uncertain ? "uncertain" : "",
      typed ? "typed" : this.computed.has(id) ? "computed" : "",
    ]
      .filter(Boolean)
      .join(" ");
    const describedBy = failing ? mark.findings.map((i) => `finding-${i + 1}`).join(" ") : "";
    const correction = mark?.correction !== undefined ? this._checked.corrections[mark.correction] : undefined;
    const issues = failing ? mark.findings.map((i) => this._checked.failing[i]).filter((f): f is Issue => f !== undefined) : [];
    const title = [
      uncertain && !issues.some(isUncertain) ? stringsFor(this.locale).markUncertain : "",
      ...issues.map((f) => [this.word(f), this.candidatesOf(f, [id])].filter(Boolean).join(" ")),
      correction ? this.word(correction) : "",
    ]
      .filter(Boolean)
      .join("\n");
    return html`<td colspan=${c.colspan > 1 ? c.colspan : nothing} class=${cls || nothing}>
      <input id=${cellDomId(id)} data-cell=${id} data-table=${tableId} data-row=${rowIndex} data-col=${c.def.col}
        .value=${value} aria-label=${c.label} aria-invalid=${fault && mark?.findings.length ? "true" : nothing}
        aria-describedby=${describedBy || nothing} title=${title || nothing} autocomplete="off" spellcheck="false"
        @input=${this.onCellInput} @change=${this.onCellChange} @keydown=${this.onCellKey} />
    </td>`;
  }

  private renderTable(t: LayoutTable): TemplateResult {
    const s = stringsFor(this.locale);
    return html`<div class="scroll" role="region" aria-label=${t.title} tabindex="0" data-table=${t.id}>
      <table id=${`table-${t.id}`}>
        <caption>${t.title}</caption>
        ${t.head.length ? html`<thead>${t.head.map((row) => html`<tr>${row.map((c) => this.renderCell(c, t.id, -1))}</tr>`)}</thead>` : nothing}
        <tbody>${t.body.map((row, i) => html`<tr>${row.map((c) => this.renderCell(c, t.id, i))}</tr>`)}</tbody>
      </table>
    </div>
    <p class="scroll-hint" id=${`hint-${t.id}`}>${s.scrollHint}</p>`;
  }

  /** The values the import's candidates give each of `cells` (those with more than one), in words; "" when none. */
  private candidatesOf(f: Issue, cells: readonly string[] = f.cells): string {
    if (!f.candidates?.length) return "";
    return cells
      .map((cell) => {
        const values = [...new Set(f.candidates?.map((c) => c[cell]).filter((v): v is string => v !== undefined))];
        return values.length > 1 ? uiText(this.locale, "candidates", { cell, values }, this._checked.report) : "";
      })
      .filter(Boolean)
      .join(" ");
  }

  /** The label of a cell in the language shown, for a finding's button. */
  private cellName(cell: string): string {
    const def = reportCells(this._checked.report).byId.get(cell);
    return def ? inputLabel(def, this.locale) : "";
  }

  /** One failing issue: its severity, its message in the language shown, a rule's code, and a button to its cell. */
  private renderIssue(f: Issue, i: number): TemplateResult {
    const s = stringsFor(this.locale);
    const mark = (c: string) => this._checked.marks.get(c);
    const cell = f.cells.find((c) => mark(c)?.fault) ?? f.cells.find((c) => mark(c) !== undefined);
    return html`<li id=${`finding-${i + 1}`} class=${f.severity} data-code=${f.code} data-phase=${f.phase} data-severity=${f.severity}>
      <span class=${`badge ${f.severity}`}>${s.severity[f.severity]}</span>
      <span class="message">${this.word(f)}</span>
      ${f.candidates?.length ? html`<span class="candidates">${this.candidatesOf(f)}</span>` : nothing}
      ${f.phase === "rule" ? html`<span class="rule">${f.code}</span>` : nothing}
      ${
        cell
          ? html`<button type="button" class="link goto" data-cell=${cell} aria-label=${uiText(this.locale, "goToNamed", { cell: this.cellName(cell) })}
              @click=${() => this.focusCell(cell)}>${s.goToCell}</button>`
          : nothing
      }
    </li>`;
  }

  private summaryText(): string {
    const s = stringsFor(this.locale);
    const { failing, result } = this._checked;
    if (!failing.length) return result.noData ? s.noData : s.noFindings;
    const c = result.counts;
    const fromRead = failing.filter((f) => f.phase !== "rule").length;
    const counts = uiText(this.locale, "summary", { error: c.error, warning: c.warning, info: c.info });
    // An empty form can still have issues (the file read, the year against the edition): both are said.
    return (result.noData ? `${s.noData} ` : "") + counts + (fromRead ? uiText(this.locale, "summaryImport", { count: fromRead }) : "");
  }

  /**
   * The result summary, at the top: the counts, the corrections, then every failing issue (the import's and the
   * rules') in one list, errors first, then warnings, then notes, each with a button to its cell. The import's issues
   * about inferred cells say which values each cell could take (their candidates).
   */
  private renderFindings(): TemplateResult {
    const s = stringsFor(this.locale);
    const { failing, corrections, correctionsHeld } = this._checked;
    return html`<section class="panel" id="result" tabindex="-1" aria-labelledby="findings-title">
      <h3 id="findings-title">${s.findings}</h3>
      <p class="summary" role="status" aria-live="polite" id="summary">${this.summaryText()}</p>
      ${correctionsHeld ? html`<p class="held">${s.correctionsHeld}</p>` : nothing}
      ${
        corrections.length
          ? html`<h4>${s.corrections}</h4>
            <ol class="corrections">
              ${corrections.map(
                (c, i) => html`<li id=${`correction-${i + 1}`} data-cell=${c.cell} data-code=${c.code}>
                  ${this.word(c)}
                  <button class="apply" type="button" @click=${() => this.applyCorrection(i)}>${s.apply}</button>
                </li>`,
              )}
            </ol>`
          : nothing
      }
      ${failing.length ? html`<ol class="findings">${failing.map((f, i) => this.renderIssue(f, i))}</ol>` : nothing}
    </section>`;
  }

  /** What the marks in the tables mean, shown when any cell is marked. */
  private renderLegend(): TemplateResult | typeof nothing {
    const s = stringsFor(this.locale);
    const marks = [...this._checked.marks.values()];
    const shown = {
      fault: marks.some((m) => m.fault),
      involved: marks.some((m) => !m.fault),
      uncertain: [...this._checked.uncertain].some((c) => !this.typed.has(c)),
      typed: this.typed.size > 0,
      computed: this.computed.size > 0,
    };
    if (!Object.values(shown).some(Boolean)) return nothing;
    const item = (on: boolean, cls: string, glyph: string, text: string) =>
      on ? html`<li><span class=${`sample ${cls}`} aria-hidden="true">${glyph}</span> ${text}</li>` : nothing;
    return html`<div class="legend"><span id="legend-title">${s.legend}</span>
      <ul aria-labelledby="legend-title">
        ${item(shown.fault, "fault", "!", s.markFault)} ${item(shown.involved, "involved", "", s.markInvolved)}
        ${item(shown.uncertain, "uncertain", "?", s.markUncertain)} ${item(shown.typed, "typed", "✎", s.markTyped)}
        ${item(shown.computed, "computed", "Σ", s.markComputed)}
      </ul>
    </div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === "function") {
      this.resizeObserver ??= new ResizeObserver(() => this.markOverflow());
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    clearTimeout(this.timer);
  }

  protected override updated(): void {
    this.markOverflow();
  }

  /** Marks each table wider than its box (`data-overflow`), so that its scroll bar and a hint are shown. */
  private markOverflow(): void {
    for (const box of this.renderRoot.querySelectorAll<HTMLElement>(".scroll")) {
      const over = box.scrollWidth > box.clientWidth + 1;
      if (box.hasAttribute("data-overflow") !== over) box.toggleAttribute("data-overflow", over);
      const hint = box.nextElementSibling;
      if (hint instanceof HTMLElement && hint.classList.contains("scroll-hint")) hint.hidden = !over;
    }
  }

  protected override render(): TemplateResult {
    const s = stringsFor(this.locale);
    const r = this._checked.report;
    const editionValue = r.edition;
    const other: Locale = this.locale === "en" ? "zh-CN" : "en";
    return html`<div lang=${this.locale}>
      <a class="skip" href="#result" @click=${this.onSkip}>${s.skipToResult}</a>
      <header>
        <h2>${s.title}</h2>
        <div class="field">
          <label for="edition">${s.edition}</label>
          <select id="edition" @change=${this.onEdition} .value=${editionValue}>
            ${ENTRY_EDITIONS.map((e) => html`<option value=${e} ?selected=${e === editionValue}>${s.editions[e]}</option>`)}
            ${editionValue === "local" ? html`<option value="local" selected disabled>${s.editions.local}</option>` : nothing}
          </select>
        </div>
        <div class="toggles">
          <button type="button" class="secondary" id="lang-toggle" @click=${this.toggleLang} title=${s.otherLanguage}
            ><span lang=${other}>${LANGUAGE_NAMES[other]}</span></button>
        </div>
      </header>
      <div class=${`input-area${this._dragging ? " dragging" : ""}`} @dragover=${this.onDragOver} @dragleave=${() => (this._dragging = false)}
        @drop=${this.onDrop}>
        <div class="field">
          <label for="file">${s.chooseFile}</label>
          <input id="file" type="file" accept=".txt,.text,.htm,.html,.md,.markdown,.docx,.xlsx,.pdf,.json,text/plain,text/html,application/json,application/pdf"
            @change=${this.onFile} ?disabled=${this._busy} />
          <span class="privacy">${s.dropHint}</span>
        </div>
        <div class="field">
          <label for="paste">${s.paste}</label>
          <textarea id="paste" placeholder=${s.pastePlaceholder}></textarea>
        </div>
        <div class="controls"><button type="button" id="read-pasted" @click=${this.onPasteRead} ?disabled=${this._busy}>${s.readPasted}</button></div>
        <p class="privacy">${s.privacy}</p>
      </div>
      <div class="meta">
        <div class="field"><label for="meta-body">${s.body}</label>
          <input id="meta-body" .value=${r.meta.body ?? ""} @change=${(e: Event) => this.onMeta("body", (e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="meta-year">${s.year}</label>
          <input id="meta-year" inputmode="numeric" .value=${r.meta.year !== undefined ? String(r.meta.year) : ""}
            @change=${(e: Event) => this.onMeta("year", (e.target as HTMLInputElement).value)} /></div>
      </div>
      <div class="controls" role="toolbar" aria-label=${s.save}>
        <button type="button" id="fill-totals" @click=${() => this.fillTotals()}>${s.fillTotals}</button>
        <button type="button" class="secondary" id="save-json" @click=${() => this.save("json")}>${s.saveJson}</button>
        <button type="button" class="secondary" id="save-xlsx" @click=${() => this.save("xlsx")} ?disabled=${this._busy}>${s.saveXlsx}</button>
        <button type="button" class="secondary" id="save-html" @click=${() => this.save("html")} ?disabled=${this._busy}>${s.saveHtml}</button>
        <button type="button" class="secondary" id="clear" @click=${this.onClear}>${s.clear}</button>
        <button type="button" class="secondary" id="print" @click=${() => window.print()}>${s.print}</button>
      </div>
      <p class="status" id="status" role="status" aria-live="polite">${this.statusText()}</p>
      ${this.renderFindings()}
      <section class="tables" aria-label=${s.tables}>${this.renderLegend()}${this.tables().map((t) => this.renderTable(t))}</section>
    </div>`;
  }
}

/** Defines `<gov-disclosure-validator>` once (no-op when already defined or outside a browser). */
export function defineValidator(tag: string = TAG_NAME): void {
  if (typeof customElements !== "undefined" && !customElements.get(tag)) customElements.define(tag, GovDisclosureValidator);
}

declare global {
  interface HTMLElementTagNameMap {
    "gov-disclosure-validator": GovDisclosureValidator;
  }
}

/** Re-exported so that consumers can type `edition` values. */
export type { Edition };
