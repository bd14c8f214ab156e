/**
 * Widgets that read the records through their columns (value codes, number columns) give what
 * the record-by-record reading gave: forecast deals, loss reasons, win rate by a dimension and
 * the most promising deals and target vs actual, on random records (odd values included) and after edits, removals and additions.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChartData, DashboardContext, DateRangeValue, ForecastData } from '../../../../src/core/dashboard'
import { activeDateSpan, combinedFilter, computeWidget, dashboardConditions, filteredRecords } from '../../../../src/core/dashboard'
import { stageInput } from '../../../../src/core/dashboard/stage-input'
import { groupBy } from '../../../../src/core/dashboard/grouping'
import { fieldValue } from '../../../../src/core/dashboard/cell-text'
import type { ForecastDeal } from '../../../../src/core/metrics'
import { forecastByMonth, lossAnalysis, OUTCOME_LOST, OUTCOME_WON, reasonKey } from '../../../../src/core/metrics'
import { aggregate, bucketDate, compileFilter } from '../../../../src/core/query'
import { applyEdit, recordEditArb } from '../../../fixtures/record-edits'
import type { Filter } from '../../../../src/core/schema/filter'
import type { FieldDef, FieldOf, FormDef, RecordRow, StageEvent } from '../../../../src/core/schema/types'
import { isForecastCategory, stageForecastCategory } from '../../../../src/core/stages/forecast'
import { dashCtx, oppForm, widget } from '../../../fixtures/dashboard'
import { DAY } from '../../../fixtures/metrics'

/** The fixture form plus a forecast category field, a closed date and a creation-time field. */
function form(): FormDef {
  const base = oppForm()
  const extra: FieldDef[] = [
    { id: 'cat', type: 'select', label: 'cat', options: { choices: ['pipeline', 'bestCase', 'commit', 'closed', 'omitted'].map(id => ({ id, label: id })) } },
    { id: 'closed', type: 'date', label: 'closed' },
    { id: 'created', type: 'createdAt', label: 'created' },
    { id: 'score', type: 'score', label: 'score', options: { rules: [{ id: 'r1', when: { and: [{ field: 'source', op: 'eq', value: 'web' }] }, points: 20 }] } },
  ]
  const fields = base.fields.map(f => f.type === 'stage'
    ? { ...f, options: { ...f.options, forecast: { manualField: 'manual', categoryField: 'cat' }, stages: f.options.stages.map(s => s.id === 's1' ? { ...s, forecastCategory: 'bestCase' as const } : s) } }
    : f)
  return { ...base, fields: [...fields, ...extra] }
}
const FORM = form()
const STAGE = FORM.fields.find(f => f.id === 'stage') as FieldOf<'stage'>

const dayArb = fc.constantFrom<unknown>('2024-05-02', '2024-05-31', '2024-06-10', '2024-06-30', '2024-07-01', undefined, null, 'bad', Date.UTC(2024, 5, 3))
const valuesArb = fc.record({
  stage: fc.constantFrom<unknown>('s1', 's2', 's3', 'won', 'lost', 'gone', undefined, 3),
  amount: fc.constantFrom<unknown>(100, 0, 2.5, '40', ' 7 ', '', ' ', 'x', null, undefined, true, [5]),
  reason: fc.constantFrom<unknown>('price', 'timing', '', null, undefined, ['price', 'timing'], 5),
  owner: fc.constantFrom<unknown>('m1', 'm2', ['m1', 'm2'], undefined, null, ''),
  source: fc.constantFrom<unknown>('web', 'fair', undefined, null, '', 7),
  cat: fc.constantFrom<unknown>('commit', 'bestCase', 'omitted', 'closed', 'nonsense', undefined, 1),
  signed: dayArb,
  closed: dayArb,
  created: fc.constantFrom<unknown>(undefined, '2024-06-01'),
  score: fc.constantFrom<unknown>(50, 20, 20, 0, -5, '30', undefined, null, Number.NaN),
}, { requiredKeys: [] })
const recordArb = fc.record({ values: valuesArb, created: fc.integer({ min: 0, max: 60 }), steps: fc.array(fc.tuple(fc.constantFrom('s1', 's2', 's3', 'won', 'lost'), fc.integer({ min: 0, max: 60 })), { maxLength: 4 }) })
type Gen = typeof recordArb extends fc.Arbitrary<infer T> ? T : never

