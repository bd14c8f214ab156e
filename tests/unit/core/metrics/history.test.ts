import { describe, expect, it } from 'vitest'
import { stageHistoryOf, summarizeStageHistory } from '../../../../src/core/metrics'
import { DAY, mixedPipeline, rec, stageField, walk } from '../../../fixtures/metrics'

const field = stageField()

describe('history', () => {
  describe('stageHistoryOf', () => {
    it('should list visits with exits and mark the last one open', () => {
      const h = stageHistoryOf(rec('A', 'won'), walk('A', [['s1', 0], ['s2', 2], ['won', 5]]), field)
      expect(h.visits).toEqual([
        { stage: 's1', enteredAt: 0, exitedAt: 2 * DAY, inferred: false },
        { stage: 's2', enteredAt: 2 * DAY, exitedAt: 5 * DAY, inferred: false },
        { stage: 'won', enteredAt: 5 * DAY, exitedAt: null, inferred: false },
      ])
      expect(h).toMatchObject({ outcome: 'won', depth: 4, highestStage: 's3', wonAt: 5 * DAY, lostAt: null, firstEntryAt: 0 })
    })

    it('should sort events by time and ignore other records and fields', () => {
      const evs = walk('A', [['s1', 0], ['s2', 3]]).reverse()
      evs.push({ ...walk('B', [['s3', 1]])[0]!, recordId: 'B' }, { ...walk('A', [['s3', 1]])[0]!, fieldId: 'other' })
      const h = stageHistoryOf(rec('A', 's2'), evs, field)
      expect(h.visits.map(v => v.stage)).toEqual(['s1', 's2'])
      expect(h.highestStage).toBe('s2')
    })

    it('should keep the highest stage after a backward move', () => {
      const h = stageHistoryOf(rec('C', 's1'), walk('C', [['s1', 0], ['s3', 1], ['s1', 2]]), field)
      expect(h).toMatchObject({ outcome: 'open', highestStage: 's3', depth: 3 })
    })

    it('should report the stage a lost record was lost from, even after moving back', () => {
      const h = stageHistoryOf(rec('D', 'lost'), walk('D', [['s1', 0], ['s3', 1], ['s2', 2], ['lost', 3]]), field)
      expect(h).toMatchObject({ outcome: 'lost', lostFrom: 's2', depth: 3, lostAt: 3 * DAY, lostFromUnknown: false })
    })

    it('should count a lost record without events at S1 only and flag its origin as unknown', () => {
      const h = stageHistoryOf(rec('F', 'lost'), [], field)
      expect(h).toMatchObject({ outcome: 'lost', lostFrom: null, lostFromUnknown: true, depth: 1, highestStage: 's1', lostAt: null })
    })

    it('should treat a won record without events as having reached every stage, with no won time', () => {
      const h = stageHistoryOf(rec('E', 'won', {}, 2), [], field)
      expect(h).toMatchObject({ outcome: 'won', depth: 4, highestStage: 's3', wonAt: null, firstEntryAt: 2 * DAY, visits: [] })
    })

    it('should infer a visit of the first event\'s from stage since creation', () => {
      const h = stageHistoryOf(rec('X', 's3', {}, 1), walk('X', [['s3', 4]], 's2'), field)
      expect(h.visits[0]).toEqual({ stage: 's2', enteredAt: DAY, exitedAt: 4 * DAY, inferred: true })
      expect(h.firstEntryAt).toBe(DAY)
    })

    it('should give a record without events an inferred open visit of its current stage', () => {
      const h = stageHistoryOf(rec('H', 's2', {}, 5), [], field)
      expect(h.visits).toEqual([{ stage: 's2', enteredAt: 5 * DAY, exitedAt: null, inferred: true }])
      expect(h.depth).toBe(2)
    })

    it('should leave a record without stage value or events outside the funnel', () => {
      expect(stageHistoryOf(rec('I', undefined), [], field)).toMatchObject({ outcome: 'none', depth: 0, highestStage: null })
    })
  })

  describe('summarizeStageHistory', () => {
    it('should count ignored events (unknown record, stage no longer in the field)', () => {
      const { records, events } = mixedPipeline()
      const extra = [...walk('ZZ', [['s1', 0]]), { ...walk('A', [['gone', 1]])[0]!, id: 'g' }]
      const s = summarizeStageHistory(records, [...events, ...extra], field)
      expect(s.ignoredEvents).toBe(2)
      expect(s.lostUnknown).toBe(1)
      expect(Array.from(s.depth)).toEqual([4, 4, 3, 2, 4, 1, 1, 1, 0])
      expect(Array.from(s.strictDepth)).toEqual([4, 1, 3, 2, 0, 0, 1, 1, 0])
    })

    it('should not create a visit for an event repeating the current stage', () => {
      const s = summarizeStageHistory([rec('A', 's2')], walk('A', [['s1', 0], ['s2', 1], ['s2', 3]]), field)
      expect(s.visitOffset[1]).toBe(2)
      expect(s.currentSince[0]).toBe(DAY)
    })

    it('should skip a creation event that the history laid onto the record precedes', () => {
      // imported in s2 today (from null), then its history imported: s1, s2, won long before
      const created = { ...walk('A', [['s2', 100]])[0]!, id: 'created' }
      const h = stageHistoryOf(rec('A', 'won'), [created, ...walk('A', [['s1', 0], ['s2', 2], ['won', 5]])], field)
      expect(h.visits.map(v => [v.stage, v.exitedAt])).toEqual([['s1', 2 * DAY], ['s2', 5 * DAY], ['won', null]])
      expect(h).toMatchObject({ outcome: 'won', wonAt: 5 * DAY, firstEntryAt: 0 })
    })
  })
})
