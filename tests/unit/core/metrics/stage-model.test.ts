import { describe, expect, it } from 'vitest'
import { buildStageModel, lostStageIds, openStageIndex, wonStageIds } from '../../../../src/core/metrics'
import { stage, stageField } from '../../../fixtures/metrics'

describe('stage-model', () => {
  describe('buildStageModel', () => {
    it('should order open stages as they appear, skipping won/lost placed between them', () => {
      const m = buildStageModel(stageField([stage('a', 'open'), stage('w', 'won'), stage('b', 'open'), stage('l', 'lost'), stage('l2', 'lost')]))
      expect(m.openCount).toBe(2)
      expect(openStageIndex(m, 'a')).toBe(0)
      expect(openStageIndex(m, 'b')).toBe(1)
      expect(openStageIndex(m, 'w')).toBe(-1)
      expect(openStageIndex(m, 'nope')).toBe(-1)
      expect(wonStageIds(m)).toEqual(['w'])
      expect(lostStageIds(m)).toEqual(['l', 'l2'])
    })

    it('should turn stalled days into ms and leave missing thresholds and probabilities as NaN', () => {
      const m = buildStageModel(stageField())
      expect(m.stalledMs[0]).toBe(7 * 86_400_000)
      expect(Number.isNaN(m.stalledMs[2])).toBe(true)
      expect(m.probability[1]).toBe(50)
      expect(Number.isNaN(buildStageModel(stageField([stage('x', 'open')]))?.probability[0])).toBe(true)
    })
  })
})
