/**
 * Lead scores (score fields): the points of every rule whose condition (the shared filter
 * language, compiled by core/query: no eval) holds for the record's values, plus the learned
 * points of its values (`ScoreLearned.table`, built by core/metrics learnScoreTable). Computed on
 * every write after formulas, like a formula; the stored value is the total.
 */
import type { FieldOf, FormDef, LearnedValue, RecordRow } from '../schema/types'
import type { FormatContext } from '../fields/behaviour'
import type { RecordPredicate } from '../query/types'
import { behaviourOf } from '../fields/registry'
import { compileFilter } from '../query/compile-filter'
import { describeFilter } from '../query/describe-filter'
import { labelText } from '../utils/label'

type ScoreField = FieldOf<'score'>

/** Why a record has its score: the rules that fired and the learned values it holds. */
export interface ScoreExplanation {
  total: number
  /** Rules that hold, in rule order. */
  fired: { ruleId: string, index: number, points: number }[]
  /** Learned values the record holds that earn points (non-zero), in table order. */
  learned: LearnedValue[]
}

interface Compiled {
  fields: FormDef['fields']
  now: number
  preds: RecordPredicate[]
}

const compiled = new WeakMap<ScoreField, Compiled>()
const tables = new WeakMap<readonly LearnedValue[], Map<string, LearnedValue>>()

/** The rules' predicates, compiled once per (field definition, form fields, now). */
function predicatesOf(form: Pick<FormDef, 'fields'>, field: ScoreField, now: number): RecordPredicate[] {
  const hit = compiled.get(field)
  if (hit && hit.fields === form.fields && hit.now === now) return hit.preds
  const preds = field.options.rules.map(r => compileFilter(r.when, form.fields, { now }))
  compiled.set(field, { fields: form.fields, now, preds })
  return preds
}

function tableIndex(table: readonly LearnedValue[]): Map<string, LearnedValue> {
  let index = tables.get(table)
  if (!index) {
    index = new Map(table.map(v => [`${v.field}\u0000${v.value}`, v]))
    tables.set(table, index)
  }
  return index
}

/** The value of a field as learned keys: one per non-empty scalar (arrays give each element). */
export function valueKeys(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return []
  if (Array.isArray(value)) return value.flatMap(valueKeys)
  if (typeof value === 'string') return [value]
  if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : []
  if (typeof value === 'boolean') return [String(value)]
  return []
}

function rowOf(values: Readonly<Record<string, unknown>>, now: number): RecordRow {
  return { id: '', values: values as Record<string, unknown>, createdAt: now, updatedAt: now, rev: 0 }
}

/** The score of one record and the rules and learned values behind it. */
export function explainScore(form: Pick<FormDef, 'fields'>, field: ScoreField, values: Readonly<Record<string, unknown>>, now: number): ScoreExplanation {
  const fired: ScoreExplanation['fired'] = []
  const learned: LearnedValue[] = []
  return { total: scoreOf(form, field, values, now, fired, learned), fired, learned }
}

/** The score's total; the rules that fire and the learned values held are added to the lists when given. */
function scoreOf(form: Pick<FormDef, 'fields'>, field: ScoreField, values: Readonly<Record<string, unknown>>, now: number, fired?: ScoreExplanation['fired'], learned?: LearnedValue[]): number {
  const row = rowOf(values, now)
  const preds = predicatesOf(form, field, now)
  const rules = field.options.rules
  let total = 0
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]
    if (rule === undefined || !Number.isFinite(rule.points) || !preds[index]!(row)) continue
    fired?.push({ ruleId: rule.id, index, points: rule.points })
    total += rule.points
  }
  const table = field.options.learned?.table
  if (table?.length) {
    const index = tableIndex(table)
    for (const fieldId of field.options.learned!.fields) {
      for (const key of new Set(valueKeys(values[fieldId]))) {
        const hit = index.get(`${fieldId}\u0000${key}`)
        if (!hit || !hit.points) continue
        learned?.push(hit)
        total += hit.points
      }
    }
  }
  return total
}

const scoreLists = new WeakMap<FormDef['fields'], ScoreField[]>()

/** The form's score fields in field order, found once per field list. */
function scoreFieldsOf(form: Pick<FormDef, 'fields'>): ScoreField[] {
  let list = scoreLists.get(form.fields)
  if (!list) {
    list = form.fields.filter((f): f is ScoreField => f.type === 'score')
    scoreLists.set(form.fields, list)
  }
  return list
}

/** True when the form has score fields. */
export function hasScores(form: Pick<FormDef, 'fields'>): boolean {
  return scoreFieldsOf(form).length > 0
}

/** The values with every score field recomputed (in field order, so a rule may read an earlier score). */
export function withScores(form: Pick<FormDef, 'fields'>, values: Record<string, unknown>, now: number): Record<string, unknown> {
  for (const field of scoreFieldsOf(form)) values[field.id] = scoreOf(form, field, values, now)
  return values
}

/** One line of a score's explanation: a rule that fired (its condition in words) or a learned value (with its won / n). */
export interface ScoreWhyLine {
  kind: 'rule' | 'learned'
  text: string
  points: number
  won?: number
  n?: number
}

/** The explanation in words: the rules that fired, then the learned values, each with its points. */
export function scoreWhyLines(form: Pick<FormDef, 'fields'>, field: ScoreField, values: Readonly<Record<string, unknown>>, now: number, ctx: FormatContext): { total: number, lines: ScoreWhyLine[] } {
  const why = explainScore(form, field, values, now)
  const byId = new Map(form.fields.map(f => [f.id, f]))
  const lines: ScoreWhyLine[] = why.fired.map(f => ({ kind: 'rule', text: describeFilter(field.options.rules[f.index]!.when, form.fields, ctx), points: f.points }))
  for (const v of why.learned) {
    const source = byId.get(v.field)
    const name = source ? labelText(source.label, ctx.locale) || v.field : v.field
    const shown = source ? behaviourOf(source).format(source.type === 'multiselect' ? [v.value] : v.value, source as never, ctx) || v.value : v.value
    lines.push({ kind: 'learned', text: `${name} = ${shown}`, points: v.points, won: v.won, n: v.n })
  }
  return { total: why.total, lines }
}
