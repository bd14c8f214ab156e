/** A form's rows as a write sees them: rows changed so far in the write laid over the stored ones. */
import type { RecordRow } from '../schema/types'

export class LayeredRows implements ReadonlyMap<string, RecordRow> {
  constructor(private readonly top: ReadonlyMap<string, RecordRow>, private readonly base: ReadonlyMap<string, RecordRow>) {}

  get(id: string): RecordRow | undefined {
    return this.top.get(id) ?? this.base.get(id)
  }

  has(id: string): boolean {
    return this.top.has(id) || this.base.has(id)
  }

  get size(): number {
    let n = this.base.size
    for (const id of this.top.keys()) if (!this.base.has(id)) n++
    return n
  }

  * entries(): MapIterator<[string, RecordRow]> {
    for (const [id, row] of this.base) yield [id, this.top.get(id) ?? row]
    for (const [id, row] of this.top) if (!this.base.has(id)) yield [id, row]
  }

  * keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id
  }

  * values(): MapIterator<RecordRow> {
    for (const [, row] of this.entries()) yield row
  }

  [Symbol.iterator](): MapIterator<[string, RecordRow]> {
    return this.entries()
  }

  forEach(fn: (value: RecordRow, key: string, map: ReadonlyMap<string, RecordRow>) => void): void {
    for (const [id, row] of this.entries()) fn(row, id, this)
  }
}
