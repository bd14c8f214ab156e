import type { DateFormatId } from '@/core/io'
import type { DateFormat, HistoryGuess, HistoryLogResult, HistoryMerge, HistoryPresetId, StageOrderSource } from '@/core/io/stage-history'
import type { RecordPatch } from '@/core/records'
import type { ChangeEntry, FieldDef, FieldOf, FormDef, Locale, RecordRow, StageEvent } from '@/core/schema/types'
import type { Ref } from 'vue'
import type { ParsedFile } from '@/workers/import-protocol'
import { computed, ref, shallowRef, watch } from 'vue'
import { coerceCell, dateOrderOf, detectDateFormat, normalizeHeader } from '@/core/io'
import { amountChangeEntries, amountSignature, detectHistoryPreset, guessHistoryColumns, HISTORY_PRESETS, matchStageName, mergeHistory, orderStageNames, parseTimestamp, presetColumns, presetPropertyColumn, presetRowFilter, reconstructFromHistoryLog, reorderOpenStages } from '@/core/io/stage-history'
import { behaviourOf } from '@/core/fields/registry'
import { keyOf } from '@/core/io/key-index'
import { validatorFor } from '@/core/records'
import { cumulativeFunnel, summarizeStageHistory } from '@/core/metrics'
import { labelText } from '@/core/utils/label'
import { addStage, addToPipelines, saveStagesTransaction, STAGE_PALETTE } from '@/core/stages'
import { newId } from '@/core/utils/id'
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
  /** Records (new, or patches of matched ones) that break the form's rules, with their rows in the file. */
  invalid: { key: string, reason: string, rows: number[] }[]
  /** Backdated change entries of the amount field (the amount's history, for the waterfall and as-of figures). */
  changes: ChangeEntry[]
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
  const formStage = computed(() => form.value?.fields.find((f): f is FieldOf<'stage'> => f.type === 'stage'))
  /** File stage names the user chose to add as new open stages (saved into the field on import). */
  const added = ref<{ name: string, id: string }[]>([])
  /** The form's stage field with the stages the user adds: what the log is read against. */
  const stageField = computed(() => {
    const f = formStage.value
    // once saved (the import writes them into the form first), the form holds them itself
    const fresh = added.value.filter(a => !f?.options.stages.some(s => s.id === a.id) && !f?.options.removedStages?.some(s => s.id === a.id))
    if (!f || fresh.length === 0) return f
    return fresh.reduce((acc, a, i) => addToPipelines(addStage(acc, { id: a.id, label: a.name, color: STAGE_PALETTE[(f.options.stages.length + i) % STAGE_PALETTE.length] }), a.id), f)
  })
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
  const kept = computed<{ rows: readonly string[][], numbers?: number[] }>(() => {
    const p = parsed.value
    if (!p) return { rows: [] }
    const keep = presetRowFilter(presetDef.value, p.headers)
    if (!keep) return { rows: p.rows }
    // the file's row numbers of the rows kept, for reports (line 1 is the header)
    const out: { rows: string[][], numbers: number[] } = { rows: [], numbers: [] }
    p.rows.forEach((r, i) => {
      if (!keep(r)) return
      out.rows.push(r)
      out.numbers.push(i + 2)
    })
    return out
  })
  const rows = computed(() => kept.value.rows)

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
    added.value = []
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
    // an export whose amount is a property of its own (HubSpot's amount rows) has no amount column to guess
    const pick = (role: keyof HistoryColumns) => fromPreset[role] ?? (role === 'amount' && presetDef.value?.rows?.amounts ? '' : g[role]?.column) ?? ''
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
    const amounts = presetDef.value?.rows?.amounts
    const propCol = presetPropertyColumn(presetDef.value, p.headers)
    return reconstructFromHistoryLog(objects, {
      ...(amounts && propCol !== undefined ? { amountRows: { column: propCol, values: amounts } } : {}),
      ...(kept.value.numbers ? { rowNumbers: kept.value.numbers } : {}),
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
  const currentOrder = computed(() => formStage.value?.options.stages.filter(s => s.kind === 'open').map(s => s.id) ?? [])
  const reordered = computed(() => stageOrder.value.length > 0 && stageOrder.value.join('\u0000') !== currentOrder.value.join('\u0000'))

  /** Maps a file's stage name onto a stage; `new` adds the name as a new open stage (placed by the log's order, before the outcomes). */
  function mapStageName(name: string, to: string | 'new'): void {
    const kept = added.value.filter(a => a.name !== name)
    if (to === 'new') {
      const id = `stage_${newId()}`
      added.value = [...kept, { name, id }]
      stageNames.value = { ...stageNames.value, [name]: id }
      return
    }
    if (kept.length !== added.value.length) added.value = kept
    stageNames.value = { ...stageNames.value, [name]: to }
  }

  function moveInOrder(index: number, by: -1 | 1): void {
    const list = [...stageOrder.value]
    const to = index + by
    if (to < 0 || to >= list.length) return
    ;[list[index], list[to]] = [list[to]!, list[index]!]
    stageOrder.value = list
  }

  /** Saves the reordered open stages, and the stages added, into the form (outcomes stay last), as the stage editor does. */
  async function saveStageOrder(): Promise<void> {
    const f = form.value
    const field = stageField.value
    if (!f || !field || (!reordered.value && added.value.length === 0)) return
    const byId = new Map(field.options.stages.map(s => [s.id, s]))
    const open = stageOrder.value.flatMap(id => byId.get(id) ?? [])
    const next: FieldOf<'stage'> = { ...field, options: { ...field.options, stages: [...open, ...field.options.stages.filter(s => s.kind !== 'open')] } }
    const saved = saveStagesTransaction(f, next, await loadedRows(f.id), [], { now: Date.now(), memberId: workspace.settings.currentMemberId })
    if (saved.ok) await records.write(saved.tx)
  }

  /** The form as the import will leave it: with the stages the user adds (records are checked against it). */
  const workingForm = computed(() => {
    const f = form.value
    const field = stageField.value
    if (!f || !field || field === formStage.value) return f
    return { ...f, fields: f.fields.map(x => (x.id === field.id ? field : x)) }
  })
  const prepared = shallowRef<HistoryPrepared>()
  watch([result, mode, updateCurrent], async ([res]) => {
    prepared.value = res && workingForm.value ? await prepare(workingForm.value, res) : undefined
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
      : { creates: res.records, createEvents: res.events, patches: [], appended: [], matched: 0, targets: new Map<string, string>(), changed: 0, unmatched: [], duplicateEvents: 0, duplicates: [] }
    const out: HistoryPrepared = { result: res, merge, records: [], events: [], patches: [], appended: [], invalid: [], changes: [], changing: 0 }
    const reason = (issue: NonNullable<ReturnType<typeof validate>[number]>) => `${labelText(issue.label, locale.value) || issue.fieldId}: ${issue.message[locale.value]}`
    const keep = new Set<string>()
    for (const rec of merge.creates) {
      const key = keyField ? String(rec.values[keyField.id] ?? '') : rec.id
      const issue = validate(rec.values)[0]
      if (issue) {
        out.invalid.push({ key, reason: reason(issue), rows: res.rowsOf.get(rec.id) ?? [] })
        continue
      }
      rec.createdBy = workspace.settings.currentMemberId
      rec.updatedBy = workspace.settings.currentMemberId
      out.records.push(rec)
      keep.add(rec.id)
    }
    out.events = merge.createEvents.filter(e => keep.has(e.recordId))
    const byId = new Map(existing.map(r => [r.id, r]))
    const rebuiltOf = new Map([...merge.targets].map(([rebuilt, id]) => [id, rebuilt]))
    for (const patch of merge.patches) {
      const old = byId.get(patch.recordId)
      const issue = old ? validate({ ...old.values, ...patch.values }, old.values)[0] : undefined
      if (old && issue) out.invalid.push({ key: String(keyOf(old.values[keyField?.id ?? '']) ?? old.id), reason: reason(issue), rows: res.rowsOf.get(rebuiltOf.get(old.id) ?? '') ?? [] })
      else out.patches.push(patch)
    }
    out.appended = merge.appended
    out.changes = await amountHistory(f, res, merge.targets, keep, new Map(out.patches.map(p => [p.recordId, p.values])), existing)
    out.changing = out.records.length + new Set([...out.patches.map(p => p.recordId), ...out.appended.map(e => e.recordId), ...out.changes.filter(c => !keep.has(c.recordId)).map(c => c.recordId)]).size
    return out
  }

  /**
   * The amount's history as backdated change entries (what the waterfall and as-of figures read):
   * for new records, and for matched ones whose amount ends as the log's latest (set by this
   * import or already equal); entries the form holds are left out.
   */
  async function amountHistory(f: FormDef, res: HistoryLogResult, targets: ReadonlyMap<string, string>, created: ReadonlySet<string>, patched: ReadonlyMap<string, Record<string, unknown>>, existing: readonly RecordRow[]): Promise<ChangeEntry[]> {
    const fieldId = target.value.amount
    if (!fieldId || res.amounts.size === 0) return []
    await history.fieldChangesLoaded(f.id, fieldId)
    const known = new Set(history.fieldChangesOf(f.id, fieldId).value.map(c => amountSignature(c.recordId, c.at, c.changes?.[0]?.to)))
    const byId = new Map(existing.map(r => [r.id, r]))
    const out: ChangeEntry[] = []
    for (const [rebuilt, series] of res.amounts) {
      const recordId = created.has(rebuilt) ? rebuilt : targets.get(rebuilt)
      if (recordId === undefined) continue
      const latest = series.at(-1)!.to
      const now = patched.get(recordId)?.[fieldId] ?? byId.get(recordId)?.values[fieldId]
      if (!created.has(rebuilt) && now !== latest) continue
      out.push(...amountChangeEntries(series, { formId: f.id, recordId, fieldId, memberId: workspace.settings.currentMemberId, known }))
    }
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

  return { leftOut, leftOutConfirmed, stageField, added, mapStageName, writable, cols, guesses, target, stageNames, dateFormat, detection, ready, checked, mode, updateCurrent, result, prepared, orderProposal, stageOrder, reordered, moveInOrder, saveStageOrder, preset, setPreset, funnelPreview }
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
