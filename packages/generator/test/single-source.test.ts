import { readdirSync, readFileSync } from "node:fs";
import { EDITIONS, type Edition, identitiesOf, OLD_ROWS, T2_2019_CELLS, T2_2021_CELLS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";

// Issue 10: no identity, row list or column list of an edition is written anywhere but core. The generator derives
// them from core's table constants and `identitiesOf`; these checks keep it so.

const SRC = new URL("../src/", import.meta.url);
const sources = readdirSync(SRC)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ file: f, text: readFileSync(new URL(f, SRC), "utf8") }));

/** Core's lists of row and column ids, by name: an edition's rows of a table, or its columns. */
const LISTS: Readonly<Record<string, ReadonlySet<string>>> = {
  "T3 rows (2019)": new Set(T3_ROWS.gen2019.map((r) => r.id)),
  "T3 rows (2021)": new Set(T3_ROWS.gen2021.map((r) => r.id)),
  "T3 columns": new Set(T3_COLUMNS.map((c) => c.id)),
  "T4 blocks": new Set(T4_BLOCKS),
  "T4 columns": new Set(T4_COLUMNS.map((c) => c.id)),
  "T2 rows (2019)": new Set(T2_2019_CELLS.map((d) => d.row)),
  "T2 columns (2019)": new Set(T2_2019_CELLS.map((d) => d.col)),
  "T2 rows (2021)": new Set(T2_2021_CELLS.map((d) => d.row)),
  "T2 columns (2021)": new Set(T2_2021_CELLS.map((d) => d.col)),
  "2014 rows": new Set(OLD_ROWS.filter((r) => !r.header).map((r) => r.id)),
  // The printed labels too: a header written out in Chinese is a column list all the same.
  "T3 column labels": new Set(T3_COLUMNS.flatMap((c) => c.path)),
  "T3 row labels": new Set(T3_ROWS.gen2021.map((r) => r.path[r.path.length - 1] as string)),
  "T4 labels": new Set(T4_COLUMNS.flatMap((c) => c.path)),
};

interface Token {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** String literals and object-literal keys of a source text, in order. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/"([^"\n\\]*)"|'([^'\n\\]*)'|\b([A-Za-z_][\w]*)\s*:(?!:)/g))
    out.push({ value: m[1] ?? m[2] ?? m[3] ?? "", start: m.index, end: m.index + m[0].length });
  return out;
}

/** Each dotted segment of a token (`t3.new.natural` speaks of row `new` and column `natural`), and the whole. */
const segments = (value: string) => [...new Set([value, ...value.split(".").filter(Boolean)])];

/**
 * Runs of literals written one after another with nothing but punctuation and numbers between them (an array
 * literal, the keys of an object literal, a table of weights), each with the ids of core's lists it names.
 */
export function writtenOutLists(text: string): { list: string; ids: string[]; at: string }[] {
  const found: { list: string; ids: string[]; at: string }[] = [];
  const toks = tokens(text);
  let run: Token[] = [];
  const flush = () => {
    for (const [list, ids] of Object.entries(LISTS)) {
      const named = [...new Set(run.flatMap((t) => segments(t.value)).filter((s) => ids.has(s)))];
      if (named.length >= 3) found.push({ list, ids: named, at: text.slice(run[0]?.start ?? 0, run[run.length - 1]?.end ?? 0).slice(0, 160) });
    }
    run = [];
  };
  for (const t of toks) {
    const prev = run[run.length - 1];
    if (prev && !/^[\s,:()[\]{}\d._+\-*/]*$/.test(text.slice(prev.end, t.start))) flush();
    run.push(t);
  }
  flush();
  return found;
}

/** Every cell id a line names as a literal: `"t3.new.total"`, or a 2014 row through a helper, `o("C1")`. */
const cellsNamed = (line: string): string[] => [
  ...[...line.matchAll(/["'`]((?:t2|t3|t4|old)\.[\w.]+)["'`]/g)].map((m) => m[1] as string),
  ...[...line.matchAll(/\bo\(["'](\w+)["']\)/g)].map((m) => `old.${m[1]}`),
];

/** Lines that add or subtract cells named literally when those cells share one of core's identities. */
export function writtenOutIdentities(text: string): { line: string; rule: string }[] {
  const out: { line: string; rule: string }[] = [];
  const ids = EDITIONS.filter((e): e is Exclude<Edition, "local"> => e !== "local").flatMap((e) => identitiesOf(e, { crossYear: true }));
  for (const line of text.split("\n")) {
    const named = new Set(cellsNamed(line));
    if (named.size < 2 || !/[\w)\]]\s*[-+]\s*[\w(]/.test(line)) continue;
    for (const x of ids) {
      const cells = [...x.identity.lhs, ...x.identity.rhs].map((t) => t.cell);
      if (cells.filter((c) => named.has(c)).length >= 2) {
        out.push({ line: line.trim(), rule: x.rule });
        break;
      }
    }
  }
  return out;
}

describe("one source of table knowledge", () => {
  it("the checks catch what they are meant to catch", () => {
    // What src held before issue 10: a weight per T3 row, a T4 column list, the 2014 channel sum, an identity.
    const before = [
      "const OUTCOME_WEIGHTS = { granted: 0.36, partial: 0.08, denied_1: 0.004, denied_2: 0.01 };",
      'for (const col of ["upheld", "corrected", "other", "pending"]) out.push(col);',
      'const sum = ["A2_1", "A2_2", "A2_3", "A2_4", "A2_5"].reduce((a, id) => a + c.num(o(id)), 0);',
      'for (const id of ["new.natural", "new.total", "granted.natural", "granted.total"]) c.add(t3(id), 1);',
      'const T3_HEAD = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业"];',
    ].join("\n");
    expect(writtenOutLists(before).map((f) => f.list)).toEqual([
      "T3 rows (2019)",
      "T3 rows (2021)",
      "T4 columns",
      "2014 rows",
      "T3 rows (2019)",
      "T3 rows (2021)",
      "T3 column labels",
    ]);
    expect(writtenOutIdentities('const m = c.num(o("C1")) - c.num(o("C2")) + k;\ncells["t2.rules.in_force"] = c["t2.rules.issued"] - 1;')).toEqual([
      { line: 'const m = c.num(o("C1")) - c.num(o("C2")) + k;', rule: "OLD-APP-DONE-LE-RECEIVED" },
      { line: 'cells["t2.rules.in_force"] = c["t2.rules.issued"] - 1;', rule: "T2-21-VALID-YOY" },
    ]);
    // A single cell named for what it means (a narrative claim, a rule's one cell) is not a list.
    expect(writtenOutLists('p.say("本年度共收到政府信息公开申请{r}件。", { r: ["t3.new.total", n("received")] });')).toEqual([]);
  });

  it.each(sources.map((s) => [s.file, s.text] as const))("%s writes out no row or column list of an edition", (_file, text) => {
    expect(writtenOutLists(text)).toEqual([]);
  });

  it.each(sources.map((s) => [s.file, s.text] as const))("%s writes out no identity of core's rules", (_file, text) => {
    expect(writtenOutIdentities(text)).toEqual([]);
  });

  it("reads the sources it checks", () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(["tables.ts", "break.ts", "text.ts", "narrative.ts", "generate.ts"]));
  });
});
