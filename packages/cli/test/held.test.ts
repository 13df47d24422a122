import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSeries, toFlattenedText } from "@gov-disclosure/generator";
import { afterEach, describe, expect, it } from "vitest";
import { runInputs } from "../src/batch";
import { HeldReports } from "../src/held";
import { Progress } from "../src/progress";
import type { FileOutcome } from "../src/tasks";

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const ours = () => readdirSync(tmpdir()).filter((d) => d.startsWith("gov-disclosure-"));

describe("HeldReports: the reports a paired batch holds between its passes", () => {
  const before = new Set(ours());
  const saved = process.env.TMPDIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  it("holds in memory up to its budget and the rest in a temporary file that is unlinked at once, and gives every report back", () => {
    const held = new HeldReports(1000);
    const sent = Array.from({ length: 20 }, (_, i) => bytes(100 + i * 7, i));
    for (const [i, b] of sent.entries()) held.set(i, b);
    expect(held.spilled).toBe(true);
    // nothing is left in the temporary directory, even before close(): however the process ends, no file stays behind
    expect(ours().filter((d) => !before.has(d))).toEqual([]);
    // read back in another order, some twice, after letting some go
    held.delete(3);
    expect(held.get(3)).toBeUndefined();
    for (const i of [19, 0, 7, 7, 12, 1]) expect(held.get(i)).toEqual(sent[i]);
    // memory freed by a delete takes the next report again
    held.delete(0);
    held.set(20, bytes(50, 99));
    expect(held.get(20)).toEqual(bytes(50, 99));
    held.close();
  });

  it("keeps everything in memory when no temporary file can be written", () => {
    process.env.TMPDIR = "/nonexistent/gov-disclosure-test";
    const held = new HeldReports(10);
    for (let i = 0; i < 5; i++) held.set(i, bytes(40, i));
    expect(held.spilled).toBe(false);
    for (let i = 0; i < 5; i++) expect(held.get(i)).toEqual(bytes(40, i));
    held.close();
  });
});

describe("a paired batch whose held reports go to the temporary file", () => {
  it("validates every year against the year before exactly as when they are held in memory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gd-held-"));
    try {
      // 4 bodies × 3 years, glued text: the cross-year rules need last year's report, read back from the file
      for (let s = 0; s < 4; s++)
        for (const [i, r] of generateSeries({ seed: 300 + s, edition: "gen2021", years: 3 }).entries())
          writeFileSync(join(dir, `b${s}-${i}.txt`), toFlattenedText(r, { style: "glued" }));
      const inputs = readdirSync(dir)
        .sort()
        .map((name) => ({ name, path: join(dir, name), fromFolder: true, size: statSync(join(dir, name)).size }));
      const options = { mode: "validate", locale: "en", render: "ndjson", color: false, verbose: false, failOn: "error", keepReport: false } as const;
      const runWith = async (holdInMemory?: number) => {
        const out: FileOutcome[] = [];
        const plan = {
          options,
          timeoutMs: 0,
          timeoutGiven: false,
          pair: true,
          progress: new Progress(0, "", () => "", false),
          ...(holdInMemory !== undefined ? { holdInMemory } : {}),
        };
        await runInputs(inputs, plan, (o) => out.push(o));
        return out;
      };
      const spilled = await runWith(1);
      const held = await runWith();
      expect(spilled.map((o) => o.status)).toEqual(inputs.map(() => "read"));
      // every year but each body's first was checked against the one before it
      expect(spilled.filter((o) => o.previous).length).toBe(8);
      expect(spilled).toEqual(held);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
