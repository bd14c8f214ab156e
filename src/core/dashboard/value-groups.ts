/**
 * Grouping a population by a dimension without grouping every record: the records with one
 * distinct value all land in the same groups, so one record stands for each value (its first)
 * and the groups are found over those; each record then counts through its value's slot.
 */
import type { RecordGroup } from '../query'
import type { RecordColumns } from '../metrics'
import type { FormDef, RecordRow } from '../schema/types'
import type { DimensionConfig } from './config-types'
import type { DashboardContext } from './context'
import { groupBy } from './grouping'

/** Groups of a population by value, over one standing-in record per slot. */
export interface ValueGroups {
  /** {@link groupBy} of the standing-in records: keys, labels and order as over all of them. */
  groups: RecordGroup[]
  /** Per record: its slot (-1 outside the population). */
  slot: Int32Array
  /** Per group: the slots of its records. */
  slots: Int32Array[]
  slotCount: number
}

/** Field types whose value is the record's own metadata (grouped record by record). */
const SYSTEM_TYPES: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy'])

/**
 * The groups of the records of `rc` where `population` is 1, by `dim`, as {@link groupBy} gives them.
 * A record's groups depend on its dimension value only, so each distinct string value (and a
 * missing or null value) gets one slot; other values (lists, numbers) and system columns get a
 * slot per record.
 */
export function valueGroups(rc: RecordColumns, population: Uint8Array, dim: DimensionConfig, form: FormDef, ctx: DashboardContext): ValueGroups {
  const records = rc.rows
  const field = form.fields.find(f => f.id === dim.field)
  const byValue = field !== undefined && !SYSTEM_TYPES.has(field.type)
  const codes = byValue ? rc.codes(field.id).codes : undefined
  const slot = new Int32Array(records.length).fill(-1)
  const reps: RecordRow[] = []
  const slotOfCode: number[] = []
  let missing = -1
  let nulls = -1
  for (let i = 0; i < records.length; i++) {
    if (population[i] !== 1) continue
    const c = codes === undefined ? -1 : codes[i] as number
    let k: number
    if (c >= 0) {
      k = slotOfCode[c] ?? -1
      if (k < 0) slotOfCode[c] = k = reps.push(records[i] as RecordRow) - 1
    }
    else {
      const v = byValue ? (records[i] as RecordRow).values[dim.field] : 0
      if (v === undefined) k = missing < 0 ? (missing = reps.push(records[i] as RecordRow) - 1) : missing
      else if (v === null) k = nulls < 0 ? (nulls = reps.push(records[i] as RecordRow) - 1) : nulls
      else k = reps.push(records[i] as RecordRow) - 1
    }
    slot[i] = k
  }
  const groups = groupBy(reps, dim, form, ctx)
  const slotOf = new Map(reps.map((r, k) => [r, k]))
  const slots = groups.map(g => Int32Array.from(g.records, r => slotOf.get(r) ?? -1))
  return { groups, slot, slots, slotCount: reps.length }
}
