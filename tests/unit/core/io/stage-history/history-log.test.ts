import { describe, expect, it } from 'vitest'
import { reconstructFromHistoryLog } from '../../../../../src/core/io/stage-history'
import type { HistoryLogMapping } from '../../../../../src/core/io/stage-history'
import { stageHistoryOf } from '../../../../../src/core/metrics'
import { stage, stageField } from '../../../../fixtures/metrics'

const field = stageField([
  stage('s1', 'open', { label: { 'zh-CN': '潜在客户识别', 'en': 'Prospecting' } }),
  stage('s2', 'open', { label: { 'zh-CN': '需求分析', 'en': 'Needs Analysis' } }),
  stage('won', 'won', { label: { 'zh-CN': '成交与签约', 'en': 'Closed Won' } }),
  stage('lost', 'lost', { label: { 'zh-CN': '输单', 'en': 'Closed Lost' } }),
])
const mapping: HistoryLogMapping = {
  formId: 'opp',
  field,
  columns: { key: 'OpportunityId', stage: 'StageName', at: 'CreatedDate', amount: 'Amount', owner: 'Owner' },
  keyField: 'key',
  amountField: 'amount',
  ownerField: 'owner',
}
const row = (OpportunityId: string, StageName: string, CreatedDate: string, Amount = '', Owner = '') => ({ OpportunityId, StageName, CreatedDate, Amount, Owner })

describe('history-log', () => {
  describe('reconstructFromHistoryLog', () => {
    it('should rebuild one record per key with chained events in time order', () => {
      const r = reconstructFromHistoryLog([
        row('006A', 'Needs Analysis', '2024-01-05', '1,000'),
        row('006A', 'prospecting', '2024-01-01', '800', 'ann'),
        row('006A', 'Closed Won', '2024-02-01'),
        row('006B', '潜在客户识别', '2024-01-03', '50'),
      ], mapping)
      expect(r.badRows).toEqual([])
      expect(r.unknownStages).toEqual([])
      expect(r.records).toHaveLength(2)
      const a = r.records[0]!
      expect(a.values).toEqual({ key: '006A', amount: 1000, owner: 'ann', stage: 'won' })
      expect([a.createdAt, a.updatedAt]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)])
      expect(r.events.filter(e => e.recordId === a.id).map(e => [e.from, e.to])).toEqual([[null, 's1'], ['s1', 's2'], ['s2', 'won']])
      expect(stageHistoryOf(a, r.events, field)).toMatchObject({ outcome: 'won', firstEntryAt: Date.UTC(2024, 0, 1) })
    })

    it('should not make an event for a row repeating the stage, but take its amount', () => {
      const r = reconstructFromHistoryLog([row('1', 'Prospecting', '2024-01-01', '10'), row('1', 'Prospecting', '2024-01-02', '20')], mapping)
      expect(r.events).toHaveLength(1)
      expect(r.records[0]!.values.amount).toBe(20)
    })

    it('should set aside a row repeating an earlier one (same key, stage, time and amount), naming it', () => {
      const r = reconstructFromHistoryLog([row('1', 'Prospecting', '2024-01-01'), row('1', 'Closed Won', '2024-01-05'), row('1', 'Prospecting', '2024-01-01')], mapping)
      expect(r.badRows).toEqual([{ row: 4, code: 'duplicate', reason: 'same as row 2', sameAs: 2 }])
      expect(r.events.map(e => e.to)).toEqual(['s1', 'won'])
    })

    it('should tell each record\'s and event\'s row numbers, the file\'s when the rows are a selection', () => {
      const r = reconstructFromHistoryLog([row('1', 'Prospecting', '2024-01-01'), row('2', 'Prospecting', '2024-01-02'), row('1', 'Closed Won', '2024-01-05')], { ...mapping, rowNumbers: [3, 7, 9] })
      const one = r.records.find(x => x.values.key === '1')!
      expect(r.rowsOf.get(one.id)).toEqual([3, 9])
      expect(r.events.filter(e => e.recordId === one.id).map(e => r.eventRows.get(e.id))).toEqual([3, 9])
    })

    it('should read amount rows of a property history as the amount over time, making no event', () => {
      const prop = (OpportunityId: string, Property: string, StageName: string, CreatedDate: string) => ({ OpportunityId, Property, StageName, CreatedDate })
      const r = reconstructFromHistoryLog([
        prop('1', 'dealstage', 'Prospecting', '2024-01-01'),
        prop('1', 'amount', '100', '2024-01-01T00:00:05Z'),
        prop('1', 'amount', '150', '2024-01-03'),
        prop('1', 'amount', 'lots', '2024-01-04'),
        prop('1', 'amount', '150', '2024-01-04'),
        prop('1', 'dealstage', 'Closed Won', '2024-01-09'),
      ], { ...mapping, columns: { key: 'OpportunityId', stage: 'StageName', at: 'CreatedDate' }, amountRows: { column: 'Property', values: ['Amount'] } })
      expect(r.badRows).toEqual([{ row: 5, code: 'badAmount', reason: 'StageName "lots" is not a number' }])
      expect(r.unknownStages).toEqual([])
      const rec = r.records[0]!
      expect(rec.values).toMatchObject({ stage: 'won', amount: 150 })
      expect(r.events.map(e => e.to)).toEqual(['s1', 'won'])
      expect(r.amounts.get(rec.id)).toEqual([{ at: Date.UTC(2024, 0, 1, 0, 0, 5), to: 100 }, { at: Date.UTC(2024, 0, 3), to: 150 }])
    })

    it('should list unknown stage names with their rows and keep the record', () => {
      const r = reconstructFromHistoryLog([row('1', 'Prospecting', '2024-01-01'), row('1', 'Qualify', '2024-01-02'), row('2', 'Qualify', '2024-01-03')], mapping)
      expect(r.unknownStages).toEqual([{ name: 'Qualify', rows: [3, 4] }])
      expect(r.records).toHaveLength(2)
      expect(r.records[1]!.values.stage).toBeUndefined()
    })

    it('should list a stage named after an Object.prototype key as unknown, not as mapped', () => {
      const r = reconstructFromHistoryLog([row('1', 'constructor', '2024-01-02'), row('2', '__proto__', '2024-01-03')], { ...mapping, stageNames: {} })
      expect(r.unknownStages).toEqual([{ name: 'constructor', rows: [2] }, { name: '__proto__', rows: [3] }])
      expect(({} as Record<string, unknown>).prev).toBeUndefined()
    })

    it('should use an explicit stage-name mapping first', () => {
      const r = reconstructFromHistoryLog([row('1', 'Qualify', '2024-01-02')], { ...mapping, stageNames: { Qualify: 's2' } })
      expect(r.unknownStages).toEqual([])
      expect(r.events[0]!.to).toBe('s2')
    })

    it('should report bad rows with their row number and reason', () => {
      const r = reconstructFromHistoryLog([
        row('', 'Prospecting', '2024-01-01'),
        row('1', '', '2024-01-01'),
        row('1', 'Prospecting', 'someday'),
        row('1', 'Prospecting', '2024-01-01', 'lots'),
      ], mapping)
      expect(r.badRows).toEqual([
        { row: 2, code: 'missingKey', reason: 'empty OpportunityId' },
        { row: 3, code: 'missingStage', reason: 'empty StageName' },
        { row: 4, code: 'badTime', reason: 'CreatedDate "someday" is not a time' },
        { row: 5, code: 'badAmount', reason: 'Amount "lots" is not a number' },
      ])
      expect(r.events).toHaveLength(1)
    })
  })
})
