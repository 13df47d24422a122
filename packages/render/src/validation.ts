import {
  type Correction,
  EDITION_INFO,
  formatIssue,
  IMPORT_CODES,
  type ImportCode,
  type Issue,
  type Locale,
  messagesFor,
  PARSE_CODES,
  type ParseCode,
  RULES,
  type Report,
  type SourceLocation,
  type ValidationResult,
} from "@gov-disclosure/core";
import { defsOf, labelOf, whoOf } from "./defs";
import { escapeHtml, escapeXml, safeJson, terminalSafe } from "./escape";
import { cellMarks, FINDINGS_CSS, htmlDocument, issueSections, reportBodyHtml, reportTitle } from "./html";
import { fill, labelled, sourceText, uiFor } from "./i18n";

/** Options of the validation renderers. */
export interface ValidationRenderOptions {
  /** Language of every message and of the interface text: the same result can be worded in either. zh-CN by default. */
  readonly locale?: Locale;
}

/** Options of `renderValidationText`. */
export interface TextOptions extends ValidationRenderOptions {
  /** ANSI colour. Off by default: the caller decides (TTY, NO_COLOR). */
  readonly color?: boolean;
  /** List the checks that could not be assessed one by one (by default only their number is given). */
  readonly verbose?: boolean;
}

