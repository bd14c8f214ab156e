import { describe, expect, it } from 'vitest'
import { bottleneck } from '../../../../src/core/metrics'
import { DAY, mixedPipeline, rec, stageField, walk } from '../../../fixtures/metrics'

describe('bottleneck', () => {
  describe('bottleneck', () => {
    it('should pick the stage with the lowest conversion to the next and name it in both locales', () => {
      const b = bottleneck({ ...mixedPipeline() })
      expect(b).toMatchObject({ stageId: 's1', toStageId: 's2', rate: 0.625, medianTime: 1.5 * DAY })
      expect(b?.sentence.en).toBe('The bottleneck is "Stage s1": only 62.5% move on to "Stage s2", after a median of 1.5 days there.')
      expect(b?.sentence['zh-CN']).toBe('瓶颈在「阶段s1」：只有 62.5% 进入「阶段s2」，中位停留 1.5 天。')
    })

    it('should break a conversion tie by the longest median time in stage', () => {
      const records = [rec('1', 'won'), rec('2', 'lost'), rec('3', 's1'), rec('4', 's1')]
      const events = [
        ...walk('1', [['s1', 0], ['s2', 1], ['s3', 11], ['won', 12]]),
        ...walk('2', [['s1', 0], ['s2', 2], ['lost', 3]]),
        ...walk('3', [['s1', 0]]),
        ...walk('4', [['s1', 0]]),
      ]
      const b = bottleneck({ records, events, field: stageField() })
      expect(b).toMatchObject({ stageId: 's2', toStageId: 's3', rate: 0.5, medianTime: 5.5 * DAY })
    })

    it('should name the won step when deals stall before closing', () => {
      const records = [rec('1', 'won'), rec('2', 's3'), rec('3', 's3')]
      const b = bottleneck({ records, events: [], field: stageField() })
      expect(b).toMatchObject({ stageId: 's3', toStageId: 'won' })
      expect(b?.sentence.en).not.toContain('median')
    })

    it('should be null when no conversion has data', () => {
      expect(bottleneck({ records: [], events: [], field: stageField() })).toBeNull()
    })
  })
})
