// Prints the size of the one-script-tag bundle: the first load (the entry and its static imports) and each lazy chunk.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ENTRY as entry, firstLoad } from "./first-load.mjs";

const dist = new URL("../dist/", import.meta.url).pathname;
if (!existsSync(join(dist, entry))) {
  console.error(`size: ${entry} not built`);
  process.exit(1);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizeOf = (file) => {
  const buf = readFileSync(join(dist, file));
  return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
};
const loaded = firstLoad(dist);
const first = new Set(loaded.files);
const { raw, gz } = loaded;
const budget = 150 * 1024;
console.log(`element first load: ${kb(raw)} min, ${kb(gz)} gzip (${first.size} file(s); budget ${kb(budget)} gzip)`);
const listJs = (dir) =>
  existsSync(join(dist, dir))
    ? readdirSync(join(dist, dir))
        .filter((f) => f.endsWith(".js"))
        .map((f) => `${dir}/${f}`)
    : [];
// PDF.js's CMaps and standard fonts are one small chunk each (a data: URL, loaded when a PDF asks for it): added up.
const isPdfData = (file) => /^\/\/ .*pdfjs-dist\/(cmaps|standard_fonts)\//.test(readFileSync(join(dist, file), "utf8").slice(0, 300));
let lazyGz = 0;
const data = { files: 0, raw: 0, gz: 0 };
for (const f of [...listJs("chunks"), ...listJs("assets")]) {
  if (first.has(f)) continue;
  const s = sizeOf(f);
  lazyGz += s.gz;
  if (isPdfData(f)) {
    data.files++;
    data.raw += s.raw;
    data.gz += s.gz;
  } else console.log(`  lazy ${f}${f.startsWith("assets/") ? " (worker)" : ""}: ${kb(s.raw)} min, ${kb(s.gz)} gzip`);
}
if (data.files)
  console.log(`  lazy PDF.js CMaps and fonts: ${data.files} chunks, ${kb(data.raw)} min, ${kb(data.gz)} gzip (each loaded only when a PDF asks for it)`);
console.log(`lazy chunks: ${kb(lazyGz)} gzip in total`);
if (gz > budget) {
  console.error("size: the first load is over budget");
  process.exit(1);
}
