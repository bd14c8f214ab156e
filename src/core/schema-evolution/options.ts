/** Removing options of select, multi-select and stage fields: who uses them, and where their records go. */
import type { FieldDef, RecordRow } from '../schema/types'

/** Where the records holding a removed option go: another option's id, or null for empty. */
export type OptionRemap = Record<string, string | null>

/** The option ids of a choice field (select / multiselect / stage), in order; [] for other types. */
export function optionIdsOf(field: FieldDef): string[] {
  if (field.type === 'select' || field.type === 'multiselect') return field.options.choices.map(c => c.id)
  if (field.type === 'stage') return field.options.stages.map(s => s.id)
  return []
}

/** Option ids of `before` missing from `after` (same field id and type). */
export function removedOptionIds(before: FieldDef, after: FieldDef): string[] {
  if (before.type !== after.type) return []
  const kept = new Set(optionIdsOf(after))
  return optionIdsOf(before).filter(id => !kept.has(id))
}

/** How many records hold each of the options. */
export function countOptionUse(fieldId: string, optionIds: readonly string[], records: readonly RecordRow[]): Map<string, number> {
  const counts = new Map(optionIds.map(id => [id, 0]))
  for (const r of records) {
    const v = r.values[fieldId]
    const held = Array.isArray(v) ? v : [v]
    for (const id of held) if (typeof id === 'string' && counts.has(id)) counts.set(id, counts.get(id)! + 1)
  }
  return counts
}

/**
 * New values of the records holding a remapped option (record id -> the field's new value).
 * Single values are replaced (or emptied); multi-select lists replace the id, dropping duplicates.
 */
export function remapOptionValues(field: FieldDef, remap: OptionRemap, records: readonly RecordRow[]): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const r of records) {
    const v = r.values[field.id]
    if (Array.isArray(v)) {
      if (!v.some(id => typeof id === 'string' && id in remap)) continue
      const next = [...new Set(v.map(id => (typeof id === 'string' && id in remap ? remap[id] : id)).filter(id => id !== null))]
      out.set(r.id, next)
    }
    else if (typeof v === 'string' && v in remap) {
      out.set(r.id, remap[v] ?? null)
    }
  }
  return out
}
