/**
 * A small seeded pseudo-random generator (sfc32) for deterministic demo data.
 * Never Math.random: the same seed must give the same workspace on every machine.
 */

/** A seeded random source with the few distributions the demo generator needs. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next: () => number
  /** Uniform integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number
  /** Uniform float in [min, max). */
  range: (min: number, max: number) => number
  /** True with probability p. */
  chance: (p: number) => boolean
  /** One element of a non-empty array, uniformly. */
  pick: <T>(items: readonly T[]) => T
  /** One element, chosen with probability proportional to its weight. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T
  /** Standard normal sample (Box–Muller). */
  normal: () => number
  /** Log-normal sample with the given median and log-space standard deviation. */
  logNormal: (median: number, sigma: number) => number
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** Mixes a seed into 32 bits (splitmix32), so nearby seeds give unrelated streams. */
export function mixSeed(seed: number, salt = 0): number {
  let z = (Math.trunc(seed) + Math.imul(salt + 1, 0x9E3779B9)) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85EBCA6B)
  z = Math.imul(z ^ (z >>> 13), 0xC2B2AE35)
  return (z ^ (z >>> 16)) >>> 0
}

/** A new generator for `seed`; `salt` derives independent streams from one seed. */
export function createRng(seed: number, salt = 0): Rng {
  const raw = sfc32(mixSeed(seed, salt), mixSeed(seed, salt + 1), mixSeed(seed, salt + 2), mixSeed(seed, salt + 3))
  for (let i = 0; i < 12; i++) raw()
  const next = raw
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let total = 0
    for (const [, w] of items) total += w
    let r = next() * total
    for (const [item, w] of items) {
      r -= w
      if (r < 0) return item
    }
    const last = items[items.length - 1]
    if (last === undefined) throw new Error('weighted pick from an empty list')
    return last[0]
  }
  const normal = (): number => {
    const u = 1 - next()
    const v = next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    range: (min, max) => min + next() * (max - min),
    chance: p => next() < p,
    pick,
    weighted,
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
  }
}
