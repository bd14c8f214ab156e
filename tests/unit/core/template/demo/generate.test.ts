import { describe, expect, it } from 'vitest'
import type { FieldDef, RecordRow, StageEvent } from '../../../../../src/core/schema/types'
import { generateSalesDemo } from '../../../../../src/core/template/demo/generate'
import { allFields, members, NOW, salesTemplate } from '../../../../fixtures/template'

const DAY = 86_400_000
const OPEN = ['stage_lead', 'stage_contact', 'stage_needs', 'stage_proposal', 'stage_negotiation']
const team = members(5)
const demo = generateSalesDemo({ seed: 7, now: NOW, members: team })
const t = salesTemplate()
const rows = (formId: string): RecordRow[] => demo.records[formId] ?? []
const opps = rows('form_opportunity')

/** Events per record, in the order given. */
function byRecord(events: readonly StageEvent[]): Map<string, StageEvent[]> {
  const map = new Map<string, StageEvent[]>()
  for (const e of events) map.set(e.recordId, [...(map.get(e.recordId) ?? []), e])
  return map
}

/** Highest open stage index reached (4 for won), and the stage lost from (or -1). */
function reach(events: readonly StageEvent[]): { highest: number, lostFrom: number } {
  let highest = 0
  let prev = 0
  for (const e of events) {
    const k = OPEN.indexOf(e.to)
    if (k >= 0) { highest = Math.max(highest, k); prev = k }
  }
  const last = events[events.length - 1]?.to
  return { highest: last === 'stage_won' ? 4 : highest, lostFrom: last === 'stage_lost' ? prev : -1 }
}

/** A problem with one value of a record, or null when the value fits its field. */
function checkValue(field: FieldDef, value: unknown, ids: ReadonlyMap<string, Set<string>>): string | null {
  switch (field.type) {
    case 'select': return field.options.choices.some(c => c.id === value) ? null : `not an option: ${String(value)}`
    case 'multiselect': return Array.isArray(value) && value.every(v => field.options.choices.some(c => c.id === v)) ? null : `not options: ${String(value)}`
    case 'stage': return field.options.stages.some(s => s.id === value) ? null : `not a stage: ${String(value)}`
    case 'relation': return ids.get(field.options.formId)?.has(value as string) === true ? null : `dangling relation ${String(value)}`
    case 'member': return team.some(m => m.id === value) ? null : `unknown member ${String(value)}`
    case 'date': return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? null : `bad date ${String(value)}`
    case 'money': case 'number': case 'percent': case 'rating': return typeof value === 'number' && Number.isFinite(value) ? null : 'not a number'
    case 'subform': return Array.isArray(value) ? null : 'not rows'
    case 'formula': case 'rollup': case 'lookup': case 'createdAt': return 'computed fields are not stored'
    default: return typeof value === 'string' && value !== '' ? null : `bad text ${String(value)}`
  }
}

