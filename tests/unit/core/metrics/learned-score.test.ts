/** Learned score points: win rate per value against the base win rate, hand-computed. */
import { describe, expect, it } from 'vitest'
import { learnScoreTable, storedLearnedTable, summarizeStageHistory } from '../../../../src/core/metrics'
import { field } from '../../../fixtures/fields'
import { rec, stageField } from '../../../fixtures/metrics'

const owner = field('select', { id: 'owner', label: '负责人' })
const tags = field('multiselect', { id: 'tags', label: '标签' })

// 10 closed deals: a 4 won of 5, b 1 won of 4, c 0 of 1; base 5 of 10 = 50 %. Two open deals are not counted.
function data() {
  const outcomes: [string, string][] = [
    ['a', 'won'], ['a', 'won'], ['a', 'won'], ['a', 'won'], ['a', 'lost'],
    ['b', 'won'], ['b', 'lost'], ['b', 'lost'], ['b', 'lost'],
    ['c', 'lost'],
  ]
  const records = outcomes.map(([o, s], i) => rec(`d${i}`, s, { owner: o, tags: i < 3 ? ['a', 'b'] : [] }))
  records.push(rec('open1', 's1', { owner: 'a' }), rec('open2', 's2', { owner: 'c' }))
  return records
}

describe('metrics/learned-score', () => {
  it('should give each value its won / closed and points per percentage point of lift', () => {
    const records = data()
    const t = learnScoreTable(records, summarizeStageHistory(records, [], stageField()), [owner], { minSample: 4 })
    expect(t.base).toEqual({ won: 5, n: 10, rate: 0.5 })
    expect(t.rows).toEqual([
      // a: 4/5 = 80 %, +30 points; b: 1/4 = 25 %, -25; c: 1 deal, under the sample: none
      { field: 'owner', value: 'a', won: 4, n: 5, rate: 0.8, points: 30, tooFew: false },
      { field: 'owner', value: 'b', won: 1, n: 4, rate: 0.25, points: -25, tooFew: false },
      { field: 'owner', value: 'c', won: 0, n: 1, rate: 0, points: 0, tooFew: true },
    ])
    expect(storedLearnedTable(t)).toEqual([
      { field: 'owner', value: 'a', won: 4, n: 5, points: 30 },
      { field: 'owner', value: 'b', won: 1, n: 4, points: -25 },
    ])
  })

  it('should count each value of a multi-value field once per deal and scale the points', () => {
    const records = data()
    const t = learnScoreTable(records, summarizeStageHistory(records, [], stageField()), [tags], { minSample: 3, scale: 0.5 })
    // d0..d2 (all won) carry a and b: 3 of 3 = 100 %, lift 50 points x 0.5 = 25
    expect(t.rows).toEqual([
      { field: 'tags', value: 'a', won: 3, n: 3, rate: 1, points: 25, tooFew: false },
      { field: 'tags', value: 'b', won: 3, n: 3, rate: 1, points: 25, tooFew: false },
    ])
  })

  it('should give no points without closed deals and keep the default minimum of 30', () => {
    const open = [rec('x', 's1', { owner: 'a' })]
    expect(learnScoreTable(open, summarizeStageHistory(open, [], stageField()), [owner])).toEqual({ base: { won: 0, n: 0, rate: null }, rows: [], minSample: 30 })
    const records = data()
    expect(learnScoreTable(records, summarizeStageHistory(records, [], stageField()), [owner]).rows.every(r => r.tooFew && r.points === 0)).toBe(true)
  })
})
