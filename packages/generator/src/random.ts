/** A small seeded pseudo-random generator (mulberry32): deterministic per seed, no `Math.random`. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** An integer in [min, max] drawn log-uniformly: small values as likely per decade as large ones. */
  logInt(min: number, max: number): number {
    if (max <= min) return min;
    const lo = Math.log(min + 1);
    const hi = Math.log(max + 1);
    return Math.min(max, Math.max(min, Math.round(Math.exp(this.float(lo, hi)) - 1)));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn with the given non-negative weights (not all zero). */
  weighted(weights: readonly number[]): number {
    const sum = weights.reduce((a, b) => a + b, 0);
    let x = this.next() * sum;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** Splits `n` into parts drawn with the given weights; the parts always add up to `n`. */
  split(n: number, weights: readonly number[]): number[] {
    const out = weights.map(() => 0);
    if (n <= 0 || weights.every((w) => w <= 0)) {
      if (n > 0) out[0] = n;
      return out;
    }
    if (n <= 400) {
      for (let i = 0; i < n; i++) {
        const k = this.weighted(weights);
        out[k] = (out[k] as number) + 1;
      }
      return out;
    }
    // Large n: proportional shares with a little noise, the remainder to the heaviest part.
    const sum = weights.reduce((a, b) => a + b, 0);
    let used = 0;
    let heaviest = 0;
    weights.forEach((w, i) => {
      if (w > (weights[heaviest] as number)) heaviest = i;
      const share = w <= 0 ? 0 : Math.floor((n * w * this.float(0.9, 1.1)) / sum);
      out[i] = share;
      used += share;
    });
    while (used > n) {
      const i = out.findIndex((v) => v > 0);
      out[i] = (out[i] as number) - 1;
      used--;
    }
    out[heaviest] = (out[heaviest] as number) + (n - used);
    return out;
  }

  /** A new generator whose stream depends on this one's seed and the label, for independent sub-streams. */
  fork(label: string): Rng {
    return new Rng(hashSeed(`${this.state}:${label}`));
  }
}

/** A 32-bit hash of a string (FNV-1a), to derive seeds. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
