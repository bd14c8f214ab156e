/**
 * zrender's LRU cache (zrender/lib/core/LRU.js, 6.1) with the same behaviour on a Map.
 * The original keys a plain object by the text it measures, and a text that is exactly
 * `__proto__` or `constructor` finds `Object.prototype` or a function there and links it into
 * the cache's list, adding `prev` / `next` to every object of the page. The chart text shield
 * (chart-text.ts) cannot cover it alone: wrapping and truncation measure words and prefixes
 * of a label (`{{constructor.constructor(…)}}`, `constructor⁠: 33%`), never the whole label.
 * tools/safe-lru-plugin.ts puts this module in place of zrender's for every importer.
 */
export default class LRU<T> {
  private readonly map = new Map<string, T>()

  constructor(private readonly maxSize: number) {}

  /** Adds `value` under `key` unless the key is held; returns the entry evicted for it, if any. */
  put(key: string | number, value: T): T | null {
    const k = String(key)
    if (this.map.get(k) != null) return null
    let removed: T | null = null
    if (this.map.size >= this.maxSize && this.map.size > 0) {
      const [oldest, v] = this.map.entries().next().value as [string, T]
      this.map.delete(oldest)
      removed = v
    }
    this.map.delete(k)
    this.map.set(k, value)
    return removed
  }

  /** The value under `key`, marked as the most recently used. */
  get(key: string | number): T | undefined {
    const k = String(key)
    const v = this.map.get(k)
    if (v == null) return undefined
    this.map.delete(k)
    this.map.set(k, v)
    return v
  }

  clear(): void {
    this.map.clear()
  }

  len(): number {
    return this.map.size
  }
}
