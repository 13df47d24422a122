import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe("core is pure", () => {
  const sources = files(src).filter((f) => f.endsWith(".ts"));
  it("imports only zod, decimal.js and its own modules: no Node built-in", () => {
    const imported = new Set<string>();
    for (const f of sources)
      for (const m of readFileSync(f, "utf8").matchAll(/\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|\brequire\(\s*"([^"]+)"\s*\)/g))
        imported.add(m[1] ?? m[2] ?? m[3] ?? "");
    const external = [...imported].filter((m) => !m.startsWith("."));
    expect(external.filter((m) => builtins.has(m))).toEqual([]);
    expect(new Set(external)).toEqual(new Set(["zod", "decimal.js"]));
  });
  it("uses no Node globals and does no I/O", () => {
    const code = (f: string) =>
      readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
    for (const f of sources) expect(code(f), f).not.toMatch(/\b(process|Buffer|__dirname|require|fetch|XMLHttpRequest|localStorage|document|window)\s*[.(]/);
  });
});
