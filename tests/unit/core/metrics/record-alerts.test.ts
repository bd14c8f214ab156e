import type { FieldOf } from '../../../../src/core/schema/types'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { appendColumns, asColumns, recordEventsOf, recordsEventsOf } from '../../../../src/core/events'
import { recordStageAlerts, stageAlerts } from '../../../../src/core/metrics'
import { getTemplate } from '../../../../src/core/template'
import { generateOpportunities } from '../../../../src/core/template/demo/fast'

const NOW = Date.UTC(2025, 5, 1)
const { records, events } = generateOpportunities(600, 7, NOW)
const columns = asColumns(events)
const template = getTemplate('sales-funnel')!.bundle.forms.find(f => f.id === 'form_opportunity')!
const stage = template.fields.find(f => f.id === 'f_opp_stage') as FieldOf<'stage'>
const { snooze: _none, ...unsnoozed } = stage.options
const plain: FieldOf<'stage'> = { ...stage, options: unsnoozed }
// snoozed deals too: the template's field resumes on a date field; a few deals get one after now
const snoozing: FieldOf<'stage'> = stage.options.snooze ? stage : { ...stage, options: { ...stage.options, snooze: { untilField: 'until' } } }
const untilField = snoozing.options.snooze!.untilField
const withSnoozes = records.map((r, i) => (i % 7 === 0 ? { ...r, values: { ...r.values, [untilField]: i % 14 === 0 ? '2025-07-01' : '2025-01-01' } } : r))

describe('record-alerts', () => {
  describe('recordsEventsOf', () => {
    it('should give the events of each record, merged in column order, from columns and from objects', () => {
      const ids = new Set([records[3]!.id, records[70]!.id, records[599]!.id, 'unknown'])
      const expected = events.filter(e => ids.has(e.recordId))
      expect(recordsEventsOf(columns, ids)).toEqual(expected)
      expect(recordsEventsOf(events, ids)).toEqual(expected)
      const many = new Set(records.slice(0, 40).map(r => r.id))
      expect(recordsEventsOf(columns, many)).toEqual(events.filter(e => many.has(e.recordId)))
      expect(recordsEventsOf(columns, new Set([records[5]!.id]))).toEqual(recordEventsOf(columns, records[5]!.id))
      expect(recordsEventsOf(columns, new Set())).toEqual([])
    })

    it('should find events appended after its index was built, and those of new records', () => {
      const base = asColumns(events.slice(0, 2000))
      const ids = new Set([records[3]!.id, records[599]!.id, 'new-record'])
      expect(recordsEventsOf(base, ids)).toEqual(events.slice(0, 2000).filter(e => ids.has(e.recordId)))
      const added = [...events.slice(2000), { ...events[0]!, id: 'e-new', recordId: 'new-record' }, { ...events[1]!, id: 'e-again', recordId: records[3]!.id, at: NOW }]
      const grown = appendColumns(base, added)
      expect(recordsEventsOf(grown, ids)).toEqual([...events, ...added.slice(-2)].filter(e => ids.has(e.recordId)))
      // the older snapshot still reads only its own entries
      expect(recordsEventsOf(base, ids)).toEqual(events.slice(0, 2000).filter(e => ids.has(e.recordId)))
    })
  })

  describe('recordStageAlerts', () => {
    it('should give some records the alerts stageAlerts over the whole form gives them', () => {
      for (const field of [plain, snoozing]) {
        const rows = field === plain ? records : withSnoozes
        const all = stageAlerts({ records: rows, events: columns, field, options: { now: NOW } })
        expect(all.size).toBeGreaterThan(10)
        expect([...all.values()].some(a => a.kind === 'snoozed')).toBe(field === snoozing)
        fc.assert(fc.property(fc.uniqueArray(fc.nat(rows.length - 1), { maxLength: 80 }), (picked) => {
          const subset = picked.map(index => ({ record: rows[index]!, index }))
          const got = recordStageAlerts(subset, columns, field, NOW)
          const expected = new Map(subset.filter(({ record }) => all.has(record.id)).map(({ record }) => [record.id, all.get(record.id)]))
          expect(new Map([...got].sort())).toEqual(new Map([...expected].sort()))
        }), { numRuns: 60 })
      }
    })

    it('should follow an edit of a record: its new stage and stage event', () => {
      const index = records.findIndex(r => stageAlerts({ records, events: columns, field: plain, options: { now: NOW } }).get(r.id)?.kind === 'stalled')
      const record = records[index]!
      const stages = plain.options.stages.filter(s => s.kind === 'open')
      const to = stages.find(s => s.id !== record.values.f_opp_stage)!.id
      const edited = { ...record, values: { ...record.values, f_opp_stage: to } }
      const moved = asColumns([...events, { id: 'ev-new', formId: 'form_opportunity', recordId: record.id, fieldId: plain.id, from: record.values.f_opp_stage as string, to, at: NOW - 1000 }])
      const rows = records.map((r, i) => (i === index ? edited : r))
      const full = stageAlerts({ records: rows, events: moved, field: plain, options: { now: NOW } }).get(record.id)
      expect(recordStageAlerts([{ record: edited, index }], moved, plain, NOW).get(record.id)).toEqual(full)
      expect(full).toBeUndefined() // entered a second ago: not stalled any more
    })
  })
})
