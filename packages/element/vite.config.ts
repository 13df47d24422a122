import { defineConfig } from "vite";

// The one-script-tag build: a self-contained ES module (lit, core included); the importer's readers and the XLSX
// writer are split into chunks loaded on first use.
export default defineConfig({
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
