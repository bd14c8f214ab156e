import type { FieldOf } from '../../schema/types'
import { normalizeHeader } from '../auto-map'

/**
 * Resolves a stage name from a file to a stage option id: first `explicit[name]`, then an
 * option whose id or label (either locale) equals the name, ignoring case and outer spaces,
 * then one equal to it ignoring spaces and punctuation too (HubSpot's history holds the stage's
 * internal name `closedwon` where its deals export says `Closed Won`); a bare `won` / `lost`
 * (Pipedrive's deal status) is the field's only outcome of that kind. Undefined when nothing
 * matches.
 */
export function matchStageName(field: FieldOf<'stage'>, name: string, explicit?: Readonly<Record<string, string>>): string | undefined {
  // The names come from a file: only an own key is a mapping (`constructor` is not one).
  const mapped = explicit && Object.hasOwn(explicit, name) ? explicit[name] : undefined
  if (mapped !== undefined && field.options.stages.some(s => s.id === mapped)) return mapped
  const key = name.trim().toLowerCase()
  const namesOf = (s: FieldOf<'stage'>['options']['stages'][number]) => [s.id, ...(typeof s.label === 'string' ? [s.label] : [s.label['zh-CN'], s.label.en])].filter((l): l is string => l !== undefined)
  for (const s of field.options.stages) {
    if (namesOf(s).some(l => l.trim().toLowerCase() === key)) return s.id
  }
  const loose = normalizeHeader(name)
  if (loose === '') return undefined
  const hit = field.options.stages.find(s => namesOf(s).some(l => normalizeHeader(l) === loose))
  if (hit || (loose !== 'won' && loose !== 'lost')) return hit?.id
  const outcomes = field.options.stages.filter(s => s.kind === loose)
  return outcomes.length === 1 ? outcomes[0]!.id : undefined
}
