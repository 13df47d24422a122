// One source of table knowledge: the rows, columns and identities of every edition come from core. This test reads
// import's src as TypeScript and fails when a list of an edition's rows or columns, a table's size, or a table-三
// row or column id used as a structural key is written there. (Label keywords — how a row is recognised in text —
// are the importer's own and may be keyed by core's ids.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  cellsOf,
  identitiesOf,
  OLD_ROWS,
  T2_2019_CELLS,
  T2_2021_CELLS,
  T3_COLUMNS,
  T3_OUTCOME_ROWS,
  T3_ROWS,
  T4_BLOCKS,
  T4_COLUMNS,
} from "@gov-disclosure/core";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { rowSpecs } from "../src/templates";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Core's lists of ids: an importer that writes three of one list out is restating the table. */
const LISTS: Readonly<Record<string, ReadonlySet<string>>> = {
  "table 三 rows (2019)": new Set(T3_ROWS.gen2019.map((r) => r.id)),
  "table 三 rows (2021)": new Set(T3_ROWS.gen2021.map((r) => r.id)),
  "table 三 outcome rows": new Set([...T3_OUTCOME_ROWS.gen2019, ...T3_OUTCOME_ROWS.gen2021]),
  "table 三 columns": new Set(T3_COLUMNS.map((c) => c.id)),
  "table 四 blocks": new Set(T4_BLOCKS),
  "table 四 columns": new Set(T4_COLUMNS.map((c) => c.id)),
  "section 二 rows (2019)": new Set(T2_2019_CELLS.map((c) => c.row)),
  "section 二 rows (2021)": new Set(T2_2021_CELLS.map((c) => c.row)),
  "section 二 columns (2019)": new Set(T2_2019_CELLS.map((c) => c.col)),
  "section 二 columns (2021)": new Set(T2_2021_CELLS.map((c) => c.col)),
  "2014 rows": new Set(OLD_ROWS.map((r) => r.id)),
};

/** Ids of table 三's rows and of tables 三 and 四's columns: as bare string literals they are structure, not labels. */
const STRUCTURAL = new Set([...T3_ROWS.gen2019, ...T3_ROWS.gen2021, ...T3_COLUMNS, ...T4_COLUMNS].map((a) => a.id));

/** Sizes of the tables (rows of table 三 and its outcome rows per edition, columns of 三, cells of 四's row). */
const SIZES = new Set(
  [
    T3_ROWS.gen2019.length,
    T3_ROWS.gen2021.length,
    T3_OUTCOME_ROWS.gen2019.length,
    T3_OUTCOME_ROWS.gen2021.length,
    T3_COLUMNS.length,
    T4_BLOCKS.length * T4_COLUMNS.length,
  ].map(String),
);

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

/** Words of a regex or a "|"-joined string that look like ids. */
const idWords = (s: string): string[] => s.split(/[^A-Za-z0-9_]+/).filter(Boolean);

