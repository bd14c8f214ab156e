import type { LocalizedMessage, ParseResult } from '../fields/behaviour'
import type { FieldOf } from '../schema/types'
import type { RelationTitles } from './import-types'
import { splitList } from '../fields/shared/choice'
import { fail, ok } from '../fields/shared/result'

interface TitleIndex {
  exact: ReadonlyMap<string, readonly string[]>
  folded: Map<string, string[]>
  ids: Set<string>
}

/**
 * Links relation cells to records of the target form by title (exact, then ignoring case),
 * or by record id. A title shared by several records is refused as ambiguous. A cell
 * holding one title that contains a comma is matched whole before it is split.
 */
export function relationResolver(titles: RelationTitles) {
  const cache = new Map<string, TitleIndex>()
  const indexOf = (formId: string): TitleIndex => {
    let idx = cache.get(formId)
    if (!idx) {
      const exact = titles(formId)
      const folded = new Map<string, string[]>()
      const ids = new Set<string>()
      for (const [title, recordIds] of exact) {
        const key = title.trim().toLowerCase()
        folded.set(key, [...(folded.get(key) ?? []), ...recordIds])
        for (const id of recordIds) ids.add(id)
      }
      idx = { exact, folded, ids }
      cache.set(formId, idx)
    }
    return idx
  }

  const one = (idx: TitleIndex, part: string): { id: string } | { error: LocalizedMessage } | undefined => {
    const hits = idx.exact.get(part) ?? idx.folded.get(part.toLowerCase()) ?? (idx.ids.has(part) ? [part] : [])
    const unique = [...new Set(hits)]
    if (unique.length === 1 && unique[0] !== undefined) return { id: unique[0] }
    if (unique.length > 1) return { error: { 'zh-CN': `有 ${unique.length} 条记录名为「${part}」，无法确定关联哪一条`, 'en': `${unique.length} records are titled "${part}"; the link is ambiguous` } }
    return undefined
  }

  return (text: string, field: FieldOf<'relation'>): ParseResult => {
    const whole = text.trim()
    if (whole === '') return ok(null)
    const idx = indexOf(field.options.formId)
    const parts = one(idx, whole) ? [whole] : splitList(whole)
    if (!field.options.multiple && parts.length > 1) return fail(`只能关联一条记录：「${whole}」`, `only one record may be linked: "${whole}"`)
    const ids: string[] = []
    for (const part of parts) {
      const hit = one(idx, part)
      if (hit === undefined) return fail(`找不到关联记录「${part}」`, `no linked record titled "${part}"`)
      if ('error' in hit) return { ok: false, error: hit.error }
      if (!ids.includes(hit.id)) ids.push(hit.id)
    }
    return ok(field.options.multiple ? ids : ids[0])
  }
}
