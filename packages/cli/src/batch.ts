// A batch of inputs, each read and imported once: in a folder, consecutive years of one body are paired from what
// was already imported (never read again), and every input comes back, in order, as one outcome.
import { MAX_INPUT_BYTES } from "@gov-disclosure/import";
export { DEFAULT_TIMEOUT_S } from "./constants";
import { type Input, readStdin, UsageError } from "./io";
import { type Message, t } from "./messages";
import { HeldReports } from "./held";
import { chunkSize, Pool, runBatch, workersFor } from "./pool";
import type { Progress } from "./progress";
import { type BatchOptions, type FileItem, type FileOutcome, packReport, processItem, slimReport, unpackReport } from "./tasks";

/** How to run a batch. */
export interface BatchPlan {
  readonly options: BatchOptions;
  /** `--jobs`. */
  readonly jobs?: number;
  /** Per-file time limit in milliseconds (`--timeout`); enforced in worker threads. */
  readonly timeoutMs: number;
  /** `--timeout` was given: run in a worker even for one file, so that the limit holds. */
  readonly timeoutGiven: boolean;
  /** Pair consecutive years of one body found in folders. */
  readonly pair: boolean;
  /** `--previous`: last year's report for every input. */
  readonly previous?: Input;
  /** Progress bar (cleared before any message). */
  readonly progress: Progress;
  /** Bytes of packed reports a paired batch holds in memory before the rest goes to a temporary file (default 8 MB). */
  readonly holdInMemory?: number;
}

/** The outcome of an input the walk could not take, or that failed in its worker. */
function failedOutcome(item: { index: number; name: string }, reasonCode: string, reason: string): FileOutcome {
  return { index: item.index, name: item.name, status: reasonCode === "TIMEOUT" ? "timed-out" : "unreadable", reasonCode, reason, failed: true };
}

/** The items of a batch, with standard input read (its size cap applied while reading). */
function itemsOf(inputs: readonly Input[]): FileItem[] {
  return inputs.map((input, index) => ({
    index,
    name: input.name,
    ...(input.path ? { path: input.path } : { bytes: readStdin(MAX_INPUT_BYTES) }),
  }));
}

/**
 * Runs every input through the batch and hands each outcome to `onOutcome` in input order: read, skipped (a JSON file
 * that is not a report), unreadable (with the reason) or timed out.
 */
export async function runInputs(inputs: readonly Input[], plan: BatchPlan, onOutcome: (o: FileOutcome) => void): Promise<void> {
  const items = itemsOf(inputs);
  const bytes = inputs.reduce((s, i) => s + (i.size ?? 0), 0);
  const workers = workersFor(items.length, bytes, plan.jobs, plan.timeoutGiven);
  // Started once for both passes (each start loads the bundle and warms up again), while this thread reads --previous.
  const pool = workers > 0 ? new Pool(workers) : undefined;
  try {
    await runOn(pool, inputs, items, plan, chunkSize(items.length, Math.max(1, workers)), onOutcome);
  } finally {
    await pool?.close();
  }
}

