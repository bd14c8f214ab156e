import type { ColumnMapping, DateFormatDetection, DateFormatId, ImportPlan } from '@/core/io'
import type { FieldDef, FieldOf, FormDef, Locale } from '@/core/schema/types'
import type { Ref } from 'vue'
import type { StageDateColumn } from '@/core/io/backdate-events'
import type { ImportClient, ImportTask } from '@/workers/import-client'
import type { PlanRequest, ParsedFile } from '@/workers/import-protocol'
import type { RelationTitlePairs } from './use-import-relations'
import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import { autoMapColumns, detectDateFormat } from '@/core/io'
import { behaviourOf } from '@/core/fields/registry'
import { labelText } from '@/core/utils/label'
import { suggestStageDates } from '@/core/io/stage-date-suggest'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { useImportRelations } from './use-import-relations'

/** Rows shown (and checked live) in the preview. */
export const PREVIEW_ROWS = 20
/** Rows read to detect the date format: the file's head, which is all the mapping needs of the file on the page. */
export const DATE_SAMPLE = 2000

/**
 * The editable part of importing a file into an existing form: column mapping (auto-matched
 * by label), date format (detected; asked when ambiguous), upsert key, "entered stage" date
 * columns, and a live preview plan of the first rows with per-cell problems (made in the worker).
 */
export function useImportMapping(form: Ref<FormDef | undefined>, parsed: Ref<ParsedFile | undefined>, locale: Ref<Locale>, client: ImportClient) {
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()
  const relations = useImportRelations()
  const mapping = ref<ColumnMapping>([])
  const dateFormat = ref<DateFormatId | null>(null)
  const upsertKey = ref<string>()
  const stageDates = ref<StageDateColumn[]>([])
  const relationTitles = shallowRef<RelationTitlePairs>({})
  const existing = computed(() => (form.value ? records.ensure(form.value.id).rows.value : []))

  const writable = computed<FieldDef[]>(() => (form.value?.fields ?? []).filter(f => !behaviourOf(f).computed))
  const fieldOf = (id: string | null) => (id === null ? undefined : writable.value.find(f => f.id === id))
  const mappedFields = computed(() => mapping.value.flatMap((id, col) => {
    const f = fieldOf(id)
    return f ? [{ col, field: f }] : []
  }))
  const dateCols = computed(() => mappedFields.value.filter(m => m.field.type === 'date').map(m => m.col))
  const detection = computed<DateFormatDetection>(() => {
    const rows = parsed.value?.rows.slice(0, DATE_SAMPLE) ?? []
    return detectDateFormat(rows.flatMap(r => dateCols.value.map(c => r[c] ?? '')))
  })
  const dateSample = computed(() => parsed.value?.rows.flatMap(r => dateCols.value.map(c => r[c] ?? '')).find(v => v.trim() !== '') ?? '')
  const needsDateChoice = computed(() => detection.value.ambiguous && dateFormat.value === null)
  const stageField = computed(() => writable.value.find((f): f is FieldOf<'stage'> => f.type === 'stage'))
  const dateFieldOptions = computed(() => mappedFields.value.filter(m => m.field.type === 'date').map(m => ({ id: m.field.id, label: labelText(m.field.label, locale.value) })))

  watch(parsed, (p) => {
    mapping.value = p ? autoMapColumns(p.headers, writable.value, locale.value) : []
    upsertKey.value = undefined
  }, { immediate: true })
  watch(detection, d => (dateFormat.value = d.ambiguous ? null : d.format), { immediate: true })
  watch(dateFieldOptions, (opts) => {
    stageDates.value = stageField.value ? suggestStageDates(stageField.value, opts) : []
  }, { immediate: true })
  watch(mapping, (m) => {
    if (upsertKey.value !== undefined && !m.includes(upsertKey.value)) upsertKey.value = undefined
  })
  const relationIds = computed(() => mappedFields.value.filter(m => m.field.type === 'relation').map(m => m.field.id).join(','))
  watch(relationIds, async (ids) => {
    if (!form.value || ids === '') return
    relationTitles.value = await relations.titlesFor(form.value, ids.split(','), locale.value)
  }, { immediate: true })

  /** Everything the worker needs to plan the import of `rows`, or of the whole file it holds ('file': the rows are not sent back). */
  function request(rows: readonly (readonly string[])[] | 'file'): PlanRequest | undefined {
    const p = parsed.value
    if (!p || !form.value) return undefined
    return {
      headers: p.headers,
      ...(rows === 'file' ? { fileId: p.fileId } : { rows }),
      mapping: [...mapping.value],
      form: form.value,
      dateFormat: dateFormat.value,
      upsertKey: upsertKey.value,
      existing: existing.value,
      relationTitles: relationTitles.value,
      members: workspace.settings.members,
      formulaEscaped: p.kind === 'csv',
      locale: locale.value,
    }
  }

  // The preview plan of the first rows is made in the worker too: compiling the form's validator
  // and checking rows on this thread made the file's arrival one long task.
  const preview = shallowRef<ImportPlan>()
  let previewTask: ImportTask<ImportPlan> | undefined
  watch([parsed, mapping, dateFormat, upsertKey, existing, relationTitles, form, locale], async () => {
    previewTask?.cancel()
    previewTask = undefined
    const req = request(parsed.value?.rows.slice(0, PREVIEW_ROWS) ?? [])
    if (!req || mappedFields.value.length === 0) {
      preview.value = undefined
      return
    }
    // Existing records matter only for the upsert key and unique fields: not copied otherwise.
    const needsExisting = req.upsertKey !== undefined || mappedFields.value.some(x => x.field.unique)
    const task = client.plan(needsExisting ? req : { ...req, existing: [] })
    previewTask = task
    try {
      const plan = await task.promise
      if (previewTask === task) preview.value = plan
    }
    catch {
      // Cancelled by a newer preview, or the worker stopped with the dialog.
    }
  }, { immediate: true })
  onBeforeUnmount(() => previewTask?.cancel())

  return { mapping, dateFormat, upsertKey, stageDates, writable, mappedFields, detection, dateSample, needsDateChoice, stageField, dateFieldOptions, preview, request }
}
