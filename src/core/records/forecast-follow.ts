/**
 * The write path's forecast rule: a deal's probability and forecast category follow its stage's
 * defaults on create and on every stage change, except the ones its manual field lists (set by
 * hand). A value typed, pasted or imported that differs from the stage's default is set by hand;
 * clearing it, or taking it off the manual field ("恢复阶段默认"), goes back to the default.
 * Reaching won or lost takes both of the outcome's defaults (a won deal is closed, a lost one
 * omitted: they are no longer forecast); a won or lost deal's category cannot be set by hand.
 * See docs/architecture.md "Forecast".
 */
import type { FieldOf, FormDef, RecordRow, StageOption } from '../schema/types'
import type { RecordPatch } from './mutations'
import { forecastFieldsOf, MANUAL_CATEGORY, MANUAL_PROBABILITY, stageForecastCategory } from '../stages/forecast'

type Values = Record<string, unknown>

interface Tracked {
  /** The option id of the manual field. */
  key: string
  fieldId: string
  defaultOf: (stage: StageOption) => unknown
}

interface Follower {
  stageField: string
  manualField: string
  tracked: Tracked[]
  stages: ReadonlyMap<string, StageOption>
}

const ORDER = [MANUAL_PROBABILITY, MANUAL_CATEGORY]
const cache = new WeakMap<FormDef, Follower[]>()

function followersOf(form: FormDef): Follower[] {
  let out = cache.get(form)
  if (out) return out
  out = []
  for (const f of form.fields) {
    if (f.type !== 'stage') continue
    const fc = forecastFieldsOf(f as FieldOf<'stage'>)
    if (!fc) continue
    const tracked: Tracked[] = []
    if (fc.probabilityField) tracked.push({ key: MANUAL_PROBABILITY, fieldId: fc.probabilityField, defaultOf: s => s.probability })
    if (fc.categoryField) tracked.push({ key: MANUAL_CATEGORY, fieldId: fc.categoryField, defaultOf: stageForecastCategory })
    out.push({ stageField: f.id, manualField: fc.manualField, tracked, stages: new Map(f.options.stages.map(s => [s.id, s])) })
  }
  cache.set(form, out)
  return out
}

const has = (v: Values, k: string): boolean => Object.prototype.hasOwnProperty.call(v, k)
const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'number' && Number.isNaN(v))
const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null)

function markerOf(v: unknown): Set<string> {
  return new Set(Array.isArray(v) ? v.filter(x => ORDER.includes(x as string)) as string[] : [])
}

function sameMarker(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every(k => b.has(k))
}

/** Writes the manual set in a fixed order; an empty set leaves the field empty. */
function writeMarker(values: Values, field: string, marker: ReadonlySet<string>): void {
  if (marker.size === 0) delete values[field]
  else values[field] = ORDER.filter(k => marker.has(k))
}

/** Won deals are always closed and lost ones omitted: their category cannot be set by hand. */
const forced = (stage: StageOption, t: Tracked): boolean => t.key === MANUAL_CATEGORY && stage.kind !== 'open'

/** True when the form has a stage field whose forecast follows its stages. */
export function hasForecastFollow(form: FormDef): boolean {
  return followersOf(form).length > 0
}

/**
 * A new record: `given` are the values the writer gave (before field defaults), `input` the
 * values after defaults, completed here in place. A given probability or category that differs
 * from the stage's default is set by hand, unless the writer gave the manual field itself (a
 * re-import of an export): then that list says which are.
 */
export function followForecastOnCreate(form: FormDef, given: Readonly<Values>, input: Values): void {
  for (const fl of followersOf(form)) {
    const stage = fl.stages.get(input[fl.stageField] as string)
    if (!stage) continue
    const markerGiven = !isEmpty(given[fl.manualField])
    const marker = markerOf(given[fl.manualField])
    for (const t of fl.tracked) {
      const def = t.defaultOf(stage)
      const v = given[t.fieldId]
      if (!markerGiven && !isEmpty(v) && !same(v, def)) marker.add(t.key)
      if (forced(stage, t)) marker.delete(t.key)
      if (!marker.has(t.key) && def !== undefined) input[t.fieldId] = def
    }
    writeMarker(input, fl.manualField, marker)
  }
}

/**
 * An update: `old` is the stored values, `patch` what the writer changed, `input` the merged
 * values, completed here in place. A changed value different from the (new) stage's default
 * becomes manual, an emptied one follows again; values not set by hand take the stage's default
 * when the stage changes, when emptied, or when taken off the manual field.
 */