const ANSI = { red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", green: "\x1b[32m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" } as const;

/** Cells listed per finding in terminal text before "… (+n)". */
const MAX_CELLS = 8;

/** Where the rules and codes are documented; each code has an anchor (its id in lower case). */
export const RULES_DOC = "https://github.com/gov-disclosure/gov-disclosure/blob/main/docs/rules.md";

/** The documentation link of a code (rule id, IMPORT-* or PARSE-* code). */
export const codeHelpUri = (code: string): string => `${RULES_DOC}#${code.toLowerCase()}`;

/** The edition's name in the locale. */
const editionName = (report: Report, locale: Locale) => messagesFor(locale).editions[report.edition];

/**
 * Whether a result may be called clean, and if not for a reason other than failing findings, the sentence that says
 * so: cells the import guessed or could not verify, or import problems, never leave a report "plainly clean".
 */
export function uncertaintyNote(result: Pick<ValidationResult, "findings" | "uncertainCells">, locale: Locale): string | undefined {
  const ui = uiFor(locale);
  if (result.uncertainCells.length) return fill(ui.uncertainSummary, { count: result.uncertainCells.length }, locale);
  const problems = result.findings.filter((f) => f.phase !== "rule" && f.status === "fail" && f.severity !== "info").length;
  return problems ? fill(ui.importProblemsSummary, { count: problems }, locale) : undefined;
}

/** Clean: figures were read (not a blank template), none guessed, and nothing fails. */
const isClean = (result: ValidationResult): boolean => !result.noData && !result.findings.some((f) => f.status === "fail") && !result.uncertainCells.length;

const SEVERITY_ORDER = ["error", "warning", "info"] as const;

/**
 * The validation result as terminal text in the locale: a summary line (and the uncertainty note when the import
 * guessed cells), then the failing issues — errors, then warnings, then notes, the import's first in each — with their
 * code, cells and source; passing checks when the result holds them; the checks that could not be assessed as a count
 * (one by one with `verbose`); then the suggested corrections.
 */
export function renderValidationText(report: Report, result: ValidationResult, options: TextOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const c = (code: keyof typeof ANSI, s: string) => (options.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const sevColour = { error: "red", warning: "yellow", info: "cyan" } as const;
  const defs = defsOf(report);
  const lines: string[] = [];
  lines.push(c("bold", terminalSafe(`${whoOf(report, reportTitle(report, locale))} · ${editionName(report, locale)}`)));
  const k = result.counts;
  const summary = [
    c(k.error ? "red" : "dim", `${ui.errors} ${k.error}`),
    c(k.warning ? "yellow" : "dim", `${ui.warnings} ${k.warning}`),
    c(k.info ? "cyan" : "dim", `${ui.infos} ${k.info}`),
    c("dim", `${ui.notAssessable} ${k.notAssessable}`),
    ...(k.passed ? [c("green", `${ui.passed} ${k.passed}`)] : []),
  ];
  lines.push(summary.join(" · "));
  if (result.noData) lines.push(c("yellow", ui.noData));
  const note = uncertaintyNote(result, locale);
  if (note) lines.push(c("yellow", note));
  else if (isClean(result)) lines.push(c("green", ui.noFindings));
  lines.push("");
  const block = (f: Issue) => {
    const tag =
      f.status === "fail"
        ? c(sevColour[f.severity], `[${ui.severity[f.severity]}]`)
        : f.status === "pass"
          ? c("green", `[${ui.status.pass}]`)
          : c("dim", `[${ui.status["not-assessable"]}]`);
    const where = f.cells[0] ? c("dim", `  ${terminalSafe(f.cells[0])}`) : "";
    lines.push(`${tag} ${c("bold", f.code)}${f.key !== undefined ? c("dim", `:${terminalSafe(f.key)}`) : ""}${where}`);
    lines.push(`  ${terminalSafe(formatIssue(f, locale, report))}`);
    if (f.status === "fail" && (f.cells.length > 1 || (f.phase !== "rule" && f.cells.length))) {
      const shown = f.cells.slice(0, MAX_CELLS).map((id) => terminalSafe(id));
      const more = f.cells.length > MAX_CELLS ? ` … (+${f.cells.length - MAX_CELLS})` : "";
      lines.push(c("dim", `  ${labelled(ui.cells, `${shown.join(ui.listSeparator)}${more}`, locale)}`));
    }
    const source = sourceText(f.source, locale);
    if (source) lines.push(c("dim", `  ${terminalSafe(labelled(ui.source, source, locale))}`));
  };
  for (const sev of SEVERITY_ORDER) for (const f of result.findings) if (f.status === "fail" && f.severity === sev) block(f);
  for (const f of result.findings) if (f.status === "pass") block(f);
  const na = result.findings.filter((f) => f.status === "not-assessable");
  if (options.verbose) for (const f of na) block(f);
  else if (na.length) lines.push(c("dim", fill(ui.notAssessableCollapsed, { count: na.length }, locale)));
  if (result.corrections.length) {
    lines.push("", c("bold", labelled(ui.corrections, "", locale).trimEnd()));
    for (const corr of result.corrections) {
      const flags = [corr.complete ? ui.correctionComplete : "", corr.ambiguous ? ui.correctionAmbiguous : ""].filter(Boolean);
      const remark = flags.length ? c("dim", fill(ui.parenthesised, { text: flags.join(ui.clauseSeparator) }, locale)) : "";
      lines.push(`  ${c("green", "→")} ${terminalSafe(formatIssue(corr, locale, report))}${remark}`);
      const label = labelOf(defs, corr.cell, locale);
      lines.push(c("dim", `    ${terminalSafe(corr.cell)} ${label === corr.cell ? "" : terminalSafe(label)}`.trimEnd()));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** An issue as JSON: its fields, with its message worded in the locale after code, phase, severity and status. */
function issueJson(f: Issue, locale: Locale, report: Report) {
  const { code, phase, severity, status, ...rest } = f;
  return { code, phase, severity, status, message: formatIssue(f, locale, report), ...rest };
}

/** A correction as JSON, worded in the locale. */
function correctionJson(c: Correction, locale: Locale, report: Report) {
  const { code, ...rest } = c;
  return { code, message: formatIssue(c, locale, report), ...rest };
}

/**
 * The validation result as JSON text: report identity, the locale of the messages, counts (import issues included),
 * the uncertain cells, every issue (code, phase, severity, status, message, cells, params, source …) and the
 * corrections, worded in the locale. Safe to embed in HTML.
 */
export function renderValidationJson(report: Report, result: ValidationResult, options: ValidationRenderOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  return `${safeJson(
    {
      version: 2,
      locale,
      report: {
        edition: report.edition,
        ...(report.meta.body !== undefined ? { body: report.meta.body } : {}),
        ...(report.meta.year !== undefined ? { year: report.meta.year } : {}),
        ...(report.meta.title !== undefined ? { title: report.meta.title } : {}),
      },
      counts: result.counts,
      noData: result.noData,
      clean: isClean(result),
      uncertainCells: result.uncertainCells,
      findings: result.findings.map((f) => issueJson(f, locale, report)),
      corrections: result.corrections.map((c) => correctionJson(c, locale, report)),
    },
    2,
  )}\n`;
}

/**
 * The validation result as a self-contained HTML document: a summary (with the uncertainty note when the import
 * guessed cells), the report in its official layout with the failing cells highlighted (each linked to its issues)
 * and the uncertain cells framed apart, the import's issues, the rule findings (each linked to its cells) and the
 * fault localiser's suggested corrections, all worded in the locale.
 */
export function renderValidationHtml(report: Report, result: ValidationResult, options: ValidationRenderOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const title = `${reportTitle(report, locale)} — ${ui.validationTitle}`;
  const k = result.counts;
  const note = uncertaintyNote(result, locale);
  const edition = `${editionName(report, locale)}${fill(ui.parenthesised, { text: EDITION_INFO[report.edition].basis }, locale)}`;
  const summary = [
    `<section class="summary" id="summary">`,
    `<h2>${escapeHtml(ui.summary)}</h2>`,
    `<div><span class="n-error">${escapeHtml(ui.errors)} ${k.error}</span> · <span class="n-warning">${escapeHtml(ui.warnings)} ${k.warning}</span> · ${escapeHtml(ui.infos)} ${k.info} · ${escapeHtml(ui.notAssessable)} ${k.notAssessable}${k.passed ? ` · ${escapeHtml(ui.passed)} ${k.passed}` : ""}</div>`,
    `<div>${escapeHtml(labelled(ui.edition, edition, locale))}</div>`,
    result.noData ? `<div>${escapeHtml(ui.noData)}</div>` : "",
    note ? `<div class="uncertain">${escapeHtml(note)}</div>` : isClean(result) ? `<div>${escapeHtml(ui.noFindings)}</div>` : "",
    result.uncertainCells.length ? `<div class="legend"><span class="swatch"></span>${escapeHtml(ui.uncertainLegend)}</div>` : "",
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
  const marks = cellMarks(result.findings, result.corrections, { report, locale, uncertainCells: result.uncertainCells });
  const body = [
    summary,
    reportBodyHtml(report, locale, marks, reportTitle(report, locale)),
    ...issueSections(report, result.findings, result.corrections, locale, true, note ?? ui.noFindings),
  ]
    .filter(Boolean)
    .join("\n");
  return htmlDocument(title, locale, body, FINDINGS_CSS);
}

/** One validated report for the multi-report outputs (SARIF, JUnit). */
export interface ValidatedReport {
  readonly report: Report;
  readonly result: ValidationResult;
  /** Where the report was read from (a path or URL), for SARIF physical locations; defaults to meta.source. */
  readonly uri?: string;
}

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/** Options of `renderSarif`. */
export interface SarifOptions extends ValidationRenderOptions {
  /** Tool version written in the driver. */
  readonly toolVersion?: string;
}

/** A message template as a description: its placeholders shown as "…". */
const generic = (template: string): string => template.replace(/\{\w+(?:\.\w+)?\}/g, "…");

/** A short, stable hash (FNV-1a, 32 bits, hex) for fingerprints. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The position part of a fingerprint: line:column, page or table/row/col, "" when unknown. Never "undefined". */
const positionKey = (s: SourceLocation | undefined): string =>
  !s
    ? ""
    : [
        s.sheet,
        s.page !== undefined ? `p${s.page}` : undefined,
        s.line !== undefined ? `${s.line}:${s.column ?? ""}` : undefined,
        s.table !== undefined ? `t${s.table}r${s.row ?? ""}c${s.col ?? ""}` : undefined,
      ]
        .filter((x): x is string => x !== undefined)
        .join("/");

/**
 * SARIF 2.1.0 of one or more validated reports: the rule catalogue and the import and parse codes as
 * reportingDescriptors (each with help text and a link to its documentation), every issue as a result worded in the
 * locale, with logical locations (the cell ids) and physical locations where the importer recorded line and column
 * (or the page, as a property), and the suggested corrections as fixes.
 */
export function renderSarif(items: ValidatedReport | readonly ValidatedReport[], options: SarifOptions = {}): string {
  const list: readonly ValidatedReport[] = Array.isArray(items) ? items : [items as ValidatedReport];
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const table = messagesFor(locale);
  const help = (text: string, code: string) => ({
    text: `${text}\n${fill(ui.seeRules, { url: codeHelpUri(code) }, locale)}`,
    markdown: `${text}\n\n[${code}](${codeHelpUri(code)})`,
  });
  const ruleDescriptors = RULES.map((r) => {
    const basis = locale === "en" ? r.basis.en : r.basis.zh;
    const full = generic(table.rules[r.id]);
    return {
      id: r.id,
      name: r.id,
      shortDescription: { text: basis },
      fullDescription: { text: full },
      help: help(`${basis}\n${full}`, r.id),
      helpUri: codeHelpUri(r.id),
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      properties: { phase: "rule", kind: r.kind, editions: r.editions, basis: r.basis, formula: r.formula, ...(r.previous ? { previous: r.previous } : {}) },
    };
  });
  const codeDescriptor = (code: ImportCode | ParseCode, phase: "import" | "parse") => {
    const text = generic(phase === "import" ? table.import[code as ImportCode] : table.parse[code as ParseCode]);
    return {
      id: code,
      name: code,
      shortDescription: { text: `${ui.phase[phase]} · ${code}` },
      fullDescription: { text },
      help: help(text, code),
      helpUri: codeHelpUri(code),
      defaultConfiguration: { level: phase === "parse" ? "error" : "warning" },
      properties: { phase },
    };
  };
  const rules = [...ruleDescriptors, ...IMPORT_CODES.map((c) => codeDescriptor(c, "import")), ...PARSE_CODES.map((c) => codeDescriptor(c, "parse"))];
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const artifacts: { location: { uri: string }; properties?: Record<string, unknown> }[] = [];
  const artifactIndex = new Map<string, number>();
  const results: unknown[] = [];
  for (const { report, result, uri: given } of list) {
    const uri = given ?? report.meta.source?.filename ?? report.meta.source?.url;
    let index: number | undefined;
    if (uri !== undefined) {
      index = artifactIndex.get(uri);
      if (index === undefined) {
        index = artifacts.length;
        artifactIndex.set(uri, index);
        artifacts.push({ location: { uri }, properties: { body: report.meta.body ?? null, year: report.meta.year ?? null, edition: report.edition } });
      }
    }
    const defs = defsOf(report);
    /** A physical location from a source: a region for line/column, the page as a property (SARIF regions have no pages). */
    const physical = (s: SourceLocation | undefined) => {
      if (uri === undefined || index === undefined || !s || (s.line === undefined && s.page === undefined)) return undefined;
      return {
        artifactLocation: { uri, index },
        ...(s.line !== undefined
          ? {
              region: {
                startLine: s.line,
                ...(s.column !== undefined ? { startColumn: s.column } : {}),
                ...(s.column !== undefined && s.raw !== undefined ? { endColumn: s.column + s.raw.length } : {}),
                ...(s.raw !== undefined ? { snippet: { text: s.raw } } : {}),
              },
            }
          : {}),
        ...(s.page !== undefined ? { properties: { page: s.page } } : {}),
      };
    };
    const logical = (cell: string) => ({ name: cell, fullyQualifiedName: cell, kind: "variable", properties: { label: labelOf(defs, cell, locale) } });
    for (const f of result.findings) {
      const key = `${f.code}:${f.key ?? ""}`;
      const fixes = f.phase === "rule" && f.key !== undefined ? result.corrections.filter((c) => c.explains.includes(key)) : [];
      let locations: unknown[];
      const own = physical(f.source);
      if (own || (f.source && !f.cells.length)) {
        locations = [{ ...(own ? { physicalLocation: own } : {}), ...(f.cells.length ? { logicalLocations: f.cells.map(logical) } : {}) }].filter(
          (l) => Object.keys(l).length,
        );
      } else {
        locations = f.cells.map((cell) => {
          const p = physical(report.sources[cell]);
          return { ...(p ? { physicalLocation: p } : {}), logicalLocations: [logical(cell)] };
        });
      }
      const sarifFixes = fixes.flatMap((c) => {
        const s = report.sources[c.cell];
        const p = physical(s);
        if (!p || s?.line === undefined || s.column === undefined || s.raw === undefined) return [];
        return [
          {
            description: { text: formatIssue(c, locale, report) },
            artifactChanges: [
              {
                artifactLocation: p.artifactLocation,
                replacements: [
                  { deletedRegion: { startLine: s.line, startColumn: s.column, endColumn: s.column + s.raw.length }, insertedContent: { text: c.to } },
                ],
              },
            ],
          },
        ];
      });
      const print = [
        report.meta.body ?? "",
        report.meta.year !== undefined ? String(report.meta.year) : "",
        f.code,
        f.key ?? "",
        f.phase === "rule" ? (f.cells[0] ?? "") : f.cells.join(" "),
        positionKey(f.source),
        ...(f.phase === "rule" ? [] : [hash(safeJson(f.params))]),
      ].join("|");
      results.push({
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code),
        kind: f.status === "fail" ? "fail" : f.status === "pass" ? "pass" : "notApplicable",
        level: f.status === "fail" ? SARIF_LEVEL[f.severity] : "none",
        message: { text: formatIssue(f, locale, report) },
        ...(locations.length ? { locations } : {}),
        ...(sarifFixes.length ? { fixes: sarifFixes } : {}),
        partialFingerprints: { "govDisclosureFinding/v2": print },
        properties: {
          phase: f.phase,
          edition: report.edition,
          ...(report.meta.body !== undefined ? { body: report.meta.body } : {}),
          ...(report.meta.year !== undefined ? { year: report.meta.year } : {}),
          ...(f.key !== undefined ? { key: f.key } : {}),
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
          ...(f.difference !== undefined ? { difference: f.difference } : {}),
          ...(f.reason !== undefined ? { reason: f.reason } : {}),
          params: f.params,
          ...(f.source ? { source: f.source } : {}),
          ...(f.candidates ? { candidates: f.candidates } : {}),
          ...(f.uncertainCells ? { uncertainCells: f.uncertainCells } : {}),
          ...(fixes.length ? { corrections: fixes.map((c) => ({ cell: c.cell, from: c.from, to: c.to, message: formatIssue(c, locale, report) })) } : {}),
        },
      });
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "gov-disclosure",
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri: "https://github.com/gov-disclosure/gov-disclosure",
            language: locale,
            rules,
          },
        },
        language: locale,
        columnKind: "unicodeCodePoints",
        ...(artifacts.length ? { artifacts } : {}),
        results,
      },
    ],
  };
  return `${safeJson(log, 2)}\n`;
}

/** Options of `renderJUnit`. */
export interface JUnitOptions extends ValidationRenderOptions {
  /** One testsuite per report (default) or per code family (T3, OLD, META, IMPORT, …). */
  readonly groupBy?: "report" | "family";
}

/** A code's family: the part before the first hyphen (T3-BALANCE → T3, IMPORT-SPLIT-AMBIGUOUS → IMPORT). */
export const ruleFamily = (code: string): string => code.split("-")[0] ?? code;

interface Case {
  readonly suite: string;
  readonly classname: string;
  readonly name: string;
  /** The error finding this testcase fails on, if any: one per testcase, so that failures = error findings. */
  readonly failure?: Issue;
  readonly skipped?: string;
  /** Warnings and notes: reported as system-out, never as failures. */
  readonly notes: readonly Issue[];
}

/**
 * JUnit XML for CI. Per report, one testcase per applicable rule and per import (or parse) code that was raised. Every
 * error finding is a failure of its own testcase (a rule or code with several errors gets one testcase each, named
 * by the instance), so the `failures` counts equal the number of error findings; warnings and notes go to
 * system-out; a rule that could not be assessed is skipped. Messages are worded in the locale.
 */
export function renderJUnit(items: ValidatedReport | readonly ValidatedReport[], options: JUnitOptions = {}): string {
  const list: readonly ValidatedReport[] = Array.isArray(items) ? items : [items as ValidatedReport];
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const by = options.groupBy ?? "report";
  const cases: Case[] = [];
  const words = new Map<Issue, string>();
  list.forEach(({ report, result }, n) => {
    const who = whoOf(report, `report ${n + 1}`);
    for (const f of result.findings) words.set(f, formatIssue(f, locale, report));
    const names = new Set<string>();
    const unique = (base: string) => {
      let name = base;
      for (let k = 2; names.has(name); k++) name = `${base} #${k}`;
      names.add(name);
      return name;
    };
    const push = (code: string, fs: readonly Issue[]) => {
      const family = ruleFamily(code);
      const suite = by === "report" ? who : family;
      const classname = by === "report" ? `${who}.${family}` : `${family}.${who}`;
      const label = (name: string) => (by === "report" ? name : `${name} (${who})`);
      const errors = fs.filter((f) => f.status === "fail" && f.severity === "error");
      const notes = fs.filter((f) => f.status === "fail" && f.severity !== "error");
      const na = fs.filter((f) => f.status === "not-assessable");
      if (!errors.length) {
        const skipped = !notes.length && na.length && na.length === fs.length ? na.map((f) => words.get(f) ?? "").join("\n") : undefined;
        cases.push({ suite, classname, name: label(unique(code)), notes, ...(skipped !== undefined ? { skipped } : {}) });
        return;
      }
      errors.forEach((f, i) => {
        const instance = errors.length === 1 ? code : `${code}:${f.key ?? f.cells[0] ?? i + 1}`;
        cases.push({ suite, classname, name: label(unique(instance)), failure: f, notes: i === 0 ? notes : [] });
      });
    };
    const others = new Map<string, Issue[]>();
    for (const f of result.findings) if (f.phase !== "rule") others.set(f.code, [...(others.get(f.code) ?? []), f]);
    for (const [code, fs] of others) push(code, fs);
    for (const rule of RULES) {
      if (!rule.editions.includes(report.edition)) continue;
      push(
        rule.id,
        result.findings.filter((f) => f.phase === "rule" && f.code === rule.id),
      );
    }
  });
  const line = (f: Issue) => {
    const source = sourceText(f.source, locale);
    return [
      `[${ui.severity[f.severity]}] ${words.get(f) ?? f.code}`,
      f.cells.length ? labelled(ui.cells, f.cells.join(ui.listSeparator), locale) : "",
      source ? labelled(ui.source, source, locale) : "",
    ]
      .filter(Boolean)
      .join("\n  ");
  };
  const suites = new Map<string, Case[]>();
  for (const c of cases) suites.set(c.suite, [...(suites.get(c.suite) ?? []), c]);
  const count = (cs: readonly Case[]) => ({
    tests: cs.length,
    failures: cs.filter((c) => c.failure).length,
    skipped: cs.filter((c) => c.skipped !== undefined).length,
  });
  const total = count(cases);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="gov-disclosure" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}">`);
  for (const [name, cs] of suites) {
    const k = count(cs);
    out.push(`  <testsuite name="${escapeXml(name)}" tests="${k.tests}" failures="${k.failures}" errors="0" skipped="${k.skipped}">`);
    for (const c of cs) {
      const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"`;
      if (!c.failure && c.skipped === undefined && !c.notes.length) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (c.failure)
        out.push(`      <failure type="error" message="${escapeXml(words.get(c.failure) ?? c.failure.code)}">${escapeXml(line(c.failure))}</failure>`);
      else if (c.skipped !== undefined) out.push(`      <skipped message="${escapeXml(c.skipped)}"/>`);
      if (c.notes.length) out.push(`      <system-out>${escapeXml(c.notes.map(line).join("\n"))}</system-out>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>", "");
  return out.join("\n");
}
