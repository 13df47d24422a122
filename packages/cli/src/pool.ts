import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BatchOptions, FileItem, FileOutcome } from "./tasks";

/** The marker in workerData that tells the bundle to start as a worker. */
export const WORKER_FLAG = "govDisclosureWorker"; // the same string as in cli.ts

/** Heap limit of each worker: it keeps memory flat over long batches (V8 collects sooner) and bounds a hostile file. */
const WORKER_HEAP_MB = 384;

/**
 * The file a worker starts from: the bundle's entry, `cli.js`, which starts as a worker when it finds `WORKER_FLAG`.
 * The bundle is split into chunks that all sit beside it in dist/, so it is found from this chunk's own URL.
 */
const WORKER_ENTRY = new URL("./cli.js", import.meta.url);

/** True when worker threads can run the bundle (built JavaScript, not TypeScript source run by a loader). */
export const canFork = (): boolean => import.meta.url.endsWith(".js");

/** Below this many files and bytes a batch runs on this thread: starting a worker costs more than it saves. */
const SMALL_BATCH_FILES = 48;
const SMALL_BATCH_BYTES = 8 << 20;
/** Files each worker must have for its start (loading the bundle, warming up) to pay off. */
const FILES_PER_WORKER = 24;
/**
 * On two cores or fewer, below this many files a batch runs on one worker. One thread importing already keeps 1.6 of
 * two vCPUs busy (V8 compiles and collects garbage on threads of its own), and every worker compiles the importer
 * again for its first ~2,000 reports: measured here, two workers were slower than one thread on 1,000 and 3,000 files
 * and 7 % faster on 10,000.
 */
const FEW_CORES = 2;
const FEW_CORES_BATCH_FILES = 6000;

/**
 * How many worker threads a batch gets (none when this bundle cannot start workers): see `poolSize`.
 */
export function workersFor(count: number, bytes: number, requested: number | undefined, needIsolation: boolean): number {
  return canFork() ? poolSize(count, bytes, requested, needIsolation, availableParallelism()) : 0;
}

/**
 * How many worker threads a batch of `count` files gets on `cores` cores: none for a small batch (under ~50 files and
 * 8 MB), on one core or with `--jobs 1`, unless a time limit must be enforced (then at least one: only a worker can be
 * stopped); one on two cores under 6,000 files; otherwise the cores (or `--jobs`, an upper bound), no more than one per
 * ~24 files. @internal
 */
export function poolSize(count: number, bytes: number, requested: number | undefined, needIsolation: boolean, cores: number): number {
  if (count === 0) return 0;
  const want = Math.max(1, Math.min(requested ?? cores, Math.ceil(count / FILES_PER_WORKER)));
  if (needIsolation) return want;
  if (requested === 1 || cores < 2 || (count < SMALL_BATCH_FILES && bytes < SMALL_BATCH_BYTES)) return 0;
  // one worker, not this thread: the time limit and the worker's heap cap still hold, without a second warm-up
  if (cores <= FEW_CORES && count < FEW_CORES_BATCH_FILES) return 1;
  return want;
}

/** Files sent to a worker at once: enough to keep it busy between messages, few enough to share a batch out evenly. */
export function chunkSize(count: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.floor(count / (workers * 8))));
}

type ToWorker = { items: readonly FileItem[]; options: BatchOptions };
/** A worker's answer for one file, named by the file's index (never matched by order), or its start-up signal. */
type FromWorker = { index: number; outcome: FileOutcome } | { index: number; error: string } | { ready: true };

interface Slot {
  worker: Worker;
  /** Items sent and not yet answered, in the order the worker takes them. */
  queue: FileItem[];
  /** When the item at the head of the queue was started (its predecessor answered, or the chunk was sent). */
  started: number;
  /** The worker has loaded and can take work (its start-up is not counted against the first file's time). */
  ready: boolean;
}

/** What the batch running on a pool does when a worker answers or is lost. */
interface Run {
  message(slot: Slot, msg: Exclude<FromWorker, { ready: true }>): void;
  /** The worker was stopped (time limit) or died; a fresh one already stands in its place. */
  lost(slot: Slot, detail: string, code: "TIMEOUT" | "WORKER"): void;
}

/**
 * The worker threads of one batch, started once and kept for all its passes (each start loads the bundle and warms
 * the JIT up again). One batch runs on it at a time. A worker that is stopped or dies is replaced by a fresh one.
 */
