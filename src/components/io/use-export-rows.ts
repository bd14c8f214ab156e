import type { Ref } from 'vue'
import type { FieldDef, Locale, RecordRow } from '@/core/schema/types'
import { ElMessage } from 'element-plus'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { exportRows } from '@/core/io'
import { useFieldFormat } from '@/composables/use-field-format'
import { labelText } from '@/core/utils/label'
import { useWorkspaceStore } from '@/stores/workspace'
import { dateStamp, downloadBytes, safeFileName } from './io-download'

/** What useExportRows returns. */
export interface UseExportRowsReturn {
  /** True while a file is being written. */
  busy: Ref<boolean>
  /** Writes the rows as a CSV or XLSX download, telling the user how it went. */
  run: (format: 'csv' | 'xlsx') => Promise<void>
}

/**
 * Exports the current view of a form: `records()` the visible rows in order, `fields()` the
 * visible columns in order. Values are written as people read them (option labels, member
 * names, related record titles); CSV cells that look like formulas are escaped. Shared by the
 * toolbar's export button and the phone toolbar's "more" menu.
 */
export function useExportRows(formId: () => string, records: () => readonly RecordRow[], fields: () => readonly FieldDef[]): UseExportRowsReturn {
  const { t, locale } = useI18n()
  const workspace = useWorkspaceStore()
  const loc = computed(() => locale.value as Locale)
  const fieldFormat = useFieldFormat({ locale: () => loc.value })
  const busy = ref(false)

  async function run(format: 'csv' | 'xlsx') {
    const rows = records()
    const cols = fields()
    if (!rows.length) {
      ElMessage.warning(t('io.export.empty'))
      return
    }
    busy.value = true
    try {
      const form = workspace.formById.get(formId())
      const name = safeFileName(labelText(form?.name, loc.value))
      // Related records are written by title: load the forms they are in before formatting.
      await fieldFormat.ready(cols.flatMap(f => (f.type === 'relation' ? [f.options.formId] : [])))
      const ctx = fieldFormat.contextOf(form ?? { fields: [...cols] })
      const file = await exportRows(rows, cols, { ...ctx, format, sheetName: name })
      downloadBytes(`${name}-${dateStamp()}.${file.extension}`, file.bytes, file.mimeType)
      ElMessage.success(t('io.export.done', { n: rows.length.toLocaleString() }))
    }
    catch (err) {
      ElMessage.error(t('io.export.failed', { reason: err instanceof Error ? err.message : String(err) }))
    }
    finally {
      busy.value = false
    }
  }
  return { busy, run }
}
