import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StageEvent } from '../../../../src/core/schema/types'
import {
  asColumns,
  decodeEventChunk,
  encodeEventChunk,
  EventLog,
  eventsOfColumns,
  isStoredEventChunk,
  plainEvent,
  sortedByTime,
} from '../../../../src/core/events'
import { eventArbOf } from '../../../fixtures/events-arb'

/** Any stage event, any time (NaN and -0 too). */
const plainArb = eventArbOf(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.double({ noNaN: false }), fc.constant(-0)))
/** An event as an older path may have stored it: keys in another order, an extra key, `from` missing. */
const oddArb: fc.Arbitrary<StageEvent> = fc.tuple(plainArb, fc.nat(3)).map(([e, kind]) => {
  if (kind === 0) return { at: e.at, to: e.to, from: e.from, fieldId: e.fieldId, recordId: e.recordId, formId: e.formId, id: e.id }
  if (kind === 1) return { ...e, note: 'kept' }
  const { from: _from, ...rest } = e
  return rest as StageEvent
})
const eventArb = fc.oneof({ arbitrary: plainArb, weight: 5 }, { arbitrary: oddArb, weight: 1 })
/** Unique ids, as storage holds them. */
const eventsArb = fc.uniqueArray(eventArb, { selector: e => e.id, maxLength: 60 })

/** What IndexedDB does to a stored value: a structured clone. */
const stored = <T>(v: T): T => structuredClone(v)

