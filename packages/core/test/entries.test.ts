import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { messages as en } from "../src/messages/en-entry";
import { messages as zh } from "../src/messages/zh-CN-entry";
import { RULE_IDS, RULES, ruleById } from "../src/index";
import { RULE_LOGIC } from "../src/rules/catalogue";
import { createReport, formatWith, rulesFor, validateReport } from "../src/validator";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** Every module a source file reaches through value imports (type-only imports are erased). */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const m of code.matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+"([^"]+)"/gms)) {
    const [, what = "", spec = ""] = m;
    if (
      /^\{[^}]*\}$/s.test(what.trim()) &&
      what
        .replace(/[{}\s]/g, "")
        .split(",")
        .every((n) => n.startsWith("type ") || n === "")
    )
      continue;
    if (!spec.startsWith(".")) {
      seen.add(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    for (const candidate of [`${base}.ts`, join(base, "index.ts")])
      try {
        readFileSync(candidate);
        reach(candidate, seen);
        break;
      } catch {}
  }
  return seen;
}

describe("the validator entry", () => {
  it("carries no JSON parser (zod), no JSON Schemas and no message table", () => {
    const files = [...reach(join(SRC, "validator.ts"))].map((f) => f.replace(SRC, ""));
    expect(files).toContain("rules/engine.ts");
    expect(files).toContain("decimal.js");
    expect(files.filter((f) => /^zod|schema\.ts$|parse\.ts$|messages\/(en|zh-CN)\.ts$|rules\/docs\.ts$/.test(f))).toEqual([]);
  });

  it("runs the rules without their documentation, which the main entry's catalogue has for every rule", () => {
    expect(rulesFor("gen2021").every((r) => !("basis" in r) && !("formula" in r))).toBe(true);
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of RULES) {
      expect(r.basis.zh && r.basis.en && r.formula, r.id).toBeTruthy();
      expect(r).toMatchObject(RULE_LOGIC.find((x) => x.id === r.id) ?? {});
    }
    expect(ruleById("T3-BALANCE").formula).toBe("for each column c: 一(c) + 二(c) = （七）总计(c) + 四(c)");
  });

  it("validates and words findings with one locale's table", () => {
    const report = createReport({ edition: "gen2021", cells: { "t3.new.natural": 3, "t3.new.total": 4 } });
    const row = validateReport(report).findings.find((f) => f.code === "T3-ROW-TOTAL");
    expect(row && formatWith(zh, row, report)).toBe("“一、本年新收政府信息公开申请数量”行：总计为 4，但各类申请人之和为 3（相差 +1）。");
    expect(row && formatWith(en, row, report)).toBe("Row “I. New applications this year”: Total is 4 but the applicant columns add up to 3 (difference +1).");
  });
});

describe("the import walker of this test", () => {
  it("does see zod and the message tables from the main entry (so the check above can fail)", () => {
    const files = [...reach(join(SRC, "index.ts"))].map((f) => f.replace(SRC, ""));
    expect(files).toContain("zod");
    expect(files).toContain("messages/zh-CN.ts");
  });
});
