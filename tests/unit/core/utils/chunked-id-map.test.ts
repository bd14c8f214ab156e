import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ChunkedIdMap } from '@/core/utils/chunked-id-map'

interface Row { id: string, v: number }

type Op
  = | { kind: 'add', rows: Row[] }
    | { kind: 'indexSome', after: number }
    | { kind: 'get' | 'has' | 'delete', id: string }
    | { kind: 'set', row: Row }
    | { kind: 'clear' | 'size' | 'list' | 'forEach' }

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g')
const row = fc.record({ id, v: fc.integer() })
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), rows: fc.array(row, { maxLength: 6 }) }) },
  fc.record({ kind: fc.constant('indexSome' as const), after: fc.nat(3) }),
  fc.record({ kind: fc.constantFrom('get' as const, 'has' as const, 'delete' as const), id }),
  fc.record({ kind: fc.constant('set' as const), row }),
  fc.record({ kind: fc.constantFrom('clear' as const, 'size' as const, 'list' as const, 'forEach' as const) }),
)

/** Runs `op` on a Map and returns what a caller would see. */
function run(map: Map<string, Row>, o: Op): unknown {
  switch (o.kind) {
    case 'add':
      if (map instanceof ChunkedIdMap) map.addRows(o.rows)
      else for (const r of o.rows) map.set(r.id, r)
      return undefined
    case 'indexSome': {
      let calls = 0
      if (map instanceof ChunkedIdMap) map.indexSome(() => calls++ >= o.after)
      return undefined
    }
    case 'get': return map.get(o.id)
    case 'has': return map.has(o.id)
    case 'delete': return map.delete(o.id)
    case 'set': return map.set(o.row.id, o.row) === map
    case 'clear': return map.clear()
    case 'size': return map.size
    case 'list': return [[...map], [...map.keys()], [...map.values()], [...map.entries()]]
    case 'forEach': {
      const seen: [string, Row][] = []
      map.forEach((v, k) => seen.push([k, v]))
      return seen
    }
  }
}

describe('ChunkedIdMap', () => {
  it('should behave as a Map that set every added row in order, whatever is indexed when', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const plain = new Map<string, Row>()
      const chunked = new ChunkedIdMap<Row>()
      for (const o of ops) expect(run(chunked, o)).toEqual(run(plain, o))
      expect([...chunked]).toEqual([...plain])
    }), { numRuns: 500 })
  })

  it('should index rows only when asked or first used', () => {
    const map = new ChunkedIdMap<Row>()
    map.addRows([{ id: 'a', v: 1 }, { id: 'b', v: 2 }])
    expect(map.indexing).toBe(true)
    expect(map.get('b')).toEqual({ id: 'b', v: 2 })
    expect(map.indexing).toBe(false)
  })

  it('should index in slices, stopping when told, until none are left', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, v: i }))
    const map = new ChunkedIdMap<Row>()
    map.addRows(rows.slice(0, 5000))
    map.addRows(rows.slice(5000))
    let slices = 0
    while (!map.indexSome(() => true)) slices++
    // 4096 rows per check: 5000 = 4096 + 904, 5000 = 4096 + 904.
    expect(slices).toBe(3)
    expect(map.indexing).toBe(false)
    expect([...map.keys()]).toEqual(rows.map(r => r.id))
  })
})
