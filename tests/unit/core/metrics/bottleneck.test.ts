import { describe, expect, it } from 'vitest'
import { bottleneck, formatDuration } from '../../../../src/core/metrics'
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

    it('should give a short median in hours or minutes, never "0.0 days"', () => {
      const records = [rec('1', 'won'), rec('2', 'won'), rec('3', 's1'), rec('4', 's1')]
      const quick = (id: string) => walk(id, [['s1', 0], ['s2', 0.0147], ['s3', 1], ['won', 2]])
      const events = [...quick('1'), ...quick('2'), ...walk('3', [['s1', 0]]), ...walk('4', [['s1', 0]])]
      const b = bottleneck({ records, events, field: stageField() })
      expect(b?.medianTime).toBeCloseTo(0.0147 * DAY)
      expect(b?.sentence.en).toContain('after a median of 21 minutes there')
      expect(b?.sentence['zh-CN']).toContain('中位停留 21 分钟')
      expect(b?.sentence.en).not.toContain('0.0 days')
    })

    it('should be null when no conversion has data', () => {
      expect(bottleneck({ records: [], events: [], field: stageField() })).toBeNull()
    })
  })
  describe('formatDuration', () => {
    it('should read days from a day up, hours under a day, minutes under an hour', () => {
      expect([DAY * 1.25, DAY * 0.35, DAY * 0.0147, 30_000, 0, -1, null].map(ms => formatDuration(ms, 'en')))
        .toEqual(['1.3 days', '8.4 hours', '21 minutes', 'under a minute', 'under a minute', '—', '—'])
      expect(formatDuration(DAY * 0.35, 'zh-CN')).toBe('8.4 小时')
    })
  })
})
