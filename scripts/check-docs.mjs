// Lists exported declarations without a doc comment directly above them (every export gets a one-line doc comment).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const files = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const roots = process.argv.slice(2);
let missing = 0;
for (const root of roots) {
  for (const f of files(root).filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))) {
    const lines = readFileSync(f, "utf8").split("\n");
    lines.forEach((line, i) => {
      if (!/^export (async )?(function|const|interface|type [A-Za-z]|class|let|enum)/.test(line)) return;
      let j = i - 1;
      while (j >= 0 && lines[j].trim() === "") j--;
      if (!(lines[j] ?? "").trim().endsWith("*/")) {
        missing++;
        console.log(`${f}:${i + 1}: ${line.slice(0, 100)}`);
      }
    });
  }
}
console.log(`${missing} export(s) without a doc comment`);
process.exit(missing ? 1 : 0);
