import type { FieldDef, Label, Locale } from '../schema/types'
import { behaviourOf } from '../fields/registry'

/** Column index -> field id (null: the column is not imported). Aligned with the headers. */
export type ColumnMapping = (string | null)[]

/** Header text reduced for matching: case, width, spaces and punctuation do not count. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/**
 * Maps each header to a writable field of the form whose label (in either locale) or id
 * matches it: first exactly (outer spaces aside), then ignoring case, spaces and punctuation
 * ("Deal Stage" = "deal_stage"), so `Budget_Confirmed__c` and `BudgetConfirmed__c` reach
 * their own fields although they normalise alike. When two fields share a key, labels in
 * `locale` win over the other locale's, and labels over ids. Each field is used at most once
 * (the first matching column wins); computed fields are skipped.
 */
export function autoMapColumns(headers: readonly string[], fields: readonly FieldDef[], locale: Locale = 'zh-CN'): ColumnMapping {
  const writable = fields.filter(f => !behaviourOf(f).computed)
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN'
  const passes: ((f: FieldDef) => string[])[] = [
    f => labelsOf(f.label, locale),
    f => labelsOf(f.label, other),
    f => [f.id],
  ]
  const keyMap = (reduce: (text: string) => string) => {
    const byKey = new Map<string, string>()
    for (const keysOf of passes) {
      for (const f of writable) {
        for (const key of keysOf(f).map(reduce)) {
          if (key !== '' && !byKey.has(key)) byKey.set(key, f.id)
        }
      }
    }
    return byKey
  }
  const exact = keyMap(t => t.trim())
  const loose = keyMap(normalizeHeader)
  const used = new Set<string>()
  const out: ColumnMapping = headers.map(() => null)
  for (const [byKey, reduce] of [[exact, (t: string) => t.trim()], [loose, normalizeHeader]] as const) {
    headers.forEach((h, col) => {
      if (out[col] !== null) return
      const id = byKey.get(reduce(h))
      if (id === undefined || used.has(id)) return
      used.add(id)
      out[col] = id
    })
  }
  return out
}

function labelsOf(label: Label, locale: Locale): string[] {
  if (typeof label === 'string') return [label]
  const text = label[locale]
  return text === undefined ? [] : [text]
}
