// Time per PDF and memory over many PDFs (a script, not a test: timings depend on the machine).
//   cd packages/import && node --expose-gc --conditions=@gov-disclosure/source --import tsx test/pdf/perf.ts [file.pdf ...]
import { readFileSync } from "node:fs";
import { MAX_PDF_INFLATED_BYTES, readPdf } from "../../src/pdf/index";
import { inflatedSize } from "../../src/pdf/inflate";

const root = new URL("../../../../", import.meta.url);
const files = process.argv.slice(2);
const list = files.length
  ? files
  : ["fixtures/real/hongze-district-2024.pdf", "fixtures/pdf/pingtan-2021-chromium.pdf", "fixtures/pdf/pingtan-2021-libreoffice.pdf"].map(
      (f) => new URL(f, root).pathname,
    );
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (const file of list) {
  const bytes = new Uint8Array(readFileSync(file));
  const first = performance.now();
  await readPdf(bytes);
  const cold = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    const r = await readPdf(bytes);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`${file}: ${r.code}`);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 300; i++) await readPdf(bytes);
  gc();
  const after = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  // the decompression-bomb check that runs before PDF.js (part of every readPdf above)
  let scan = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await inflatedSize(bytes, MAX_PDF_INFLATED_BYTES);
    scan = Math.min(scan, performance.now() - t);
  }
  const ms = (x: number) => x.toFixed(1);
  console.log(
    `${file.split("/").pop()}: first ${ms(cold)} ms (loads PDF.js), then min ${ms(times[0]!)} / median ${ms(times[25]!)} ms ` +
      `(of which the inflated-bytes check ${ms(scan)} ms); ` +
      `heap ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB after 300 more`,
  );
}
