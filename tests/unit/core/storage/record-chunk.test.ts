import { serialize } from 'node:v8'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChunkRecord } from '../../../../src/core/storage/record-chunk'
import { decodeRecordChunk, encodeRecordChunk, isStoredRecordChunk } from '../../../../src/core/storage/record-chunk'

/** What IndexedDB keeps of a value, byte for byte (V8's serializer is what Chromium stores: key order, -0, undefined, types). */
const bytes = (v: unknown): string => serialize(structuredClone(v)).toString('hex')

/** Stored (through a structured clone, as IndexedDB does) and read back. */
function roundTrip(rows: ChunkRecord[]): ChunkRecord[] {
  const stored = structuredClone(encodeRecordChunk(rows))
  return isStoredRecordChunk(stored) ? decodeRecordChunk(stored) : stored
}

const few = <T>(...values: T[]) => fc.constantFrom(...values)
const value = fc.oneof(
  few('opt_a', 'opt_b', 'demo_rep_1', '2025-01-15', '', '长青 CRM'),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
  few(0, -0, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(few('x', 'y', 'z'), { maxLength: 3 }),
  fc.record({ name: fc.string({ maxLength: 4 }), size: fc.nat() }),
)
// Keys drawn from a small set so records share some and differ in others, in varying orders.
const valuesObject = fc.array(fc.tuple(few('f_title', 'f_stage', 'f_amount', 'f_owner', '10', '2', 'values', 'id', 'constructor'), value), { maxLength: 8 })
  .map(entries => Object.fromEntries(entries) as Record<string, unknown>)
const record = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  values: valuesObject,
  extra: fc.array(fc.tuple(few('createdAt', 'updatedAt', 'rev', 'createdBy', 'deletedAt', '7'), value), { maxLength: 4 }),
  valuesFirst: fc.boolean(),
}).map(({ id, values, extra, valuesFirst }) => {
  const rest = Object.fromEntries(extra)
  return (valuesFirst ? { values, id, ...rest } : { id, ...rest, values }) as ChunkRecord
})

describe('record chunks as columns (storage layout 3)', () => {
  it('should give back the same records, keys in the same order, byte for byte as stored', () => {
    fc.assert(fc.property(fc.array(record, { maxLength: 60 }), (rows) => {
      expect(bytes(roundTrip(rows))).toBe(bytes(rows))
    }), { numRuns: 400 })
  })

  it('should store repeated strings once per chunk and numbers as one typed array', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, values: { f_stage: `s${i % 3}`, f_title: `deal ${i}`, f_amount: i * 10, f_maybe: i % 2 ? 'x' : null }, createdAt: i }))
    const chunk = encodeRecordChunk(rows)
    if (!isStoredRecordChunk(chunk)) throw new Error('not encoded')
    const byKey = new Map(chunk.columns.map(c => [c.key, c]))
    expect(byKey.get('f_stage')).toMatchObject({ kind: 'dict', names: ['s0', 's1', 's2'] })
    expect(byKey.get('f_maybe')).toMatchObject({ kind: 'dict', names: [null, 'x'] })
    expect(byKey.get('f_title')?.kind).toBe('any')
    expect(byKey.get('f_amount')?.kind).toBe('num')
    expect(byKey.get('createdAt')?.kind).toBe('num')
    expect(chunk.shapes).toHaveLength(1)
    // One string per distinct value: the records read share it (through the read's pool).
    const pool = new Map<string, string>()
    const read = decodeRecordChunk(structuredClone(chunk), s => pool.get(s) ?? (pool.set(s, s), s))
    expect(read).toEqual(rows)
    expect(pool.size).toBe(4)
  })

  it('should keep rows it cannot make again as the array they are', () => {
    const proto = [{ id: 'a', values: { ['__proto__']: 1 } }]
    Object.defineProperty(proto[0]!.values, '__proto__', { value: 1, enumerable: true })
    expect(encodeRecordChunk(proto)).toBe(proto)
    const odd = [{ id: 'a', values: new Map() as unknown as Record<string, unknown> }]
    expect(encodeRecordChunk(odd)).toBe(odd)
    expect(bytes(roundTrip(proto))).toBe(bytes(proto))
  })
})
