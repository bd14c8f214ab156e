import type { DateFormatId } from '@/core/io'
import type { DateFormat, HistoryGuess, HistoryLogResult, HistoryMerge, StageOrderSource } from '@/core/io/stage-history'
import type { RecordPatch } from '@/core/records'
import type { FieldDef, FieldOf, FormDef, Locale, RecordRow, StageEvent } from '@/core/schema/types'
import type { Ref } from 'vue'
import type { ParsedFile } from '@/workers/import-protocol'
import { computed, ref, shallowRef, watch } from 'vue'
import { coerceCell, dateOrderOf, detectDateFormat } from '@/core/io'
import { guessHistoryColumns, matchStageName, mergeHistory, orderStageNames, parseTimestamp, reconstructFromHistoryLog } from '@/core/io/stage-history'
import { behaviourOf } from '@/core/fields/registry'
import { keyOf } from '@/core/io/key-index'
import { validatorFor } from '@/core/records'
import { labelText } from '@/core/utils/label'
import { saveStagesTransaction } from '@/core/stages'
import { useHistoryStore } from '@/stores/history'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Columns of the log, by header ('' = not used). */
export interface HistoryColumns { key: string, stage: string, at: string, amount: string, owner: string, order: string }

const NO_COLUMNS: HistoryColumns = { key: '', stage: '', at: '', amount: '', owner: '', order: '' }

/** What the import will write, with what was set aside and why. */
export interface HistoryPrepared {
  result: HistoryLogResult
  merge: HistoryMerge
  /** New records (validated) and their events. */
  records: RecordRow[]
  events: StageEvent[]
  /** Value changes of matched records (validated) and the events appended to them. */
  patches: RecordPatch[]
  appended: StageEvent[]
  invalid: { key: string, reason: string }[]
  /** Records that will change: created plus matched ones getting an event or a value. */
  changing: number
}

/** The form's open stages in the order the log suggests, and where that order came from. */
export interface StageOrderProposal {
  ids: string[]
  source: StageOrderSource
}

/**
 * The stage-history import of one form: columns guessed from the values (with why), the key
 * field matched against the records already there, stage-name mapping, stage order, and the
 * merge onto existing records (append events, optionally update current values, create new keys).
 */
