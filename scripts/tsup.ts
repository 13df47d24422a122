import type { Options } from "tsup";

/** The one tsup configuration every library package uses: ESM + CJS + .d.ts, source maps, clean dist. */
export function libraryConfig(entry: Record<string, string> = { index: "src/index.ts" }): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    treeshake: true,
    outDir: "dist",
  };
}
