import { describe, expect, it } from 'vitest'
import { affectedRecords, batchEditableFields, batchPatches, defaultAmountField, kanbanFieldsOf, kanbanLanes } from '../../../../src/core/views'
import { deal, dealsForm } from '../../../fixtures/views'

describe('core/views batch', () => {
  const form = dealsForm()
  const rows = [deal({ industry: 'a' }, 'x'), deal({ industry: 'b' }, 'y'), deal({}, 'z')]

  describe('batchEditableFields', () => {
    it('should offer stored fields only, not layout or computed ones', () => {
      expect(batchEditableFields(form).map(f => f.id)).toEqual(['title', 'stage', 'amount', 'industry'])
    })
  })

  describe('affectedRecords', () => {
    it('should count only records whose value really changes', () => {
      expect(affectedRecords(rows, { kind: 'set', field: 'industry', value: 'a' }, form).map(r => r.id)).toEqual(['y', 'z'])
      expect(affectedRecords(rows, { kind: 'clear', field: 'industry' }, form).map(r => r.id)).toEqual(['x', 'y'])
      expect(affectedRecords(rows, { kind: 'delete' }, form)).toHaveLength(3)
      expect(affectedRecords(rows, { kind: 'set', field: 'nope', value: 1 }, form)).toEqual([])
    })
  })

  describe('batchPatches', () => {
    it('should patch only the chosen field of the changing records', () => {
      expect(batchPatches(rows, { kind: 'set', field: 'industry', value: 'b' }, form)).toEqual([
        { recordId: 'x', values: { industry: 'b' } },
        { recordId: 'z', values: { industry: 'b' } },
      ])
      expect(batchPatches(rows, { kind: 'delete' }, form)).toEqual([])
    })
  })
})

describe('core/views kanban', () => {
  const form = dealsForm()

  describe('kanbanFieldsOf / defaultAmountField', () => {
    it('should offer select and stage fields as columns and the money field as amount', () => {
      expect(kanbanFieldsOf(form).map(f => f.id)).toEqual(['stage', 'industry'])
      expect(defaultAmountField(form)).toBe('amount')
    })
  })

  describe('kanbanLanes', () => {
    it('should give a lane per stage in order, with counts, sums and colours, and a no-value lane only when needed', () => {
      const rows = [deal({ stage: 's2', amount: 10 }), deal({ stage: 's1', amount: 5 }), deal({ stage: 's2', amount: 2.5 }), deal({ amount: 1 })]
      const lanes = kanbanLanes(rows, form, 'stage', 'amount')
      expect(lanes.map(l => [l.key, l.count, l.sum])).toEqual([['s1', 1, 5], ['s2', 2, 12.5], ['won', 0, 0], [null, 1, 1]])
      expect(lanes[0]!.color).toBe('#999')
      expect(kanbanLanes(rows.slice(0, 3), form, 'stage').map(l => l.key)).toEqual(['s1', 's2', 'won'])
      expect(kanbanLanes(rows, form, 'stage')[0]!.sum).toBeNull()
    })

    it('should give no lanes for a field that cannot drive a kanban', () => {
      expect(kanbanLanes([], form, 'amount')).toEqual([])
    })
  })
})
