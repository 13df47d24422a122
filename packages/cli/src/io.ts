import { globMatcher } from "./glob";
import { randomBytes } from "node:crypto";
import {
  closeSync,
  type Dirent,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import type { Message } from "./messages";

/** An input named on the command line or found in a folder: a file, or standard input ("-"). */
export interface Input {
  /** Display name: the path as given (or as found under a folder given), or "<stdin>". */
  readonly name: string;
  /** Absolute path, or undefined for standard input. */
  readonly path?: string;
  /** True when it came from walking a folder (folders pair consecutive years automatically). */
  readonly fromFolder: boolean;
  /** Size in bytes when known (for sizing the worker pool). */
  readonly size?: number;
  /** Why the walk could not take it (a dangling link, an unreadable folder, a loop): it is reported, never read. */
  readonly problem?: { readonly code: string };
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

/** Options of `collectInputs`. */
export interface CollectOptions {
  /** Globs a walked file must match (any of them), against its path below the folder given, `/`-separated. */
  readonly include?: readonly string[];
  /** Globs that leave a walked file out (any of them). */
  readonly exclude?: readonly string[];
}

/** The kind of an entry, following links; undefined for a dangling link or an entry that cannot be looked at. */
function statOf(p: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(p);
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
}

/**
 * Expands the arguments into inputs: files as given, folders walked (sorted, report-like files only: the endings the
 * importer reads, `.expected.json` and hidden entries left out, `--include`/`--exclude` applied), "-" for stdin. The
 * walk survives symbolic-link loops (each real folder is walked once), dangling links and folders it may not read:
 * those come back as inputs with a `problem`, reported and counted like any unreadable file.
 */
export function collectInputs(args: readonly string[], options: CollectOptions = {}): Input[] {
  const glob = (g: string) => {
    try {
      return globMatcher(g);
    } catch {
      throw new UsageError({ key: "badGlob", params: { glob: g } });
    }
  };
  const include = (options.include ?? []).map(glob);
  const exclude = (options.exclude ?? []).map(glob);
  const out: Input[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, root: string) => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      if (seen.has(real)) return; // a link back to a folder already walked
      seen.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.push({ name: dir, path: resolve(dir), fromFolder: true, problem: { code: (e as NodeJS.ErrnoException).code ?? "EIO" } });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith(".") || name === "node_modules") continue;
      const p = join(dir, name);
      const rel = relative(root, p).split(sep).join("/");
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size: number | undefined;
      if (entry.isSymbolicLink()) {
        const st = statOf(p);
        if (!(st instanceof Error)) {
          isDir = st.isDirectory();
          isFile = st.isFile();
          size = st.size;
        } else if (READABLE.has(extname(name).toLowerCase())) {
          // A dangling link (or one looping on itself) with a report's ending: accounted for, never followed.
          if (matches(rel)) out.push({ name: p, path: resolve(p), fromFolder: true, problem: { code: st.code ?? "EIO" } });
          continue;
        }
      }
      if (isDir) walk(p, root);
      else if (!isFile && READABLE.has(extname(name).toLowerCase()) && matches(rel))
        // a named pipe or a device with a report's ending: accounted for, never opened (it could block a reader for ever)
        out.push({ name: p, path: resolve(p), fromFolder: true, problem: { code: "NOT-A-FILE" } });
      else if (isFile && READABLE.has(extname(name).toLowerCase()) && !name.endsWith(".expected.json") && matches(rel)) {
        if (size === undefined) {
          const st = statOf(p);
          size = st instanceof Error ? undefined : st.size;
        }
        out.push({ name: p, path: resolve(p), fromFolder: true, ...(size !== undefined ? { size } : {}) });
      }
    }
  };
  const matches = (rel: string) => (!include.length || include.some((m) => m(rel))) && !exclude.some((m) => m(rel));
  for (const a of args) {
    if (a === "-" || a === STDIN_ARG) {
      out.push({ name: "<stdin>", fromFolder: false });
      continue;
    }
    const st = statOf(a);
    if (st instanceof Error) {
      if (st.code === "ENOENT" || st.code === "ENOTDIR") throw new UsageError({ key: "noSuchFile", params: { name: a } });
      out.push({ name: a, path: resolve(a), fromFolder: false, problem: { code: st.code ?? "EIO" } });
      continue;
    }
    if (st.isDirectory()) walk(a, a);
    else out.push({ name: a, path: resolve(a), fromFolder: false, size: st.size });
  }
  return out;
}

