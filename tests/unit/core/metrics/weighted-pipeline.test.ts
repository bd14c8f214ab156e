import { describe, expect, it } from 'vitest'
import { weightedPipeline } from '../../../../src/core/metrics'
import { mixedPipeline, rec, stage, stageField } from '../../../fixtures/metrics'

const data = mixedPipeline()

describe('weighted-pipeline', () => {
  describe('weightedPipeline', () => {
    it('should sum amount x probability over open records, using the per-record override', () => {
      const p = weightedPipeline({ ...data, options: { amountField: 'amount' } })
      expect(p).toMatchObject({ weighted: 31, amount: 70, count: 2, missingProbability: 0 })
      expect(p.stages.map(s => [s.stageId, s.count, s.weighted])).toEqual([['s1', 1, 6], ['s2', 1, 25], ['s3', 0, 0]])
    })

    it('should ignore overrides outside 0..100 and weight stages without probability as 0', () => {
      const field = stageField([stage('a', 'open'), stage('b', 'open', { probability: 40 }), stage('w', 'won')])
      const records = [rec('1', 'a', { amount: 100 }), rec('2', 'b', { amount: 100, prob: 250 })]
      const p = weightedPipeline({ records, events: [], field, options: { amountField: 'amount' } })
      expect(p).toMatchObject({ weighted: 40, missingProbability: 1 })
    })

    it('should take the probability field from the options over the field default', () => {
      const records = [rec('1', 's3', { amount: 100, p2: 5, prob: 90 })]
      expect(weightedPipeline({ records, events: [], field: stageField(), options: { amountField: 'amount', probabilityField: 'p2' } }).weighted).toBe(5)
    })
  })
})