describe('demo/generate', () => {
  describe('generateSalesDemo', () => {
    it('should give identical output for the same seed and different output for another', () => {
      expect(generateSalesDemo({ seed: 7, now: NOW, members: team })).toEqual(demo)
      const other = generateSalesDemo({ seed: 8, now: NOW, members: team })
      expect(other.records.form_opportunity?.map(r => r.values.f_opp_stage)).not.toEqual(opps.map(r => r.values.f_opp_stage))
    })

    it('should fill every form with about the documented counts', () => {
      expect(Object.keys(demo.records).sort()).toEqual(t.bundle.forms.map(f => f.id).sort())
      expect(rows('form_account')).toHaveLength(200)
      expect(opps).toHaveLength(600)
      expect(rows('form_contact').length).toBeGreaterThan(350)
      expect(rows('form_contact').length).toBeLessThan(480)
      expect(rows('form_activity').length).toBeGreaterThan(3 * 600)
      expect(rows('form_target')).toHaveLength(team.length * 13)
      for (const form of ['form_proposal', 'form_contract', 'form_payment', 'form_ticket', 'form_feedback', 'form_campaign']) {
        expect(rows(form).length, form).toBeGreaterThan(10)
      }
    })

    it('should scale the counts', () => {
      const half = generateSalesDemo({ seed: 7, now: NOW, members: team, scale: 0.5 })
      expect(half.records.form_opportunity).toHaveLength(300)
      expect(half.records.form_account).toHaveLength(100)
    })

    it('should store only valid values: options, members, dates and relations that resolve', () => {
      const ids = new Map(Object.entries(demo.records).map(([formId, list]) => [formId, new Set(list.map(r => r.id))]))
      const problems: string[] = []
      for (const form of t.bundle.forms) {
        const fields = new Map(allFields(form).map(f => [f.id, f]))
        for (const r of rows(form.id)) {
          for (const [id, value] of Object.entries(r.values)) {
            const field = fields.get(id)
            const problem = field === undefined ? 'unknown field' : checkValue(field, value, ids)
            if (problem !== null) problems.push(`${form.id}.${id}: ${problem}`)
          }
          if (fields.get(form.titleField ?? '')?.type === 'text' && !r.values[form.titleField ?? '']) problems.push(`${form.id}: no title`)
        }
      }
      expect(problems.slice(0, 5)).toEqual([])
    })

    it('should keep account names unique, as the template requires', () => {
      const names = rows('form_account').map(r => r.values.f_acc_name)
      expect(new Set(names).size).toBe(names.length)
    })

    it('should shape a funnel: fewer deals reach each stage, some are lost from and some still open in every stage', () => {
      const events = byRecord(demo.stageEvents)
      const reached = [0, 0, 0, 0, 0]
      const lostFrom = [0, 0, 0, 0, 0]
      for (const list of events.values()) {
        const { highest, lostFrom: k } = reach(list)
        for (let s = 0; s <= highest; s++) reached[s] = (reached[s] ?? 0) + 1
        if (k >= 0) lostFrom[k] = (lostFrom[k] ?? 0) + 1
      }
      for (let k = 1; k < 5; k++) expect(reached[k]).toBeLessThan(reached[k - 1] ?? 0)
      const s1ToS2 = (reached[1] ?? 0) / (reached[0] ?? 1)
      expect(s1ToS2).toBeGreaterThan(0.65)
      expect(s1ToS2).toBeLessThan(0.85)
      for (const n of lostFrom) expect(n).toBeGreaterThan(0)
      for (const stage of OPEN) expect(opps.filter(r => r.values.f_opp_stage === stage).length, stage).toBeGreaterThan(3)
      const won = opps.filter(r => r.values.f_opp_stage === 'stage_won').length
      const lost = opps.filter(r => r.values.f_opp_stage === 'stage_lost').length
      expect(won / (won + lost)).toBeGreaterThan(0.08)
      expect(won / (won + lost)).toBeLessThan(0.4)
    })

    it('should include backward moves and stalled open deals', () => {
      const backward = demo.stageEvents.filter(e => e.from !== null && OPEN.includes(e.to) && OPEN.indexOf(e.to) < OPEN.indexOf(e.from))
      expect(backward.length).toBeGreaterThan(0)
      const events = byRecord(demo.stageEvents)
      const stalled = opps.filter((r) => {
        const k = OPEN.indexOf(r.values.f_opp_stage as string)
        const last = events.get(r.id)?.at(-1)
        return k >= 0 && last !== undefined && NOW - last.at > 30 * DAY
      })
      expect(stalled.length).toBeGreaterThan(0)
    })

    it('should log stage events that agree with each record: from null at creation, chained, ending at the current stage', () => {
      const events = byRecord(demo.stageEvents)
      const problems: string[] = []
      for (const r of opps) {
        const list = events.get(r.id) ?? []
        const head = list[0]
        if (head?.from !== null || head.to !== 'stage_lead' || head.at !== r.createdAt) problems.push(`${r.id}: bad first event`)
        if (list.at(-1)?.to !== r.values.f_opp_stage) problems.push(`${r.id}: last event is not the current stage`)
        if (r.updatedAt !== list.at(-1)?.at) problems.push(`${r.id}: updatedAt is not the last change`)
        for (let i = 1; i < list.length; i++) {
          if (list[i]?.from !== list[i - 1]?.to) problems.push(`${r.id}: broken chain`)
          if ((list[i]?.at ?? 0) <= (list[i - 1]?.at ?? Infinity)) problems.push(`${r.id}: not after the previous event`)
        }
      }
      expect(problems.slice(0, 5)).toEqual([])
      expect(new Set(demo.stageEvents.map(e => `${e.formId}/${e.fieldId}`))).toEqual(new Set(['form_opportunity/f_opp_stage']))
      const times = demo.stageEvents.map(e => e.at)
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(Math.max(...times)).toBeLessThan(NOW)
      expect(Math.min(...times)).toBeGreaterThan(NOW - 366 * DAY)
    })

    it('should fill the fields a stage gate requires before a deal could enter it', () => {
      const events = byRecord(demo.stageEvents)
      for (const r of opps) {
        const { highest } = reach(events.get(r.id) ?? [])
        if (highest >= 2) expect(r.values.f_opp_contact ?? null, r.id).not.toBeNull()
        if (highest >= 3) expect([r.values.f_opp_amount, r.values.f_opp_needs].some(v => v == null), r.id).toBe(false)
        if (highest >= 4) expect(r.values.f_opp_quote_price ?? null, r.id).not.toBeNull()
        if (r.values.f_opp_stage === 'stage_lost') expect(r.values.f_opp_loss_reason ?? null, r.id).not.toBeNull()
        if (r.values.f_opp_stage === 'stage_won') expect(r.values.f_opp_probability).toBe(100)
      }
    })

    it('should hold the forecast the write path would keep: stage defaults unless listed as set by hand', () => {
      const stage = t.bundle.forms.find(f => f.id === 'form_opportunity')!.fields.find(f => f.id === 'f_opp_stage')
      if (stage?.type !== 'stage') throw new Error('no stage field')
      const byId = new Map(stage.options.stages.map(s => [s.id, s]))
      const manual = { probability: 0 }
      for (const r of opps) {
        const s = byId.get(r.values.f_opp_stage as string)!
        const set = (r.values.f_opp_forecast_manual ?? []) as string[]
        const category = s.kind === 'won' ? 'closed' : s.kind === 'lost' ? 'omitted' : s.forecastCategory ?? 'pipeline'
        if (set.includes('probability')) manual.probability++
        else expect(r.values.f_opp_probability, r.id).toBe(s.probability)
        if (!set.includes('category')) expect(r.values.f_opp_forecast, r.id).toBe(category)
        if (set.includes('probability')) expect(r.values.f_opp_probability, r.id).not.toBe(s.probability)
        if (set.includes('category')) expect(r.values.f_opp_forecast, r.id).not.toBe(category)
      }
      expect(manual.probability).toBeGreaterThan(0)
    })

    it('should sign one contract per won deal and never collect more than its amount', () => {
      const won = opps.filter(r => r.values.f_opp_stage === 'stage_won')
      const contracts = rows('form_contract')
      expect(contracts.map(c => c.values.f_ct_opportunity).sort()).toEqual(won.map(r => r.id).sort())
      for (const c of contracts) {
        const paid = rows('form_payment').filter(p => p.values.f_pay_contract === c.id).reduce((s, p) => s + (p.values.f_pay_amount as number), 0)
        expect(paid).toBeLessThanOrEqual(c.values.f_ct_amount as number)
        expect(c.values.f_ct_no).toMatch(/^HT-\d{8}-\d{4}$/)
      }
    })

    it('should date every record within the 14 months before now', () => {
      const problems = Object.entries(demo.records).flatMap(([formId, list]) => list
        .filter(r => r.createdAt > NOW || r.createdAt < NOW - 430 * DAY || r.updatedAt < r.createdAt || r.updatedAt > NOW)
        .map(r => `${formId}/${r.id}`))
      expect(problems).toEqual([])
    })

    it('should write English names and texts for the en locale', () => {
      const en = generateSalesDemo({ seed: 7, now: NOW, members: team, locale: 'en', scale: 0.1 })
      const texts = [...(en.records.form_account ?? []), ...(en.records.form_opportunity ?? [])].map(r => String(r.values.f_acc_name ?? r.values.f_opp_title))
      expect(texts.join(' ')).not.toMatch(/[\u4E00-\u9FFF]/)
    })

    it('should use the form ids and id factory it is given', () => {
      let n = 0
      const mapped = generateSalesDemo({ seed: 7, now: NOW, scale: 0.05, formIds: { form_opportunity: 'F_OPP' }, makeId: () => `id${++n}` })
      expect(mapped.records.F_OPP?.length).toBe(30)
      expect(mapped.records.form_opportunity).toBeUndefined()
      expect(new Set(mapped.stageEvents.map(e => e.formId))).toEqual(new Set(['F_OPP']))
      expect(mapped.records.F_OPP?.[0]?.id).toMatch(/^id\d+$/)
    })
  })
})
