import type { ComputedRef } from 'vue'
import type { FieldUiContext } from '@/components/fields/field-tags'
import type { FieldDef, FieldOf, Locale, Member, RecordRow } from '@/core/schema/types'
import { computed, watch } from 'vue'
import { lookupSource as findLookupSource, relationTitles } from '@/core/records'
import { useFieldFormat } from '@/composables/use-field-format'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Options of useGridRelations. */
export interface UseGridRelationsOptions {
  locale: () => Locale
  members: () => readonly Member[]
  /** Called when a related form's records have loaded (redraw relation cells). */
  onLoaded?: () => void
}

/**
 * Relation support for the grid: titles of linked records, the records a picker offers (the
 * target form's records are loaded through useRecordsStore().ensure), and title → id lookup
 * for pasting relation cells.
 */
export function useGridRelations(fields: () => FieldDef[], options: UseGridRelationsOptions): { ui: ComputedRef<FieldUiContext>, findRecord: (formId: string, text: string) => string | undefined } {
  const records = useRecordsStore()
  const workspace = useWorkspaceStore()

  const fieldFormat = useFieldFormat({ locale: options.locale })

  function title(formId: string, row: RecordRow): string {
    return fieldFormat.recordTitle(workspace.formById.get(formId), row)
  }

  /** A linked record's title; null once its form has loaded without it (deleted), undefined while loading. */
  function relationTitle(formId: string, recordId: string): string | null | undefined {
    return relationTitles(fieldFormat.sources())(formId, recordId)
  }

  function relationOptions(formId: string): { id: string, title: string }[] {
    return records.ensure(formId).rows.value.map(r => ({ id: r.id, title: title(formId, r) }))
  }

  function findRecord(formId: string, text: string): string | undefined {
    const state = records.ensure(formId)
    const s = text.trim()
    if (state.byId.has(s)) return s
    return state.rows.value.find(r => title(formId, r) === s)?.id
  }

  /** A lookup's source field, its relation found among the grid's fields or else in the form holding both. */
  function lookupSource(field: FieldOf<'lookup'>) {
    const has = (list: readonly FieldDef[], id: string) => list.some(f => f.id === id)
    const scope = has(fields(), field.options.relationField)
      ? fields()
      : workspace.forms.find(f => has(f.fields, field.id) && has(f.fields, field.options.relationField))?.fields ?? []
    return findLookupSource(field, scope, id => workspace.formById.get(id))
  }

  // Relation cells and lookups of relations show titles: load the forms they name.
  const shownForms = (f: FieldDef): string[] => {
    if (f.type === 'relation') return [f.options.formId]
    const source = f.type === 'lookup' ? lookupSource(f)?.field : undefined
    return source?.type === 'relation' ? [source.options.formId] : []
  }
  watch(() => fields().flatMap(shownForms).join(','), (ids) => {
    for (const id of ids.split(',').filter(Boolean)) void records.ensure(id).loaded.then(() => options.onLoaded?.())
  }, { immediate: true })

  const ui = computed<FieldUiContext>(() => ({ locale: options.locale(), members: options.members(), relationTitle, relationOptions, lookupSource }))
  return { ui, findRecord }
}