const T0 = Date.UTC(2024, 3, 1)
function toRecord(id: string, g: Gen): RecordRow {
  return { id, values: { title: id, ...g.values }, createdAt: T0 + g.created * DAY, updatedAt: T0, rev: 1 }
}
function eventsOf(id: string, g: Gen): StageEvent[] {
  let from: string | null = null
  return g.steps.map(([to, day], k) => {
    const e: StageEvent = { id: `${id}-${k}-${day}`, formId: 'opps', recordId: id, fieldId: 'stage', from, to, at: T0 + day * DAY }
    from = to
    return e
  })
}

const filterArb = fc.record({
  owner: fc.constantFrom<string[] | undefined>(['m1'], ['m2'], [], undefined),
  source: fc.constantFrom<string[] | undefined>(['web'], undefined),
  date: fc.constantFrom<DateRangeValue | undefined>({ preset: 'custom', from: '2024-06-01', to: '2024-06-30' }, undefined),
})
const editArb = recordEditArb(recordArb)

/** The forecast's deals read record by record (the code before record columns). */
function forecastOracle(ctx: DashboardContext, closedId: string | undefined): Pick<ForecastData, 'undated' | 'omitted'> & { months: unknown[], stack: unknown[] } {
  const input = stageInput(FORM, STAGE, { formId: 'opps' }, ctx, 'amount', { skipDates: true })
  const stages = new Map(input.field.options.stages.map(s => [s.id, s]))
  const date = FORM.fields.find(f => f.id === 'signed')!
  const closed = closedId === undefined ? date : FORM.fields.find(f => f.id === closedId)!
  const deals: ForecastDeal[] = []
  input.records.forEach((rec, i) => {
    if (input.population[i] !== 1) return
    const stage = stages.get(rec.values.stage as string)
    if (!stage) return
    const own = rec.values.cat
    const category = stage.kind === 'open' && isForecastCategory(own) ? own : stageForecastCategory(stage)
    const v = Number(rec.values.amount)
    deals.push({ amount: Number.isFinite(v) ? v : 0, category, month: bucketDate(fieldValue(rec, stage.kind === 'won' ? closed : date), 'month')?.key ?? null })
  })
  const targets = new Map<string, number>()
  const tForm = ctx.forms[1]!
  const keep = compileFilter({ and: ctx.filterValues.owner && (ctx.filterValues.owner as string[]).length ? [{ field: 'who', op: 'in', value: ctx.filterValues.owner }] : [] }, tForm.fields, { now: ctx.now })
  const span = activeDateSpan('opps', ctx)
  for (const t of ctx.records.targets!) {
    const m = bucketDate(t.values.month, 'month')?.key
    const inSpan = span === undefined || ((t.values.month as string) >= span.from && (t.values.month as string) <= span.to)
    if (keep(t) && inSpan && m !== undefined) targets.set(m, (targets.get(m) ?? 0) + Number(t.values.goal))
  }
  const f = forecastByMonth(deals, targets, span ? { from: span.from.slice(0, 7), to: span.to.slice(0, 7) } : undefined)
  return {
    undated: f.undated,
    omitted: f.omitted,
    months: f.months.map(m => [m.month, m.amounts, m.counts, m.total, m.target]),
    stack: (['closed', 'commit', 'bestCase', 'pipeline'] as const).map(k => [k, f.amounts[k], f.counts[k]]),
  }
}

function forecastOf(ctx: DashboardContext, closedId: string | undefined) {
  const r = computeWidget(widget('forecast', { formId: 'opps', stageField: 'stage', amountField: 'amount', dateField: 'signed', closedDateField: closedId, targets: { formId: 'targets', amountField: 'goal', monthField: 'month' } }), ctx)
  if (r.status !== 'ok' || r.data.type !== 'forecast') throw new Error(JSON.stringify(r))
  const d = r.data
  return { undated: d.undated, omitted: d.omitted, months: d.months.map(m => [m.key, m.amounts, m.counts, m.total, m.target]), stack: d.stack.map(c => [c.key, c.amount, c.count]) }
}

