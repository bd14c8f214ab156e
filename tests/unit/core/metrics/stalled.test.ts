import { describe, expect, it } from 'vitest'
import { stalledRecords } from '../../../../src/core/metrics'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'

const data = mixedPipeline()

describe('stalled', () => {
  describe('stalledRecords', () => {
    it('should list open records past their stage threshold, not those exactly at it', () => {
      expect(stalledRecords({ ...data, options: { now: 20 * DAY } })).toEqual([
        { recordId: 'H', recordIndex: data.records.findIndex(r => r.id === 'H'), stageId: 's1', days: 15, thresholdDays: 7 },
      ])
    })

    it('should measure from the latest entry into the current stage, longest first', () => {
      const s = stalledRecords({ ...data, options: { now: 21 * DAY } })
      expect(s.map(x => [x.recordId, x.days])).toEqual([['H', 16], ['C', 15]])
    })

    it('should never flag closed records or stages without a threshold', () => {
      const s = stalledRecords({ ...data, options: { now: 1000 * DAY } })
      expect(s.map(x => x.recordId).sort()).toEqual(['C', 'H'])
    })
  })
})
