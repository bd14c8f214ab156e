/**
 * The designer's state: a working copy of the form (the draft) with undo/redo, the JSON text
 * kept in step with it, the design issues, and saving through one transaction.
 */
import type { ValidationIssue } from '@/core/validation'
import type { FieldDef, FieldType, FormDef, Label } from '@/core/schema/types'
import type { LinkTarget, OptionRemap, SaveReport } from '@/core/schema-evolution'
import type { StageLink } from '@/core/stages'
import { computed, ref, shallowRef, watch } from 'vue'
import { parseJsonDocument } from '@/core/validation'
import { checkFormDesign, createField, duplicateField, linkStageField, planFormSave, restoreField, trashField, withType } from '@/core/schema-evolution'
import { prunePipelines } from '@/core/stages'
import { derivedDefinitionsChanged, withRecomputed } from '@/core/records'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

interface Snapshot { draft: FormDef, remaps: Record<string, OptionRemap> }

const COALESCE_MS = 1200

/** The definition without what changes on its own (timestamps, counters), for "unsaved changes". */
function comparable(form: FormDef | undefined): string {
  if (!form) return ''
  const { updatedAt: _u, serialCounters: _s, history: _h, ...rest } = form
  return JSON.stringify(rest)
}

/** Pretty JSON of a form, as the JSON view shows it. */
export function formJson(form: FormDef): string {
  return JSON.stringify(form, null, 2)
}

