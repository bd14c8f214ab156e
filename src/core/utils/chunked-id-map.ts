/**
 * A Map of rows by id that takes whole lists of rows first and indexes them later: on the first
 * use of any Map method, or a part at a time in idle moments (`indexSome`). Opening a form of 1M
 * records spent 0.6-1.3 s (Chromium profile, 7 Dec) hashing ids into the storage cache's and the
 * records store's Maps before the grid could hold its rows, though nothing looks a record up by
 * id until the user edits one. Behaves exactly as a Map holding the rows added so far, in order,
 * a later row of an id replacing the earlier one: every method indexes whatever is still
 * pending first (structuredClone and Map.prototype methods called directly would not: neither is
 * used on these Maps).
 */
export class ChunkedIdMap<V extends { readonly id: string }> extends Map<string, V> {
  /** Lists added and not indexed yet, in order; `next` is the first row of `pending[0]` not indexed. */
  private pending: V[][] | undefined
  private next = 0

  /** Adds `rows` (kept, not copied: the caller does not change the list afterwards) after the entries held. */
  addRows(rows: V[]): void {
    if (rows.length === 0) return
    if (this.pending) this.pending.push(rows)
    else this.pending = [rows]
  }

  /** Whether rows added with `addRows` are still waiting to be indexed. */
  get indexing(): boolean {
    return this.pending !== undefined
  }

  /** Indexes pending rows until `stop()` says so (checked every 4096 rows); returns true once none are left. */
  indexSome(stop: () => boolean): boolean {
    const pending = this.pending
    while (pending && pending.length > 0) {
      const rows = pending[0]!
      const end = Math.min(rows.length, this.next + 4096)
      for (let i = this.next; i < end; i++) super.set(rows[i]!.id, rows[i]!)
      this.next = end
      if (end === rows.length) {
        pending.shift()
        this.next = 0
      }
      if (pending.length > 0 && stop()) return false
    }
    this.pending = undefined
    return true
  }

  /** Indexes every pending row now. */
  indexAll(): void {
    if (this.pending) this.indexSome(() => false)
  }

  override get size(): number {
    this.indexAll()
    return super.size
  }

  override get(key: string): V | undefined {
    if (this.pending) this.indexAll()
    return super.get(key)
  }

  override has(key: string): boolean {
    if (this.pending) this.indexAll()
    return super.has(key)
  }

  override set(key: string, value: V): this {
    if (this.pending) this.indexAll()
    return super.set(key, value)
  }

  override delete(key: string): boolean {
    if (this.pending) this.indexAll()
    return super.delete(key)
  }

  override clear(): void {
    this.pending = undefined
    this.next = 0
    super.clear()
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.indexAll()
    super.forEach(fn, thisArg)
  }

  override keys(): MapIterator<string> {
    this.indexAll()
    return super.keys()
  }

  override values(): MapIterator<V> {
    this.indexAll()
    return super.values()
  }

  override entries(): MapIterator<[string, V]> {
    this.indexAll()
    return super.entries()
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }
}
