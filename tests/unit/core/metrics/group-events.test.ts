import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StageEvent } from '../../../../src/core/schema/types'
import { groupEventsByRecord } from '../../../../src/core/metrics/group-events'
import { asColumns } from '../../../../src/core/events'
import { DAY, rec, walk } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'

const records = [rec('a', 's1'), rec('b', 's2'), rec('c', 's1'), rec('d', 's3')]
const grouped: StageEvent[] = [
  ...walk('a', [['s1', 0], ['s2', 1]]),
  ...walk('b', [['s1', 0], ['s2', 2]]),
  ...walk('c', [['s1', 3]]),
  ...walk('d', [['s1', 1], ['s2', 2], ['s3', 4]]),
]

/** Record id -> the `at` of its events, in the order the grouping gives them. */
function byRecord(events: readonly StageEvent[]): Record<string, number[]> {
  const g = groupEventsByRecord(records, asColumns(events), 'stage')
  return Object.fromEntries(records.map((r, i) => [r.id, Array.from(g.order.subarray(g.start[i], g.start[i + 1]), j => events[j]!.at / DAY)]))
}

const expected = { a: [0, 1], b: [0, 2], c: [3], d: [1, 2, 4] }

describe('group-events', () => {
  describe('groupEventsByRecord', () => {
    it('should bucket events grouped per record in record order', () => {
      expect(byRecord(grouped)).toEqual(expected)
    })

    it('should bucket the same events in time order (the order storage returns them)', () => {
      expect(byRecord([...grouped].sort((x, y) => x.at - y.at))).toEqual(expected)
    })

    it('should bucket events of records listed in reverse and interleaved order', () => {
      expect(byRecord([...grouped].reverse())).toEqual(expected)
      const interleaved = [grouped[7]!, grouped[0]!, grouped[5]!, grouped[1]!, grouped[4]!, grouped[2]!, grouped[6]!, grouped[3]!]
      expect(byRecord(interleaved)).toEqual(expected)
    })

    it('should give each record its events stably sorted by time, whether the columns list them record by record or not', () => {
      fc.assert(fc.property(historiesArb, fc.boolean(), ({ records: rs, events }, sortEach) => {
        // unshuffled histories list events record by record; sorting each record's run by time
        // gives columns already grouped (the bucketing pass is skipped for those)
        const evs = sortEach ? rs.flatMap(r => events.filter(e => e.recordId === r.id).sort((x, y) => x.at - y.at)) : events
        const g = groupEventsByRecord(rs, asColumns(evs), 'stage')
        rs.forEach((r, i) => {
          const want = evs.map((e, j) => ({ e, j })).filter(p => p.e.recordId === r.id).sort((x, y) => x.e.at - y.e.at || x.j - y.j).map(p => p.j)
          expect(Array.from(g.order.subarray(g.start[i], g.start[i + 1]))).toEqual(want)
        })
        expect(g.start[rs.length]).toBe(g.order.length)
      }), { numRuns: 300 })
    })

    it('should count events of unknown records and other fields as ignored, after a matched one too', () => {
      const other = { ...grouped[0]!, id: 'x1', fieldId: 'other' }
      const stray = { ...grouped[1]!, id: 'x2', recordId: 'zz' }
      const g = groupEventsByRecord(records, asColumns([grouped[0]!, stray, grouped[1]!, other, ...grouped.slice(2)]), 'stage')
      expect(g.ignored).toBe(1)
      expect(g.start[records.length]).toBe(grouped.length)
    })
  })
})
