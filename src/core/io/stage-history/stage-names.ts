import type { FieldOf } from '../../schema/types'

/**
 * Resolves a stage name from a file to a stage option id: first `explicit[name]`, then an
 * option whose id or label (either locale) equals the name, ignoring case and outer spaces.
 * Undefined when nothing matches.
 */
export function matchStageName(field: FieldOf<'stage'>, name: string, explicit?: Readonly<Record<string, string>>): string | undefined {
  // The names come from a file: only an own key is a mapping (`constructor` is not one).
  const mapped = explicit && Object.hasOwn(explicit, name) ? explicit[name] : undefined
  if (mapped !== undefined && field.options.stages.some(s => s.id === mapped)) return mapped
  const key = name.trim().toLowerCase()
  for (const s of field.options.stages) {
    const names = typeof s.label === 'string' ? [s.label] : [s.label['zh-CN'], s.label.en]
    if (s.id.toLowerCase() === key || names.some(l => l !== undefined && l.trim().toLowerCase() === key)) return s.id
  }
  return undefined
}
