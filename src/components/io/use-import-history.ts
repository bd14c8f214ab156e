import type { DateFormatId } from '@/core/io'
import type { DateFormat, HistoryGuess, HistoryLogResult, HistoryMerge, HistoryPresetId, StageOrderSource } from '@/core/io/stage-history'
import type { RecordPatch } from '@/core/records'
import type { FieldDef, FieldOf, FormDef, Locale, RecordRow, StageEvent } from '@/core/schema/types'
import type { Ref } from 'vue'
import type { ParsedFile } from '@/workers/import-protocol'
import { computed, ref, shallowRef, watch } from 'vue'
import { coerceCell, dateOrderOf, detectDateFormat, normalizeHeader } from '@/core/io'
import { detectHistoryPreset, guessHistoryColumns, HISTORY_PRESETS, matchStageName, mergeHistory, orderStageNames, parseTimestamp, presetColumns, presetRowFilter, reconstructFromHistoryLog, reorderOpenStages } from '@/core/io/stage-history'
import { behaviourOf } from '@/core/fields/registry'
import { keyOf } from '@/core/io/key-index'
import { validatorFor } from '@/core/records'
import { cumulativeFunnel, summarizeStageHistory } from '@/core/metrics'
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
  /** The CRM export layout ('' = a generic one-row-per-change log): detected from the headers, changeable. */
  const preset = ref<HistoryPresetId | ''>('')
  const presetDef = computed(() => HISTORY_PRESETS.find(x => x.id === preset.value))
  /** The rows that are stage changes (a property-history export also holds other properties' changes). */
  const rows = computed<readonly string[][]>(() => {
    const p = parsed.value
    if (!p) return []
    const keep = presetRowFilter(presetDef.value, p.headers)
    return keep ? p.rows.filter(keep) : p.rows
  })

  /**
   * What the import leaves out, for the user to confirm: the columns no role reads, and the
   * rows of other properties a property-history export holds (with those properties' names).
   */
  const leftOut = computed(() => {
    const p = parsed.value
    if (!p) return { cols: [] as string[], rows: 0, props: [] as string[] }
    const used = new Set(Object.values(cols.value).filter(c => c !== ''))
    const keep = presetRowFilter(presetDef.value, p.headers)
    const propCol = presetDef.value?.rows?.column.map(normalizeHeader).map(n => p.headers.findIndex(h => normalizeHeader(h) === n)).find(i => i >= 0) ?? -1
    const dropped = keep ? p.rows.filter(r => !keep(r)) : []
    return {
      cols: p.headers.filter(h => !used.has(h) && (propCol < 0 || h !== p.headers[propCol])),
      rows: dropped.length,
      props: [...new Set(dropped.map(r => r[propCol] ?? ''))].slice(0, 8),
    }
  })
  /** The user confirmed what is left out (asked again when that changes). */
  const leftOutConfirmed = ref(false)
  watch(() => JSON.stringify(leftOut.value), () => (leftOutConfirmed.value = false))

  watch(parsed, async (p) => {
    checked.value = false
    stageNames.value = {}
    const f = form.value
    const existing = f ? await loadedRows(f.id) : []
    preset.value = p ? detectHistoryPreset(p.headers)?.id ?? '' : ''
    const g = p ? guessHistoryColumns(p.headers, rows.value, { stageNames: stageField.value ? namesOf(stageField.value) : [], keyFields: keyCandidates(writable.value, existing) }) : {}
    guesses.value = g
    applyColumns()
    target.value = {
      key: g.key?.field ?? f?.titleField ?? '',
      amount: amountTarget(f?.fields ?? [], g.key?.field ?? f?.titleField),
      owner: f?.fields.find(x => x.type === 'member')?.id ?? '',
    }
    updateCurrent.value = existing.length === 0
  }, { immediate: true })

  /** The guessed columns, overridden by what the chosen preset names. */
  function applyColumns(): void {
    const g = guesses.value
    const fromPreset = presetDef.value && parsed.value ? presetColumns(presetDef.value, parsed.value.headers) : {}
    const pick = (role: keyof HistoryColumns) => fromPreset[role] ?? g[role]?.column ?? ''
    cols.value = { key: pick('key'), stage: pick('stage'), at: pick('at'), amount: pick('amount'), owner: pick('owner'), order: pick('order') }
    checked.value = false
  }

  function setPreset(id: HistoryPresetId | ''): void {
    preset.value = id
    applyColumns()
  }

  async function loadedRows(formId: string): Promise<readonly RecordRow[]> {
    const state = records.ensure(formId)
    await state.loaded
    return state.rows.value
  }

  const colIndex = (h: string) => parsed.value?.headers.indexOf(h) ?? -1
  const detection = computed(() => {
    const i = colIndex(cols.value.at)
    return detectDateFormat(i < 0 ? [] : rows.value.slice(0, 2000).map(r => r[i] ?? ''))
  })
  watch(detection, d => (dateFormat.value = d.ambiguous ? null : d.format), { immediate: true })
  const ready = computed(() => !!stageField.value && cols.value.key !== '' && cols.value.stage !== '' && cols.value.at !== '' && !(detection.value.ambiguous && dateFormat.value === null)
    && (leftOutConfirmed.value || (leftOut.value.cols.length === 0 && leftOut.value.rows === 0)))

  function readFormat(): DateFormat {
    const order = dateFormat.value ? dateOrderOf(dateFormat.value) : 'YMD'
    return order === 'YMD' ? 'iso' : order
  }

  const result = computed<HistoryLogResult | undefined>(() => {
    const p = parsed.value
    const field = stageField.value
    if (!checked.value || !p || !field || !form.value) return undefined
    const c = cols.value
    const objects = rows.value.map(r => Object.fromEntries(p.headers.map((h, i) => [h, r[i] ?? ''])))
    return reconstructFromHistoryLog(objects, {
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

  /**
   * The open stages ordered by the log's sort column, else by the moves its records made
   * (outcomes included, so a move into won places the stage before it). Stages the log never
   * names keep their place; without any evidence (first appearance only) the order stays.
   */
  const orderProposal = computed<StageOrderProposal | undefined>(() => {
    const p = parsed.value
    const field = stageField.value
    if (!checked.value || !p || !field) return undefined
    const [k, s, a, o] = [colIndex(cols.value.key), colIndex(cols.value.stage), colIndex(cols.value.at), colIndex(cols.value.order)]
    const changes = rows.value.flatMap((r) => {
      const stage = matchStageName(field, r[s] ?? '', stageNames.value)
      const at = parseTimestamp(r[a], readFormat())
      if (stage === undefined || at === null) return []
      const text = o < 0 ? '' : (r[o] ?? '').replace(/[,%]/g, '').trim()
      const order = text === '' ? Number.NaN : Number(text)
      return [{ key: r[k] ?? '', stage, at, ...(Number.isFinite(order) ? { order } : {}) }]
    })
    const found = orderStageNames(changes)
    return { ids: reorderOpenStages(field.options.stages.filter(x => x.kind === 'open').map(x => x.id), found), source: found.source }
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
    // The key and owner come from the file as text: read them as their fields read a typed cell
    // (a deal id "9102" into a number field is the number 9102, matched and stored as one).
    const readAs = (field: FieldDef | undefined, rec: RecordRow, keepText: boolean) => {
      const raw = field ? rec.values[field.id] : undefined
      if (!field || raw === undefined) return
      const cell = coerceCell(String(raw), field, { members: workspace.settings.members }, undefined, false)
      if (cell.ok && cell.value !== null) rec.values[field.id] = cell.value
      else if (!keepText) delete rec.values[field.id]
    }
    for (const rec of res.records) {
      readAs(keyField, rec, true)
      readAs(ownerField, rec, false)
    }
    const updateFields = updateCurrent.value ? [stageField.value?.id, target.value.amount, target.value.owner].filter((x): x is string => !!x) : []
    const merge = keyField
      ? mergeHistory({ records: res.records, events: res.events, keyField: keyField.id, existing, existingEvents: history.eventsOf(f.id).value, mode: mode.value, updateFields })
      : { creates: res.records, createEvents: res.events, patches: [], appended: [], matched: 0, changed: 0, unmatched: [], duplicateEvents: 0, duplicates: [] }
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

  /**
   * The funnel as it will be after the import (cumulative counts per open stage, then won), in
   * the stage order the dialog proposes: the records of the form with their patches, plus the
   * new ones, over every event they will hold.
   */
  const funnelPreview = computed(() => {
    const p = prepared.value
    const field = stageField.value
    const f = form.value
    if (!p || !field || !f) return undefined
    const byId = new Map(field.options.stages.map(x => [x.id, x]))
    const open = stageOrder.value.flatMap(id => byId.get(id) ?? [])
    const ordered: FieldOf<'stage'> = { ...field, options: { ...field.options, stages: [...open, ...field.options.stages.filter(x => x.kind !== 'open')] } }
    const patchOf = new Map(p.patches.map(x => [x.recordId, x.values]))
    const rows = [...records.ensure(f.id).rows.value.map(r => (patchOf.has(r.id) ? { ...r, values: { ...r.values, ...patchOf.get(r.id) } } : r)), ...p.records]
    const events = [...history.eventsOf(f.id).value, ...p.appended, ...p.events]
    const summary = summarizeStageHistory(rows, events, ordered)
    return cumulativeFunnel({ records: rows, events, field: ordered, summary }).steps.map(x => ({ stageId: x.stageId, count: x.count }))
  })

  return { leftOut, leftOutConfirmed, stageField, writable, cols, guesses, target, stageNames, dateFormat, detection, ready, checked, mode, updateCurrent, result, prepared, orderProposal, stageOrder, reordered, moveInOrder, saveStageOrder, preset, setPreset, funnelPreview }
}

const AMOUNT_LABEL = /amount|value|revenue|price|金额|价值|价格|收入|合同额/i

/**
 * The field the log's amount goes into: a money field, else a number field named like an
 * amount — never the key field (a deal id typed as a number is not an amount).
 */
function amountTarget(fields: readonly FieldDef[], keyField: string | undefined): string {
  const candidates = fields.filter(x => x.id !== keyField)
  const named = (x: FieldDef) => AMOUNT_LABEL.test(labelText(x.label, 'en')) || AMOUNT_LABEL.test(labelText(x.label, 'zh-CN'))
  return (candidates.find(x => x.type === 'money') ?? candidates.find(x => x.type === 'number' && named(x)))?.id ?? ''
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
