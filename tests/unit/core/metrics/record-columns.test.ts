import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RecordRow, StageEvent } from '../../../../src/core/schema/types'
import type { StageSummary } from '../../../../src/core/metrics'
import { cumulativeFunnel, summarizeStageHistory, timeInStage } from '../../../../src/core/metrics'
import { recordColumns } from '../../../../src/core/metrics/record-columns'
import { appendColumns, asColumns } from '../../../../src/core/events'
import { applyRecordChanges } from '../../../../src/core/records'
import { DAY, rec, stage, stageField } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'

const NOW = 90 * DAY
const field = stageField()
/** The same field with a stage added between s2 and s3 (stage codes of s3, won and lost move). */
const withNewStage = stageField([
  stage('s1', 'open'), stage('s2', 'open'), stage('s2b', 'open'), stage('s3', 'open'), stage('won', 'won'), stage('lost', 'lost'),
])

/** The records as new objects: whatever was kept for the old ones, these are read afresh. */
const fresh = (records: readonly RecordRow[]): RecordRow[] => records.map(r => ({ ...r, values: { ...r.values } }))

const COLUMNS = ['current', 'outcome', 'depth', 'strictDepth', 'lostFrom', 'entryAt', 'closedAt', 'currentSince', 'visitOffset', 'visitStage', 'visitEnter', 'visitExit', 'visitInferred'] as const

function plain(s: StageSummary) {
  return {
    ...Object.fromEntries(COLUMNS.map(k => [k, Array.from(s[k])])),
    count: s.count, lostUnknown: s.lostUnknown, ignoredEvents: s.ignoredEvents,
  }
}

/** Summary and the metrics over it, as the dashboards compute them (amount read with the summary). */
function figures(records: readonly RecordRow[], events: Parameters<typeof summarizeStageHistory>[1], f = field) {
  const summary = summarizeStageHistory(records, events, f, { numberFields: ['amount'] })
  const input = { records, events, field: f, summary, options: { amountField: 'amount', now: NOW } }
  return { summary: plain(summary), funnel: cumulativeFunnel(input).steps.map(s => [s.count, s.amount]), times: timeInStage(input).stages }
}

/** An edit of the held array as the records store makes it (applyRecordChanges: new objects, in place). */
const editArb = fc.record({
  edit: fc.nat(),
  to: fc.constantFrom<string | undefined>('s1', 's2', 's2b', 's3', 'won', 'lost', undefined),
  amount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
  remove: fc.array(fc.nat(), { maxLength: 3 }),
  add: fc.boolean(),
  newStage: fc.boolean(),
  copyArray: fc.boolean(),
})

describe('record columns', () => {
  it('should read ids, creation times, numbers and string values as the records hold them', () => {
    const rows = [rec('a', 's1', { amount: 5, owner: 'm1' }, 2), rec('b', undefined, { amount: '7', owner: 3 }, 1), rec('c', 'won', { amount: 'x' }, 4)]
    const rc = recordColumns(rows)
    expect(rc.ids).toEqual(['a', 'b', 'c'])
    expect(Array.from(rc.createdAt)).toEqual([2 * DAY, DAY, 4 * DAY])
    expect(Array.from(rc.number('amount'))).toEqual([5, 7, Number.NaN])
    const owner = rc.codes('owner')
    expect(Array.from(owner.codes, c => (c < 0 ? null : owner.table[c]))).toEqual(['m1', null, null])
    expect(recordColumns(rows)).toBe(rc)
  })

  it('should give a new snapshot after an edit and leave the old one as it was', () => {
    const rows = [rec('a', 's1', { amount: 5 }), rec('b', 's2', { amount: 6 })]
    const before = recordColumns(rows)
    const amounts = before.number('amount')
    applyRecordChanges(rows, new Map(rows.map(r => [r.id, r])), { put: [rec('b', 's3', { amount: 60 })] })
    const after = recordColumns(rows)
    expect(after).not.toBe(before)
    expect(Array.from(amounts)).toEqual([5, 6])
    expect(Array.from(after.number('amount'))).toEqual([5, 60])
    const stages = after.codes('stage')
    expect(Array.from(stages.codes, c => stages.table[c])).toEqual(['s1', 's3'])
  })

  it('should share the columns of a copy of the array holding the same objects, and read an edited copy afresh', () => {
    // large enough for a new array to be matched against the latest snapshots (smaller ones are read afresh)
    const rows = Array.from({ length: 1500 }, (_, i) => rec(`r${i}`, 's1', { amount: i }))
    const before = recordColumns(rows)
    const amounts = before.number('amount')
    const copy = recordColumns(rows.slice())
    expect(copy).not.toBe(before)
    expect(copy.number('amount')).toBe(amounts)
    expect(copy.ids).toBe(before.ids)
    const edited = rows.slice()
    edited[7] = rec('r7', 's2', { amount: 70 })
    const after = recordColumns(edited).number('amount')
    expect(after).not.toBe(amounts)
    expect(after[7]).toBe(70)
    expect(Array.from(amounts)).toEqual(rows.map((_, i) => i))
  })

  it('should summarize as from the record objects after edits, deletions, new records and a new stage', () => {
    fc.assert(fc.property(historiesArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), ({ records, events }, edits) => {
      let rows = records.slice()
      let cols = asColumns(events)
      let f = field
      expect(figures(rows, cols, f)).toEqual(figures(fresh(rows), cols, f))
      let serial = 0
      for (const e of edits) {
        if (rows.length === 0) break
        const byId = new Map(rows.map(r => [r.id, r]))
        const old = rows[e.edit % rows.length] as RecordRow
        if (e.newStage) f = withNewStage
        const values: Record<string, unknown> = { ...old.values }
        if (e.to === undefined) delete values.stage
        else values.stage = e.to
        if (e.amount === undefined) delete values.amount
        else values.amount = e.amount
        const put: RecordRow[] = [{ ...old, values, rev: old.rev + 1 }]
        const added: StageEvent[] = []
        if (e.to !== undefined) added.push({ id: `e${serial}`, formId: 'f', recordId: old.id, fieldId: 'stage', from: typeof old.values.stage === 'string' ? old.values.stage : null, to: e.to, at: (61 + serial) * DAY })
        if (e.add) {
          put.push(rec(`new${serial}`, 's2', { amount: serial }, 10))
          added.push({ id: `n${serial}`, formId: 'f', recordId: `new${serial}`, fieldId: 'stage', from: null, to: 's2', at: 10 * DAY })
        }
        serial++
        const gone = e.remove.map(k => (rows[k % rows.length] as RecordRow).id).filter(id => id !== old.id)
        applyRecordChanges(rows, byId, { put, delete: gone })
        cols = appendColumns(cols, added)
        // the store shows a streamed open's rows as a new array over the same objects
        if (e.copyArray) rows = rows.slice()
        expect(figures(rows, cols, f)).toEqual(figures(fresh(rows), cols, f))
      }
    }), { numRuns: 150 })
  })
})
