import { EDITION_INFO, type Finding, type Locale, messagesFor, RULES, type Report, type ValidationResult } from "@gov-disclosure/core";
import { defsOf, labelOf, whoOf } from "./defs";
import { escapeHtml, escapeXml, safeJson, terminalSafe } from "./escape";
import { cellMarks, correctionsHtml, FINDINGS_CSS, findingsHtml, htmlDocument, reportBodyHtml, reportTitle } from "./html";
import { uiFor } from "./i18n";

/** Options of the validation renderers. */
export interface ValidationRenderOptions {
  /** Language of interface text; the findings carry the messages of the locale they were validated in. zh-CN by default. */
  readonly locale?: Locale;
}

/** Options of `renderValidationText`. */
export interface TextOptions extends ValidationRenderOptions {
  /** ANSI colour. Off by default: the caller decides (TTY, NO_COLOR). */
  readonly color?: boolean;
}

const ANSI = { red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", green: "\x1b[32m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" } as const;

/** Cells listed per finding in terminal text before "… (+n)". */
const MAX_CELLS = 8;

/** The edition's name in the locale. */
const editionName = (report: Report, locale: Locale) => messagesFor(locale).editions[report.edition];

/** The validation result as terminal text: a summary line, one block per finding, then the suggested corrections. */
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
  if (!result.findings.some((f) => f.status === "fail")) lines.push(c("green", ui.noFindings));
  lines.push("");
  for (const f of result.findings) {
    const tag =
      f.status === "fail"
        ? c(sevColour[f.severity], `[${ui.severity[f.severity]}]`)
        : f.status === "pass"
          ? c("green", `[${ui.status.pass}]`)
          : c("dim", `[${ui.status["not-assessable"]}]`);
    const where = f.cells[0] ? c("dim", `  ${f.cells[0]}`) : "";
    lines.push(`${tag} ${c("bold", f.ruleId)}${f.key !== undefined ? c("dim", `:${terminalSafe(f.key)}`) : ""}${where}`);
    lines.push(`  ${terminalSafe(f.message)}`);
    if (f.status === "fail" && f.cells.length > 1) {
      const shown = f.cells.slice(0, MAX_CELLS).map((id) => terminalSafe(id));
      const more = f.cells.length > MAX_CELLS ? ` … (+${f.cells.length - MAX_CELLS})` : "";
      lines.push(c("dim", `  ${ui.cells}: ${shown.join(", ")}${more}`));
    }
  }
  if (result.corrections.length) {
    lines.push("", c("bold", `${ui.corrections}:`));
    for (const corr of result.corrections) {
      const flags = [corr.complete ? ui.correctionComplete : "", corr.ambiguous ? ui.correctionAmbiguous : ""].filter(Boolean);
      lines.push(`  ${c("green", "→")} ${terminalSafe(corr.message)}${flags.length ? c("dim", ` (${flags.join("; ")})`) : ""}`);
      lines.push(
        c("dim", `    ${corr.cell} ${labelOf(defs, corr.cell, locale) === corr.cell ? "" : terminalSafe(labelOf(defs, corr.cell, locale))}`.trimEnd()),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The validation result as JSON text: report identity, counts, findings and corrections. Safe to embed in HTML. */
export function renderValidationJson(report: Report, result: ValidationResult): string {
  return `${safeJson(
    {
      version: 1,
      report: {
        edition: report.edition,
        ...(report.meta.body !== undefined ? { body: report.meta.body } : {}),
        ...(report.meta.year !== undefined ? { year: report.meta.year } : {}),
        ...(report.meta.title !== undefined ? { title: report.meta.title } : {}),
      },
      counts: result.counts,
      noData: result.noData,
      findings: result.findings,
      corrections: result.corrections,
    },
    2,
  )}\n`;
}

/**
 * The validation result as a self-contained HTML document: a summary, the report in its official layout with the
 * failing cells highlighted (each linked to its findings), the findings (each linked to its cells) and the fault
 * localiser's suggested corrections.
 */
export function renderValidationHtml(report: Report, result: ValidationResult, options: ValidationRenderOptions = {}): string {
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const title = `${reportTitle(report, locale)} — ${ui.validationTitle}`;
  const k = result.counts;
  const summary = [
    `<section class="summary" id="summary">`,
    `<h2>${escapeHtml(ui.summary)}</h2>`,
    `<div><span class="n-error">${escapeHtml(ui.errors)} ${k.error}</span> · <span class="n-warning">${escapeHtml(ui.warnings)} ${k.warning}</span> · ${escapeHtml(ui.infos)} ${k.info} · ${escapeHtml(ui.notAssessable)} ${k.notAssessable}${k.passed ? ` · ${escapeHtml(ui.passed)} ${k.passed}` : ""}</div>`,
    `<div>${escapeHtml(ui.edition)}：${escapeHtml(editionName(report, locale))}（${escapeHtml(EDITION_INFO[report.edition].basis)}）</div>`,
    result.noData ? `<div>${escapeHtml(ui.noData)}</div>` : "",
    !result.findings.some((f) => f.status === "fail") ? `<div>${escapeHtml(ui.noFindings)}</div>` : "",
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
  const marks = cellMarks(result.findings, result.corrections);
  const body = [
    summary,
    reportBodyHtml(report, locale, marks, reportTitle(report, locale)),
    `<section id="findings">\n<h2>${escapeHtml(ui.findings)}</h2>\n${result.findings.length ? findingsHtml(report, result.findings, locale) : `<p>${escapeHtml(ui.noFindings)}</p>`}\n</section>`,
    result.corrections.length
      ? `<section id="corrections">\n<h2>${escapeHtml(ui.corrections)}</h2>\n${correctionsHtml(report, result.corrections, locale)}\n</section>`
      : "",
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

/**
 * SARIF 2.1.0 of one or more validated reports: the rule catalogue as reportingDescriptors, every finding as a result
 * with logical locations (the cell ids) and, where the importer recorded line and column, physical locations, and
 * the suggested corrections as fixes.
 */
export function renderSarif(items: ValidatedReport | readonly ValidatedReport[], options: SarifOptions = {}): string {
  const list: readonly ValidatedReport[] = Array.isArray(items) ? items : [items as ValidatedReport];
  const locale = options.locale ?? "zh-CN";
  const ruleIndex = new Map(RULES.map((r, i) => [r.id as string, i]));
  const rules = RULES.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: locale === "en" ? r.basis.en : r.basis.zh },
    fullDescription: { text: r.formula },
    help: { text: `${r.basis.zh} / ${r.basis.en}\n${r.formula}` },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { editions: r.editions, basis: r.basis, formula: r.formula, ...(r.needsPrevious ? { needsPrevious: true } : {}) },
  }));
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
    const physical = (cell: string) => {
      const s = report.sources[cell];
      if (uri === undefined || index === undefined || s?.line === undefined) return undefined;
      return {
        artifactLocation: { uri, index },
        region: {
          startLine: s.line,
          ...(s.column !== undefined ? { startColumn: s.column } : {}),
          ...(s.column !== undefined && s.raw !== undefined ? { endColumn: s.column + s.raw.length } : {}),
          ...(s.raw !== undefined ? { snippet: { text: s.raw } } : {}),
        },
      };
    };
    for (const f of result.findings) {
      const key = `${f.ruleId}:${f.key}`;
      const fixes = result.corrections.filter((c) => c.explains.includes(key));
      const locations = f.cells.map((cell) => {
        const p = physical(cell);
        return {
          ...(p ? { physicalLocation: p } : {}),
          logicalLocations: [{ name: cell, fullyQualifiedName: cell, kind: "variable", properties: { label: labelOf(defs, cell, locale) } }],
        };
      });
      const sarifFixes = fixes.flatMap((c) => {
        const s = report.sources[c.cell];
        const p = physical(c.cell);
        if (!p || s?.column === undefined || s.raw === undefined) return [];
        return [
          {
            description: { text: c.message },
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
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        kind: f.status === "fail" ? "fail" : f.status === "pass" ? "pass" : "notApplicable",
        level: f.status === "fail" ? SARIF_LEVEL[f.severity] : "none",
        message: { text: f.message },
        ...(locations.length ? { locations } : {}),
        ...(sarifFixes.length ? { fixes: sarifFixes } : {}),
        partialFingerprints: { "govDisclosureFinding/v1": `${report.meta.body ?? ""}|${report.meta.year ?? ""}|${key}|${f.cells[0] ?? ""}` },
        properties: {
          edition: report.edition,
          ...(report.meta.body !== undefined ? { body: report.meta.body } : {}),
          ...(report.meta.year !== undefined ? { year: report.meta.year } : {}),
          ...(f.key !== undefined ? { key: f.key } : {}),
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
          ...(f.difference !== undefined ? { difference: f.difference } : {}),
          ...(f.reason !== undefined ? { reason: f.reason } : {}),
          ...(fixes.length ? { corrections: fixes.map((c) => ({ cell: c.cell, from: c.from, to: c.to, message: c.message })) } : {}),
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
  /** One testsuite per report (default) or per rule family (T3, OLD, META, …). */
  readonly groupBy?: "report" | "family";
}

/** A rule's family: the part of its id before the first hyphen (T3-BALANCE → T3). */
export const ruleFamily = (ruleId: string): string => ruleId.split("-")[0] ?? ruleId;

interface Case {
  readonly suite: string;
  readonly classname: string;
  readonly name: string;
  readonly failures: readonly Finding[];
  readonly skipped?: string;
  readonly notes: readonly Finding[];
}

/**
 * JUnit XML for CI: one testcase per applicable rule and report; a failure when the rule has error or warning
 * findings, skipped when it could not be assessed, info findings as system-out.
 */
export function renderJUnit(items: ValidatedReport | readonly ValidatedReport[], options: JUnitOptions = {}): string {
  const list: readonly ValidatedReport[] = Array.isArray(items) ? items : [items as ValidatedReport];
  const locale = options.locale ?? "zh-CN";
  const ui = uiFor(locale);
  const by = options.groupBy ?? "report";
  const cases: Case[] = [];
  list.forEach(({ report, result }, n) => {
    const who = whoOf(report, `report ${n + 1}`);
    for (const rule of RULES) {
      if (!rule.editions.includes(report.edition)) continue;
      const fs = result.findings.filter((f) => f.ruleId === rule.id);
      const failures = fs.filter((f) => f.status === "fail" && f.severity !== "info");
      const notes = fs.filter((f) => f.status === "fail" && f.severity === "info");
      const na = fs.filter((f) => f.status === "not-assessable");
      const family = ruleFamily(rule.id);
      cases.push({
        suite: by === "report" ? who : family,
        classname: by === "report" ? `${who}.${family}` : `${family}.${who}`,
        name: by === "report" ? rule.id : `${rule.id} (${who})`,
        failures,
        notes,
        ...(!failures.length && !notes.length && na.length && na.length === fs.length ? { skipped: na.map((f) => f.message).join("\n") } : {}),
      });
    }
  });
  const suites = new Map<string, Case[]>();
  for (const c of cases) suites.set(c.suite, [...(suites.get(c.suite) ?? []), c]);
  const count = (cs: readonly Case[]) => ({
    tests: cs.length,
    failures: cs.filter((c) => c.failures.length).length,
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
      if (!c.failures.length && c.skipped === undefined && !c.notes.length) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (c.failures.length) {
        const first = c.failures[0] as Finding;
        const worst = c.failures.some((f) => f.severity === "error") ? "error" : "warning";
        const text = c.failures.map((f) => `[${ui.severity[f.severity]}] ${f.message}${f.cells.length ? ` (${f.cells.join(", ")})` : ""}`).join("\n");
        out.push(`      <failure type="${worst}" message="${escapeXml(first.message)}">${escapeXml(text)}</failure>`);
      } else if (c.skipped !== undefined) {
        out.push(`      <skipped message="${escapeXml(c.skipped)}"/>`);
      }
      if (c.notes.length) out.push(`      <system-out>${escapeXml(c.notes.map((f) => `[${ui.severity.info}] ${f.message}`).join("\n"))}</system-out>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>", "");
  return out.join("\n");
}
