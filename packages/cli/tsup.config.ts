import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// One self-contained file: every dependency bundled, so `npx @gov-disclosure/cli` needs nothing else.
export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  noExternal: [/.*/],
  splitting: false,
  sourcemap: false,
  clean: true,
  minify: true,
  define: { __VERSION__: JSON.stringify(version) },
  esbuildOptions(options) {
    options.conditions = ["@gov-disclosure/source"];
  },
  banner: { js: 'import { createRequire as __gdCreateRequire } from "node:module"; const require = __gdCreateRequire(import.meta.url);' },
});
