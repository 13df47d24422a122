// PDF.js's module files, typed as unknown here and narrowed in load.ts to the parts this reader uses
// (the package's own types need the DOM, and library sources are checked without it).
declare module "pdfjs-dist/build/pdf.mjs";
declare module "pdfjs-dist/build/pdf.worker.mjs";
