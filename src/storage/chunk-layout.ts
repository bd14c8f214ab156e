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
