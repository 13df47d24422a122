// Reports whose free text tries to break out of every output format: markup, quotes, CDATA ends, spreadsheet
// formulas, Markdown syntax and terminal escape sequences.
import { createReport, type Report } from "@gov-disclosure/core";
import { pingtan2021 } from "./fixtures";

export const SCRIPT = `<script>window.__pwned = 1; alert("x")</script>`;
export const ATTR = `"><img src=x onerror="window.__pwned=2">`;
export const CDATA_END = "]]> <![CDATA[ x ]]>";
export const FORMULAS = [`=HYPERLINK("http://evil.example","click")`, `+cmd|' /C calc'!A0`, "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1"] as const;
export const ESC = "\x1b[31mRED\x1b[0m";

/** A local table whose row labels, unit-less text cells, metadata and narrative are all hostile. */
export function hostileLocal(): Report {
  return createReport({
    edition: "local",
    meta: { body: `县${ATTR}政府`, year: 2017, title: `</title>${SCRIPT}` },
    sections: [{ number: 1, title: `一、${SCRIPT}`, text: `${CDATA_END}\n- list item\n# heading\n[link](javascript:alert(1))\n${ESC}` }],
    local: {
      columns: ["2017年度", `${SCRIPT}`],
      rows: [
        { id: "r1", label: SCRIPT, unit: "件" },
        { id: "r2", label: FORMULAS[0], unit: "件", parent: "r1" },
        { id: "r3", label: `"quoted" & 'single' ${CDATA_END} <b>bold</b>`, unit: "条" },
        { id: "r4", label: FORMULAS[1], unit: "件" },
        { id: "r5", label: FORMULAS[2], unit: "件" },
        { id: "r6", label: FORMULAS[3], unit: "件" },
        { id: "r7", label: FORMULAS[4], unit: "件" },
        { id: "r8", label: ESC, unit: "元" },
      ],
    },
    cells: {
      "local.r1.current": 5,
      "local.r1.cumulative": "=1+2",
      "local.r2.current": 3,
      "local.r3.current": "—",
      "local.r4.current": "无",
      "local.r5.cumulative": FORMULAS[5],
      "local.r8.current": "12.5",
    },
  });
}

/** Pingtan 2021 with a hostile body, title and narrative, and formula-like text in two of its cells. */
export function hostile2021(): Report {
  const r = pingtan2021();
  return {
    ...r,
    meta: { ...r.meta, body: `平潭${ATTR}`, title: `${SCRIPT}${CDATA_END}` },
    sections: r.sections.map((s, i) => (i === 0 ? { ...s, title: `一、${SCRIPT}`, text: `${CDATA_END}\n${FORMULAS.join("\n")}\n${ESC}` } : s)),
    cells: { ...r.cells, "t3.new.business": { kind: "text", raw: FORMULAS[0] }, "t4.review.other": { kind: "text", raw: `${SCRIPT}${CDATA_END}` } },
  };
}