let stdinCache: Uint8Array | undefined;
/** Reads standard input once, stopping as soon as it passes `cap` bytes (what is read then is `cap` + 1 bytes). */
export function readStdin(cap: number): Uint8Array {
  if (stdinCache) return stdinCache;
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, Math.min(buf.length, cap + 1 - total), null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > cap) break;
  }
  stdinCache = new Uint8Array(Buffer.concat(chunks));
  return stdinCache;
}

/**
 * Reads a file, refusing (as `EFBIG`) one larger than `cap` bytes before reading it: the importer is then handed
 * `cap` + 1 bytes and says the input is too large.
 */
export function readCapped(path: string, cap: number): Uint8Array {
  const st = statSync(path);
  if (st.isDirectory() || !st.isFile()) {
    // Only regular files: a named pipe or a device could block the reading thread for ever (give `-` for a pipe).
    const code = st.isDirectory() ? "EISDIR" : "NOT-A-FILE";
    const e = new Error(code) as NodeJS.ErrnoException;
    e.code = code;
    throw e;
  }
  if (st.size > cap) {
    const fd = openSync(path, "r");
    try {
      const b = Buffer.alloc(cap + 1);
      readSync(fd, b, 0, cap + 1, 0);
      return new Uint8Array(b);
    } finally {
      closeSync(fd);
    }
  }
  return new Uint8Array(readFileSync(path));
}

/** The identity of a file (device and inode), or undefined when it does not exist. */
function identity(p: string): string | undefined {
  try {
    const st = statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses an output that is one of the inputs: compared by the file they are (links, `..` and hard links included),
 * not by the name.
 */
export function refuseInputs(target: string, inputs: readonly Input[]): void {
  const abs = resolve(target);
  const id = identity(abs);
  let real = abs;
  try {
    real = join(realpathSync(dirname(abs)), abs.slice(dirname(abs).length + 1));
  } catch {}
  for (const i of inputs) {
    if (!i.path) continue;
    if (i.path === abs || i.path === real || (id !== undefined && identity(i.path) === id))
      throw new UsageError({ key: "refuseOverwrite", params: { name: target } });
  }
}

/**
 * A file written in pieces, atomically: a temporary file with a short name (it cannot exceed the file system's name
 * limit, whatever the target's length) in the target's folder, flushed, then renamed over the target on `commit`.
 * Refuses to write over any of the inputs.
 */
export class AtomicFile {
  private fd: number | undefined;
  private readonly tmp: string;
  private readonly abs: string;
  constructor(
    private readonly target: string,
    inputs: readonly Input[] = [],
  ) {
    refuseInputs(target, inputs);
    this.abs = resolve(target);
    this.tmp = join(dirname(this.abs), `.gd-${randomBytes(6).toString("hex")}.tmp`);
    try {
      this.fd = openSync(this.tmp, "wx");
    } catch (e) {
      throw this.failure(e);
    }
  }
  private failure(e: unknown): UsageError {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
    return new UsageError({ key: "cannotWrite", params: { name: this.target, code: (e as NodeJS.ErrnoException).code ?? (e as Error).name } });
  }
  /** Appends text or bytes. */
  write(data: string | Uint8Array): void {
    if (this.fd === undefined) return;
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd, bytes, off);
    } catch (e) {
      throw this.failure(e);
    }
  }
  /** Flushes and puts the file in place. */
  commit(): void {
    if (this.fd === undefined) return;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.tmp, this.abs);
    } catch (e) {
      throw this.failure(e);
    }
  }
  /** Drops the temporary file (after an error). */
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }
}

/** Writes a file atomically (see `AtomicFile`). Refuses to write over any of the inputs. */
export function writeAtomic(target: string, data: string | Uint8Array, inputs: readonly Input[] = []): void {
  const f = new AtomicFile(target, inputs);
  f.write(data);
  f.commit();
}
