// What a paired batch holds between its two passes: every file's imported report, deflated. Held in memory up to a
// budget, then appended to a temporary file (unlinked as soon as it is opened), so that a national corpus of a hundred
// thousand files does not hold a gigabyte of reports: memory stays flat in the number of files. Where the temporary
// directory is a tmpfs, the file is memory too: point TMPDIR at a disk for very large batches.
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Bytes held in memory before the rest goes to the temporary file: 8 MB, about 2,400 files of mixed formats. (32 MB
 * until session 7: a batch of 10,000 files then held 25 MB more than one of 1,000: half of the growth of its peak memory.)
 */
const MEMORY_BUDGET = 8 << 20;

/** Packed reports by file index: in memory up to a budget, past it in a temporary file. */
export class HeldReports {
  private readonly memory = new Map<number, Uint8Array>();
  private readonly onDisk = new Map<number, { readonly at: number; readonly length: number }>();
  private memoryBytes = 0;
  private dir: string | undefined;
  private fd: number | undefined;
  private end = 0;
  /** The file could not be written (no space, no temporary directory): everything stays in memory. */
  private diskFailed = false;

  constructor(private readonly budget: number = MEMORY_BUDGET) {}

  /** Holds a file's packed report. */
  set(index: number, bytes: Uint8Array): void {
    if (this.memoryBytes + bytes.length > this.budget && !this.diskFailed) {
      try {
        if (this.fd === undefined) {
          this.dir = mkdtempSync(join(tmpdir(), "gov-disclosure-"));
          const file = join(this.dir, "held.bin");
          this.fd = openSync(file, "w+", 0o600);
          // unlinked at once, read and written through the open descriptor: nothing is left behind however the
          // process ends (an interrupt, a closed pipe); where that cannot be done, close() or exit removes it
          try {
            unlinkSync(file);
            rmdirSync(this.dir);
            this.dir = undefined;
          } catch {
            process.once("exit", () => this.close());
          }
        }
        let written = 0;
        while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.end + written);
        this.onDisk.set(index, { at: this.end, length: bytes.length });
        this.end += bytes.length;
        return;
      } catch {
        this.diskFailed = true; // held in memory from now on, as before there was a file
      }
    }
    this.memory.set(index, bytes);
    this.memoryBytes += bytes.length;
  }

  /** A file's packed report, or undefined when none is held. */
  get(index: number): Uint8Array | undefined {
    const inMemory = this.memory.get(index);
    if (inMemory) return inMemory;
    const place = this.onDisk.get(index);
    if (!place || this.fd === undefined) return undefined;
    const out = new Uint8Array(place.length);
    let read = 0;
    while (read < place.length) {
      const n = readSync(this.fd, out, read, place.length - read, place.at + read);
      if (n === 0) return undefined;
      read += n;
    }
    return out;
  }

  /** Lets a file's report go (in memory its bytes are freed; on disk its place is not reused). */
  delete(index: number): void {
    const inMemory = this.memory.get(index);
    if (inMemory) {
      this.memoryBytes -= inMemory.length;
      this.memory.delete(index);
    }
    this.onDisk.delete(index);
  }

  /** True when some reports went to the temporary file. */
  get spilled(): boolean {
    return this.onDisk.size > 0 || this.end > 0;
  }

  /** Closes (and so frees) the temporary file. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    this.memory.clear();
    this.onDisk.clear();
  }
}