export class Pool {
  readonly slots = new Set<Slot>();
  private run: Run | undefined;
  constructor(size: number) {
    for (let i = 0; i < size; i++) this.spawn();
  }
  private spawn(): void {
    const slot: Slot = {
      worker: new Worker(WORKER_ENTRY, { workerData: { [WORKER_FLAG]: "batch" }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
      queue: [],
      started: Date.now(),
      ready: false,
    };
    slot.worker.on("message", (msg: FromWorker) => {
      if ("ready" in msg) {
        slot.ready = true;
        slot.started = Date.now();
      } else this.run?.message(slot, msg);
    });
    slot.worker.on("error", (e: Error) => this.replace(slot, e.message, "WORKER"));
    slot.worker.on("exit", (code: number) => this.replace(slot, String(code), "WORKER"));
    this.slots.add(slot);
  }
  /** Stops a worker, starts a fresh one in its place and tells the batch running (which fails the file it was on). */
  replace(slot: Slot, detail: string, code: "TIMEOUT" | "WORKER"): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    slot.worker.removeAllListeners();
    // A worker blocked in a system call (reading a pipe nobody writes to) cannot stop at once: let it not hold the process.
    slot.worker.unref();
    void slot.worker.terminate();
    this.spawn();
    this.run?.lost(slot, detail, code);
  }
  /** Sets (or clears) the batch running on the pool. */
  attach(run: Run | undefined): void {
    this.run = run;
  }
  /** Stops every worker. */
  async close(): Promise<void> {
    const all = [...this.slots];
    this.slots.clear();
    await Promise.all(
      all.map((s) => {
        s.worker.removeAllListeners();
        return s.worker.terminate();
      }),
    );
  }
}

/**
 * Runs a batch over the worker threads of `pool` (or, without one, on this thread) and hands outcomes to `onOutcome`
 * in input order. Files go to workers in chunks; each file's outcome comes back on its own. At most a window of files
 * is in flight or waiting to be handed on, so memory stays flat in the number of files. A file that runs past
 * `timeoutMs` has its worker terminated and comes back `timed-out`; a worker that dies (out of memory on a hostile
 * file) costs only the file it was on: a fresh worker takes the rest.
 */
export async function runBatch(
  items: Iterable<FileItem>,
  options: BatchOptions,
  pool: Pool | undefined,
  chunk: number,
  timeoutMs: number,
  onOutcome: (o: FileOutcome) => void,
  failed: (item: FileItem, reasonCode: "TIMEOUT" | "WORKER", detail: string) => FileOutcome,
): Promise<void> {
  const it = items[Symbol.iterator]();
  const pending = new Map<number, FileOutcome>();
  const order: number[] = [];
  const release = () => {
    while (order.length && pending.has(order[0] as number)) {
      const index = order.shift() as number;
      const o = pending.get(index) as FileOutcome;
      pending.delete(index);
      onOutcome(o);
    }
  };
  if (!pool || pool.slots.size === 0) {
    const { processItem } = await import("./tasks");
    for (let n = it.next(); !n.done; n = it.next()) onOutcome(await processItem(n.value, options));
    return;
  }
  const window = pool.slots.size * chunk * 4;
  const retry: FileItem[] = [];
  let exhausted = false;
  const take = (): FileItem | undefined => {
    if (retry.length) return retry.shift();
    if (exhausted) return undefined;
    const n = it.next();
    if (n.done) {
      exhausted = true;
      return undefined;
    }
    order.push(n.value.index);
    return n.value;
  };
  const slots = pool.slots;
  await new Promise<void>((resolveAll, rejectAll) => {
    let timer: NodeJS.Timeout | undefined;
    const done = () => retry.length === 0 && exhausted && [...slots].every((s) => s.queue.length === 0);
    const settle = (index: number, o: FileOutcome) => {
      pending.set(index, o);
      release();
    };
    const pump = () => {
      try {
        for (const slot of slots) {
          // Keep two chunks' worth queued on each worker, so that it never waits for the next message.
          while (slot.queue.length < chunk * 2) {
            const inFlight = order.length;
            if (!retry.length && inFlight >= window) break;
            const batch: FileItem[] = [];
            for (let i = 0; i < chunk; i++) {
              const item = take();
              if (!item) break;
              batch.push(item);
            }
            if (!batch.length) break;
            if (!slot.queue.length && slot.ready) slot.started = Date.now();
            slot.queue.push(...batch);
            slot.worker.postMessage({ items: batch, options } satisfies ToWorker);
          }
        }
        if (done()) {
          if (timer) clearInterval(timer);
          resolveAll();
        }
      } catch (e) {
        if (timer) clearInterval(timer);
        rejectAll(e);
      }
    };
    pool.attach({
      message(slot, msg) {
        // Answers are matched by index: a worker that failed one file still answers the rest of its queue.
        const at = slot.queue.findIndex((item) => item.index === msg.index);
        if (at < 0) return; // not a file of this batch (cannot happen: one batch runs on a pool at a time)
        const [item] = slot.queue.splice(at, 1) as [FileItem];
        settle(item.index, "error" in msg ? failed(item, "WORKER", msg.error) : msg.outcome);
        slot.started = Date.now();
        pump();
      },
      lost(slot, detail, code) {
        const [head, ...rest] = slot.queue.splice(0);
        if (head) settle(head.index, failed(head, code, detail));
        retry.unshift(...rest);
        pump();
      },
    });
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      timer = setInterval(
        () => {
          const now = Date.now();
          for (const slot of [...slots])
            if (slot.ready && slot.queue.length && now - slot.started > timeoutMs) pool.replace(slot, String(timeoutMs), "TIMEOUT");
        },
        Math.min(1000, Math.max(20, timeoutMs / 4)),
      );
      timer.unref();
    }
    pump();
  }).finally(() => pool.attach(undefined));
}

/** The worker side: takes chunks, answers each file as soon as it is done. */
export async function workerMain(port: import("node:worker_threads").MessagePort): Promise<void> {
  const { processItem } = await import("./tasks");
  port.postMessage({ ready: true } satisfies FromWorker);
  let chain = Promise.resolve();
  port.on("message", (msg: ToWorker) => {
    chain = chain.then(async () => {
      for (const item of msg.items) {
        let answer: FromWorker;
        try {
          answer = { index: item.index, outcome: await processItem(item, msg.options) };
        } catch (e) {
          answer = { index: item.index, error: e instanceof Error ? e.message : String(e) };
        }
        port.postMessage(answer);
      }
    });
  });
}
