import type { FieldDef, FieldOf, FormDef } from '@/core/schema/types'
import type { StageAlert } from '@/core/metrics'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { useStageAlerts } from '@/components/funnel/use-stage-alerts'
import { stageAlerts } from '@/core/metrics'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useHistoryStore } from '@/stores/history'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { funnelForm, funnelStageField, opp, stageEvent } from '../fixtures/funnel'
import { until } from '../fixtures/io-ui'
import { mountWithApp, settle } from './mount-app'

const DAY = 86_400_000
const NOW = 400 * DAY

/** The small funnel with lead stalling after 14 days, needs after 7, and a snooze date field. */
function alertingForm() {
  const base = funnelStageField()
  const stage: FieldOf<'stage'> = { ...base, options: { ...base.options, stages: base.options.stages.map(s => (s.id === 'needs' ? { ...s, stalledAfterDays: 7 } : s)), snooze: { untilField: 'until' } } }
  const form = funnelForm(stage)
  const until: FieldDef = { id: 'until', type: 'date', label: { 'zh-CN': '暂缓至', 'en': 'Snoozed until' } }
  return { form: { ...form, fields: [...form.fields, until] }, stage }
}

/** Mounts useStageAlerts over form `opp` of `adapter`, with its records and events read. */
async function mountAlerts(adapter: ReturnType<typeof createMemoryAdapter>, form: FormDef) {
  let alerts: ReturnType<typeof useStageAlerts> | undefined
  const { wrapper } = mountWithApp(defineComponent(() => {
    alerts = useStageAlerts('opp', form.fields)
    return () => h('div')
  }), { adapter })
  await useWorkspaceStore().load()
  const records = useRecordsStore()
  const history = useHistoryStore()
  await records.ensure('opp').loaded
  await history.eventsLoaded('opp')
  await settle()
  const alertOf = (recordId: string, fieldId: string): StageAlert | undefined => alerts!.alertOf(recordId, fieldId)
  return { wrapper, alertOf, records, history }
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('useStageAlerts after edits', () => {
  it('should recompute only the edited deals and agree with the whole form computed again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const { form, stage } = alertingForm()
    const adapter = createMemoryAdapter()
    const ids = Array.from({ length: 12 }, (_, i) => `r${i}`)
    await adapter.commit({
      defs: { put: [{ kind: 'form', doc: form }] },
      records: { opp: { put: ids.map((id, i) => opp(id, { stage: i % 3 === 0 ? 'needs' : 'lead', amount: 10 * i })) } },
      stageEvents: ids.flatMap((id, i) => [stageEvent(`${id}-a`, null, 'lead', 300 + i, id), ...(i % 3 === 0 ? [stageEvent(`${id}-b`, 'lead', 'needs', 380 + i, id)] : [])]),
    })
    const { wrapper, alertOf, records, history } = await mountAlerts(adapter, form)
    /** Days to a tenth: deals no edit touched keep the age they had when the whole form was computed (minutes ago here). */
    const rounded = (a: StageAlert | undefined) => (a?.stalled ? { ...a, stalled: { ...a.stalled, days: Math.round(a.stalled.days * 10) / 10 } } : a)
    /** Every deal's alert as shown, against stageAlerts over the whole form now. */
    const check = () => {
      const rows = records.ensure('opp').rows.value
      const full = stageAlerts({ records: rows, events: history.columnsOf('opp').value, field: stage, options: { now: Date.now() } })
      for (const r of rows) expect(rounded(alertOf(r.id, 'stage')), r.id).toEqual(rounded(full.get(r.id)))
      return full
    }
    const first = check()
    expect([...first.values()].filter(a => a.kind === 'stalled')).toHaveLength(12)
    const kept = alertOf('r5', 'stage')

    vi.setSystemTime(NOW + 600_000)
    await records.update('opp', [{ recordId: 'r1', values: { name: 'renamed' } }])
    await records.update('opp', [{ recordId: 'r2', values: { stage: 'proposal', amount: 5, needsText: 'ERP' } }]) // entered now: not stalled
    await records.update('opp', [{ recordId: 'r3', values: { until: '2030-01-01' } }]) // snoozed
    await records.add('opp', [{ name: 'new', stage: 'lead' }])
    const after = check()
    expect(after.get('r2')).toBeUndefined()
    expect(alertOf('r3', 'stage')?.kind).toBe('snoozed')
    // the deals no edit touched kept the alert computed before (only the edited ones were recomputed)
    expect(alertOf('r5', 'stage')).toBe(kept)

    // a removal shifts every later record's index: the whole form is computed again
    await records.remove('opp', ['r0'])
    check()
    expect(alertOf('r5', 'stage')).not.toBe(kept)
    expect(alertOf('r5', 'stage')?.stalled?.recordIndex).toBe(4)
    wrapper.unmount()
  })

  it('should show a bulk write\'s changes paced, and end with the whole form\'s alerts', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const { form, stage } = alertingForm()
    const adapter = createMemoryAdapter()
    const ids = Array.from({ length: 150 }, (_, i) => `r${i}`)
    await adapter.commit({
      defs: { put: [{ kind: 'form', doc: form }] },
      records: { opp: { put: ids.map(id => opp(id, { stage: 'lead', amount: 1 })) } },
      stageEvents: ids.map((id, i) => stageEvent(`${id}-a`, null, 'lead', 300 + (i % 50), id)),
    })
    const { wrapper, alertOf, records, history } = await mountAlerts(adapter, form)
    expect(ids.every(id => alertOf(id, 'stage')?.kind === 'stalled')).toBe(true)
    // The whole form's computation made to look slow (50 ms a reading of the clock), so the
    // second batch comes before the paced computation may run again.
    let clock = performance.now()
    const slow = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50))
    // An import snoozing every deal, in two batches of more records than are recomputed alone;
    // the grid reads the alerts after each batch (its cells are drawn).
    const snoozed = ids.map(recordId => ({ recordId, values: { until: '2030-01-01' } }))
    const shown = () => ids.filter(id => alertOf(id, 'stage')?.kind === 'snoozed').length
    const seen: number[] = []
    for (const [index, part] of [snoozed.slice(0, 75), snoozed.slice(75)].entries()) {
      const out = await records.importBatch('opp', { index, total: 2, updates: part, inserts: [], progress: (index + 1) / 2 }, { undoGroup: 'imp' })
      expect(out.ok).toBe(true)
      seen.push(shown())
    }
    // the first batch is computed at once; the second waits for its turn (the first one's deals shown meanwhile)
    expect(seen).toEqual([75, 75])
    await until(() => shown() === ids.length, 'every deal shown snoozed')
    slow.mockRestore()
    const full = stageAlerts({ records: records.ensure('opp').rows.value, events: history.columnsOf('opp').value, field: stage, options: { now: Date.now() } })
    for (const id of ids) expect(alertOf(id, 'stage')).toEqual(full.get(id))
    wrapper.unmount()
  })
})
