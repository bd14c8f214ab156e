import type { DateFormatId } from '@/core/io'
import type { FieldDef, FieldOf, Locale, StageOption } from '@/core/schema/types'
import type { Ref } from 'vue'
import type { StageDateColumn } from '@/core/io/backdate-events'
import type { ProposalType } from '@/core/io/field-proposal'
import type { ParsedFile } from '@/workers/import-protocol'
import { computed, ref, watch } from 'vue'
import { dateOrderOf, detectDateFormat } from '@/core/io'
import { fileFunnel } from '@/core/io/stage-history'
import { labelText } from '@/core/utils/label'
import { distinctValues, retypeField, withOutcomes } from '@/core/io/field-proposal'
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
  // Suggested again when the stages, their kinds or the date fields change, not when stages are
  // reordered (that keeps the user's own choice of columns).
  const stageKey = computed(() => [stageField.value?.id, ...(stageField.value?.options.stages.map(s => `${s.id}:${s.kind}`).sort() ?? [])].join('\u0000'))
  watch([stageKey, dateFieldOptions], () => {
    const stage = stageField.value
    stageDates.value = stage ? suggestStageDates(stage, dateFieldOptions.value) : []
  }, { immediate: true })

  /** The proposal that is the stage field (its column's values are the stages). */
  const stageProposal = computed(() => included.value.find(p => p.field.type === 'stage'))

  function setStages(stages: StageOption[]): void {
    const p = stageProposal.value
    if (p?.field.type !== 'stage') return
    p.field = { ...p.field, options: { ...p.field.options, stages: withOutcomes(stages) } }
  }

  /** Moves an open stage up or down the funnel. */
  function moveStage(index: number, by: -1 | 1): void {
    const stages = [...(stageField.value?.options.stages ?? [])]
    const to = index + by
    if (to < 0 || to >= stages.length || stages[to]!.kind !== 'open' || stages[index]!.kind !== 'open') return
    ;[stages[index], stages[to]] = [stages[to]!, stages[index]!]
    setStages(stages)
  }

  /** Marks a stage open, won or lost. */
  function setStageKind(index: number, kind: StageOption['kind']): void {
    setStages((stageField.value?.options.stages ?? []).map((s, i) => (i === index ? { ...s, kind } : s)))
  }

  /** The funnel the new form will show, from each row's current stage and the stage date columns. */
  const funnelPreview = computed(() => {
    const p = stageProposal.value
    const field = stageField.value
    if (!p || !field || !parsed.value || !field.options.stages.some(x => x.kind === 'open') || !field.options.stages.some(x => x.kind === 'won')) return undefined
    const colOf = new Map(included.value.map(x => [x.field.id, x.col]))
    const dates = stageDates.value.flatMap(d => (colOf.has(d.fieldId) ? [{ stage: d.stage, col: colOf.get(d.fieldId)! }] : []))
    const order = dateFormat.value ? dateOrderOf(dateFormat.value) : 'YMD'
    return { dated: dates.length > 0, steps: fileFunnel({ rows: parsed.value.rows, stageCol: p.col, field, dates, dateFormat: order === 'YMD' ? 'iso' : order }) }
  })

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
    const stages = stageField.value?.options.stages
    const count = (kind: StageOption['kind']) => stages?.filter(x => x.kind === kind).length ?? 0
    if (stages && (count('open') < 1 || count('won') < 1 || count('lost') > 1)) out.push({ key: 'io.newForm.stageKinds', params: { field: labelText(stageField.value!.label, locale.value) } })
    if (detection.value.ambiguous && dateFormat.value === null) out.push({ key: 'io.chooseDateFormat' })
    return out
  })

  /** The fields to create (plain copies, labels trimmed) and the column mapping onto them. */
  function build(): { fields: FieldDef[], mapping: (string | null)[] } {
    const fields = included.value.map(p => ({ ...JSON.parse(JSON.stringify(p.field)) as FieldDef, label: labelOf(p) }))
    const mapping = proposals.value.map(p => (p.include ? p.field.id : null))
    return { fields, mapping }
  }

  return { proposals, formName, dateFormat, detection, dateSample, stageDates, stageField, dateFieldOptions, included, problems, setType, setLabel, build, moveStage, setStageKind, funnelPreview }
}
