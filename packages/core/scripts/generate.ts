// Writes the JSON Schemas and docs/rules.md from the zod schemas and the rule catalogue.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { generatedFiles } from "./generated";

for (const f of generatedFiles()) {
  mkdirSync(dirname(f.path), { recursive: true });
  writeFileSync(f.path, f.content);
  console.log(`wrote ${f.path}`);
}