/** Everything a source text writes out of the tables' knowledge. */
function scanSource(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const at = (n: ts.Node, what: string) => out.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, what });
  const listCheck = (n: ts.Node, ids: readonly string[]) => {
    for (const [name, set] of Object.entries(LISTS)) {
      const hit = new Set(ids.filter((x) => set.has(x)));
      if (hit.size >= 3 && set.size >= 3) at(n, `${name} written out: ${[...hit].join(", ")}`);
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isArrayLiteralExpression(n))
      listCheck(
        n,
        n.elements.filter((e) => ts.isStringLiteralLike(e)).map((e) => (e as ts.StringLiteralLike).text),
      );
    if (ts.isRegularExpressionLiteral(n)) listCheck(n, idWords(n.text.slice(1, n.text.lastIndexOf("/"))));
    if (ts.isStringLiteralLike(n)) {
      // an object key (a label pattern keyed by core's id) is not structure
      const isKey = ts.isPropertyAssignment(n.parent) && n.parent.name === n;
      if (n.text.includes("|") && !/[\u3400-\u9fff]/.test(n.text)) listCheck(n, idWords(n.text));
      if (!isKey && STRUCTURAL.has(n.text)) at(n, `table 三/四 id "${n.text}" used as a literal`);
    }
    if (ts.isTemplateExpression(n))
      for (const piece of [n.head.text, ...n.templateSpans.map((s) => s.literal.text)]) {
        const bare = piece.replace(/^\.|\.$/g, "");
        if (STRUCTURAL.has(bare)) at(n, `table 三/四 id "${bare}" in a template`);
      }
    // Hexadecimal and binary literals are bit masks (0x0f), not counts of rows.
    if (ts.isNumericLiteral(n) && SIZES.has(n.text) && !/^0[xXbBoO]/.test(n.getText())) {
      // Chinese numerals (七: 7) are numbers, not table sizes
      const isNumeral = ts.isPropertyAssignment(n.parent) && ts.isIdentifier(n.parent.name) && /^[\u3400-\u9fff]$/.test(n.parent.name.text);
      if (!isNumeral) at(n, `table size ${n.text} written out`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe("import's src holds no table knowledge of its own", () => {
  const all = files(SRC);

  it("reads every source file", () => {
    expect(all.map((f) => relative(SRC, f))).toEqual(expect.arrayContaining(["solve.ts", "templates.ts", "locate.ts", "narrative.ts", "grid.ts"]));
  });

  it("no list of an edition's rows or columns, no table size, no table-三/四 id as a structural literal", () => {
    const found = all.flatMap((f) => scanSource(relative(SRC, f), readFileSync(f, "utf8")));
    expect(found.map((f) => `${f.file}:${f.line}: ${f.what}`)).toEqual([]);
  });

  it("the scan does catch what it forbids (the pre-#10 solver's balance rows, column list, row counts)", () => {
    const probe = `const HEAD = ["new", "carry_in", "total", "carry_out"];
const COLS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"];
const n = (x: boolean) => (x ? 25 : 23);
const rare = /^t3\\.\\w+\\.(research|nonprofit|legal)$/;
const one = (b: Map<string, unknown>) => b.get("carry_in");
const pats = { new: "本年新收", carry_in: "上年结转", total: "总计" };
const digits = { 七: 7 };`;
    const found = scanSource("probe.ts", probe).map((f) => `${f.line}: ${f.what}`);
    expect(found.some((f) => f.startsWith("1: table 三 rows"))).toBe(true);
    expect(found.some((f) => f.startsWith("2: table 三 columns"))).toBe(true);
    expect(found.filter((f) => /table size/.test(f))).toEqual(["3: table size 25 written out", "3: table size 23 written out"]);
    expect(found.some((f) => f.startsWith("4: table 三 columns"))).toBe(true);
    expect(found.some((f) => f.startsWith('5: table 三/四 id "carry_in" used as a literal'))).toBe(true);
    // label patterns keyed by core's ids, and Chinese numerals, are not table knowledge
    expect(found.filter((f) => /^[67]:/.test(f))).toEqual([]);
  });

  it("the row specs are core's rows, in core's order, with core's cells; every row has a label pattern", () => {
    for (const edition of ["gen2019", "gen2021"] as const) {
      const specs = rowSpecs(edition);
      expect(specs.t3.map((s) => s.t3row)).toEqual(T3_ROWS[edition].map((r) => r.id));
      const cells = cellsOf(edition);
      for (const table of ["t2", "t3", "t4"] as const)
        expect(specs[table].flatMap((s) => s.cells).sort()).toEqual(
          cells
            .filter((c) => c.table === table)
            .map((c) => c.id)
            .sort(),
        );
      // row-internal identities come from core's identities: every row total and block sum is an identity of core
      const sums = identitiesOf(edition).filter((x) => x.identity.rel === "eq" && x.identity.lhs.length === 1);
      for (const s of [...specs.t3, ...specs.t4]) {
        const totals = s.sumLast ? [s.cells.length - 1] : s.block ? s.cells.map((_, i) => i).filter((i) => i % s.block! === s.block! - 1) : [];
        expect(totals.length, s.key).toBeGreaterThan(0);
        for (const t of totals)
          expect(
            sums.some((x) => x.identity.lhs[0]!.cell === s.cells[t]),
            `${s.key} ${s.cells[t]}`,
          ).toBe(true);
      }
    }
    expect(rowSpecs("gen2014").old.map((s) => s.cells[0])).toEqual(cellsOf("gen2014").map((c) => c.id));
  });
});