describe('core/events stored chunks', () => {
  it('should give back exactly the events put in (events -> stored chunk -> events), key order and odd keys included', () => {
    fc.assert(fc.property(eventsArb, (events) => {
      const chunk = stored(encodeEventChunk(events))
      expect(isStoredEventChunk(chunk)).toBe(true)
      const back = decodeEventChunk(chunk)
      expect(back).toStrictEqual(events)
      expect(back.map(e => JSON.stringify(e))).toEqual(events.map(e => JSON.stringify(e)))
    }), { numRuns: 300 })
  })

  it('should read stored chunks into columns with no object per event (events -> chunks -> columns -> events)', () => {
    fc.assert(fc.property(eventsArb, fc.array(fc.nat(), { maxLength: 4 }), (events, cuts) => {
      const bounds = [...new Set([0, ...cuts.map(c => c % (events.length + 1)), events.length])].sort((a, b) => a - b)
      const log = new EventLog()
      for (let k = 1; k < bounds.length; k++) log.addChunk(stored(encodeEventChunk(events.slice(bounds[k - 1], bounds[k]))))
      expect(eventsOfColumns(log.columns())).toStrictEqual(events.map(plainEvent))
      expect(eventsOfColumns(log.columns())).toStrictEqual(eventsOfColumns(asColumns(events.map(plainEvent))))
      expect([...log.values()].map(e => JSON.stringify(e))).toEqual(events.map(e => JSON.stringify(e)))
      expect(log.size).toBe(events.length)
      for (const e of events) expect(log.get(e.id)).toStrictEqual(e)
    }), { numRuns: 300 })
  })

  it('should store a chunk made from the log as the events added (add, then chunkOf)', () => {
    fc.assert(fc.property(eventsArb, fc.nat(), (events, cut) => {
      const k = cut % (events.length + 1)
      const log = new EventLog()
      log.addChunk(encodeEventChunk(events.slice(0, k)))
      for (const e of events.slice(k)) {
        expect(log.has(e.id)).toBe(false)
        log.add(e)
        expect(log.has(e.id)).toBe(true)
      }
      const chunk = stored(log.chunkOf(events.map(e => e.id)))
      expect(decodeEventChunk(chunk)).toStrictEqual(events)
      // Typed arrays exactly as long as the chunk: a stored view never carries a larger buffer.
      for (const col of [chunk.record, chunk.form, chunk.field, chunk.from, chunk.to, chunk.at]) expect(col.length).toBe(events.length)
      log.clear()
      expect(log.size).toBe(0)
      expect([...log.values()]).toEqual([])
    }), { numRuns: 200 })
  })

  it('should make the same chunk from the columns as from the events themselves, for any ids in any order', () => {
    fc.assert(fc.property(eventsArb, fc.nat(), fc.array(fc.nat(), { maxLength: 80 }), (events, cut, picks) => {
      const k = cut % (events.length + 1)
      const log = new EventLog()
      log.addChunk(stored(encodeEventChunk(events.slice(0, k))))
      for (const e of events.slice(k)) log.add(e)
      const ids = events.length ? picks.map(p => events[p % events.length]!.id) : []
      const chunk = log.chunkOf(ids)
      // the reference: the held events as objects, encoded one by one (the way chunkOf made them before)
      expect(chunk).toStrictEqual(encodeEventChunk(ids.map(id => log.get(id)!)))
      expect(decodeEventChunk(stored(chunk))).toStrictEqual(ids.map(id => events.find(e => e.id === id)))
    }), { numRuns: 300 })
  })

  it('should hold the same events whether chunks are added now or later (addChunkLater), whatever is asked in between', () => {
    const how = fc.constantFrom('add', 'chunk', 'later')
    const ask = fc.constantFrom('none', 'has', 'get', 'size', 'chunkOf')
    fc.assert(fc.property(eventsArb, fc.array(fc.tuple(fc.nat(), how, ask, fc.nat()), { maxLength: 6 }), (events, steps) => {
      const log = new EventLog()
      const reference = new EventLog()
      let from = 0
      const asked = (l: EventLog, kind: string, pick: number, upTo: number): unknown => {
        const held = events.slice(0, upTo)
        const e = held.length ? held[pick % held.length]! : undefined
        if (kind === 'has') return e ? l.has(e.id) : l.has('none')
        if (kind === 'get') return e ? JSON.stringify(l.get(e.id)) : l.get('none')
        if (kind === 'size') return l.size
        if (kind === 'chunkOf') return JSON.stringify(decodeEventChunk(l.chunkOf(held.slice(pick % (held.length + 1)).map(x => x.id))))
        return undefined
      }
      for (const [cut, kind, question, pick] of [...steps, [events.length, 'later', 'none', 0] as const]) {
        const to = Math.min(events.length, from + (cut % 20))
        const part = events.slice(from, to)
        if (kind === 'add') for (const e of part) log.add(e)
        else if (part.length && kind === 'chunk') log.addChunk(stored(encodeEventChunk(part)))
        else if (part.length) log.addChunkLater(stored(encodeEventChunk(part)))
        for (const e of part) reference.add(e)
        from = to
        expect(asked(log, question, pick, to)).toStrictEqual(asked(reference, question, pick, to))
      }
      for (const e of events.slice(from)) log.add(e)
      for (const e of events.slice(from)) reference.add(e)
      expect([...log.values()].map(e => JSON.stringify(e))).toEqual(events.map(e => JSON.stringify(e)))
      expect(eventsOfColumns(log.columns())).toStrictEqual(eventsOfColumns(reference.columns()))
      for (const e of events) expect(log.get(e.id)).toStrictEqual(e)
    }), { numRuns: 400 })
  })

  it('should order columns by time as Array#sort orders the objects (ties in column order, -0 with 0, NaN as a tie)', () => {
    const timeArb = fc.oneof(fc.constantFrom(0, -0, 1, 2, 3, Number.NaN, -1), fc.integer())
    fc.assert(fc.property(fc.array(fc.tuple(timeArb, fc.constantFrom('a', 'b', 'c')), { maxLength: 80 }), (rows) => {
      const events = rows.map(([at, r], i): StageEvent => ({ id: `e${i}`, formId: 'f', recordId: r, fieldId: 'stage', from: null, to: 's1', at }))
      const cols = sortedByTime(asColumns(events))
      expect(eventsOfColumns(cols)).toStrictEqual([...events].sort((a, b) => a.at - b.at))
    }), { numRuns: 300 })
  })

  it('should keep a record index 16-bit while the chunk names at most 65,535 records', () => {
    const events = (n: number): StageEvent[] => Array.from({ length: n }, (_, i) => ({ id: `e${i}`, formId: 'f', recordId: `r${i}`, fieldId: 'stage', from: null, to: 's1', at: i }))
    expect(encodeEventChunk(events(65_535)).record).toBeInstanceOf(Uint16Array)
    const big = encodeEventChunk(events(65_536))
    expect(big.record).toBeInstanceOf(Uint32Array)
    expect(decodeEventChunk(big).at(-1)).toStrictEqual(events(65_536).at(-1))
  })
})