/** Loss reasons read record by record. */
function lossOracle(ctx: DashboardContext) {
  const input = stageInput(FORM, STAGE, { formId: 'opps' }, ctx, 'amount')
  const s = input.summary
  const groups = new Map<string | null, { key: string | null, count: number, amount: number }>()
  for (let i = 0; i < s.count; i++) {
    if (input.population[i] !== 1 || s.outcome[i] !== OUTCOME_LOST) continue
    const key = reasonKey(input.records[i]!, 'reason')
    const g = groups.get(key) ?? groups.set(key, { key, count: 0, amount: 0 }).get(key)!
    g.count++
    const v = input.records[i]!.values.amount
    const a = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
    if (Number.isFinite(a)) g.amount += a
  }
  return [...groups.values()].sort((x, y) => y.count - x.count || y.amount - x.amount)
}

/** Win rate per group, grouping every record of the population (the code before value slots). */
function winRateOracle(ctx: DashboardContext, dim: string) {
  const input = stageInput(FORM, STAGE, { formId: 'opps' }, ctx)
  const index = new Map(input.records.map((r, i) => [r, i]))
  const groups = groupBy(input.records.filter((_, i) => input.population[i] === 1), { field: dim }, FORM, ctx)
  return groups.map((g) => {
    let won = 0
    let lost = 0
    for (const r of g.records) {
      const out = input.summary.outcome[index.get(r)!]
      if (out === OUTCOME_WON) won++
      else if (out === OUTCOME_LOST) lost++
    }
    return [g.key, g.label, won + lost === 0 ? null : won / (won + lost)]
  })
}

function winRateOf(ctx: DashboardContext, dim: string) {
  const r = computeWidget(widget('bar', { formId: 'opps', dimension: { field: dim }, stageMetric: { kind: 'winRateBy', stageField: 'stage' } }), ctx)
  if (r.status !== 'ok') throw new Error(JSON.stringify(r))
  const d = r.data as ChartData
  return d.categories.map((c, i) => [c.key, c.label, d.series[0]!.values[i]])
}

/** The promising table's rows and total, sorting every open deal (the code before the top-N pass). */
function promisingOracle(ctx: DashboardContext, limit: number) {
  const filter = combinedFilter(undefined, dashboardConditions('opps', ctx))
  const keep = compileFilter(filter, FORM.fields, { now: ctx.now })
  const open = new Set(STAGE.options.stages.filter(s => s.kind === 'open').map(s => s.id))
  const records = ctx.records.opps!.filter(r => keep(r) && open.has(r.values.stage as string))
  const value = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : -Infinity)
  const sorted = records.map((rec, i) => ({ rec, i, s: value(rec.values.score) })).sort((a, b) => b.s - a.s || a.i - b.i)
  return { ids: sorted.slice(0, limit).map(x => x.rec.id), total: records.length }
}

function promisingOf(ctx: DashboardContext, limit: number) {
  const r = computeWidget(widget('table', { formId: 'opps', preset: 'promising', stageField: 'stage', scoreField: 'score', columns: ['title'], limit }), ctx)
  if (r.status !== 'ok' || r.data.type !== 'table') throw new Error(JSON.stringify(r))
  return { ids: r.data.rows.map(x => x.id), total: r.data.total }
}

const TARGET = { formId: 'opps', filter: { and: [{ field: 'stage', op: 'in', value: ['won', 's3'] }] }, measure: { fn: 'sum', field: 'amount' }, ownerField: 'owner', targets: { formId: 'targets', amountField: 'goal', monthField: 'month', ownerField: 'who' } }