export function followForecastOnUpdate(form: FormDef, old: Readonly<Values>, patch: Readonly<Values>, input: Values): void {
  for (const fl of followersOf(form)) {
    const stage = fl.stages.get(input[fl.stageField] as string)
    const before = markerOf(old[fl.manualField])
    const markerPatched = has(patch, fl.manualField) && !sameMarker(markerOf(patch[fl.manualField]), before)
    const stageChanged = has(patch, fl.stageField) && !same(patch[fl.stageField], old[fl.stageField])
    const touched = markerPatched || stageChanged || fl.tracked.some(t => has(patch, t.fieldId))
    if (!touched) continue
    const marker = markerPatched ? markerOf(patch[fl.manualField]) : new Set(before)
    // a deal reaching won or lost is no longer forecast: it takes both of the outcome's defaults
    if (stageChanged && stage && stage.kind !== 'open') marker.clear()
    for (const t of fl.tracked) {
      const changed = has(patch, t.fieldId) && !same(patch[t.fieldId], old[t.fieldId])
      const def = stage ? t.defaultOf(stage) : undefined
      if (changed) {
        if (isEmpty(patch[t.fieldId])) marker.delete(t.key)
        else if (!markerPatched) {
          if (same(patch[t.fieldId], def)) marker.delete(t.key)
          else marker.add(t.key)
        }
      }
      if (stage && forced(stage, t)) marker.delete(t.key)
      const reset = before.has(t.key) && !marker.has(t.key)
      if (!marker.has(t.key) && def !== undefined && (stageChanged || changed || reset)) input[t.fieldId] = def
    }
    if (markerPatched || !sameMarker(marker, before)) writeMarker(input, fl.manualField, marker)
  }
}

/**
 * After a stage field's defaults changed (the stage editor): patches giving every record that
 * follows a changed default its new value (probability or category not set by hand, in a stage
 * whose default changed). Records the same save moves are left to that move.
 */
export function forecastRefreshPatches(before: FormDef, next: FormDef, records: readonly RecordRow[], moving: ReadonlySet<string>): RecordPatch[] {
  const patches: RecordPatch[] = []
  const prev = new Map(followersOf(before).map(f => [f.stageField, f]))
  for (const fl of followersOf(next)) {
    const old = prev.get(fl.stageField)
    if (!old) continue
    const changed = new Map<string, Tracked[]>()
    for (const [id, stage] of fl.stages) {
      const was = old.stages.get(id)
      const list = fl.tracked.filter(t => !was || !same(t.defaultOf(was), t.defaultOf(stage)))
      if (list.length) changed.set(id, list)
    }
    if (changed.size === 0) continue
    for (const r of records) {
      if (moving.has(r.id)) continue
      const list = changed.get(r.values[fl.stageField] as string)
      if (!list) continue
      const marker = markerOf(r.values[fl.manualField])
      const stage = fl.stages.get(r.values[fl.stageField] as string)!
      const values: Values = {}
      for (const t of list) {
        const def = t.defaultOf(stage)
        if (!marker.has(t.key) && def !== undefined && !same(r.values[t.fieldId], def)) values[t.fieldId] = def
      }
      if (Object.keys(values).length) patches.push({ recordId: r.id, values })
    }
  }
  return patches
}

/**
 * When a form's forecast starts following its stages (the designer linked the manual marks, or a
 * probability or category field to them): per record, the values that make its existing data
 * fit the rule. An empty value takes the stage's default; a value already differing from it is
 * marked as set by hand, so the deal's next stage change keeps it instead of overwriting it
 * (the complaint about EspoCRM in issue 13). Records in won or lost stages take the outcome's
 * category. Returns the new values of the records that change, keyed by record id.
 */
export function forecastStartValues(before: FormDef, next: FormDef, records: readonly RecordRow[], current: (r: RecordRow) => Readonly<Values> = r => r.values): Map<string, Values> {
  const out = new Map<string, Values>()
  const prev = new Map(followersOf(before).map(f => [f.stageField, f]))
  for (const fl of followersOf(next)) {
    const old = prev.get(fl.stageField)
    const fresh = fl.tracked.filter(t => !(old && old.manualField === fl.manualField && old.tracked.some(o => o.key === t.key && o.fieldId === t.fieldId)))
    if (fresh.length === 0) continue
    for (const r of records) {
      const had = out.get(r.id) ?? current(r)
      const stage = fl.stages.get(had[fl.stageField] as string)
      if (!stage) continue
      const values: Values = { ...had }
      const marker = markerOf(values[fl.manualField])
      for (const t of fresh) {
        const def = t.defaultOf(stage)
        const v = values[t.fieldId]
        if (forced(stage, t) || (isEmpty(v) && def !== undefined)) {
          if (def !== undefined) values[t.fieldId] = def
          marker.delete(t.key)
        }
        else if (!isEmpty(v) && !same(v, def)) marker.add(t.key)
      }
      writeMarker(values, fl.manualField, marker)
      if (JSON.stringify(values) !== JSON.stringify(had)) out.set(r.id, values)
    }
  }
  return out
}
