import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Message } from "./messages";

/** Runs one task: the same function runs in a worker thread or, for small batches, in this thread. */
export type Handler<T, R> = (task: T) => Promise<R>;

/** The marker in workerData that tells the bundle to start as a worker. */
export const WORKER_FLAG = "govDisclosureWorker"; // the same string as in cli.ts

/** Heap limit of each worker: it keeps memory flat over long batches (V8 collects sooner) and bounds a hostile file. */
const WORKER_HEAP_MB = 384;

/** True when worker threads can run this file (the bundled JavaScript, not TypeScript source run by a loader). */
const canFork = () => import.meta.url.endsWith(".js");

/** How many workers to use: the cores, at most `requested`, and 1 for small batches. */
export function jobsFor(count: number, requested?: number): number {
  if (count < 8 || !canFork()) return 1;
  return Math.max(1, Math.min(requested ?? availableParallelism(), count));
}

/**
 * Runs tasks over a pool of worker threads and hands results to `onResult` in input order. At most 2 × jobs tasks
 * are in flight and results are released as soon as every earlier one is in, so memory stays flat in the number of
 * tasks. A worker that dies on a task (out of memory on a hostile file) yields `crashed(task, reason)` (a message to word in the user's locale) for that task
 * and is replaced: one bad file never stops the batch.
 */
export async function runOrdered<T, R>(
  tasks: Iterable<T>,
  kind: string,
  handler: Handler<T, R>,
  onResult: (result: R, index: number) => void,
  jobs: number,
  crashed: (task: T, reason: Message) => R,
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
      let r: R;
      try {
        r = await handler(n.value);
      } catch (e) {
        r = crashed(n.value, { key: "workerFailed", params: { detail: e instanceof Error ? e.message : String(e) } });
      }
      pending.set(nextIn++, r);
      flush();
    }
    return;
  }
  const spawn = () => new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: kind }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const workers = new Set<Worker>();
  try {
    await new Promise<void>((resolve) => {
      let active = 0;
      let exhausted = false;
      const idle: Worker[] = [];
      const finish = (w: Worker, index: number, r: R) => {
        active--;
        pending.set(index, r);
        flush();
        idle.push(w);
        pump();
      };
      const pump = () => {
        while (idle.length && !exhausted && nextIn - nextOut < jobs * 2) {
          const n = it.next();
          if (n.done) {
            exhausted = true;
            break;
          }
          const w = idle.pop() as Worker;
          const index = nextIn++;
          const task = n.value;
          active++;
          let settled = false;
          const onMessage = (msg: { ok: true; result: R } | { ok: false; error: string }) => {
            if (settled) return;
            settled = true;
            w.off("exit", onExit);
            w.off("error", onError);
            finish(w, index, msg.ok ? msg.result : crashed(task, { key: "workerFailed", params: { detail: msg.error } }));
          };
          const replace = (reason: Message) => {
            if (settled) return;
            settled = true;
            w.off("message", onMessage);
            workers.delete(w);
            void w.terminate();
            const fresh = spawn();
            workers.add(fresh);
            finish(fresh, index, crashed(task, reason));
          };
          const onError = (e: Error) => replace({ key: "workerFailed", params: { detail: e.message } });
          const onExit = (code: number) => replace({ key: "workerExited", params: { code } });
          w.once("message", onMessage);
          w.once("error", onError);
          w.once("exit", onExit);
          w.postMessage(task);
        }
        if (exhausted && active === 0) resolve();
      };
      for (let i = 0; i < jobs; i++) {
        const w = spawn();
        workers.add(w);
        idle.push(w);
      }
      pump();
    });
  } finally {
    await Promise.all([...workers].map((w) => w.terminate()));
  }
}
