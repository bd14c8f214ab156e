import type { RecordRow, StageEvent } from '@/core/schema/types'
import { describe, expect, it } from 'vitest'
import { withBackdatedEvents } from '@/core/io/backdate-events'
import { retypeField, stagesFromValues, withOutcomes } from '@/core/io/field-proposal'
import { suggestStageDates } from '@/core/io/stage-date-suggest'
import { completeChoices } from '@/workers/complete-choices'
import { salesForm } from '../../../fixtures/io-ui'

const stage = salesForm().fields.find(f => f.type === 'stage')!
if (stage.type !== 'stage') throw new Error('fixture')

describe('field-proposal', () => {
  describe('stagesFromValues', () => {
    it('should order open stages like a funnel and make won/lost the outcomes', () => {
      const stages = stagesFromValues(['Won', 'Engaging', 'Lost', 'Prospecting'])
      expect(stages.map(s => [s.label, s.kind])).toEqual([['Prospecting', 'open'], ['Engaging', 'open'], ['Won', 'won'], ['Lost', 'lost']])
    })
  })
  describe('retypeField', () => {
    it('should turn a text column into a select of its distinct values', () => {
      const f = retypeField({ id: 'f', type: 'text', label: '行业' }, 'select', ['制造业', '零售'])
      expect(f).toEqual({ id: 'f', label: '行业', type: 'select', options: { choices: [{ id: 'opt_1', label: '制造业' }, { id: 'opt_2', label: '零售' }] } })
    })
  })
})

describe('completeChoices', () => {
  it('should add choices that only appear after the sample, and give up on a column with too many', () => {
    const fields = completeChoices([{ id: 'a', type: 'select', label: 'a', options: { choices: [{ id: 'opt_1', label: 'x' }] } }, { id: 'b', type: 'select', label: 'b', options: { choices: [] } }], [
      ['x', '1'],
      ['y', '2'],
      ...Array.from({ length: 300 }, (_, i) => ['x', String(i)]),
    ])
    expect(fields[0]).toMatchObject({ type: 'select', options: { choices: [{ id: 'opt_1', label: 'x' }, { id: 'opt_2', label: 'y' }] } })
    expect(fields[1]!.type).toBe('text')
  })
})

describe('suggestStageDates', () => {
  it('should map a stage to the date field named like it and outcomes to the close date', () => {
    const out = suggestStageDates(stage, [{ id: 'd1', label: '方案报价日期' }, { id: 'd2', label: '成交日期' }])
    expect(out).toEqual([{ stage: 's2', fieldId: 'd1' }, { stage: 'won', fieldId: 'd2' }, { stage: 'lost', fieldId: 'd2' }])
  })
})

describe('withBackdatedEvents', () => {
  const rec = (id: string, values: Record<string, unknown>): RecordRow => ({ id, values, createdAt: 9e12, updatedAt: 9e12, rev: 1 })
  const nowEvent = (recordId: string, to: string): StageEvent => ({ id: `e-${recordId}`, formId: 'deals', recordId, fieldId: 'stage', from: null, to, at: 9e12 })

  it('should replace creation events by dated ones, keep undated records, and backdate createdAt', () => {
    const won = rec('r1', { stage: 'won', proposed: '2024-01-05', closed: '2024-02-01' })
    const open = rec('r2', { stage: 's1' })
    const gap = rec('r3', { stage: 'won', proposed: '2024-01-09' })
    // Frozen, as an import batch hands them over: backdating makes new record objects.
    for (const r of [won, open, gap]) Object.freeze(r)
    const { tx, issues } = withBackdatedEvents({ records: { deals: { put: [won, open, gap] } }, stageEvents: [nowEvent('r1', 'won'), nowEvent('r2', 's1'), nowEvent('r3', 'won')] }, [won, open, gap], 'deals', stage, [{ stage: 's2', fieldId: 'proposed' }, { stage: 'won', fieldId: 'closed' }])
    const of = (id: string) => tx.stageEvents!.filter(e => e.recordId === id).map(e => [e.from, e.to, e.at])
    expect(of('r1')).toEqual([[null, 's2', Date.UTC(2024, 0, 5)], ['s2', 'won', Date.UTC(2024, 1, 1)]])
    expect(of('r2')).toEqual([[null, 's1', 9e12]])
    // No close date: the history reaches s2, then the record's current stage at import time.
    expect(of('r3')).toEqual([[null, 's2', Date.UTC(2024, 0, 9)], ['s2', 'won', 9e12]])
    expect(tx.records!.deals!.put!.map(r => r.createdAt)).toEqual([Date.UTC(2024, 0, 5), 9e12, Date.UTC(2024, 0, 9)])
    expect(tx.records!.deals!.put![1]).toBe(open)
    expect(won.createdAt).toBe(9e12)
    expect(issues).toBe(1)
  })
})

describe('stagesFromValues outcomes', () => {
  it('should add the won and lost outcomes a column without them lacks, and keep one lost', () => {
    expect(stagesFromValues(['Qualified', 'Contact Made']).map(s => [s.label, s.kind])).toEqual([['Qualified', 'open'], ['Contact Made', 'open'], [{ 'zh-CN': '赢单', 'en': 'Won' }, 'won'], [{ 'zh-CN': '输单', 'en': 'Lost' }, 'lost']])
    expect(stagesFromValues(['Closed Won', 'Lost', 'Churned lost']).map(s => s.kind)).toEqual(['open', 'won', 'lost'])
  })
})

describe('withOutcomes', () => {
  it('should drop the added outcome once a stage of the file is marked with its kind, and add it back when none is', () => {
    const proposed = stagesFromValues(['Lead', 'Signed', 'Dropped'])
    const marked = withOutcomes(proposed.map(s => (s.label === 'Signed' ? { ...s, kind: 'won' as const } : s.label === 'Dropped' ? { ...s, kind: 'lost' as const } : s)))
    expect(marked.map(s => [s.label, s.kind])).toEqual([['Lead', 'open'], ['Signed', 'won'], ['Dropped', 'lost']])
    expect(withOutcomes(marked.map(s => ({ ...s, kind: 'open' as const }))).map(s => s.kind)).toEqual(['open', 'open', 'open', 'won', 'lost'])
  })
})
