import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

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

// iconv-lite (its code tables, ~490 KB) and parse5 (~170 KB with entities) are needed only for GB18030/UTF-16 text and
// for HTML or Word: they are bundled apart, as CommonJS beside the bundle (dist/vendor/), and required on first use,
// so that a UTF-8 text or JSON report does not compile them. Only the import package's own imports are redirected; a
// name it starts importing that the stand-in does not export fails the build.
const importDir = dirname(createRequire(import.meta.url).resolve("@gov-disclosure/import/package.json"));
const LAZY: Readonly<Record<string, string>> = {
  "iconv-lite": `let m; const load = () => (m ??= require("./vendor/iconv-lite.cjs"));
export default new Proxy({}, { get(_, k) { const v = load()[k]; return typeof v === "function" ? v.bind(load()) : v; } });`,
  parse5: `let m; const load = () => (m ??= require("./vendor/parse5.cjs"));
export function parse(...a) { return load().parse(...a); }
export function parseFragment(...a) { return load().parseFragment(...a); }`,
};
const lazyVendor: EsbuildPlugin = {
  name: "lazy-vendor",
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY).join("|")})$`);
    build.onResolve({ filter }, (a) => (a.importer.startsWith(join(importDir, "src")) ? { path: a.path, namespace: "lazy-vendor" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "lazy-vendor" }, (a) => ({ contents: LAZY[a.path] as string, loader: "js" }));
    // only the lazy loaders above require ./vendor/ (an import of that path anywhere else is resolved as usual)
    build.onResolve({ filter: /^\.\/vendor\//, namespace: "lazy-vendor" }, (a) => ({ path: a.path, external: true }));
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const outdir = join(build.initialOptions.outdir ?? "dist", "vendor");
      await Promise.all(
        Object.keys(LAZY).map((name) =>
          build.esbuild.build({
            stdin: { contents: `module.exports = require("${name}");`, resolveDir: importDir },
            bundle: true,
            format: "cjs",
            platform: "node",
            target: "node20",
            minify: true,
            outfile: join(outdir, `${name}.cjs`),
            logLevel: "error",
          }),
        ),
      );
    });
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
  esbuildPlugins: [pdfjsExternal, lazyVendor],
  onSuccess: async () => {
    const out = join(dirname(new URL(import.meta.url).pathname), "dist/pdfjs");
    mkdirSync(out, { recursive: true });
    for (const f of ["build/pdf.mjs", "build/pdf.worker.mjs"]) cpSync(join(pdfjsDir, f), join(out, f.split("/").pop() as string));
    for (const d of ["cmaps", "standard_fonts"]) cpSync(join(pdfjsDir, d), join(out, d), { recursive: true });
    cpSync(join(pdfjsDir, "LICENSE"), join(out, "LICENSE"));
  },
  banner: { js: 'import { createRequire as __gdCreateRequire } from "node:module"; const require = __gdCreateRequire(import.meta.url);' },
});
