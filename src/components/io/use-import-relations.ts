import type { FormDef, Locale } from '@/core/schema/types'
import { behaviourOf } from '@/core/fields/registry'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Per related form id: [title, record ids] pairs, as the import worker takes them. */
export type RelationTitlePairs = Record<string, [string, string[]][]>

/**
 * Loads the record titles of every form that the given relation fields point to, so relation
 * cells can be linked by title ("华为" -> the account titled 华为).
 */
export function useImportRelations() {
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()

  async function titlesFor(form: FormDef, fieldIds: readonly string[], locale: Locale): Promise<RelationTitlePairs> {
    const out: RelationTitlePairs = {}
    for (const field of form.fields) {
      if (field.type !== 'relation' || !fieldIds.includes(field.id)) continue
      const targetId = field.options.formId
      if (out[targetId]) continue
      const target = workspace.formById.get(targetId)
      const titleField = target?.fields.find(f => f.id === target.titleField)
      const state = records.ensure(targetId)
      await state.loaded
      const byTitle = new Map<string, string[]>()
      for (const rec of state.rows.value) {
        const title = titleField ? behaviourOf(titleField).format(rec.values[titleField.id], titleField, { locale, members: workspace.settings.members }).trim() : ''
        if (title === '') continue
        const ids = byTitle.get(title)
        if (ids) ids.push(rec.id)
        else byTitle.set(title, [rec.id])
      }
      out[targetId] = [...byTitle]
    }
    return out
  }

  return { titlesFor }
}
