import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../scripts/generated";

describe("generated files", () => {
  for (const f of generatedFiles()) {
    it(`${f.path.replace(/.*\/(packages|docs)\//, "$1/")} is up to date (run: pnpm --filter @gov-disclosure/core generate)`, () => {
      expect(readFileSync(f.path, "utf8")).toBe(f.content);
    });
  }
});
