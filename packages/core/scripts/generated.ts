// The files generated from the core's source of truth: JSON Schemas per edition and docs/rules.md.
import { fileURLToPath } from "node:url";
import { rulesMarkdown } from "../src/docs/rulesMarkdown";
import { EDITIONS, indicatorsMarkdown, jsonSchemaFor } from "../src/index";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Every generated file: absolute path and expected content. */
export function generatedFiles(): { path: string; content: string }[] {
  return [
    ...EDITIONS.map((e) => ({ path: here(`../schemas/report-${e}.schema.json`), content: `${JSON.stringify(jsonSchemaFor(e), null, 2)}\n` })),
    { path: here("../../../docs/rules.md"), content: rulesMarkdown() },
    { path: here("../../../docs/indicators.md"), content: indicatorsMarkdown() },
  ];
}
