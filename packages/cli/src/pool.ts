import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** Runs one task: the same function runs in a worker thread or, for small batches, in this thread. */
export type Handler<T, R> = (task: T) => Promise<R>;

/** The marker in workerData that tells the bundle to start as a worker. */
export const WORKER_FLAG = "govDisclosureWorker"; // the same string as in cli.ts

/** True when worker threads can run this file (the bundled JavaScript, not TypeScript source run by a loader). */
const canFork = () => import.meta.url.endsWith(".js");

/** How many workers to use: the cores, at most `requested`, and 1 for small batches. */
export function jobsFor(count: number, requested?: number): number {
  if (count < 8 || !canFork()) return 1;
  return Math.max(1, Math.min(requested ?? availableParallelism(), count));
}

/**
 * Runs tasks over a pool of worker threads and hands results to `onResult` in input order. At most 2 × jobs tasks
 * are in flight and results are released as soon as every earlier one is in, so memory stays flat in the number of tasks.
 */
export async function runOrdered<T, R>(
  tasks: Iterable<T>,
  kind: string,
  handler: Handler<T, R>,
  onResult: (result: R, index: number) => void,
  jobs: number,
): Promise<void> {
  const it = tasks[Symbol.iterator]();
  const pending = new Map<number, R>();
  let nextOut = 0;
  let nextIn = 0;
  const flush = () => {
    while (pending.has(nextOut)) {
      const r = pending.get(nextOut) as R;
      pending.delete(nextOut);
      onResult(r, nextOut++);
    }
  };
  if (jobs <= 1) {
    for (let n = it.next(); !n.done; n = it.next()) {
      pending.set(nextIn, await handler(n.value));
      nextIn++;
      flush();
    }
    return;
  }
  const workers = Array.from({ length: jobs }, () => new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: kind } }));
  try {
    await new Promise<void>((resolve, reject) => {
      let active = 0;
      let exhausted = false;
      const feed = (w: Worker) => {
        if (exhausted || nextIn - nextOut >= jobs * 2) return false;
        const n = it.next();
        if (n.done) {
          exhausted = true;
          return false;
        }
        const index = nextIn++;
        active++;
        w.once("message", (msg: { ok: true; result: R } | { ok: false; error: string }) => {
          active--;
          busy.delete(w);
          if (!msg.ok) return reject(new Error(msg.error));
          pending.set(index, msg.result);
          flush();
          for (const idle of workers) if (!busy.has(idle) && feed(idle)) busy.add(idle);
          if (exhausted && active === 0) resolve();
        });
        w.postMessage(n.value);
        return true;
      };
      const busy = new Set<Worker>();
      for (const w of workers) {
        w.on("error", reject);
        if (feed(w)) busy.add(w);
      }
      if (active === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