async function runOn(
  pool: Pool | undefined,
  inputs: readonly Input[],
  items: readonly FileItem[],
  plan: BatchPlan,
  chunk: number,
  onOutcome: (o: FileOutcome) => void,
): Promise<void> {
  const { options, progress } = plan;
  const locale = options.locale;
  const failed = (item: FileItem, code: "TIMEOUT" | "WORKER", detail: string): FileOutcome =>
    failedOutcome(
      item,
      code,
      code === "TIMEOUT" ? t(locale, "timedOut", { seconds: Math.round(plan.timeoutMs / 100) / 10 }) : t(locale, "workerFailed", { detail }),
    );
  // Inputs the walk could not take are accounted for where they fall, never read.
  const walked = (item: FileItem): FileOutcome | undefined => {
    const problem = inputs[item.index]?.problem;
    return problem ? failedOutcome(item, problem.code, t(locale, "cannotRead", { code: problem.code })) : undefined;
  };

  // Last year's report for every input: imported once, here, and sent in the form the cross-year rules need.
  let previous: Uint8Array | undefined;
  if (plan.previous) {
    const [p] = itemsOf([plan.previous]);
    const o = await processItem(p as FileItem, { ...options, mode: "pack", render: "none", keepReport: false, exportRows: false });
    if (o.status !== "read" || !o.packed) {
      const reason: Message = { key: "notReport", params: { name: plan.previous.name, reason: o.reason ?? t(locale, "noReportFound") } };
      throw new UsageError(reason);
    }
    previous = packReport(slimReport(unpackReport(o.packed).report), []);
  }
  const foldered = inputs.filter((i) => i.fromFolder && !i.problem).length;
  const pairing = !plan.previous && plan.pair && foldered > 1;

  if (!pairing) {
    const emit = (o: FileOutcome) => {
      progress.tick(o.status !== "read");
      onOutcome(o);
    };
    const queue = items.filter((item) => {
      const w = walked(item);
      return !w;
    });
    let k = 0;
    // Walk problems are handed on in their place between the outcomes of the files read.
    const flushWalked = (upTo: number) => {
      for (; k < items.length && k < upTo; k++) {
        const w = walked(items[k] as FileItem);
        if (w) emit(w);
      }
    };
    await runBatch(
      queue.map((item) => (previous ? { ...item, previous, previousName: plan.previous?.name ?? "" } : item)),
      options,
      pool,
      chunk,
      plan.timeoutMs,
      (o) => {
        flushWalked(o.index);
        k = Math.max(k, o.index + 1);
        emit(o);
      },
      failed,
    );
    flushWalked(items.length);
    return;
  }

  // Pass 1: import every file once; who and when each report is about pairs the years. What was imported waits for
  // pass 2 deflated, as the worker packed it (a fifth of its JSON), in memory up to a budget and past it in a
  // temporary file: memory stays flat in the number of files.
  const held = new Map<number, FileOutcome>();
  const packed = new HeldReports(plan.holdInMemory);
  try {
    const byKey = new Map<string, number>();
    await runBatch(
      items.filter((item) => !walked(item)),
      { ...options, mode: "pack", render: "none", keepReport: false, exportRows: false },
      pool,
      chunk,
      plan.timeoutMs,
      (o) => {
        const { packed: bytes, ...rest } = o;
        held.set(o.index, rest);
        if (bytes !== undefined) packed.set(o.index, bytes);
        if (o.status === "read" && o.body && o.year !== undefined && inputs[o.index]?.fromFolder) byKey.set(`${o.body}\u0000${o.year}`, o.index);
      },
      failed,
    );
    const previousOf = new Map<number, number>();
    for (const [index, o] of held) {
      if (o.status !== "read" || !o.body || o.year === undefined || !inputs[index]?.fromFolder) continue;
      const p = byKey.get(`${o.body}\u0000${o.year - 1}`);
      if (p !== undefined) previousOf.set(index, p);
    }
    // A report is held until its own file and every later year that needs it as last year have gone to pass 2 (the
    // worker makes the slim form the cross-year rules need); then it is dropped (memory stays flat in the number of files).
    const uses = new Map<number, number>();
    for (const p of previousOf.values()) uses.set(p, (uses.get(p) ?? 0) + 1);
    function* validateItems(): Iterable<FileItem> {
      for (const item of items) {
        const o = held.get(item.index);
        if (o?.status !== "read") continue;
        const p = previousOf.get(item.index);
        const own = packed.get(item.index);
        const last = p !== undefined ? packed.get(p) : undefined;
        if (!uses.get(item.index)) packed.delete(item.index);
        if (p !== undefined) {
          const left = (uses.get(p) ?? 1) - 1;
          uses.set(p, left);
          if (left <= 0 && p < item.index) packed.delete(p);
        }
        const previous = p !== undefined && last ? { previous: last, previousName: inputs[p]?.name ?? "" } : {};
        // A split pass 1 could not decide, now that last year is known: imported again with last year as evidence
        // (the one case in which a file is read twice).
        if (p !== undefined && o.splitAmbiguous) yield { ...item, ...previous };
        else yield { index: item.index, name: item.name, ...(own ? { packed: own } : {}), ...previous };
      }
    }
    // Pass 2: validate and render what was imported; the others are handed on in their place.
    let k = 0;
    const emitUpTo = (upTo: number) => {
      for (; k < items.length && k < upTo; k++) {
        const item = items[k] as FileItem;
        const w = walked(item);
        const o = w ?? held.get(k);
        if (o && o.status !== "read") {
          progress.tick(true);
          onOutcome(o);
        }
      }
    };
    await runBatch(
      validateItems(),
      options,
      pool,
      chunk,
      plan.timeoutMs,
      (o) => {
        emitUpTo(o.index);
        k = Math.max(k, o.index + 1);
        // The file is done with (its report went with it to the worker; a later year that needs it still holds it).
        held.delete(o.index);
        progress.tick(o.status !== "read");
        onOutcome(o);
      },
      failed,
    );
    emitUpTo(items.length);
  } finally {
    packed.close();
  }
}
