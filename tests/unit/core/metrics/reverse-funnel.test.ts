import { describe, expect, it } from 'vitest'
import { reverseFunnel } from '../../../../src/core/metrics'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'

const data = mixedPipeline()

describe('reverse-funnel', () => {
  describe('reverseFunnel', () => {
    it('should work back from a revenue goal through current conversions', () => {
      const r = reverseFunnel({ ...data, options: { amountField: 'amount' } }, 1000)
      expect(r).toMatchObject({ averageWonAmount: 200, wonNeeded: 5 })
      expect(r.steps.map(s => [s.stageId, s.current, s.needed])).toEqual([['s1', 8, 14], ['s2', 5, 9], ['s3', 4, 7], ['won', 3, 5]])
    })

    it('should not round an exact multiple up', () => {
      const r = reverseFunnel({ ...data, options: { amountField: 'amount' } }, 600)
      expect(r.steps.map(s => s.needed)).toEqual([8, 5, 4, 3])
    })

    it('should answer null needs without won records', () => {
      const r = reverseFunnel({ ...data, options: { amountField: 'amount', period: { from: 50 * DAY } } }, 1000)
      expect(r.wonNeeded).toBeNull()
      expect(r.steps.every(s => s.needed === null)).toBe(true)
    })
  })
})
