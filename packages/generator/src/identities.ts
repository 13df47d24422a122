import { type Edition, type Identity, identitiesOf, type Report, type RuleId, type Term } from "@gov-disclosure/core";

/** Cells as the generator builds them: a count, a decimal string for money, or null. */
export type CellMap = Record<string, number | string | null>;

/** The identities of one rule of core's catalogue for an edition or a report (cross-year ones included). */
export function identitiesFor(of: Edition | Report, rule: RuleId): readonly Identity[] {
  const key = typeof of === "string" && of !== "local" ? `${of}:${rule}` : undefined;
  const hit = key ? CACHE.get(key) : undefined;
  if (hit) return hit;
  const out = identitiesOf(of, { crossYear: true })
    .filter((x) => x.rule === rule)
    .map((x) => x.identity);
  if (key) CACHE.set(key, out);
  return out;
}
const CACHE = new Map<string, readonly Identity[]>();

/** The identity of `rule` whose key is `key` (a column or row id), or throws: core's catalogue is the only source. */
export function identityFor(of: Edition | Report, rule: RuleId, key: string): Identity {
  const hit = identitiesFor(of, rule).find((i) => i.key === key);
  if (!hit) throw new Error(`core has no ${rule} identity keyed ${key} for ${typeof of === "string" ? of : of.edition}`);
  return hit;
}

/** The single cell on the left of an identity, when it has exactly one term (a total). */
export const soleLhs = (i: Identity): string | undefined => (i.lhs.length === 1 && !i.lhs[0]?.prev ? i.lhs[0]?.cell : undefined);

/** Every cell an identity reads (this year's only). */
export const cellsIn = (i: Identity): string[] => [...i.lhs, ...i.rhs].filter((t) => !t.prev).map((t) => t.cell);

const termValue = (t: Term, cells: Readonly<CellMap>, prev: Readonly<CellMap>): number | undefined => {
  const v = t.prev ? prev[t.cell] : cells[t.cell];
  return typeof v === "number" ? v : undefined;
};

/**
 * Fills, for every `eq` identity with exactly one cell not yet set, that cell so the identity holds; repeats until
 * nothing changes. `prev` holds the previous year's cells for the cross-year identities.
 */
export function solve(cells: CellMap, identities: readonly Identity[], prev: Readonly<CellMap> = {}): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of identities) {
      if (i.rel !== "eq") continue;
      // Σ side·sign·value = 0 over all terms (side +1 left, −1 right; sign −1 for a subtracted term).
      let unknown: Term | undefined;
      let unknownFactor = 0;
      let count = 0;
      let rest = 0;
      for (const [terms, side] of [
        [i.lhs, 1],
        [i.rhs, -1],
      ] as const) {
        for (const t of terms) {
          const v = termValue(t, cells, prev);
          const factor = side * (t.neg ? -1 : 1);
          if (v === undefined) {
            count++;
            unknown = t;
            unknownFactor = factor;
          } else rest += factor * v;
        }
      }
      if (count !== 1 || !unknown || unknown.prev || cells[unknown.cell] !== undefined) continue;
      cells[unknown.cell] = -rest / unknownFactor;
      changed = true;
    }
  }
}

/** Σ lhs − Σ rhs of an identity over numeric cells (blank and text count as 0); for `ge-max`, lhs − max(rhs). */
export function imbalance(i: Identity, num: (cell: string) => number): number {
  const sum = (ts: readonly Term[]) => ts.reduce((a, t) => a + (t.neg ? -1 : 1) * (t.prev ? 0 : num(t.cell)), 0);
  if (i.rel === "ge-max") return num(i.lhs[0]?.cell ?? "") - Math.max(...i.rhs.map((t) => num(t.cell)));
  return sum(i.lhs) - sum(i.rhs);
}

/** True when the identity holds for the figures. */
export function holds(i: Identity, num: (cell: string) => number): boolean {
  const d = imbalance(i, num);
  return i.rel === "eq" ? d === 0 : i.rel === "le" ? d <= 0 : d >= 0;
}

/**
 * Adds `delta` to `cell` and carries the change through the `eq` identities so that each still holds: an identity
 * thrown off balance is mended on the first cell not yet changed on the other side (or, failing that, on its own
 * side). The changed cells and their deltas are returned; `add` applies each change.
 */
export function propagate(identities: readonly Identity[], cell: string, delta: number, add: (cell: string, delta: number) => void): Map<string, number> {
  const changed = new Map<string, number>([[cell, delta]]);
  add(cell, delta);
  const queue = [cell];
  const eqs = identities.filter((i) => i.rel === "eq");
  while (queue.length) {
    const at = queue.shift() as string;
    for (const i of eqs) {
      const inLhs = i.lhs.some((t) => t.cell === at && !t.prev);
      const inRhs = i.rhs.some((t) => t.cell === at && !t.prev);
      if (!inLhs && !inRhs) continue;
      const d = imbalance(i, (c) => changed.get(c) ?? 0);
      if (d === 0) continue;
      const [other, same] = inLhs ? [i.rhs, i.lhs] : [i.lhs, i.rhs];
      const pick = [...other, ...same].find((t) => !t.prev && !changed.has(t.cell));
      if (!pick) continue;
      // d = Σ lhs − Σ rhs: a left term must move by −d, a right term by +d (a subtracted term the other way).
      const step = (i.lhs.includes(pick) ? -d : d) * (pick.neg ? -1 : 1);
      changed.set(pick.cell, step);
      add(pick.cell, step);
      queue.push(pick.cell);
    }
  }
  return changed;
}
