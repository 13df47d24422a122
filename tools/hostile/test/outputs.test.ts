// Script injection into every HTML/SVG/XML output, and CSV formula injection, from hostile strings in a report.
import { parseReport, type Report, stringifyReport, validateReport } from "@gov-disclosure/core";
import { generateReport } from "@gov-disclosure/generator";
import {
  compareReports,
  renderComparisonHtml,
  renderCsv,
  renderHtml,
  renderJUnit,
  renderOutcomeChart,
  renderSarif,
  renderTrendChart,
  renderValidationHtml,
} from "@gov-disclosure/render";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { printTallies, tally } from "./helpers";

afterAll(() => printTallies("outputs"));
const params = (numRuns: number) => ({ numRuns, seed: Number(process.env.HOSTILE_SEED ?? 20240601), endOnFailure: true });

const MARK = "x-inj";
/** Payloads that must never come out as markup: each contains `<x-inj` or an `on…=` attribute opener. */
const payloads = [
  `<${MARK}>`,
  `<script>${MARK}</script>`,
  `"><${MARK} onerror=alert(1)>`,
  `'><${MARK}/>`,
  `</style><${MARK}>`,
  `</title><${MARK}>`,
  `]]><${MARK}>`,
  `<!--<${MARK}>-->`,
  `</textarea><${MARK}>`,
  `<svg onload=alert(1)><${MARK}>`,
  `\u2028<${MARK}>\u0000`,
];
const payload = fc.oneof(
  fc.constantFrom(...payloads),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...payloads), fc.string({ maxLength: 8 })).map((a) => a.join("")),
);

/** A generated report with `p` in the body name, the title and text of every section, and one text cell. */
function hostile(edition: "gen2014" | "gen2021" | "local", seed: number, p: string, cellValue: string = p): Report {
  const json = JSON.parse(stringifyReport(generateReport({ edition, seed }))) as {
    meta: Record<string, unknown>;
    sections?: { title: string; text: string }[];
    cells: Record<string, unknown>;
    local?: { rows: { label?: string }[] };
  };
  json.meta.body = p;
  for (const s of json.sections ?? []) {
    s.title = `${s.title}${p}`;
    s.text = `${p}${s.text}`;
  }
  const id = Object.keys(json.cells)[3] as string;
  json.cells[id] = cellValue;
  for (const r of json.local?.rows ?? []) if (r.label !== undefined) r.label = `${r.label}${p}`;
  const parsed = parseReport(json);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.report;
}

function assertInert(out: string, what: string) {
  expect(out.includes(`<${MARK}`), `${what} contains raw <${MARK}`).toBe(false);
  expect(/<script>x-inj/i.test(out), `${what} contains a raw <script>`).toBe(false);
  // attribute values are quoted; an injected handler would sit outside the quotes
  const unquoted = out.replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''");
  expect(/<[a-z][^>]*\son(error|load)=/i.test(unquoted), `${what} contains an on… handler inside a tag`).toBe(false);
}

describe("script injection into every HTML, SVG and XML output", () => {
  it("renderHtml, renderValidationHtml, renderComparisonHtml, SVG charts, SARIF, JUnit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("gen2014", "gen2021", "local") as fc.Arbitrary<"gen2014" | "gen2021" | "local">,
        fc.nat(1000),
        payload,
        (edition, seed, p) => {
          const r = hostile(edition, seed, p);
          const clean = generateReport({ edition, seed });
          const v = validateReport(r, { includePasses: true });
          const outs: [string, string][] = [
            ["renderHtml", renderHtml(r)],
            ["renderValidationHtml", renderValidationHtml(r, v)],
            ["renderComparisonHtml", renderComparisonHtml(clean, r, compareReports(clean, r))],
            ["renderOutcomeChart", renderOutcomeChart(r)],
            ["renderTrendChart", renderTrendChart([r])],
            ["renderSarif", renderSarif({ report: r, result: v, uri: p } as never)],
            ["renderJUnit", renderJUnit({ report: r, result: v, uri: p } as never)],
          ];
          for (const [name, out] of outs) {
            tally(`injection: ${name}`);
            assertInert(out, name);
          }
        },
      ),
      params(60),
    );
  });
});

describe("CSV formula injection", () => {
  const formula = fc
    .tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.constantFrom('HYPERLINK("http://x")', "1+1", "cmd|' /C calc'!A0", "SUM(A1:A9)"))
    .map(([a, b]) => `${a}${b}`);
  it("no field of renderCsv starts a formula", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("gen2014", "gen2021", "local") as fc.Arbitrary<"gen2014" | "gen2021" | "local">,
        fc.nat(1000),
        formula,
        (edition, seed, f) => {
          tally("CSV formula injection");
          const csv = renderCsv(hostile(edition, seed, f));
          for (const field of parseCsv(csv)) {
            const t = field.replace(/^\ufeff/, "");
            if (!t.includes(f.trim().slice(1, 6))) continue; // only fields carrying the payload
            expect(/^[=+\-@\t\r]/.test(t), `field ${JSON.stringify(t)}`).toBe(false);
          }
        },
      ),
      params(80),
    );
  });
});

/** Fields of an RFC 4180 CSV. */
function parseCsv(csv: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < csv.length) {
    if (csv[i] === '"') {
      let v = "";
      i++;
      while (i < csv.length) {
        if (csv[i] === '"' && csv[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (csv[i] === '"') {
          i++;
          break;
        } else v += csv[i++];
      }
      out.push(v);
    } else {
      let j = i;
      while (j < csv.length && csv[j] !== "," && csv[j] !== "\n" && csv[j] !== "\r") j++;
      out.push(csv.slice(i, j));
      i = j;
    }
    if (csv[i] === ",") i++;
    else while (csv[i] === "\r" || csv[i] === "\n") i++;
  }
  return out;
}
