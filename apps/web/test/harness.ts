// Test harness: a static server for apps/web/dist (and the element's one-script-tag bundle) and headless Chromium.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const WEB = resolve(import.meta.dirname, "..");
export const DIST = join(WEB, "dist");
export const ELEMENT_DIST = resolve(WEB, "../../packages/element/dist");
export const FIXTURES = resolve(WEB, "../../fixtures");
export const ARTIFACTS = join(WEB, "test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. Under CI a missing browser is a failure. */
export function skipReason(): string | undefined {
  if (existsSync(CHROMIUM) || process.env.CI) return undefined;
  return `browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium, or set CHROMIUM_PATH)`;
}

/** Builds the page (and the element bundle) when the build output is missing, e.g. when vitest runs on its own. */
export function ensureBuilt(): void {
  if (!existsSync(join(DIST, "index.html"))) execFileSync("npx", ["vite", "build"], { cwd: WEB, stdio: "inherit" });
  if (!existsSync(join(ELEMENT_DIST, "gov-disclosure-validator.js")))
    execFileSync("npx", ["vite", "build"], { cwd: resolve(WEB, "../../packages/element"), stdio: "inherit" });
  mkdirSync(ARTIFACTS, { recursive: true });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
};

/** Serves `/` from apps/web/dist, `/element/` from packages/element/dist and `/embed.html` (a one-script-tag page). */
export async function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/embed.html") {
      res.writeHead(200, { "content-type": TYPES[".html"] as string });
      res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>embed</title>
<script type="module" src="/element/gov-disclosure-validator.js"></script>
<gov-disclosure-validator edition="gen2019" lang="en"></gov-disclosure-validator>`);
      return;
    }
    const [root, rel] = url.pathname.startsWith("/element/") ? [ELEMENT_DIST, url.pathname.slice("/element/".length)] : [DIST, url.pathname.slice(1)];
    const file = normalize(join(root, decodeURIComponent(rel) || "index.html"));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Launches Debian's Chromium headless with a fresh profile. */
export async function launch(options: { serviceWorkers?: "allow" | "block"; viewport?: { width: number; height: number } } = {}): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ?? "block",
    viewport: options.viewport ?? { width: 1400, height: 1000 },
    locale: "zh-CN",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(resolve(WEB, "node_modules/axe-core/axe.min.js"), "utf8");

/** One accessibility violation as axe-core reports it: the rule, its impact and where. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core (the WCAG 2.x A/AA rules and best practices) on the page as it stands, shadow DOM included. The script
 * is evaluated through the DevTools protocol, so the page's CSP (`script-src 'self'`) is left as it is.
 */
export async function audit(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return (r.violations as { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
}
