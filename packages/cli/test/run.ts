// Runs the built bundle (dist/cli.js) as a user runs it.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
export const REAL = fileURLToPath(new URL("../../../fixtures/real/", import.meta.url));
export const CANON = fileURLToPath(new URL("../../../fixtures/canonical/", import.meta.url));
export const real = (f: string): string => join(REAL, f);
export const canon = (f: string): string => join(CANON, f);

export function run(args: string[], options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input,
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 256 << 20,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
export const scratch = (): string => mkdtempSync(join(tmpdir(), "gd-cli-"));
