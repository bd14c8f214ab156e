import { describe, expect, it } from 'vitest'
import { eventsFromDateColumns } from '../../../../../src/core/io/stage-history'
import { cumulativeFunnel, salesCycle } from '../../../../../src/core/metrics'
import { rec, stageField } from '../../../../fixtures/metrics'

const field = stageField()
const mapping = {
  formId: 'f',
  field,
  columns: [
    { stage: 's1', column: 'd1' },
    { stage: 's2', column: 'd2' },
    { stage: 'won', column: 'closed' },
    { stage: 'lost', column: 'closed' },
  ],
}
const at = (d: string) => Date.parse(`${d}T00:00:00Z`)

describe('date-columns', () => {
  describe('eventsFromDateColumns', () => {
    it('should chain dated stages in time order and end with the outcome', () => {
      const { events, issues } = eventsFromDateColumns([rec('a', 'won', { d1: '2024-01-01', d2: '2024-01-05', closed: '2024-02-01' })], mapping)
      expect(events.map(e => [e.from, e.to, e.at])).toEqual([
        [null, 's1', at('2024-01-01')], ['s1', 's2', at('2024-01-05')], ['s2', 'won', at('2024-02-01')],
      ])
      expect(events.every(e => e.id.length > 0 && e.formId === 'f' && e.fieldId === 'stage' && e.recordId === 'a')).toBe(true)
      expect(issues).toEqual([])
    })

    it('should use a shared close column only for the record\'s own outcome', () => {
      const { events } = eventsFromDateColumns([rec('b', 'lost', { d2: '2024-01-05', closed: '2024-01-09' })], mapping)
      expect(events.map(e => e.to)).toEqual(['s2', 'lost'])
    })

    it('should skip empty cells and report bad dates and missing outcome dates', () => {
      const { events, issues } = eventsFromDateColumns([rec('c', 'won', { d1: 'yesterday', d2: '' })], mapping)
      expect(events).toEqual([])
      expect(issues).toEqual([
        { recordId: 'c', code: 'badDate', column: 'd1', value: 'yesterday' },
        { recordId: 'c', code: 'missingOutcomeDate' },
      ])
    })

    it('should report a dated history that ends elsewhere than the current stage', () => {
      const { issues } = eventsFromDateColumns([rec('d', 's2', { d1: '2024-01-01' })], mapping)
      expect(issues).toEqual([{ recordId: 'd', code: 'endsElsewhere' }])
    })

    it('should feed metrics: backdated events give the funnel and the cycle', () => {
      const records = [rec('a', 'won', { d2: '2024-01-01', closed: '2024-01-11' }), rec('b', 's1')]
      const { events } = eventsFromDateColumns(records, mapping)
      expect(cumulativeFunnel({ records, events, field }).steps.map(s => s.count)).toEqual([2, 1, 1, 1])
      expect(salesCycle({ records, events, field }).days.median).toBe(10)
    })
  })
})
