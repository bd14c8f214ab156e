import type { DateFormatId } from '@/core/io'
import type { DateFormat, HistoryLogResult } from '@/core/io/stage-history'
import type { FieldDef, FieldOf, FormDef, Locale, RecordRow } from '@/core/schema/types'
import type { Ref } from 'vue'
import type { ParsedFile } from '@/workers/import-protocol'
import { computed, ref, shallowRef, watch } from 'vue'
import { coerceCell, dateOrderOf, detectDateFormat } from '@/core/io'
import { reconstructFromHistoryLog } from '@/core/io/stage-history'
import { behaviourOf } from '@/core/fields/registry'
import { keyOf } from '@/core/io/key-index'
import { validatorFor } from '@/core/records'
import { labelText } from '@/core/utils/label'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Columns of the log, by header ('' = not used). */
export interface HistoryColumns { key: string, stage: string, at: string, amount: string, owner: string }

/** Records ready to write, and what was set aside with why. */
export interface HistoryPrepared {
  result: HistoryLogResult
  records: RecordRow[]
  events: HistoryLogResult['events']
  existingKeys: string[]
  invalid: { key: string, reason: string }[]
}

const GUESS: Record<keyof HistoryColumns, RegExp> = {
  key: /^(?:id|key)$|opportunity|deal|record|编号|标识|商机|名称|name/i,
  stage: /stage|阶段|status|状态/i,
  at: /date|time|时间|日期|changed|created|at$/i,
  amount: /amount|value|金额|价值/i,
  owner: /owner|负责|销售|agent|rep/i,
}

function guess(headers: readonly string[]): HistoryColumns {
  const used = new Set<string>()
  const pick = (re: RegExp) => {
    const h = headers.find(x => !used.has(x) && re.test(x)) ?? ''
    if (h) used.add(h)
    return h
  }
  const stage = pick(GUESS.stage)
  const at = pick(GUESS.at)
  const amount = pick(GUESS.amount)
  const owner = pick(GUESS.owner)
  const key = pick(GUESS.key) || headers.find(x => !used.has(x)) || ''
  return { key, stage, at, amount, owner }
}

/** The stage-history import of one form: column choice, stage-name mapping, check, and the records to write. */
export function useImportHistory(form: Ref<FormDef | undefined>, parsed: Ref<ParsedFile | undefined>, locale: Ref<Locale>) {
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()
  const stageField = computed(() => form.value?.fields.find((f): f is FieldOf<'stage'> => f.type === 'stage'))
  const writable = computed<FieldDef[]>(() => (form.value?.fields ?? []).filter(f => !behaviourOf(f).computed && f.type !== 'stage'))
  const cols = ref<HistoryColumns>({ key: '', stage: '', at: '', amount: '', owner: '' })
  const target = ref({ key: '', amount: '', owner: '' })
  const stageNames = ref<Record<string, string>>({})
  const dateFormat = ref<DateFormatId | null>(null)
  const checked = ref(false)

  watch(parsed, (p) => {
    checked.value = false
    stageNames.value = {}
    cols.value = p ? guess(p.headers) : { key: '', stage: '', at: '', amount: '', owner: '' }
    const f = form.value
    target.value = {
      key: f?.titleField ?? '',
      amount: f?.fields.find(x => x.type === 'money')?.id ?? f?.fields.find(x => x.type === 'number')?.id ?? '',
      owner: f?.fields.find(x => x.type === 'member')?.id ?? '',
    }
  }, { immediate: true })

  const colIndex = (h: string) => parsed.value?.headers.indexOf(h) ?? -1
  const detection = computed(() => {
    const i = colIndex(cols.value.at)
    return detectDateFormat(i < 0 ? [] : (parsed.value?.rows.slice(0, 2000).map(r => r[i] ?? '') ?? []))
  })
  watch(detection, d => (dateFormat.value = d.ambiguous ? null : d.format), { immediate: true })
  const ready = computed(() => !!stageField.value && cols.value.key !== '' && cols.value.stage !== '' && cols.value.at !== '' && !(detection.value.ambiguous && dateFormat.value === null))

  function readFormat(): DateFormat {
    const order = dateFormat.value ? dateOrderOf(dateFormat.value) : 'YMD'
    return order === 'YMD' ? 'iso' : order
  }

  const result = computed<HistoryLogResult | undefined>(() => {
    const p = parsed.value
    const field = stageField.value
    if (!checked.value || !p || !field || !form.value) return undefined
    const c = cols.value
    const rows = p.rows.map(r => Object.fromEntries(p.headers.map((h, i) => [h, r[i] ?? ''])))
    return reconstructFromHistoryLog(rows, {
      formId: form.value.id,
      field,
      columns: { key: c.key, stage: c.stage, at: c.at, ...(c.amount ? { amount: c.amount } : {}), ...(c.owner ? { owner: c.owner } : {}) },
      keyField: target.value.key || undefined,
      amountField: target.value.amount || undefined,
      ownerField: target.value.owner || undefined,
      stageNames: stageNames.value,
      dateFormat: readFormat(),
    })
  })

  const prepared = shallowRef<HistoryPrepared>()
  watch(result, async (res) => {
    prepared.value = res && form.value ? await prepare(form.value, res) : undefined
  })

  async function prepare(f: FormDef, res: HistoryLogResult): Promise<HistoryPrepared> {
    const state = records.ensure(f.id)
    await state.loaded
    const keyField = f.fields.find(x => x.id === target.value.key)
    const ownerField = f.fields.find(x => x.id === target.value.owner)
    const known = new Set(keyField ? state.rows.value.map(r => keyOf(r.values[keyField.id])).filter(k => k !== undefined) : [])
    const validate = validatorFor(f)
    const out: HistoryPrepared = { result: res, records: [], events: [], existingKeys: [], invalid: [] }
    const keep = new Set<string>()
    for (const rec of res.records) {
      const key = keyField ? String(rec.values[keyField.id] ?? '') : rec.id
      if (keyField && known.has(key)) {
        out.existingKeys.push(key)
        continue
      }
      const owner = ownerField ? rec.values[ownerField.id] : undefined
      if (ownerField && owner !== undefined) {
        const parsedOwner = coerceCell(String(owner), ownerField, { members: workspace.settings.members }, undefined, false)
        if (parsedOwner.ok && parsedOwner.value !== null) rec.values[ownerField.id] = parsedOwner.value
        else delete rec.values[ownerField.id]
      }
      const issue = validate(rec.values)[0]
      if (issue) {
        out.invalid.push({ key, reason: `${labelText(issue.label, locale.value) || issue.fieldId}: ${issue.message[locale.value]}` })
        continue
      }
      rec.createdBy = workspace.settings.currentMemberId
      rec.updatedBy = workspace.settings.currentMemberId
      out.records.push(rec)
      keep.add(rec.id)
    }
    out.events = res.events.filter(e => keep.has(e.recordId))
    return out
  }

  return { stageField, writable, cols, target, stageNames, dateFormat, detection, ready, checked, result, prepared }
}
