import { defineConfig } from "vitest/config";

/** The vitest configuration every package uses: source resolution, and a JSON result file that .ci/run adds up. */
export function vitestConfig(extra: { include?: string[]; testTimeout?: number } = {}) {
  return defineConfig({
    // Workspace packages resolve to their TypeScript source; vite applies `ssr.resolve` to tests that run in node.
    resolve: { conditions: ["@gov-disclosure/source"] },
    ssr: { resolve: { conditions: ["@gov-disclosure/source", "node", "import", "default"], externalConditions: ["@gov-disclosure/source"] } },
    test: {
      include: extra.include ?? ["test/**/*.test.ts"],
      testTimeout: extra.testTimeout ?? 30_000,
      reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    },
  });
}
