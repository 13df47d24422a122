/// <reference path="./pdfjs-modules.d.ts" />
import { lazily } from "../lazy";
import type { PdfDataLoader } from "./types";

// The few parts of PDF.js (pdfjs-dist 4.10.38) this reader uses, typed locally: the package's own types pull in the
// DOM, and library sources are checked without it.

/** One text run as PDF.js reports it. @internal */
export interface PdfJsTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
}

/** A page's text runs (or a chunk of them) and the styles of their fonts. @internal */
export interface PdfJsTextContent {
  readonly items: readonly (PdfJsTextItem | { readonly type: string })[];
  readonly styles: Readonly<Record<string, { readonly vertical?: boolean }>>;
}

/** @internal */
export interface PdfJsPage {
  getViewport(p: { scale: number }): { readonly transform: readonly number[]; readonly width: number; readonly height: number };
  getTextContent(p?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<PdfJsTextContent>;
  /** The text runs in chunks as the worker makes them; cancelling the reader stops the worker's work on the page. */
  streamTextContent(p?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): {
    getReader(): { read(): Promise<{ done: boolean; value?: PdfJsTextContent }>; cancel(reason: Error): Promise<void> };
  };
  cleanup(): boolean;
}

/** @internal */
export interface PdfJsDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  getMetadata(): Promise<{ readonly info?: Readonly<Record<string, unknown>> }>;
  destroy(): Promise<void>;
}

/** @internal */
export interface PdfJsLoadingTask {
  readonly promise: Promise<PdfJsDocument>;
  destroy(): Promise<void>;
}

/** @internal */
export interface PdfJs {
  readonly version: string;
  getDocument(src: Record<string, unknown>): PdfJsLoadingTask;
}

const g = globalThis as unknown as {
  process?: { versions?: { node?: string } };
  console: { log: (...a: unknown[]) => void };
  pdfjsWorker?: unknown;
  Promise: PromiseConstructor & { withResolvers?: unknown };
};

/** True in Node (not in a browser, even with a `process` shim). @internal */
export const isNode = (): boolean => typeof g.process?.versions?.node === "string";

/**
 * Loads PDF.js once, on first use (nothing else in the package pays for it). The modern build is used everywhere:
 * the legacy build replaces `Array.prototype.push`, `JSON.parse` and more with core-js versions for the whole
 * process, which halves the speed of everything else. Node 20 lacks only `Promise.withResolvers`, added here when
 * missing. The worker runs on the calling thread (PDF.js's "fake worker"): no Worker, no eval, no network.
 * @internal
 */
export const loadPdfJs: () => Promise<PdfJs> = lazily(async () => {
  if (typeof g.Promise.withResolvers !== "function") {
    Object.defineProperty(Promise, "withResolvers", {
      configurable: true,
      writable: true,
      value: function withResolvers<T>() {
        let resolve!: (v: T | PromiseLike<T>) => void;
        let reject!: (e?: unknown) => void;
        const promise = new Promise<T>((a, b) => {
          resolve = a;
          reject = b;
        });
        return { promise, resolve, reject };
      },
    });
  }
  // PDF.js logs "Please use the `legacy` build in Node.js environments." once while loading in Node: stdout of
  // the CLI carries JSON, so that one line is dropped (and only it).
  const log = g.console.log;
  g.console.log = (...a: unknown[]) => {
    if (typeof a[0] === "string" && a[0].includes("Please use the `legacy` build")) return;
    log.apply(g.console, a);
  };
  try {
    const lib = (await import("pdfjs-dist/build/pdf.mjs")) as unknown as PdfJs & { GlobalWorkerOptions?: { workerPort?: unknown } };
    // run the worker on this thread unless a host (a web page) gave PDF.js a worker of its own
    if (!g.pdfjsWorker && !lib.GlobalWorkerOptions?.workerPort) {
      const worker = (await import("pdfjs-dist/build/pdf.worker.mjs")) as unknown as { WorkerMessageHandler: unknown };
      g.pdfjsWorker ??= { WorkerMessageHandler: worker.WorkerMessageHandler };
    }
    return lib;
  } finally {
    if (g.console.log !== log) g.console.log = log;
  }
});

const nodeLoader = lazily(() => import("./node-data").then((m) => m.pdfjsPackageData()));

/** The default data loader: in Node, the files of the installed pdfjs-dist; elsewhere none. @internal */
export function defaultDataLoader(): Promise<PdfDataLoader | undefined> {
  return isNode() ? nodeLoader() : Promise.resolve(undefined);
}

/** Records what PDF.js asked for and could not get. @internal */
export interface DataRequests {
  readonly missing: { kind: "cmap" | "font"; name: string }[];
}

/**
 * PDF.js factory classes (CMapReaderFactory, StandardFontDataFactory) that read through `loader` and never fetch.
 * @internal
 */
export function dataFactories(loader: PdfDataLoader | undefined, requests: DataRequests) {
  const get = async (kind: "cmap" | "font", name: string): Promise<Uint8Array> => {
    const bytes = loader && /^[\w.+-]{1,80}$/.test(name) ? await loader(kind, name).catch(() => undefined) : undefined;
    if (!bytes) {
      requests.missing.push({ kind, name });
      throw new Error(`no ${kind} data for ${name}`);
    }
    return bytes;
  };
  class CMapReaderFactory {
    async fetch({ name }: { name: string }) {
      return { cMapData: await get("cmap", name), isCompressed: true };
    }
  }
  class StandardFontDataFactory {
    async fetch({ filename }: { filename: string }) {
      return get("font", filename);
    }
  }
  return { CMapReaderFactory, StandardFontDataFactory };
}
