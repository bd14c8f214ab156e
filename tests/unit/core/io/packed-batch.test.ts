import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BuiltBatch } from '../../../../src/core/io/built-batches'
import type { RecordRow, StageEvent } from '../../../../src/core/schema/types'
import { packBatch, PACKED_EVENTS_MAX, unpackBatch } from '../../../../src/core/io/packed-batch'
import { encodeEventChunk } from '../../../../src/core/events/stored-chunk'
import { takeKnownChunk } from '../../../../src/core/storage/known-chunks'
import { encodeRecordChunk } from '../../../../src/core/storage/record-chunk'
import { change, record, stageEvent } from '../../../fixtures/storage'

/**
 * A value's text with its keys in order and -0, NaN and undefined told apart (numbers as
 * numbers: a chunk's number columns give doubles where the worker had small integers, as any
 * read of a stored chunk does; V8's serializer writes those differently, JSON does not).
 */
const text = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => {
  if (x === undefined) return '<undefined>'
  if (typeof x === 'number' && (Object.is(x, -0) || Number.isNaN(x) || !Number.isFinite(x))) return `<${Object.is(x, -0) ? '-0' : String(x)}>`
  if (ArrayBuffer.isView(x)) return { [x.constructor.name]: Array.from(x as unknown as ArrayLike<number>).map(n => (Object.is(n, -0) ? '<-0>' : Number.isNaN(n) ? '<NaN>' : n)) }
  return x
})

const few = <T>(...values: T[]) => fc.constantFrom(...values)
const value = fc.oneof(
  few('opt_a', 'opt_b', '2025-01-15', '', '长青 CRM'),
  fc.string({ maxLength: 8 }),
  fc.double(),
  few(0, -0, Number.NaN),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(few('x', 'y'), { maxLength: 2 }),
)
const values = fc.array(fc.tuple(few('f_title', 'f_stage', 'f_amount', 'f_owner', '10'), value), { maxLength: 5 })
  .map(entries => Object.fromEntries(entries) as Record<string, unknown>)
/** Import batches: new records with values of every kind, their stage events (some with an extra key) and change entries. */
const batch = fc.record({
  rows: fc.array(values, { minLength: 1, maxLength: 30 }),
  oddEvent: fc.boolean(),
  at: fc.integer({ min: 0, max: 2e12 }),
}).map(({ rows, oddEvent, at }): BuiltBatch => {
  const put = rows.map((v, i) => ({ ...record(`imp.${i + 2}`), values: v }))
  const events = put.map((r, i): StageEvent => {
    const e = stageEvent(`e${i}`, r.id, i % 2 ? 's2' : 's1', at + i)
    return oddEvent && i === 0 ? { ...e, from: 's0', note: 'kept' } as StageEvent : e
  })
  return { index: 0, total: 1, size: put.length, stageDateIssues: 0, tx: { records: { deals: { put } }, stageEvents: events, changes: put.map((r, i) => change(`c${i}`, r.id, at)) } }
})

/** Posted from the worker to the page (a structured clone), then made into objects again. */
const posted = (b: BuiltBatch): BuiltBatch => unpackBatch(structuredClone(packBatch(b)))

describe('import batches posted as stored chunks (packBatch / unpackBatch)', () => {
  it('should give the page the same transaction byte for byte, and the very chunks the adapter would have encoded from it', () => {
    fc.assert(fc.property(batch, (b) => {
      const page = posted(b)
      expect(text(page)).toBe(text(b))
      const put = page.tx.records!.deals!.put!
      const events = page.tx.stageEvents!
      expect(put.every(r => Object.isFrozen(r) && Object.isFrozen(r.values))).toBe(true)
      expect(events.every(e => Object.isFrozen(e))).toBe(true)
      // what the adapter stores as it came is what it would have encoded from these records and events
      expect(text(takeKnownChunk(put))).toBe(text(encodeRecordChunk(put)))
      expect(text(takeKnownChunk(events))).toBe(text(encodeEventChunk(events)))
      // taken once
      expect(takeKnownChunk(put)).toBeUndefined()
    }), { numRuns: 300 })
  })

  it('should remember a chunk only for the same objects in the same order', () => {
    const b = fc.sample(batch, { numRuns: 1, seed: 7 })[0]!
    const page = posted(b)
    const put = page.tx.records!.deals!.put!
    const copy: RecordRow[] = [...put.slice(0, -1), Object.freeze({ ...put.at(-1)!, values: Object.freeze({ f_title: 'edited' }) })]
    expect(takeKnownChunk(copy)).toBeUndefined()
    const again = posted(b).tx.records!.deals!.put!
    expect(takeKnownChunk(again.slice(0, -1))).toBeUndefined()
  })

  it('should post as objects what the page could not store as one chunk of its own', () => {
    const rows = [record('imp.2'), record('imp.3')]
    const base: BuiltBatch = { index: 0, total: 1, size: 2, stageDateIssues: 0, tx: { records: { deals: { put: rows } } } }
    // events of two forms, or more than one chunk holds: the records are packed, the events are not
    const mixed = { ...base, tx: { ...base.tx, stageEvents: [stageEvent('e1', 'imp.2', 's1', 1), stageEvent('e2', 'x', 's1', 1, 'leads')] } }
    expect(packBatch(mixed).packed).toMatchObject({ formId: 'deals', records: { format: 'record-columns-1' } })
    expect(packBatch(mixed).packed?.events).toBeUndefined()
    const many = { ...base, tx: { ...base.tx, stageEvents: Array.from({ length: PACKED_EVENTS_MAX + 1 }, (_, i) => stageEvent(`e${i}`, 'imp.2', 's1', i)) } }
    expect(packBatch(many).packed?.events).toBeUndefined()
    expect(text(posted(many))).toBe(text(many))
    // a record that is not a plain object with plain values is stored as it is: not packed
    const odd = { ...base, tx: { records: { deals: { put: [{ ...record('imp.2'), values: [1] as unknown as RecordRow['values'] }] } } } }
    expect(packBatch(odd)).toBe(odd)
    // anything but puts of one form
    const two = { ...base, tx: { records: { deals: { put: rows }, leads: { put: [record('l1')] } } } }
    expect(packBatch(two)).toBe(two)
  })
})
