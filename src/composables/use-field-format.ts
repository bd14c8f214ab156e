import type { FormatContext } from '@/core/fields'
import type { FormatSources } from '@/core/records'
import type { FieldDef, FormDef, Locale, RecordRow } from '@/core/schema/types'
import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatContextFor, formatField, recordTitleText } from '@/core/records'
import { missingText } from '@/core/fields'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Options of useFieldFormat. */
export interface UseFieldFormatOptions {
  /**
   * The locale values are shown in.
   * @default the UI locale (vue-i18n)
   */
  locale?: () => Locale
}

/** What useFieldFormat returns. */
export interface UseFieldFormatReturn {
  /** The full context for values of a form (relation titles, lookups, members); reactive reads inside. */
  contextOf: (form: Pick<FormDef, 'fields'> | undefined) => FormatContext
  /** The text of a value of `field` (a field of `form`) as the grid shows it. */
  format: (form: Pick<FormDef, 'fields'> | undefined, field: FieldDef, value: unknown) => string
  /** A record's title; a marked placeholder when the title is empty. */
  recordTitle: (form: FormDef | undefined, row: RecordRow) => string
  /** Sources for core formatters that build their own context (exports, workers). */
  sources: () => FormatSources
  /** Loads the records of forms values link to, so a following format shows titles (and placeholders) instead of '…'. */
  ready: (formIds: readonly string[]) => Promise<void>
}

/**
 * Shows field values as the grid shows them, anywhere: kanban cards, the record drawer and form,
 * the recycle bin, exports. Relations read the linked form's records through the records store
 * (loading it on first use; '…' until then, then the title); read inside a render or computed,
 * the text follows edits of the linked records.
 */
export function useFieldFormat(options: UseFieldFormatOptions = {}): UseFieldFormatReturn {
  const records = useRecordsStore()
  const workspace = useWorkspaceStore()
  const { locale: uiLocale } = useI18n()
  const locale = options.locale ?? (() => uiLocale.value as Locale)
  // Forms whose records have loaded: reactive, so '…' turns into titles.
  const loaded = reactive(new Set<string>())

  function recordOf(formId: string, recordId: string): RecordRow | null | undefined {
    const state = records.ensure(formId)
    void state.rows.value
    if (!loaded.has(formId)) {
      void state.loaded.then(() => loaded.add(formId))
      return state.byId.get(recordId)
    }
    return state.byId.get(recordId) ?? null
  }

  const sources = (): FormatSources => ({
    locale: locale(),
    members: workspace.settings.members,
    formOf: id => workspace.formById.get(id),
    recordOf,
  })

  const contextOf = (form: Pick<FormDef, 'fields'> | undefined) => formatContextFor(form?.fields ?? [], sources())

  async function ready(formIds: readonly string[]): Promise<void> {
    await Promise.all(formIds.map(async (id) => {
      await records.ensure(id).loaded
      loaded.add(id)
    }))
  }

  return {
    ready,
    contextOf,
    format: (form, field, value) => formatField(field, value, contextOf(form)),
    recordTitle: (form, row) => recordTitleText(form, row, contextOf(form)) || missingText('untitled', locale()),
    sources,
  }
}
