// Adds up the vitest JSON results of every package and prints the closing line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const group of ["packages", "apps", "tools"]) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const file = join(group, name, "test-results.json");
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    rows.push(`  ${join(group, name).padEnd(24)} ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
}
console.log(rows.join("\n"));
// The hostile suite's cases per class (tools/hostile/test/helpers.ts writes one file per test file).
const cases = join("tools", "hostile", "hostile-cases");
if (existsSync(cases)) {
  const lines = [];
  let total = 0;
  for (const f of readdirSync(cases)
    .filter((x) => x.endsWith(".json"))
    .sort()) {
    const tallies = JSON.parse(readFileSync(join(cases, f), "utf8"));
    const n = Object.values(tallies).reduce((a, b) => a + b, 0);
    total += n;
    lines.push(
      `  ${f.replace(/\.json$/, "").padEnd(12)} ${String(n).padStart(5)}  ${Object.entries(tallies)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
  }
  console.log(`hostile cases per class (${total} in all):\n${lines.join("\n")}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
