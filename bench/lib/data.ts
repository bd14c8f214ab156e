/** Deterministic bench data: the template's opportunity form and generateOpportunities rows. */
import type { AutomationDef } from '../../src/core/automations'
import type { ChangeEntry, FieldOf, FormDef, RecordRow, StageEvent } from '../../src/core/schema/types'
import { generateOpportunities, getTemplate } from '../../src/core/template'
import type { StageEventColumns } from '../../src/core/events'
import { asColumns } from '../../src/core/events'
import { warmRecordColumns } from '../../src/core/metrics'

/** Fixed "now" and seed: every run generates the same records and events. */
export const BENCH_NOW = Date.UTC(2025, 5, 1)
export const BENCH_SEED = 20240601
export const OPP_FORM = 'form_opportunity'
export const STAGE_FIELD = 'f_opp_stage'
export const AMOUNT_FIELD = 'f_opp_amount'

/** One generated size. */
export interface Dataset {
  size: number
  records: RecordRow[]
  events: StageEvent[]
  /** The same events as the history store holds them (columns; built untimed, as a load does). */
  columns: StageEventColumns
  form: FormDef
  stageField: FieldOf<'stage'>
  now: number
}

/**
 * The template's opportunity form as a standalone form: the fast generator fills no relations
 * (account, contact, campaign), so they are made optional and stage gates naming them dropped;
 * everything else (types, choices, stage options, formula) is the template's.
 */
export function benchForm(): FormDef {
  const template = getTemplate('sales-funnel')
  const form = template?.bundle.forms.find(f => f.id === OPP_FORM)
  if (!form) throw new Error('sales-funnel template has no opportunity form')
  const relations = new Set(form.fields.filter(f => f.type === 'relation').map(f => f.id))
  const fields = form.fields.map((f) => {
    if (relations.has(f.id)) return { ...f, required: false }
    if (f.type !== 'stage') return f
    const stages = f.options.stages.map(s => (s.gate ? { ...s, gate: s.gate.filter(id => !relations.has(id)) } : s))
    return { ...f, options: { ...f.options, stages } }
  })
  return { ...form, fields } as FormDef
}

/** Generates `size` opportunities (~4.3 stage events each). */
export function dataset(size: number): Dataset {
  const form = benchForm()
  const stageField = form.fields.find(f => f.id === STAGE_FIELD) as FieldOf<'stage'>
  const { records, events } = generateOpportunities(size, BENCH_SEED, BENCH_NOW)
  // the records' columns as the records store warms them once a form is read (untimed, as the event columns)
  warmRecordColumns(records, form.fields)
  return { size, records, events, columns: asColumns(events), form, stageField, now: BENCH_NOW }
}

const DAY = 86_400_000

/**
 * Amount edits for the as-of and waterfall ops (the waterfall widget reads the amount field's
 * change log): every fourth deal with an amount had it raised once, from 80 % of today's value,
 * at a day spread over the 200 days before now (never before its creation), so about 40 % of
 * the edits fall in the 90-day window. Deterministic; one entry per edited deal.
 */
export function amountChanges(ds: Dataset): ChangeEntry[] {
  const out: ChangeEntry[] = []
  ds.records.forEach((r, i) => {
    const to = r.values[AMOUNT_FIELD]
    if (i % 4 !== 0 || typeof to !== 'number') return
    const at = Math.max(r.createdAt + 3_600_000, ds.now - ((i * 7919) % 200) * DAY - (i % 1000) * 60_000)
    if (at >= ds.now) return
    out.push({ id: `chg${i}`, formId: OPP_FORM, recordId: r.id, at, kind: 'update', changes: [{ field: AMOUNT_FIELD, from: Math.round(to * 0.8), to }] })
  })
  return out
}

/**
 * The template's write-triggered automations (stage entered → create records) and the forms
 * they write to, for the bulk-import row with automations: each created record's relations are
 * made optional as in benchForm (the generator fills none), so every run writes its records.
 */
export function benchAutomations(mode: 'firing' | 'checked' = 'firing'): { automations: AutomationDef[], forms: FormDef[] } {
  const template = getTemplate('sales-funnel')
  if (!template) throw new Error('no sales-funnel template')
  // 'checked': the same automations with a condition no imported deal meets (amount < 0), so
  // each record is checked against every trigger and condition and none fires.
  const never = { and: [{ field: AMOUNT_FIELD, op: 'lt' as const, value: 0 }] }
  const automations = (template.bundle.app.automations ?? []).filter(a => a.trigger.kind === 'stageEntered')
    .map(a => (mode === 'checked' ? { ...a, condition: never } : a))
  const targets = new Set(automations.flatMap(a => a.actions.flatMap(x => (x.kind === 'createRecord' ? [x.formId] : []))))
  const forms = template.bundle.forms.filter(f => targets.has(f.id)).map(f => ({ ...f, fields: f.fields.map(x => (x.type === 'relation' ? { ...x, required: false } : x)) }) as FormDef)
  return { automations, forms }
}
