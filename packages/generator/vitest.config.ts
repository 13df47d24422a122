import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@gov-disclosure/source"] },
  test: { include: ["test/**/*.test.ts"] },
});
