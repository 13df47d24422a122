import { defineConfig } from "vite";

// The one-script-tag build: a self-contained ES module (lit, core included); the importer's readers, PDF.js (with its
// Web Worker in assets/, and each CMap and standard font in a chunk of its own) and the XLSX writer are split into chunks
// loaded on first use. `base: "./"` makes every URL relative to the bundle, wherever it is served from.
export default defineConfig({
  base: "./",
  resolve: { conditions: ["@gov-disclosure/source", "browser", "module", "import", "default"] },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: true,
    lib: { entry: "src/index.ts", formats: ["es"], fileName: () => "gov-disclosure-validator.js" },
    rollupOptions: { output: { chunkFileNames: "chunks/[name]-[hash].js" } },
  },
});
