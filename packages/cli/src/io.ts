import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Message } from "./messages";

/** An input named on the command line: a file, or standard input ("-"). */
export interface Input {
  /** Display name: the path as given, or "<stdin>". */
  readonly name: string;
  /** Absolute path, or undefined for standard input. */
  readonly path?: string;
  /** True when it came from walking a folder (folders pair consecutive years automatically). */
  readonly fromFolder: boolean;
}

/** The placeholder for "-" (standard input) while the arguments pass through the option parser. */
export const STDIN_ARG = "\u0000stdin";

/**
 * A user mistake: a message for the terminal and exit code 2, never a stack trace. It carries the message's key and
 * parameters, worded in the user's locale where it is shown (`say`); `message` is the key, for debugging only.
 */
export class UsageError extends Error {
  constructor(readonly said: Message) {
    super(said.key);
    this.name = "UsageError";
  }
}

/** File endings the importer reads, for walking folders. */
export const READABLE = new Set([".txt", ".text", ".htm", ".html", ".shtml", ".md", ".markdown", ".json", ".docx", ".xlsx", ".pdf"]);

/** Expands the arguments into inputs: files as given, folders walked (sorted, readable kinds only), "-" for stdin. */
export function collectInputs(args: readonly string[]): Input[] {
  const out: Input[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && READABLE.has(extname(name).toLowerCase()) && !name.endsWith(".expected.json"))
        out.push({ name: p, path: resolve(p), fromFolder: true });
    }
  };
  for (const a of args) {
    if (a === "-" || a === STDIN_ARG) {
      out.push({ name: "<stdin>", fromFolder: false });
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(a);
    } catch {
      throw new UsageError({ key: "noSuchFile", params: { name: a } });
    }
    if (st.isDirectory()) walk(a);
    else out.push({ name: a, path: resolve(a), fromFolder: false });
  }
  return out;
}

let stdinCache: Uint8Array | undefined;

/** Reads an input's bytes (standard input is read once). */
export function readInput(input: Input): Uint8Array {
  if (!input.path) {
    stdinCache ??= new Uint8Array(readFileSync(0));
    return stdinCache;
  }
  return new Uint8Array(readFileSync(input.path));
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then renamed over the target, so that no
 * half-written output is ever left. Refuses to write over any of the inputs.
 */
export function writeAtomic(target: string, data: string | Uint8Array, inputs: readonly Input[] = []): void {
  const abs = resolve(target);
  if (inputs.some((i) => i.path === abs)) throw new UsageError({ key: "refuseOverwrite", params: { name: target } });
  const tmp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx");
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    if (e instanceof UsageError) throw e;
    throw new UsageError({ key: "cannotWrite", params: { name: target, code: (e as NodeJS.ErrnoException).code ?? (e as Error).name } });
  }
}
