// Render takes every row list, column list and the 勾稽关系 note of the official tables from core; none is written here.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { OLD_ROWS, T3_BALANCE_NOTE, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, WORKBOOK } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../src");
const sources = readdirSync(SRC)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => [f, readFileSync(join(SRC, f), "utf8")] as const);

const ids = new Set<string>([
  ...T3_ROWS.gen2019.map((r) => r.id),
  ...T3_ROWS.gen2021.map((r) => r.id),
  ...T3_COLUMNS.map((c) => c.id),
  ...T4_BLOCKS,
  ...T4_COLUMNS.map((c) => c.id),
  // The 2014 table's one-letter section ids (A, B, …) are too common to tell a list apart.
  ...OLD_ROWS.map((r) => r.id).filter((id) => id.length > 1),
]);

describe("one source of table knowledge", () => {
  it("no list of row or column ids of an edition is written in render's source", () => {
    const lists: string[] = [];
    for (const [file, text] of sources)
      for (const m of text.matchAll(/\[([^[\]]*)\]/g)) {
        const known = [...(m[1] ?? "").matchAll(/"([^"]+)"/g)].filter((s) => ids.has(s[1] ?? ""));
        if (known.length >= 2) lists.push(`${file}: ${m[0].slice(0, 80)}`);
      }
    expect(lists).toEqual([]);
  });

  it("the 勾稽关系 note, table titles and workbook sheet names come from core", () => {
    for (const [file, text] of sources) {
      expect(text.includes(T3_BALANCE_NOTE.zh), file).toBe(false);
      expect(text.includes(T3_BALANCE_NOTE.en), file).toBe(false);
      expect(text.includes("勾稽关系"), file).toBe(false);
      expect(text.includes("收到和处理政府信息公开申请情况"), file).toBe(false);
      for (const name of [WORKBOOK.mapSheet, WORKBOOK.metaSheet]) expect(text.includes(`"${name}"`), `${file}: ${name}`).toBe(false);
    }
  });

  it("the check finds a written list (it can fail)", () => {
    const text = 'const cols = ["natural", "business", "total"];';
    const found = [...text.matchAll(/\[([^[\]]*)\]/g)].some((m) => [...(m[1] ?? "").matchAll(/"([^"]+)"/g)].filter((s) => ids.has(s[1] ?? "")).length >= 2);
    expect(found).toBe(true);
  });
});
