// Prints HTML to PDF with one headless Chromium process and several pages (tabs), the way a clerk's "print to PDF"
// does: Chromium's own PDF writer, A4 from the document's @page rule. Talks the DevTools protocol over
// `--remote-debugging-pipe` (file descriptors 3 and 4, NUL-terminated JSON), so it needs no dependency and no port.
// Used by the PDF benchmark (tools/bench) and the PDF property test (tools/hostile).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import type { Edition, Report } from "@gov-disclosure/core";
import { renderHtml } from "@gov-disclosure/render";

/** The Chromium executable: `CHROMIUM_PATH`, or Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when the Chromium executable exists. */
export const chromiumPresent = (): boolean => existsSync(CHROMIUM);

/** How one document is printed. */
export interface PrintOptions {
  /** Chromium's running header and footer (date, title, file URL, page x/y), as `chromium --print-to-pdf` prints. */
  readonly headerFooter?: boolean;
}

/** One headless Chromium that prints HTML documents to PDF bytes, several at a time. */
export interface PdfPrinter {
  /** Writes `html` to a file, opens it in a fresh tab and prints it (A4 unless the document says otherwise). */
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /** Closes the browser and removes its profile and files. */
  close(): Promise<void>;
}

interface Pending {
  resolve(v: Record<string, unknown>): void;
  reject(e: Error): void;
}

/** Starts one headless Chromium. `timeoutMs` bounds every protocol command (a hung browser fails, never hangs). */
export async function launchPrinter(options: { executable?: string; timeoutMs?: number } = {}): Promise<PdfPrinter> {
  const exe = options.executable ?? CHROMIUM;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = mkdtempSync(join(tmpdir(), "gd-chromium-"));
  const child: ChildProcess = spawn(
    exe,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--mute-audio",
      `--user-data-dir=${join(dir, "profile")}`,
      "--remote-debugging-pipe",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(m: { method: string; params: Record<string, unknown>; sessionId?: string }) => void>();
  let exited: Error | undefined;
  const fail = (e: Error) => {
    exited = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  child.on("exit", (code, signal) => fail(new Error(`chromium exited (${code ?? signal}): ${stderr.slice(-600)}`)));
  child.on("error", (e) => fail(e));

  let buf = Buffer.alloc(0);
  fromBrowser.on("data", (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (let end = buf.indexOf(0); end >= 0; end = buf.indexOf(0)) {
      const msg = JSON.parse(buf.subarray(0, end).toString("utf8")) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      buf = buf.subarray(end + 1);
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`chromium: ${msg.error.message}`));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) {
        for (const l of listeners) l({ method: msg.method, params: msg.params ?? {}, ...(msg.sessionId ? { sessionId: msg.sessionId } : {}) });
      }
    }
  });

  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`chromium: ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  };
  const event = (method: string, sessionId: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(l);
        reject(new Error(`chromium: no ${method} after ${timeoutMs} ms`));
      }, timeoutMs);
      const l = (m: { method: string; sessionId?: string }) => {
        if (m.method === method && m.sessionId === sessionId) {
          clearTimeout(timer);
          listeners.delete(l);
          resolve();
        }
      };
      listeners.add(l);
    });

  await send("Browser.getVersion"); // the pipe answers once the browser is up
  let n = 0;
  return {
    async print(html, opts = {}) {
      const file = join(dir, `doc-${n++}.html`);
      writeFileSync(file, html);
      const { targetId } = (await send("Target.createTarget", { url: "about:blank" })) as { targetId: string };
      try {
        const { sessionId } = (await send("Target.attachToTarget", { targetId, flatten: true })) as { sessionId: string };
        await send("Page.enable", {}, sessionId);
        const loaded = event("Page.loadEventFired", sessionId);
        await send("Page.navigate", { url: `file://${file}` }, sessionId);
        await loaded;
        const { data } = (await send(
          "Page.printToPDF",
          {
            preferCSSPageSize: true,
            printBackground: true,
            displayHeaderFooter: opts.headerFooter === true,
            // Chromium's defaults of the command line print: date and title on top, URL and page x/y below
            headerTemplate:
              '<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 10mm"><span class="date"></span><span class="title"></span></div>',
            footerTemplate:
              '<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 10mm"><span class="url"></span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>',
          },
          sessionId,
        )) as { data: string };
        return new Uint8Array(Buffer.from(data, "base64"));
      } finally {
        await send("Target.closeTarget", { targetId }).catch(() => undefined);
        rmSync(file, { force: true });
      }
    },
    async close() {
      if (!exited) {
        const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        await send("Browser.close").catch(() => undefined);
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The long table of each edition, where a page break can be forced: table 三, the 2014 table, the local table. */
export const LONG_TABLE: Readonly<Record<Edition, string>> = { gen2021: "t3", gen2019: "t3", gen2014: "old", local: "local" };

/**
 * The official HTML of a report (render's `renderHtml`, its A4 print layout), with a page break forced by CSS before
 * body row `breakAt` (1-based) of the edition's long table: a page break inside table 三, as in published PDFs.
 */
export function printableHtml(report: Report, breakAt?: number): string {
  const html = renderHtml(report);
  if (!breakAt) return html;
  const css = `<style>#table-${LONG_TABLE[report.edition]} > tbody > tr:nth-child(${breakAt}) { break-before: page; page-break-before: always; }</style>`;
  return html.replace("</head>", `${css}\n</head>`);
}
