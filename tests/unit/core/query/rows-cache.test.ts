import { describe, expect, it } from 'vitest'
import type { CachedColumn } from '../../../../src/core/query/rows-cache'
import { openRows } from '../../../../src/core/query/rows-cache'
import type { RecordRow } from '../../../../src/core/schema/types'
import { rowsOf } from '../../../fixtures/query-random'

/** A cached column of each row's title that counts how often it read a record. */
function titles(): CachedColumn & { values: string[], reads: number } {
  const col = {
    values: [] as string[],
    reads: 0,
    resize: (n: number) => { col.values.length = n },
    set: (i: number, r: RecordRow) => { col.reads++; col.values[i] = String(r.values.title) },
    move: (from: number, to: number) => { col.values[to] = col.values[from]! },
  }
  return col
}

const column = (rows: readonly RecordRow[], make: () => CachedColumn = titles) =>
  openRows(rows).columns([{ key: 'title', make }])[0] as ReturnType<typeof titles>

describe('query/rows-cache', () => {
  describe('openRows', () => {
    it('should read each record once, then only the records replaced or added since', () => {
      const rows = rowsOf(['a', 'b', 'c', 'd'].map(title => ({ title })))
      const col = column(rows)
      expect(col.values).toEqual(['a', 'b', 'c', 'd'])
      expect(col.reads).toBe(4)
      rows[1] = { ...rows[1]!, values: { title: 'B' } }
      rows.push(rowsOf([{ title: 'e' }], 'n')[0]!)
      expect(column(rows).values).toEqual(['a', 'B', 'c', 'd', 'e'])
      expect(col.reads).toBe(6)
    })

    it('should keep the rows after a deletion without reading their records again', () => {
      const rows = rowsOf(['a', 'b', 'c', 'd', 'e'].map(title => ({ title })))
      const col = column(rows)
      rows.splice(1, 2)
      expect(column(rows).values).toEqual(['a', 'd', 'e'])
      expect(col.reads).toBe(5)
    })

    it('should keep every column one query asks for, even more than it keeps otherwise', () => {
      const rows = rowsOf([{ title: 'a' }, { title: 'b' }])
      const made = Array.from({ length: 20 }, titles)
      const specs = made.map((col, k) => ({ key: `c${k}`, make: () => col }))
      openRows(rows).columns(specs)
      openRows(rows).columns(specs)
      expect(made.map(c => c.reads)).toEqual(made.map(() => 2))
    })

    it('should keep separate caches for separate arrays of the same records', () => {
      const rows = rowsOf([{ title: 'a' }])
      const other = rows.slice()
      other[0] = { ...rows[0]!, values: { title: 'z' } }
      expect(column(rows).values).toEqual(['a'])
      expect(column(other).values).toEqual(['z'])
      expect(column(rows).values).toEqual(['a'])
    })
  })
})
