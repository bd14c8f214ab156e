/**
 * Which ids live in which numbered chunk of one collection (a form's records, its recycle
 * bin, its stage events or its change log). New ids go to the last chunk until it holds
 * `chunkSize` ids, then to a new chunk, so reading the chunks in number order gives
 * insertion order. Updates stay in place; removed ids leave a gap (chunks are never
 * refilled, which would break the order), and an emptied chunk is dropped.
 */
export class ChunkLayout {
  private readonly chunks = new Map<number, string[]>()
  /** id -> chunk number; built on the first change, so opening a large form does not pay for it. */
  private index: Map<string, number> | undefined
  private last = -1
  /** Chunks whose stored value no longer matches the ids assigned to them. */
  readonly dirty = new Set<number>()

  constructor(readonly chunkSize: number) {}

  /** Registers a chunk read from storage (call in ascending chunk order); takes ownership of `ids`. */
  addLoaded(n: number, ids: string[]): void {
    this.chunks.set(n, ids)
    this.index?.clear()
    this.index = undefined
    this.last = Math.max(this.last, n)
  }

  private get where(): Map<string, number> {
    if (!this.index) {
      this.index = new Map()
      for (const [n, ids] of this.chunks) for (const id of ids) this.index.set(id, n)
    }
    return this.index
  }

  /**
   * Appends ids new to the collection, in order, as `sync(id, true)` places a new id (the last
   * chunk until full, then a new one), without looking each one up first: for the append-only
   * collections (stage events, change log), whose new ids are new by construction. The id index
   * is kept when built, not built for this.
   */
  appendNew(ids: Iterable<string>): void {
    let list = this.chunks.get(this.last)
    for (const id of ids) {
      if (!list || list.length >= this.chunkSize) {
        this.last += 1
        list = []
        this.chunks.set(this.last, list)
      }
      list.push(id)
      this.index?.set(id, this.last)
      this.dirty.add(this.last)
    }
  }

  /** Records that `id` is now present (`true`) or absent (`false`) in the collection. */
  sync(id: string, present: boolean): void {
    const n = this.where.get(id)
    if (present) {
      if (n !== undefined) {
        this.dirty.add(n)
        return
      }
      let ids = this.chunks.get(this.last)
      if (!ids || ids.length >= this.chunkSize) {
        this.last += 1
        ids = []
        this.chunks.set(this.last, ids)
      }
      ids.push(id)
      this.where.set(id, this.last)
      this.dirty.add(this.last)
    }
    else if (n !== undefined) {
      const ids = this.chunks.get(n) ?? []
      ids.splice(ids.indexOf(id), 1)
      this.where.delete(id)
      this.dirty.add(n)
    }
  }

  /**
   * Puts `ids` (new to the collection, each once) into a chunk of their own after the last one
   * and returns its number; undefined, and nothing changed, when one of them is held already.
   * For a batch stored as a chunk made elsewhere (an import batch's): reading in chunk order
   * still gives insertion order, the chunk before may stay short. `fresh`: the caller knows
   * none is held (not checked; the id index, when not built yet, is not built for it).
   */
  appendChunk(ids: readonly string[], fresh = false): number | undefined {
    const n = this.last + 1
    if (fresh) {
      if (this.index) for (const id of ids) this.index.set(id, n)
    }
    else {
      const where = this.where
      const before = where.size
      for (const id of ids) {
        if (where.has(id)) break
        where.set(id, n)
      }
      if (where.size - before !== ids.length) {
        for (const id of ids) if (where.get(id) === n) where.delete(id)
        return undefined
      }
    }
    this.last = n
    this.chunks.set(n, [...ids])
    this.dirty.add(n)
    return n
  }

  /** Ids of chunk `n` in order, or undefined when the chunk is gone. */
  idsOf(n: number): readonly string[] | undefined {
    return this.chunks.get(n)
  }

  /** Forgets an emptied chunk (its stored key is being removed). */
  dropChunk(n: number): void {
    this.chunks.delete(n)
  }

  /** Numbers of the chunks that hold ids, ascending. */
  chunkNumbers(): number[] {
    return [...this.chunks].filter(([, ids]) => ids.length > 0).map(([n]) => n)
  }

  /** Numbers of every chunk, including emptied ones not yet dropped. */
  allChunkNumbers(): number[] {
    return [...this.chunks.keys()]
  }
}
