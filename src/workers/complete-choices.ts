import type { FieldDef } from '../core/schema/types'

/** A select column with more distinct values than this in the whole file becomes text. */
export const MAX_FILE_CHOICES = 200

/**
 * Completes proposed select fields with every distinct value of their column in the whole
 * file: field types are guessed from a sample, but a choice missing from the sample (a stage
 * that only appears after row 2,000) would refuse every row holding it. A column with more
 * than `MAX_FILE_CHOICES` values is proposed as text instead.
 */
export function completeChoices(fields: readonly FieldDef[], rows: readonly (readonly string[])[]): FieldDef[] {
  return fields.map((field, col) => {
    if (field.type !== 'select') return field
    const seen = new Set(field.options.choices.map(c => (typeof c.label === 'string' ? c.label : '')))
    const extra: string[] = []
    for (const row of rows) {
      const v = (row[col] ?? '').trim()
      if (v === '' || seen.has(v)) continue
      seen.add(v)
      extra.push(v)
      if (seen.size > MAX_FILE_CHOICES) return { id: field.id, label: field.label, type: 'text' }
    }
    if (extra.length === 0) return field
    const start = field.options.choices.length
    return { ...field, options: { ...field.options, choices: [...field.options.choices, ...extra.map((label, i) => ({ id: `opt_${start + i + 1}`, label }))] } }
  })
}
