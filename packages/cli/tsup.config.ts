import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// PDF.js (3 MB) stays out of the main file: it is copied beside it (dist/pdfjs/) with its CMaps and standard fonts and
// loaded only when a PDF is read, so every other command starts as fast as before.
const pdfjsDir = dirname(
  createRequire(import.meta.url).resolve("pdfjs-dist/package.json", {
    paths: [dirname(createRequire(import.meta.url).resolve("@gov-disclosure/import/package.json"))],
  }),
);
const pdfjsExternal = {
  name: "pdfjs-beside-the-bundle",
  setup(build: { onResolve(o: { filter: RegExp }, f: (a: { path: string }) => { path: string; external: boolean }): void }) {
    build.onResolve({ filter: /^pdfjs-dist\/build\/pdf(\.worker)?\.mjs$/ }, (a) => ({ path: `./pdfjs/${a.path.split("/").pop()}`, external: true }));
  },
};

// One self-contained folder: every dependency bundled, so `npx @gov-disclosure/cli` needs nothing else.
export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  noExternal: [/.*/],
  splitting: true,
  sourcemap: false,
  clean: true,
  minify: true,
  define: { __VERSION__: JSON.stringify(version) },
  esbuildOptions(options) {
    options.conditions = ["@gov-disclosure/source"];
  },
  esbuildPlugins: [pdfjsExternal],
  onSuccess: async () => {
    const out = join(dirname(new URL(import.meta.url).pathname), "dist/pdfjs");
    mkdirSync(out, { recursive: true });
    for (const f of ["build/pdf.mjs", "build/pdf.worker.mjs"]) cpSync(join(pdfjsDir, f), join(out, f.split("/").pop() as string));
    for (const d of ["cmaps", "standard_fonts"]) cpSync(join(pdfjsDir, d), join(out, d), { recursive: true });
    cpSync(join(pdfjsDir, "LICENSE"), join(out, "LICENSE"));
  },
  banner: { js: 'import { createRequire as __gdCreateRequire } from "node:module"; const require = __gdCreateRequire(import.meta.url);' },
});
