import type { StageEvent } from '../schema/types'
import type { StageEventColumns } from './columns'
import { appendColumns, appendColumnsFrom, EMPTY_COLUMNS, eventAt } from './columns'
import type { StoredEventChunk } from './stored-chunk'
import { chunkColumns, encodeColumnsChunk, plainEvent } from './stored-chunk'

/**
 * One form's stage events as storage holds them (`FormData.events`): columns, not an object
 * per event, in insertion order, keyed by event id like the Map it replaces (`has`, `get`,
 * `values`, `size`). Events are only ever appended. Added events wait in a short list until
 * something reads the columns, so a transaction's events are appended in one go. An event
 * that is not a plain `{ id, formId, recordId, fieldId, from, to, at }` object is kept as it
 * came (`values` and `get` give it back exactly; the columns hold it as metrics read it).
 */
export class EventLog {
  private cols: StageEventColumns = EMPTY_COLUMNS
  private pending: StageEvent[] = []
  /**
   * Stored chunks appended but not made into columns yet (`addChunkLater`), and their events.
   * They come before the `pending` events (`addChunkLater` flushes those first): a flush makes
   * the chunks into columns, then the events.
   */
  private later: StoredEventChunk[] = []
  private laterSize = 0
  /** Event id -> position; built on the first `has` or `get` (a replay, a commit's dedupe). */
  private index: Map<string, number> | undefined
  private odd: Map<number, StageEvent> | undefined

  /** Events held. */
  get size(): number {
    return this.cols.length + this.laterSize + this.pending.length
  }

  private flush(): void {
    this.flushLater()
    if (this.pending.length === 0) return
    const base = this.cols.length
    const plain = this.pending.map((e, k) => {
      const p = plainEvent(e)
      if (p !== e) (this.odd ??= new Map()).set(base + k, e)
      return p
    })
    this.pending = []
    this.cols = appendColumns(this.cols, plain)
  }

  /** Makes the chunks appended with `addChunkLater` into columns (one allocation for all of them). */
  private flushLater(): void {
    if (this.later.length === 0) return
    const chunks = this.later
    let reserve = this.laterSize
    this.later = []
    this.laterSize = 0
    for (const chunk of chunks) {
      this.appendChunk(chunk, undefined, reserve)
      reserve -= chunk.ids.length
    }
  }

  private positions(): Map<string, number> {
    if (!this.index) {
      const index = new Map<string, number>()
      const { ids, length } = this.cols
      for (let j = 0; j < length; j++) index.set(ids[j] as string, j)
      let at = length
      for (const chunk of this.later) for (const id of chunk.ids) index.set(id, at++)
      this.pending.forEach((e, k) => index.set(e.id, at + k))
      this.index = index
    }
    return this.index
  }

  has(id: string): boolean {
    return this.positions().has(id)
  }

  /** The event at position `j` (a new object, or the odd event as it came). */
  at(j: number): StageEvent {
    if (j >= this.cols.length) this.flushLater()
    const n = this.cols.length
    if (j >= n) return this.pending[j - n] as StageEvent
    return this.odd?.get(j) ?? eventAt(this.cols, j)
  }

  get(id: string): StageEvent | undefined {
    const j = this.positions().get(id)
    return j === undefined ? undefined : this.at(j)
  }

  /** Appends `event` (callers skip ids already held: `has`). */
  add(event: StageEvent): void {
    this.index?.set(event.id, this.size)
    this.pending.push(event)
  }

  /**
   * Appends a stored chunk's events without an object per event; `ownId` may swap a record id
   * for an equal string already in memory; `reserve`: room to make for the events of chunks
   * that follow (one allocation for a whole form instead of one per doubling).
   */
  addChunk(chunk: StoredEventChunk, ownId?: (recordId: string) => string, reserve = 0): void {
    this.flush()
    this.appendChunk(chunk, ownId, reserve)
  }

  /**
   * Appends a stored chunk's events, made into columns only when something reads them (metrics,
   * a backup, the next append): an import batch's events, which its commit only stores. The
   * chunk must not change afterwards.
   */
  addChunkLater(chunk: StoredEventChunk): void {
    if (this.pending.length > 0) this.flush()
    if (this.index) {
      const base = this.size
      chunk.ids.forEach((id, j) => this.index!.set(id, base + j))
    }
    this.later.push(chunk)
    this.laterSize += chunk.ids.length
  }

  private appendChunk(chunk: StoredEventChunk, ownId: ((recordId: string) => string) | undefined, reserve: number): void {
    const base = this.cols.length
    const cols = chunkColumns(chunk)
    this.cols = appendColumnsFrom(this.cols, ownId ? { ...cols, recordIds: cols.recordIds.map(ownId) } : cols, base + reserve)
    for (const [j, e] of chunk.odd ?? []) (this.odd ??= new Map()).set(base + j, e)
    if (this.index) chunk.ids.forEach((id, j) => this.index!.set(id, base + j))
  }

  /** The stored chunk of the events `ids` (held), in that order: read from the columns, no object per event. */
  chunkOf(ids: readonly string[]): StoredEventChunk {
    this.flush()
    const where = this.positions()
    const at = new Uint32Array(ids.length)
    ids.forEach((id, k) => {
      const j = where.get(id)
      if (j === undefined) throw new Error(`chunkOf: no event ${id}`)
      at[k] = j
    })
    return encodeColumnsChunk(this.cols, at, this.odd)
  }

  /** Every event, in insertion order (new objects; odd events as they came). */
  * values(): IterableIterator<StageEvent> {
    this.flush()
    for (let j = 0; j < this.cols.length; j++) yield this.at(j)
  }

  /** The events as columns (a snapshot: later appends do not change it). */
  columns(): StageEventColumns {
    this.flush()
    return this.cols
  }

  clear(): void {
    this.cols = EMPTY_COLUMNS
    this.pending = []
    this.later = []
    this.laterSize = 0
    this.index = undefined
    this.odd = undefined
  }
}
