// Reads a V8 .cpuprofile (from `node --cpu-prof`) and names the hot functions: self time, and inclusive time of
// the workspace's own functions (recursion counted once per stack).
import { readFileSync } from "node:fs";
import { basename } from "node:path";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly hitCount?: number;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
}

/** One function's share of the samples. */
export interface HotFunction {
  readonly name: string;
  readonly where: string;
  readonly percent: number;
}

const where = (url: string) => {
  if (!url) return "(native)";
  const m = /(packages|tools)\/([^/]+)\/src\/(.+)$/.exec(url.replace(/^file:\/\//, ""));
  if (m) return `${m[2]}/${m[3]}`;
  const nm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `${nm[1]} (dependency)`;
  if (url.startsWith("node:")) return url;
  return basename(url);
};

const keyOf = (f: CallFrame) => `${f.functionName || "(anonymous)"}\u0000${where(f.url)}`;

/** Top functions by self time, and top workspace functions by inclusive time. */
export function summariseProfile(file: string, top = 12): { self: HotFunction[]; inclusive: HotFunction[]; totalSamples: number } {
  const p = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const h = n.hitCount ?? 0;
    total += h;
    if (["(idle)", "(program)", "(root)"].includes(n.callFrame.functionName)) continue;
    self.set(keyOf(n.callFrame), (self.get(keyOf(n.callFrame)) ?? 0) + h);
  }
  const inclusive = new Map<string, number>();
  const subtree = new Map<number, number>();
  const sum = (id: number): number => {
    const cached = subtree.get(id);
    if (cached !== undefined) return cached;
    const n = byId.get(id);
    if (!n) return 0;
    let s = n.hitCount ?? 0;
    for (const c of n.children ?? []) s += sum(c);
    subtree.set(id, s);
    return s;
  };
  const root = p.nodes[0];
  if (root) sum(root.id);
  // Walk iteratively; each function counts a subtree once per stack even if it recurses.
  const stack: { id: number; onStack: Set<string> }[] = root ? [{ id: root.id, onStack: new Set() }] : [];
  while (stack.length) {
    const { id, onStack } = stack.pop() as { id: number; onStack: Set<string> };
    const n = byId.get(id);
    if (!n) continue;
    const k = keyOf(n.callFrame);
    let next = onStack;
    if (!onStack.has(k)) {
      inclusive.set(k, (inclusive.get(k) ?? 0) + (subtree.get(id) ?? 0));
      next = new Set(onStack).add(k);
    }
    for (const c of n.children ?? []) stack.push({ id: c, onStack: next });
  }
  const rows = (m: Map<string, number>, filter: (w: string) => boolean) =>
    [...m]
      .map(([k, v]) => {
        const [name = "", w = ""] = k.split("\u0000");
        return { name, where: w, percent: (100 * v) / Math.max(1, total) };
      })
      .filter((r) => filter(r.where))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, top);
  const ours = (w: string) => /^(core|import|render|generator)\//.test(w) && !w.startsWith("generator/") && !w.startsWith("bench/");
  return { self: rows(self, () => true), inclusive: rows(inclusive, ours), totalSamples: total };
}

/** Who owns a sample: the PDF reader's parts, the rest of the importer, core, PDF.js, the garbage collector, other. */
export type ProfileOwner = "PDF.js (pdfjs-dist)" | "import: PDF layout (pdf/*)" | "import: analyse (the rest)" | "core" | "garbage collection" | "other";

/** Self time per owner, as shares of the samples spent outside idle (percent, largest first). */
export function ownerShares(file: string): { owner: ProfileOwner; percent: number }[] {
  const p = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const by = new Map<ProfileOwner, number>();
  let total = 0;
  for (const n of p.nodes) {
    const h = n.hitCount ?? 0;
    if (!h || ["(idle)", "(root)"].includes(n.callFrame.functionName)) continue;
    total += h;
    const w = where(n.callFrame.url);
    const owner: ProfileOwner =
      n.callFrame.functionName === "(garbage collector)"
        ? "garbage collection"
        : w.startsWith("pdfjs-dist")
          ? "PDF.js (pdfjs-dist)"
          : w.startsWith("import/pdf/")
            ? "import: PDF layout (pdf/*)"
            : w.startsWith("import/")
              ? "import: analyse (the rest)"
              : w.startsWith("core/")
                ? "core"
                : "other";
    by.set(owner, (by.get(owner) ?? 0) + h);
  }
  return [...by].map(([owner, v]) => ({ owner, percent: (100 * v) / Math.max(1, total) })).sort((a, b) => b.percent - a.percent);
}
