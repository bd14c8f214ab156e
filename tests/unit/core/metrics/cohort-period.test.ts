/**
 * Cohort vs period (HubSpot's two funnel kinds), hand-computed. Days; the period is [8, 20):
 * A created 0: s1@0 s2@5 s3@12 (open) · B created 8: s1@8 s2@9 won@15 (skips s3) ·
 * C created 11: s1@11 (open) · D created 2: s1@2 lost@13.
 * Cohort = records entering the funnel in the period (B, C), followed over their whole history.
 * Period = stage entries made in the period, whoever made them: A's s3, B's s1 s2 won, C's s1, D's loss
 * (lost from s1, so D counts at s1).
 */
import { describe, expect, it } from 'vitest'
import type { MetricInput } from '../../../../src/core/metrics'
import { conversionFromFunnel, cumulativeFunnel, funnelDepths, strictFunnel } from '../../../../src/core/metrics'
import { DAY, rec, stageField, walk } from '../../../fixtures/metrics'

function input(mode: 'cohort' | 'activity'): MetricInput {
  const records = [rec('A', 's3', {}, 0), rec('B', 'won', {}, 8), rec('C', 's1', {}, 11), rec('D', 'lost', {}, 2)]
  const events = [
    ...walk('A', [['s1', 0], ['s2', 5], ['s3', 12]]),
    ...walk('B', [['s1', 8], ['s2', 9], ['won', 15]]),
    ...walk('C', [['s1', 11]]),
    ...walk('D', [['s1', 2], ['lost', 13]]),
  ]
  return { records, events, field: stageField(), options: { mode, period: { from: 8 * DAY, to: 20 * DAY }, now: 20 * DAY } }
}
const counts = (f: ReturnType<typeof cumulativeFunnel>) => f.steps.map(s => [s.stageId, s.count])

describe('cohort vs period', () => {
  describe('cumulativeFunnel', () => {
    it('should follow the cohort (B, C) to wherever it got', () => {
      expect(counts(cumulativeFunnel(input('cohort')))).toEqual([['s1', 2], ['s2', 1], ['s3', 1], ['won', 1]])
    })

    it('should count the period\'s stage entries by whoever made them', () => {
      // s1: A (reached s3 in the period), B, C, D (lost from s1 in the period); s2 and s3: A, B; won: B
      expect(counts(cumulativeFunnel(input('activity')))).toEqual([['s1', 4], ['s2', 2], ['s3', 2], ['won', 1]])
    })
  })

  describe('strictFunnel', () => {
    it('should need S1..Sk in order within each population', () => {
      expect(counts(strictFunnel(input('cohort')))).toEqual([['s1', 2], ['s2', 1], ['s3', 0], ['won', 0]])
      // only entries in the period count: A's s3 alone is not in order, B went s1 s2 then won skipping s3
      expect(counts(strictFunnel(input('activity')))).toEqual([['s1', 2], ['s2', 1], ['s3', 0], ['won', 0]])
    })
  })

  describe('conversionFromFunnel', () => {
    it('should give different stage rates for the two kinds', () => {
      expect(conversionFromFunnel(cumulativeFunnel(input('cohort'))).steps.map(s => s.rate)).toEqual([0.5, 1, 1])
      expect(conversionFromFunnel(cumulativeFunnel(input('activity'))).steps.map(s => s.rate)).toEqual([0.5, 1, 0.5])
    })
  })

  describe('funnelDepths', () => {
    it('should give the records and depths behind each layer for drill-through', () => {
      const { mask, depth } = funnelDepths(input('activity'), 'anyOrder')
      expect([...mask]).toEqual([1, 1, 1, 1])
      expect([...depth]).toEqual([3, 4, 1, 1])
      expect([...funnelDepths(input('cohort'), 'anyOrder').mask]).toEqual([0, 1, 1, 0])
    })
  })
})
