import { describe, expect, it } from 'vitest'
import { guessHistoryColumns } from '../../../../../src/core/io/stage-history'

// An OpportunityHistory-shaped export with the traps of the issue: the row's own unique Id before
// the deal id, CreatedById (a user id) before CreatedDate, a 0/1 IsDeleted before Amount.
const HEADERS = ['Id', 'IsDeleted', 'CreatedById', 'OpportunityId', 'StageName', 'Amount', 'Probability', 'CloseDate', 'CreatedDate']
const STAGES = ['Presentación', 'Negociación', 'Diseño', 'Firmas', 'Cerrada ganada']
function historyRows(): string[][] {
  const rows: string[][] = []
  let n = 0
  for (let deal = 1; deal <= 40; deal++) {
    const steps = 1 + (deal % STAGES.length)
    for (let s = 0; s < steps; s++) {
      n++
      rows.push([
        `008${String(n).padStart(12, '0')}`,
        n % 7 === 0 ? '1' : '0',
        `005A0000000${deal % 3}`,
        `006${String(deal).padStart(12, '0')}`,
        STAGES[s]!,
        String(1000 + deal * 37 + s * 11),
        String((s + 1) * 20),
        `2024-06-${String(1 + (deal % 28)).padStart(2, '0')}`,
        `2024-0${1 + s}-${String(1 + (deal % 28)).padStart(2, '0')}T10:00:00.000Z`,
      ])
    }
  }
  return rows
}

describe('guess-columns', () => {
  describe('guessHistoryColumns', () => {
    it('should read the values past the header traps: deal id, change date, real amount', () => {
      const g = guessHistoryColumns(HEADERS, historyRows(), { stageNames: STAGES })
      expect(g.key?.column).toBe('OpportunityId')
      expect(g.at?.column).toBe('CreatedDate')
      expect(g.amount?.column).toBe('Amount')
      expect(g.stage?.column).toBe('StageName')
      expect(g.order?.column).toBe('Probability')
      expect(g.at).toMatchObject({ confidence: 'high', reason: { code: 'dates', share: 1 } })
      expect(g.key?.reason).toMatchObject({ code: 'repeats', keys: 40 })
      expect(g.stage).toMatchObject({ confidence: 'high', reason: { code: 'stageNames', share: 1 } })
    })

    it('should never take a 0/1 column for the amount nor a user id for the time', () => {
      const g = guessHistoryColumns(['IsDeleted', 'CreatedById', 'deal', 'stage'], [['0', 'u1', 'a', 'x'], ['1', 'u2', 'a', 'y'], ['0', 'u1', 'b', 'x']])
      expect(g.amount).toBeUndefined()
      expect(g.at).toBeUndefined()
    })

    it('should prefer the column whose values match the keys of existing records', () => {
      const rows = historyRows()
      const deals = new Set(rows.map(r => r[3]!))
      const g = guessHistoryColumns(['RowKey', ...HEADERS.slice(1)], rows.map(r => [r[0]!, ...r.slice(1)]), { stageNames: STAGES, keyFields: [{ field: 'f_title', keys: new Set(['nothing']) }, { field: 'f_deal', keys: deals }] })
      expect(g.key).toMatchObject({ column: 'OpportunityId', field: 'f_deal', confidence: 'high', reason: { code: 'matchesRecords', share: 1, matched: 40 } })
    })

    it('should match a few existing records among many deals, and never a 0/1 column that happens to share their values', () => {
      const rows = historyRows()
      const few = new Set([rows[0]![3]!, rows[5]![3]!])
      const g = guessHistoryColumns(HEADERS, rows, { stageNames: STAGES, keyFields: [{ field: 'f_value', keys: new Set(['0', '1054']) }, { field: 'f_deal', keys: few }] })
      expect(g.key).toMatchObject({ column: 'OpportunityId', field: 'f_deal', reason: { code: 'matchesRecords', matched: 2 } })
    })

    it('should mark a guess made on names alone as low confidence', () => {
      const g = guessHistoryColumns(['record', 'stage', 'when'], [['1', 'A', '2024-01-01'], ['1', 'B', '2024-01-03'], ['2', 'A', '2024-01-02'], ['2', 'C', '2024-01-05']])
      expect(g.at).toMatchObject({ column: 'when', confidence: 'low' })
      expect(g.key?.column).toBe('record')
      expect(g.stage?.column).toBe('stage')
    })
  })
})