/** Designer state and actions for one form. `typeName(type, locale)` names new fields. */
export function useDesigner(formId: string, typeName: (type: FieldType, locale: 'zh-CN' | 'en') => string) {
  const workspace = useWorkspaceStore()
  const recordsStore = useRecordsStore()
  const records = recordsStore.ensure(formId)
  const saved = computed(() => workspace.formById.get(formId))
  const draft = shallowRef<FormDef | undefined>(saved.value ? structuredClone(saved.value) : undefined)
  const remaps = shallowRef<Record<string, OptionRemap>>({})
  const undoStack = shallowRef<Snapshot[]>([])
  const redoStack = shallowRef<Snapshot[]>([])
  const selectedId = ref<string | null>(null)
  const jsonText = ref(draft.value ? formJson(draft.value) : '')
  const jsonIssues = shallowRef<ValidationIssue[]>([])
  let lastKey = ''
  let lastAt = 0
  // The saved version the draft started from: a save over a newer one (another admin's, synced
  // in, or another tab's) is refused instead of silently undoing it.
  let base = saved.value?.updatedAt
  let baseText = comparable(saved.value)
  function startFrom(form: FormDef): void {
    draft.value = structuredClone(form)
    jsonText.value = formJson(form)
    base = form.updatedAt
    baseText = comparable(form)
  }
  // The definitions may load after the designer opens (a direct link): start from them then.
  // A newer saved version with no edits here is taken as it is.
  watch(saved, (form) => {
    if (!form) return
    if (!draft.value || (comparable(draft.value) === baseText && !jsonPending.value)) startFrom(form)
  })

  const otherForms = computed(() => {
    const d = draft.value
    return d ? workspace.formsOfApp(d.appId).filter(f => f.id !== d.id) : []
  })
  const issues = computed(() => (draft.value ? checkFormDesign(draft.value, { forms: otherForms.value }) : []))
  const dirty = computed(() => comparable(draft.value) !== comparable(saved.value))
  const jsonPending = computed(() => jsonIssues.value.length > 0)
  const selected = computed(() => draft.value?.fields.find(f => f.id === selectedId.value))

  /** Replaces the draft, recording an undo step (typing into one input within a second is one step). */
  function update(next: FormDef, opts: { key?: string, remaps?: Record<string, OptionRemap>, fromJson?: boolean } = {}): void {
    const cur = draft.value
    if (!cur) return
    const now = Date.now()
    const coalesce = opts.key !== undefined && opts.key === lastKey && now - lastAt < COALESCE_MS
    if (!coalesce) undoStack.value = [...undoStack.value, { draft: cur, remaps: remaps.value }].slice(-200)
    redoStack.value = []
    lastKey = opts.key ?? ''
    lastAt = now
    draft.value = next
    if (opts.remaps) remaps.value = opts.remaps
    if (!opts.fromJson && !jsonPending.value) jsonText.value = formJson(next)
  }

  function restore(s: Snapshot): void {
    draft.value = s.draft
    remaps.value = s.remaps
    lastKey = ''
    if (!jsonPending.value) jsonText.value = formJson(s.draft)
    if (selectedId.value && !s.draft.fields.some(f => f.id === selectedId.value)) selectedId.value = null
  }

  function undo(): void {
    const s = undoStack.value.at(-1)
    if (!s || !draft.value) return
    redoStack.value = [...redoStack.value, { draft: draft.value, remaps: remaps.value }]
    undoStack.value = undoStack.value.slice(0, -1)
    restore(s)
  }

  function redo(): void {
    const s = redoStack.value.at(-1)
    if (!s || !draft.value) return
    undoStack.value = [...undoStack.value, { draft: draft.value, remaps: remaps.value }]
    redoStack.value = redoStack.value.slice(0, -1)
    restore(s)
  }

  const withFields = (fields: FieldDef[]) => ({ ...draft.value!, fields })

  function replaceField(field: FieldDef, key?: string): void {
    if (!draft.value) return
    update(withFields(draft.value.fields.map(f => (f.id === field.id ? field : f))), { key: key ? `${field.id}:${key}` : undefined })
  }

  function addField(type: FieldType, index?: number): void {
    const d = draft.value
    if (!d) return
    const label: Label = { 'zh-CN': typeName(type, 'zh-CN'), 'en': typeName(type, 'en') }
    const field = createField(type, label, { form: d, forms: otherForms.value })
    const fields = [...d.fields]
    fields.splice(index ?? fields.length, 0, field)
    update({ ...withFields(fields), ...(d.titleField ? {} : { titleField: field.id }) })
    selectedId.value = field.id
  }

  /** Links the stage field `stageId` to a field (an existing one, a new one, or none); returns the fields it created. */
  function linkStage(stageId: string, link: StageLink, target: LinkTarget): FieldDef[] {
    const d = draft.value
    if (!d) return []
    const next = linkStageField(d, stageId, link, target)
    update(next)
    const had = new Set(d.fields.map(f => f.id))
    return next.fields.filter(f => !had.has(f.id))
  }

  function moveField(from: number, to: number): void {
    const d = draft.value
    if (!d || from === to) return
    const fields = [...d.fields]
    const [f] = fields.splice(from, 1)
    fields.splice(to > from ? to - 1 : to, 0, f!)
    update(withFields(fields))
  }

  function duplicate(id: string): void {
    const d = draft.value
    const i = d?.fields.findIndex(f => f.id === id) ?? -1
    if (!d || i < 0) return
    const copy = duplicateField(d.fields[i]!, d.fields)
    const fields = [...d.fields]
    fields.splice(i + 1, 0, copy)
    update(withFields(fields))
    selectedId.value = copy.id
  }

  function remove(id: string): void {
    if (!draft.value) return
    update(trashField(draft.value, id, Date.now()))
    if (selectedId.value === id) selectedId.value = null
  }

  function restoreFromTrash(id: string): void {
    if (!draft.value) return
    update(restoreField(draft.value, id))
    selectedId.value = id
  }

  function changeType(id: string, type: FieldType): void {
    const f = draft.value?.fields.find(x => x.id === id)
    if (!f || !draft.value) return
    replaceField(withType(f, type, { form: draft.value, forms: otherForms.value }))
  }

  /** Removes an option; its records go to `target` (another option id) or become empty, on save. */
  function removeOption(field: FieldDef, optionId: string, target: string | null): void {
    if (!draft.value) return
    let next: FieldDef = field
    if (field.type === 'select' || field.type === 'multiselect') next = { ...field, options: { ...field.options, choices: field.options.choices.filter(c => c.id !== optionId) } } as FieldDef
    else if (field.type === 'stage') next = { ...field, options: { ...field.options, stages: field.options.stages.filter(s => s.id !== optionId) } }
    const nextRemaps = { ...remaps.value, [field.id]: { ...remaps.value[field.id], [optionId]: target } }
    const fields = draft.value.fields.map(f => (f.id === field.id ? next : f))
    // a stage or pipeline option gone: the stage fields split by pipeline forget it too
    update(withFields(fields.map(f => (f.type === 'stage' ? prunePipelines(f, fields) : f))), { remaps: nextRemaps })
  }

  /** The JSON side was edited: a valid definition of the same form replaces the draft; anything else stays as text with its issues. */
  function setJson(text: string, idChanged: () => ValidationIssue): void {
    jsonText.value = text
    const d = draft.value
    if (!d) return
    const parsed = parseJsonDocument('form', text)
    if (!parsed.ok) {
      jsonIssues.value = parsed.issues
      return
    }
    if (parsed.value.id !== d.id || parsed.value.appId !== d.appId) {
      jsonIssues.value = [idChanged()]
      return
    }
    jsonIssues.value = []
    if (comparable(parsed.value) !== comparable(d)) update(parsed.value, { fromJson: true, key: 'json' })
  }

  function discardJson(): void {
    jsonIssues.value = []
    if (draft.value) jsonText.value = formJson(draft.value)
  }

  /**
   * Stores the draft (with its record changes) when it has no issue; the saved definition stays
   * otherwise. `'newer'`: someone saved the form since this draft started — nothing is stored,
   * the newer version is loaded, and one undo brings this draft back.
   */
  async function save(copyLabel: (l: Label) => Label): Promise<SaveReport | null | 'newer'> {
    const d = draft.value
    const s = saved.value
    if (!d || !s || issues.value.length) return null
    if (base !== undefined && s.updatedAt !== base) {
      undoStack.value = [...undoStack.value, { draft: d, remaps: remaps.value }].slice(-200)
      redoStack.value = []
      remaps.value = {}
      jsonIssues.value = []
      startFrom(s)
      return 'newer'
    }
    await records.loaded
    const plan = planFormSave(s, d, records.rows.value, Date.now(), { remaps: remaps.value, copyLabel })
    let tx = plan.tx
    // A new or changed lookup, rollup or formula, or forecast values filled in: every record gets
    // its derived values in the same commit.
    if (derivedDefinitionsChanged(s, plan.form) || plan.report.forecastStarted) {
      await recordsStore.loadLinked([formId])
      tx = withRecomputed(plan.form, tx, { related: recordsStore.related, formula: { forms: workspace.forms } })
    }
    // The records store adds the other forms' records this save changes, shows and commits it all at once.
    const written = await recordsStore.write(tx)
    if (!written.ok) return null
    draft.value = plan.form
    base = plan.form.updatedAt
    baseText = comparable(plan.form)
    remaps.value = {}
    if (!jsonPending.value) jsonText.value = formJson(plan.form)
    return plan.report
  }

  return {
    saved, draft, selectedId, selected, issues, dirty, jsonText, jsonIssues, jsonPending, records, otherForms,
    canUndo: computed(() => undoStack.value.length > 0), canRedo: computed(() => redoStack.value.length > 0),
    update, replaceField, addField, linkStage, moveField, duplicate, remove, restoreFromTrash, changeType, removeOption, undo, redo, setJson, discardJson, save,
  }
}

/** The designer state type, for child components. */
export type Designer = ReturnType<typeof useDesigner>
