import type { DateFormatId } from '@/core/io'
import type { FieldDef, FieldOf, Locale } from '@/core/schema/types'
import type { Ref } from 'vue'
import type { StageDateColumn } from '@/core/io/backdate-events'
import type { ProposalType } from '@/core/io/field-proposal'
import type { ParsedFile } from '@/workers/import-protocol'
import { computed, ref, watch } from 'vue'
import { detectDateFormat } from '@/core/io'
import { labelText } from '@/core/utils/label'
import { distinctValues, retypeField } from '@/core/io/field-proposal'
import { suggestStageDates } from '@/core/io/stage-date-suggest'

/** One column of the file as a proposed field. */
export interface ColumnProposal {
  col: number
  include: boolean
  field: FieldDef
}

/**
 * The editable proposal of "new form from a file": one field per column (type inferred by the
 * worker), each with include/exclude, label and type; the date format; "entered stage" date
 * columns when a column is made a stage; and the problems that block creating the form.
 */
export function useImportNewForm(parsed: Ref<ParsedFile | undefined>, fileName: Ref<string>, locale: Ref<Locale>) {
  const proposals = ref<ColumnProposal[]>([])
  const formName = ref('')
  const dateFormat = ref<DateFormatId | null>(null)
  const stageDates = ref<StageDateColumn[]>([])

  watch(parsed, (p) => {
    proposals.value = p ? p.proposedFields.map((field, col) => ({ col, include: true, field })) : []
    formName.value = fileName.value.replace(/\.[^.]+$/, '')
  }, { immediate: true })

  const included = computed(() => proposals.value.filter(p => p.include))
  const labelOf = (p: ColumnProposal) => labelText(p.field.label, locale.value).trim()

  function setType(index: number, type: ProposalType): void {
    const p = proposals.value[index]
    if (!p || !parsed.value) return
    p.field = retypeField(p.field, type, distinctValues(parsed.value.rows, p.col))
  }

  function setLabel(index: number, label: string): void {
    const p = proposals.value[index]
    if (p) p.field = { ...p.field, label }
  }

  const dateCols = computed(() => included.value.filter(p => p.field.type === 'date').map(p => p.col))
  const detection = computed(() => detectDateFormat((parsed.value?.rows.slice(0, 2000) ?? []).flatMap(r => dateCols.value.map(c => r[c] ?? ''))))
  watch(detection, d => (dateFormat.value = d.ambiguous ? null : d.format), { immediate: true })
  const dateSample = computed(() => parsed.value?.rows.flatMap(r => dateCols.value.map(c => r[c] ?? '')).find(v => v.trim() !== '') ?? '')

  const stageField = computed(() => included.value.map(p => p.field).find((f): f is FieldOf<'stage'> => f.type === 'stage'))
  const dateFieldOptions = computed(() => included.value.filter(p => p.field.type === 'date').map(p => ({ id: p.field.id, label: labelOf(p) })))
  watch([stageField, dateFieldOptions], ([stage, opts]) => {
    stageDates.value = stage ? suggestStageDates(stage, opts) : []
  }, { immediate: true })

  /** What blocks creating the form, as i18n keys with parameters. */
  const problems = computed(() => {
    const out: { key: string, params?: Record<string, unknown> }[] = []
    if (included.value.length === 0) out.push({ key: 'io.newForm.noFields' })
    const seen = new Set<string>()
    for (const p of included.value) {
      const label = labelOf(p)
      if (label === '') out.push({ key: 'io.newForm.labelEmpty', params: { n: p.col + 1 } })
      else if (seen.has(label)) out.push({ key: 'io.newForm.labelDup', params: { label } })
      seen.add(label)
    }
    if (detection.value.ambiguous && dateFormat.value === null) out.push({ key: 'io.chooseDateFormat' })
    return out
  })

  /** The fields to create (plain copies, labels trimmed) and the column mapping onto them. */
  function build(): { fields: FieldDef[], mapping: (string | null)[] } {
    const fields = included.value.map(p => ({ ...JSON.parse(JSON.stringify(p.field)) as FieldDef, label: labelOf(p) }))
    const mapping = proposals.value.map(p => (p.include ? p.field.id : null))
    return { fields, mapping }
  }

  return { proposals, formName, dateFormat, detection, dateSample, stageDates, stageField, dateFieldOptions, included, problems, setType, setLabel, build }
}
