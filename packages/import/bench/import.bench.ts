// Import + validation time per report and input format. Run: npx tsx --conditions=@gov-disclosure/source bench/import.bench.ts
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateReport } from "@gov-disclosure/core";
import iconv from "iconv-lite";
import { Bench } from "tinybench";
import { importReport } from "../src/index";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/real");
const cases: [string, Uint8Array | string][] = [
  ["text gen2014 (taishun-2018)", readFileSync(join(DIR, "taishun-2018.txt"), "utf8")],
  ["text GB18030 (taishun-2018)", new Uint8Array(iconv.encode(readFileSync(join(DIR, "taishun-2018.txt"), "utf8"), "gb18030"))],
  ["text glued local (pingtan-2017)", readFileSync(join(DIR, "pingtan-2017.txt"), "utf8")],
  ["text glued gen2019 (pingtan-2019)", readFileSync(join(DIR, "pingtan-2019.txt"), "utf8")],
  ["text glued gen2021 (pingtan-2021)", readFileSync(join(DIR, "pingtan-2021.txt"), "utf8")],
  ["html gen2019 (shanghai-2019)", readFileSync(join(DIR, "shanghai-govoffice-2019.html"), "utf8")],
  ["markdown gen2021 (shanghai-2025)", readFileSync(join(DIR, "shanghai-govoffice-2025.md"), "utf8")],
  ["json (canonical taishun-2018)", readFileSync(join(DIR, "../canonical/taishun-2018.json"), "utf8")],
];
const bench = new Bench({ time: 500 });
for (const [name, input] of cases)
  bench.add(name, async () => {
    const r = await importReport(input);
    if (r.report) validateReport(r.report);
  });
await bench.run();
console.table(bench.table());
