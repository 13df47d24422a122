import { describe, expect, it } from "vitest";
import { type Pool, poolSize, runBatch } from "../src/pool";
import type { BatchOptions, FileItem, FileOutcome } from "../src/tasks";

const options = { mode: "validate", locale: "en", render: "none", color: false, verbose: false, failOn: "error", keepReport: false } as unknown as BatchOptions;
const outcome = (item: FileItem): FileOutcome => ({ index: item.index, name: item.name, status: "read" }) as unknown as FileOutcome;
const failed = (item: FileItem, reasonCode: "TIMEOUT" | "WORKER", detail: string): FileOutcome =>
  ({ index: item.index, name: item.name, status: "failed", reasonCode, reason: detail }) as unknown as FileOutcome;

/**
 * A pool whose "workers" answer on the next tick, each file by its index, in the order `answer` chooses; a file named
 * `boom*` makes its worker answer with an error for that file alone (as a worker whose processItem threw).
 */
function fakePool(workers: number, reorder: (items: FileItem[]) => FileItem[]): Pool {
  const slots = new Set<{ worker: { postMessage(m: unknown): void }; queue: FileItem[]; started: number; ready: boolean }>();
  let run: { message(slot: unknown, msg: unknown): void } | undefined;
  for (let w = 0; w < workers; w++) {
    const slot = {
      queue: [] as FileItem[],
      started: Date.now(),
      ready: true,
      worker: {
        postMessage(m: unknown) {
          const { items } = m as { items: FileItem[] };
          setTimeout(() => {
            for (const item of reorder([...items]))
              run?.message(
                slot,
                item.name.startsWith("boom") ? { index: item.index, error: `cannot run ${item.name}` } : { index: item.index, outcome: outcome(item) },
              );
          }, 0);
        },
      },
    };
    slots.add(slot);
  }
  return { slots, attach: (r: typeof run) => (run = r), replace() {} } as unknown as Pool;
}

const items = (names: string[]): FileItem[] => names.map((name, index) => ({ index, name }));

describe("runBatch over a pool", () => {
  it("a file whose worker fails is the only one failed; later answers go to their own files, in input order", async () => {
    const names = Array.from({ length: 40 }, (_, i) => (i === 5 || i === 17 ? `boom-${i}` : `file-${i}`));
    for (const reorder of [(x: FileItem[]) => x, (x: FileItem[]) => x.reverse()]) {
      const got: FileOutcome[] = [];
      await runBatch(items(names), options, fakePool(2, reorder), 3, 0, (o) => got.push(o), failed);
      expect(got.map((o) => o.index)).toEqual(names.map((_, i) => i));
      expect(got.map((o) => [o.name, o.status])).toEqual(names.map((n) => [n, n.startsWith("boom") ? "failed" : "read"]));
      expect(got[5]).toMatchObject({ reasonCode: "WORKER", reason: "cannot run boom-5" });
    }
  });
});

describe("poolSize: worker threads never slower than one thread", () => {
  it("keeps small batches, one core and --jobs 1 on this thread; on two cores one worker under 6,000 files", () => {
    expect(poolSize(40, 1000, undefined, false, 8)).toBe(0);
    expect(poolSize(5000, 50 << 20, undefined, false, 1)).toBe(0);
    expect(poolSize(1000, 9 << 20, 1, false, 8)).toBe(0);
    // one worker, not this thread: the default time limit and the worker's heap cap still hold
    expect(poolSize(3000, 30 << 20, undefined, false, 2)).toBe(1);
    expect(poolSize(3000, 30 << 20, 2, false, 2)).toBe(1);
    expect(poolSize(10_000, 90 << 20, undefined, false, 2)).toBe(2);
  });
  it("uses the cores (or --jobs, at most) on a larger machine, one worker per ~24 files", () => {
    expect(poolSize(1000, 9 << 20, undefined, false, 8)).toBe(8);
    expect(poolSize(1000, 9 << 20, 3, false, 8)).toBe(3);
    expect(poolSize(60, 1 << 20, undefined, false, 8)).toBe(3);
    // a few large files (PDFs): worth two workers
    expect(poolSize(30, 40 << 20, undefined, false, 8)).toBe(2);
  });
  it("gives a batch with a time limit at least one worker, whatever its size (only a worker can be stopped)", () => {
    expect(poolSize(2, 100, undefined, true, 2)).toBe(1);
    expect(poolSize(3000, 30 << 20, 1, true, 2)).toBe(1);
    expect(poolSize(100, 1 << 20, undefined, true, 8)).toBe(5);
  });
});