export function useImportHistory(form: Ref<FormDef | undefined>, parsed: Ref<ParsedFile | undefined>, locale: Ref<Locale>) {
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()
  const history = useHistoryStore()
  const stageField = computed(() => form.value?.fields.find((f): f is FieldOf<'stage'> => f.type === 'stage'))
  const writable = computed<FieldDef[]>(() => (form.value?.fields ?? []).filter(f => !behaviourOf(f).computed && f.type !== 'stage'))
  const cols = ref<HistoryColumns>({ ...NO_COLUMNS })
  const guesses = shallowRef<HistoryGuess>({})
  const target = ref({ key: '', amount: '', owner: '' })
  const stageNames = ref<Record<string, string>>({})
  const dateFormat = ref<DateFormatId | null>(null)
  const checked = ref(false)
  /** upsert: keys without a record create one; matchOnly: they are counted unmatched. */
  const mode = ref<'upsert' | 'matchOnly'>('upsert')
  /** Set matched records' stage (and amount/owner) from the latest history row. */
  const updateCurrent = ref(false)
  /** The open stages in the order to save before writing (the user may reorder). */
  const stageOrder = ref<string[]>([])

  watch(parsed, async (p) => {
    checked.value = false
    stageNames.value = {}
    const f = form.value
    const existing = f ? await loadedRows(f.id) : []
    const g = p ? guessHistoryColumns(p.headers, p.rows, { stageNames: stageField.value ? namesOf(stageField.value) : [], keyFields: keyCandidates(writable.value, existing) }) : {}
    guesses.value = g
    cols.value = { key: g.key?.column ?? '', stage: g.stage?.column ?? '', at: g.at?.column ?? '', amount: g.amount?.column ?? '', owner: g.owner?.column ?? '', order: g.order?.column ?? '' }
    target.value = {
      key: g.key?.field ?? f?.titleField ?? '',
      amount: f?.fields.find(x => x.type === 'money')?.id ?? f?.fields.find(x => x.type === 'number')?.id ?? '',
      owner: f?.fields.find(x => x.type === 'member')?.id ?? '',
    }
    updateCurrent.value = existing.length === 0
  }, { immediate: true })

  async function loadedRows(formId: string): Promise<readonly RecordRow[]> {
    const state = records.ensure(formId)
    await state.loaded
    return state.rows.value
  }

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

  /** The open stages ordered by the log's sort column, else its moves (first appearance last). */
  const orderProposal = computed<StageOrderProposal | undefined>(() => {
    const p = parsed.value
    const field = stageField.value
    if (!checked.value || !p || !field) return undefined
    const [k, s, a, o] = [colIndex(cols.value.key), colIndex(cols.value.stage), colIndex(cols.value.at), colIndex(cols.value.order)]
    const open = new Set(field.options.stages.filter(x => x.kind === 'open').map(x => x.id))
    const rows = p.rows.flatMap((r) => {
      const stage = matchStageName(field, r[s] ?? '', stageNames.value)
      const at = parseTimestamp(r[a], readFormat())
      if (stage === undefined || !open.has(stage) || at === null) return []
      const order = o < 0 ? undefined : Number((r[o] ?? '').replace(/[,%]/g, ''))
      return [{ key: r[k] ?? '', stage, at, ...(order !== undefined && Number.isFinite(order) && (r[o] ?? '').trim() !== '' ? { order } : {}) }]
    })
    const found = orderStageNames(rows)
    const current = [...open]
    return { ids: [...found.names, ...current.filter(id => !found.names.includes(id))], source: found.source }
  })
  watch(orderProposal, (p) => {
    if (p) stageOrder.value = [...p.ids]
  })
  const currentOrder = computed(() => stageField.value?.options.stages.filter(s => s.kind === 'open').map(s => s.id) ?? [])
  const reordered = computed(() => stageOrder.value.length > 0 && stageOrder.value.join('\u0000') !== currentOrder.value.join('\u0000'))

  function moveInOrder(index: number, by: -1 | 1): void {
    const list = [...stageOrder.value]
    const to = index + by
    if (to < 0 || to >= list.length) return
    ;[list[index], list[to]] = [list[to]!, list[index]!]
    stageOrder.value = list
  }

  /** Saves the reordered open stages into the form (outcomes stay last), as the stage editor does. */
  async function saveStageOrder(): Promise<void> {
    const f = form.value
    const field = stageField.value
    if (!f || !field || !reordered.value) return
    const byId = new Map(field.options.stages.map(s => [s.id, s]))
    const open = stageOrder.value.flatMap(id => byId.get(id) ?? [])
    const next: FieldOf<'stage'> = { ...field, options: { ...field.options, stages: [...open, ...field.options.stages.filter(s => s.kind !== 'open')] } }
    const saved = saveStagesTransaction(f, next, await loadedRows(f.id), [], { now: Date.now(), memberId: workspace.settings.currentMemberId })
    if (saved.ok) await records.write(saved.tx)
  }

  const prepared = shallowRef<HistoryPrepared>()
  watch([result, mode, updateCurrent], async ([res]) => {
    prepared.value = res && form.value ? await prepare(form.value, res) : undefined
  })

  async function prepare(f: FormDef, res: HistoryLogResult): Promise<HistoryPrepared> {
    const existing = await loadedRows(f.id)
    await history.eventsLoaded(f.id)
    const keyField = f.fields.find(x => x.id === target.value.key)
    const ownerField = f.fields.find(x => x.id === target.value.owner)
    const validate = validatorFor(f)
    for (const rec of res.records) {
      const owner = ownerField ? rec.values[ownerField.id] : undefined
      if (ownerField && owner !== undefined) {
        const parsedOwner = coerceCell(String(owner), ownerField, { members: workspace.settings.members }, undefined, false)
        if (parsedOwner.ok && parsedOwner.value !== null) rec.values[ownerField.id] = parsedOwner.value
        else delete rec.values[ownerField.id]
      }
    }
    const updateFields = updateCurrent.value ? [stageField.value?.id, target.value.amount, target.value.owner].filter((x): x is string => !!x) : []
    const merge = keyField
      ? mergeHistory({ records: res.records, events: res.events, keyField: keyField.id, existing, existingEvents: history.eventsOf(f.id).value, mode: mode.value, updateFields })
      : { creates: res.records, createEvents: res.events, patches: [], appended: [], matched: 0, changed: 0, unmatched: [], duplicateEvents: 0 }
    const out: HistoryPrepared = { result: res, merge, records: [], events: [], patches: [], appended: [], invalid: [], changing: 0 }
    const reason = (issue: NonNullable<ReturnType<typeof validate>[number]>) => `${labelText(issue.label, locale.value) || issue.fieldId}: ${issue.message[locale.value]}`
    const keep = new Set<string>()
    for (const rec of merge.creates) {
      const key = keyField ? String(rec.values[keyField.id] ?? '') : rec.id
      const issue = validate(rec.values)[0]
      if (issue) {
        out.invalid.push({ key, reason: reason(issue) })
        continue
      }
      rec.createdBy = workspace.settings.currentMemberId
      rec.updatedBy = workspace.settings.currentMemberId
      out.records.push(rec)
      keep.add(rec.id)
    }
    out.events = merge.createEvents.filter(e => keep.has(e.recordId))
    const byId = new Map(existing.map(r => [r.id, r]))
    for (const patch of merge.patches) {
      const old = byId.get(patch.recordId)
      const issue = old ? validate({ ...old.values, ...patch.values }, old.values)[0] : undefined
      if (old && issue) out.invalid.push({ key: String(keyOf(old.values[keyField?.id ?? '']) ?? old.id), reason: reason(issue) })
      else out.patches.push(patch)
    }
    out.appended = merge.appended
    out.changing = out.records.length + new Set([...out.patches.map(p => p.recordId), ...out.appended.map(e => e.recordId)]).size
    return out
  }

  return { stageField, writable, cols, guesses, target, stageNames, dateFormat, detection, ready, checked, mode, updateCurrent, result, prepared, orderProposal, stageOrder, reordered, moveInOrder, saveStageOrder }
}

/** Every name a stage answers to in a file: its id and its labels. */
function namesOf(field: FieldOf<'stage'>): string[] {
  return field.options.stages.flatMap(s => [s.id, ...(typeof s.label === 'string' ? [s.label] : Object.values(s.label).filter((l): l is string => !!l))])
}

/** Per writable field, the key values the form's records hold (for matching the key column). */
function keyCandidates(fields: readonly FieldDef[], rows: readonly RecordRow[]): { field: string, keys: Set<string> }[] {
  if (rows.length === 0) return []
  return fields.map(f => ({ field: f.id, keys: new Set(rows.map(r => keyOf(r.values[f.id])).filter((k): k is string => k !== undefined)) }))
}
