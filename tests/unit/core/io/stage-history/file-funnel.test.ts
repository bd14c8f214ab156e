import { describe, expect, it } from 'vitest'
import { fileFunnel } from '@/core/io/stage-history'
import { stage, stageField } from '../../../../fixtures/metrics'

const field = stageField([
  stage('s1', 'open', { label: 'Lead' }),
  stage('s2', 'open', { label: 'Demo' }),
  stage('s3', 'open', { label: 'Deal' }),
  stage('won', 'won', { label: 'Won' }),
  stage('lost', 'lost', { label: 'Lost' }),
])

describe('fileFunnel', () => {
  it('should count each row as reaching its current stage and the ones before it (won reaches all)', () => {
    const rows = [['Lead'], ['Demo'], ['demo'], ['Deal'], ['Won'], ['Lost'], ['Nowhere']]
    // a lost deal without history counts at the first stage only
    expect(fileFunnel({ rows, stageCol: 0, field })).toEqual([
      { stageId: 's1', count: 6 },
      { stageId: 's2', count: 4 },
      { stageId: 's3', count: 2 },
      { stageId: 'won', count: 1 },
    ])
  })

  it('should place a lost deal at the stages its date columns say it reached', () => {
    const rows = [['Lost', '2024-01-01', '2024-01-05', '2024-01-09']]
    const dates = [{ stage: 's1', col: 1 }, { stage: 's2', col: 2 }, { stage: 'lost', col: 3 }]
    expect(fileFunnel({ rows, stageCol: 0, field, dates }).map(s => s.count)).toEqual([1, 1, 0, 0])
  })
})
