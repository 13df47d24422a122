// The element's first load: its entry and every chunk the entry imports statically (transitively), each gzipped at
// level 9. Used by scripts/size.mjs, the element's purity test and the repository's benchmark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The bundle's entry file, in dist/. */
export const ENTRY = "gov-disclosure-validator.js";

/** The files of the first load (paths relative to `dist`) and their sizes, minified and gzipped. */
export function firstLoad(dist) {
  const files = new Set([ENTRY]);
  for (const f of files)
    for (const m of readFileSync(join(dist, f), "utf8").matchAll(/(?:^|[;\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+)["']/g))
      files.add(join(f, "..", m[1]));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(join(dist, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files: [...files], raw, gz };
}
