import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { eventsFromDateColumns } from '../../../../src/core/io/stage-history'
import { cumulativeFunnel, formatRatio, pipelineAsOf, pipelineWaterfall, salesCycle, snapshotFunnel, summarizeStageHistory, winRate } from '../../../../src/core/metrics'
import type { RecordRow } from '../../../../src/core/schema/types'
import { CRM_DIR, CRM_SKIP_REASON, hasCrmData } from '../../../shared-data'
import { stage, stageField } from '../../../fixtures/metrics'

const field = stageField([stage('Prospecting', 'open'), stage('Engaging', 'open'), stage('Won', 'won'), stage('Lost', 'lost')])

function load() {
  const csv = readFileSync(`${CRM_DIR}sales_pipeline.csv`, 'utf8')
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data
  const records: RecordRow[] = rows.map(r => ({
    id: r.opportunity_id!,
    values: { stage: r.deal_stage, engage: r.engage_date, close: r.close_date, value: r.close_value },
    createdAt: 0,
    updatedAt: 0,
    rev: 1,
  }))
  const { events, issues } = eventsFromDateColumns(records, {
    formId: 'pipeline',
    field,
    dateFormat: 'DMY',
    columns: [{ stage: 'Engaging', column: 'engage' }, { stage: 'Won', column: 'close' }, { stage: 'Lost', column: 'close' }],
  })
  return { records, events, issues }
}

describe.skipIf(!hasCrmData)(hasCrmData ? 'crm sales opportunities (real data)' : `crm sales opportunities: ${CRM_SKIP_REASON}`, () => {
  const { records, events, issues } = hasCrmData ? load() : { records: [], events: [], issues: [] }
  const summary = summarizeStageHistory(records, events, field)
  const input = { records, events, field, summary, options: { amountField: 'value' } }

  describe('eventsFromDateColumns', () => {
    it('should backdate every engage and close date without issues', () => {
      expect(records).toHaveLength(8800)
      expect(issues).toEqual([])
      expect(events).toHaveLength(8300 + 4238 + 2473)
    })
  })

  describe('pipelineWaterfall', () => {
    it('should sum its bars exactly from the pipeline as of 2017-01-01 to the pipeline as of 2017-07-01', () => {
      const from = Date.UTC(2017, 0, 1)
      const to = Date.UTC(2017, 6, 1)
      const w = pipelineWaterfall(input, from, to)
      const bar = Object.fromEntries(w.bars.map(b => [b.key, b]))
      const start = pipelineAsOf(input, from)
      const end = pipelineAsOf(input, to)
      expect([bar.start!.count, bar.start!.amount]).toEqual([start.count, start.amount])
      expect([bar.end!.count, bar.end!.amount]).toEqual([end.count, end.amount])
      expect(w.bars.slice(1, -1).reduce((t, b) => t + b.delta, start.count)).toBe(end.count)
      expect(w.bars.slice(0, -1).reduce((t, b) => t + b.amount, 0)).toBeCloseTo(end.amount, 6)
      expect(bar.won!.count).toBeGreaterThan(1000)
      expect(bar.created!.count).toBeGreaterThan(0)
    })
  })

  describe('metrics', () => {
    it('should match the README stage counts and won close_value', () => {
      const s = snapshotFunnel(input)
      expect(s.stages.map(x => [x.stageId, x.count])).toEqual([['Prospecting', 500], ['Engaging', 1589], ['Won', 4238], ['Lost', 2473]])
      expect(s.stages.find(x => x.stageId === 'Won')?.amount).toBe(10_005_534)
    })

    it('should match the README cumulative funnel', () => {
      const f = cumulativeFunnel(input)
      expect(f.steps.map(x => x.count)).toEqual([8800, 8300, 4238])
      expect(f.lostUnknown).toBe(0)
    })

    it('should match the README win rate', () => {
      const w = winRate(input)
      expect([w.won, w.lost]).toEqual([4238, 2473])
      expect(formatRatio(w.rate, 2)).toBe('63.15%')
    })

    it('should match the README won cycle, engage to close', () => {
      const c = salesCycle(input)
      expect(c.count).toBe(4238)
      expect(c.days.median).toBe(57)
      expect(c.days.mean?.toFixed(2)).toBe('51.78')
    })
  })
})
