// PDFs in the browser, loaded only when a PDF is read (a chunk of its own, like PDF.js itself): PDF.js runs in a real
// Web Worker built from this package's pdfjs-dist, and its CMaps and standard fonts come from chunks of this bundle,
// each loaded when PDF.js asks for it. Nothing is fetched (the demo page's CSP has `connect-src 'none'`).
/// <reference path="./pdfjs-modules.d.ts" />
import { GlobalWorkerOptions } from "pdfjs-dist/build/pdf.mjs";

type Loader = () => Promise<string>;

// Each file becomes a data: URL in a module of its own (Vite's `?url&inline`), imported on demand: the first load
// does not grow, and no request is made for data (a data: URL is decoded here, never fetched).
const CMAPS = import.meta.glob<string>("../node_modules/pdfjs-dist/cmaps/*.bcmap", { query: "?url&inline", import: "default" }) as Record<string, Loader>;
const FONTS = import.meta.glob<string>("../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}", {
  query: "?url&inline",
  import: "default",
}) as Record<string, Loader>;

const byName = (files: Record<string, Loader>): Map<string, Loader> =>
  new Map(Object.entries(files).map(([path, load]) => [path.slice(path.lastIndexOf("/") + 1), load]));
const cmaps = byName(CMAPS);
const fonts = byName(FONTS);

/** Decodes a data: URL (base64 or percent-encoded) into bytes without fetching it. */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(",");
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  if (/;base64$/i.test(head)) {
    const bin = atob(body);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return new TextEncoder().encode(decodeURIComponent(body));
}

/**
 * `ImportOptions.pdfData` for the browser: PDF.js's CMaps (`kind` "cmap", name without `.bcmap`) and standard fonts
 * (`kind` "font", file name) from this bundle. Undefined for a name the bundle does not carry.
 */
export async function pdfData(kind: "cmap" | "font", name: string): Promise<Uint8Array | undefined> {
  const load = kind === "cmap" ? cmaps.get(`${name}.bcmap`) : fonts.get(name);
  return load ? dataUrlBytes(await load()) : undefined;
}

/** The names of the CMaps and standard fonts this bundle carries (for tests and diagnostics). */
export const bundledPdfData = (): { readonly cmaps: readonly string[]; readonly fonts: readonly string[] } => ({
  cmaps: [...cmaps.keys()],
  fonts: [...fonts.keys()],
});

let worker: Worker | undefined;

/**
 * Gives PDF.js a real Web Worker (once, before the first PDF is read): the importer then parses in that worker
 * instead of on the page's thread. The worker is a chunk of this bundle, from the same origin (CSP `worker-src 'self'`).
 * Where Workers cannot be made, PDF.js runs on this thread (the importer's fallback).
 */
export function startPdfWorker(): boolean {
  if (GlobalWorkerOptions.workerPort) return true;
  if (typeof Worker !== "function") return false;
  try {
    worker = new Worker(new URL("pdfjs-dist/build/pdf.worker.mjs", import.meta.url), { type: "module" });
    GlobalWorkerOptions.workerPort = worker;
    return true;
  } catch {
    return false;
  }
}
