// The one part of PDF.js (pdfjs-dist 4.10.38) the element touches, typed locally (the package ships no types for its
// module files), and Vite's `import.meta.glob`, which the element's bundles (its own and the demo page's) resolve.
declare module "pdfjs-dist/build/pdf.mjs" {
  export const GlobalWorkerOptions: { workerPort: Worker | null; workerSrc: string };
}

interface ImportMeta {
  glob<T>(pattern: string, options: { readonly query: string; readonly import: string }): Record<string, () => Promise<T>>;
}