/** Target vs actual with the actuals read record by record (the code before record columns). */
function targetOracle(ctx: DashboardContext, by: 'owner' | 'month', dateField: string) {
  const keysOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)])
  const tForm = ctx.forms[1]!
  const targets = new Map<string, number>()
  const shown = new Set<string>()
  for (const t of filteredRecords(tForm, undefined, ctx)) {
    const month = bucketDate(t.values.month, 'month')?.key
    if (!month) continue
    shown.add(month)
    for (const key of by === 'month' ? [month] : keysOf(t.values.who)) targets.set(key, (targets.get(key) ?? 0) + Number(t.values.goal))
  }
  const keep = compileFilter(combinedFilter(TARGET.filter as Filter, dashboardConditions('opps', ctx, { skipDates: true })), FORM.fields, { now: ctx.now })
  const date = FORM.fields.find(f => f.id === dateField)!
  const actuals = new Map<string, RecordRow[]>([...targets.keys()].map(k => [k, []]))
  for (const rec of ctx.records.opps!.filter(keep)) {
    const month = bucketDate(fieldValue(rec, date), 'month')?.key
    if (!month || !shown.has(month)) continue
    for (const key of by === 'month' ? [month] : keysOf(rec.values.owner)) actuals.set(key, [...actuals.get(key) ?? [], rec])
  }
  const sum = (rs: readonly RecordRow[]) => aggregate(rs, { fn: 'sum', field: 'amount' }, FORM.fields) ?? 0
  return {
    items: [...actuals].map(([key, rs]) => [key, targets.get(key) ?? 0, sum(rs)]).sort((a, b) => by === 'month' ? String(a[0]).localeCompare(String(b[0])) : (b[1] as number) - (a[1] as number) || (b[2] as number) - (a[2] as number)),
    total: sum([...new Set([...actuals.values()].flat())]),
  }
}

function targetOf(ctx: DashboardContext, by: 'owner' | 'month', dateField: string) {
  const r = computeWidget(widget('targetProgress', { ...TARGET, by, dateField }), ctx)
  if (r.status !== 'ok' || r.data.type !== 'targetProgress') throw new Error(JSON.stringify(r))
  return { items: r.data.items.map(i => [i.key, i.target, i.actual]), total: r.data.total.actual }
}

function expectSame(ctx: DashboardContext, closedId: string | undefined, dim: string, limit = 3): void {
  for (const by of ['owner', 'month'] as const) expect(targetOf(ctx, by, closedId ?? 'signed')).toEqual(targetOracle(ctx, by, closedId ?? 'signed'))
  expect(promisingOf(ctx, limit)).toEqual(promisingOracle(ctx, limit))
  expect(forecastOf(ctx, closedId)).toEqual(forecastOracle(ctx, closedId))
  expect(lossAnalysis(stageInput(FORM, STAGE, { formId: 'opps' }, ctx, 'amount')).byReason).toEqual(lossOracle(ctx))
  expect(winRateOf(ctx, dim)).toEqual(winRateOracle(ctx, dim))
}

describe('widgets over record columns', () => {
  it('should give the record-by-record forecast, loss reasons, win rates by group, promising deals and target progress, after edits', () => {
    fc.assert(fc.property(
      fc.array(recordArb, { minLength: 1, maxLength: 25 }), filterArb, fc.array(editArb, { maxLength: 4 }),
      fc.constantFrom('closed', 'created', undefined), fc.constantFrom('source', 'owner', 'reason', 'signed', 'created', '_createdAt', 'stage'),
      fc.integer({ min: 1, max: 6 }),
      (list, fv, edits, closedId, dim, limit) => {
        let rows = list.map((g, i) => toRecord(`r${i}`, g))
        let events = list.flatMap((g, i) => eventsOf(`r${i}`, g))
        const base = dashCtx()
        let version = 0
        const ctx = (): DashboardContext => ({ ...base, forms: [FORM, base.forms[1]!], records: { ...base.records, opps: rows }, events: { opps: events }, dataVersion: version, filterValues: fv })
        expectSame(ctx(), closedId, dim, limit)
        edits.forEach((e, k) => {
          if (rows.length === 0) return
          const edit = applyEdit(rows, e, toRecord, `n${k}`)
          rows = edit.rows
          events = [...events, ...edit.written.flatMap(([id, g]) => eventsOf(id, g))]
          version++
          expectSame(ctx(), closedId, dim, limit)
        })
      },
    ), { numRuns: 150 })
  }, 120_000)
})
