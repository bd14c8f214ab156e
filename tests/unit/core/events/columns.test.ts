import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StageEvent } from '../../../../src/core/schema/types'
import { appendColumns, asColumns, EMPTY_COLUMNS, eventAt, eventsOfColumns, recordEventsOf, recordIndexOf } from '../../../../src/core/events'
import { summarizeStageHistory } from '../../../../src/core/metrics'
import { stageField } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'
import { eventArbOf } from '../../../fixtures/events-arb'

/** Any stage event: ids and names from small pools (so tables repeat) or any string, any time. */
const eventArb = eventArbOf(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.double({ noNaN: false })))

describe('core/events columns', () => {
  it('should give back exactly the events put in (events -> columns -> events)', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
      const cols = asColumns(events)
      expect(cols.length).toBe(events.length)
      expect(eventsOfColumns(cols)).toStrictEqual(events)
    }), { numRuns: 300 })
  })

  it('should keep every snapshot as it was while later ones append, in place or copied', () => {
    fc.assert(fc.property(fc.array(fc.array(eventArb, { maxLength: 20 }), { maxLength: 8 }), fc.nat(), (batches, branchAt) => {
      const snaps = [EMPTY_COLUMNS]
      const seen: StageEvent[][] = [[]]
      for (const batch of batches) {
        snaps.push(appendColumns(snaps.at(-1)!, batch))
        seen.push([...seen.at(-1)!, ...batch])
      }
      // appending to an older snapshot (a branch) must copy, not overwrite the newer one
      const k = branchAt % snaps.length
      const branch = appendColumns(snaps[k]!, batches[0] ?? [])
      expect(eventsOfColumns(branch)).toStrictEqual([...seen[k]!, ...batches[0] ?? []])
      snaps.forEach((s, i) => expect(eventsOfColumns(s)).toStrictEqual(seen[i]))
    }), { numRuns: 200 })
  })

  it('should read one event, one record\'s events and the record index from the tables', () => {
    const events: StageEvent[] = [
      { id: 'e1', formId: 'f', recordId: 'a', fieldId: 'stage', from: null, to: 's1', at: 1 },
      { id: 'e2', formId: 'f', recordId: 'b', fieldId: 'stage', from: null, to: 's1', at: 2 },
      { id: 'e3', formId: 'f', recordId: 'a', fieldId: 'stage', from: 's1', to: 's2', at: 3 },
    ]
    const cols = asColumns(events)
    expect(cols.recordIds).toEqual(['a', 'b'])
    expect(cols.names).toEqual(['f', 'stage', 's1', 's2'])
    expect(eventAt(cols, 2)).toEqual(events[2])
    expect(recordEventsOf(cols, 'a')).toEqual([events[0], events[2]])
    expect(recordEventsOf(cols, 'zz')).toEqual([])
    expect(recordEventsOf(events, 'b')).toEqual([events[1]])
    expect(recordIndexOf(cols).get('b')).toBe(1)
  })

  it('should give the same stage summary from columns as from the event objects, appended in parts too', () => {
    const field = stageField()
    fc.assert(fc.property(historiesArb, fc.nat(), ({ records, events }, cut) => {
      const k = cut % (events.length + 1)
      const parts = appendColumns(asColumns(events.slice(0, k)), events.slice(k))
      const a = summarizeStageHistory(records, events, field)
      const b = summarizeStageHistory(records, parts, field)
      expect({ ...b, model: undefined }).toStrictEqual({ ...a, model: undefined })
    }), { numRuns: 200 })
  })
})
