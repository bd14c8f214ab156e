/**
 * Automations inside the write pipeline: given the Transaction a user action built, the extra
 * writes its automations make, merged into the same Transaction (one commit, one undo step).
 *
 * - One round: the actions run for the records the user's change fired them on. What the
 *   actions write is checked against the triggers once more; an automation that would fire on
 *   it (itself included: a loop) is not run and reported as a cut (`AutomationCut`), so a
 *   chain never runs away and nothing is half-written.
 * - A run is all-or-nothing: when one of its actions cannot be written (a value the target
 *   field refuses, a required field left empty) none of its actions are kept and the run is
 *   logged with the reason; the user's change and other runs still go through.
 * - A broken automation (its form, a field or a stage deleted) is skipped and logged, never
 *   half-applied.
 */
import type { Member, FormDef, RecordRow } from '../schema/types'
import type { Transaction, RecordChanges } from '../storage/adapter'
import type { RecordPatch, ValuesValidator, WriteContext, WriteIssue } from '../records/mutations'
import type { LocalizedMessage } from '../fields/behaviour'
import type { RecordPredicate } from '../query/types'
import { createRecords, updateRecords } from '../records/mutations'
import { lastSerial, serialFields } from '../records/serial'
import { compileFilter } from '../query/compile-filter'
import { formulaContextOf } from '../records/derived-values'
import { labelText } from '../utils/label'
import { LayeredRows } from './layered-rows'
import { Written } from './written'
import type { FormIndex } from './problems'
import { automationProblems } from './problems'
import { firesOnWrite } from './triggers'
import type { AutomationAction, AutomationCut, AutomationDef, AutomationNotification, AutomationRun, RunEffect } from './types'
import { WRITE_TRIGGERS } from './types'
import type { ValueScope } from './values'
import { evaluateIn, mappedValues } from './values'

/** What the evaluation reads from the stores. */
export interface AutomationEnv {
  /** Every automation of the workspace (disabled ones are skipped). */
  automations: readonly AutomationDef[]
  forms: FormIndex
  /** A loaded form's records as stored before the write; undefined when not loaded. */
  rows: (formId: string) => { rows: readonly RecordRow[], byId: ReadonlyMap<string, RecordRow> } | undefined
  members: readonly Member[]
  ctx: WriteContext
  validatorFor: (form: FormDef) => ValuesValidator
  newId: () => string
}

/** The user's transaction with the automations' writes merged in, and what they did. */
export interface AutomationOutcome {
  tx: Transaction
  runs: AutomationRun[]
  notifications: AutomationNotification[]
  cuts: AutomationCut[]
}

/** A record a write (or the daily check) fired an automation on. */
export interface Firing {
  automation: AutomationDef
  form: FormDef
  before: RecordRow | undefined
  row: RecordRow
}

const EMPTY = new Map<string, RecordRow>()

/** Conditions compiled once per write (relative dates are read against the write's time). */
class Conditions {
  private readonly tests = new Map<AutomationDef, RecordPredicate>()
  constructor(private readonly ctx: WriteContext) {}

  test(a: AutomationDef, form: FormDef, row: RecordRow): boolean {
    if (!a.condition) return true
    let t = this.tests.get(a)
    if (!t) this.tests.set(a, t = compileFilter(a.condition, form.fields, { now: this.ctx.now, currentMemberId: this.ctx.memberId }))
    return t(row)
  }
}

function issuesText(issues: { recordId: string, issues: WriteIssue[] }[]): LocalizedMessage {
  const all = issues.flatMap(i => i.issues)
  return { 'zh-CN': all.map(i => i.message['zh-CN']).join('；'), 'en': all.map(i => i.message.en).join('; ') }
}

function skipped(a: AutomationDef, why: LocalizedMessage): LocalizedMessage {
  return { 'zh-CN': `智能助手「${labelText(a.name, 'zh-CN')}」未执行：${why['zh-CN']}`, 'en': `Automation "${labelText(a.name, 'en')}" did not run: ${why.en}` }
}

/** Write-triggered, enabled automations by trigger form. */
function byForm(automations: readonly AutomationDef[]): Map<string, AutomationDef[]> {
  const out = new Map<string, AutomationDef[]>()
  for (const a of automations) {
    if (!a.enabled || !WRITE_TRIGGERS.includes(a.trigger.kind)) continue
    const list = out.get(a.trigger.formId)
    if (list) list.push(a)
    else out.set(a.trigger.formId, [a])
  }
  return out
}

/** The records of a form a write changes, with the version before it. */
function* changedRows(changes: RecordChanges, base: ReadonlyMap<string, RecordRow>): Generator<{ before: RecordRow | undefined, row: RecordRow }> {
  const restored = changes.restore?.length ? new Set(changes.restore) : undefined
  for (const row of changes.put ?? []) {
    if (restored?.has(row.id)) continue
    yield { before: base.get(row.id), row }
  }
}

/** One write's evaluation: the user's transaction, the rows as the write sees them, the runs. */
class Evaluation {
  readonly written = new Written()
  readonly runs: AutomationRun[] = []
  readonly notifications: AutomationNotification[] = []
  private readonly userRows = new Map<string, Map<string, RecordRow>>()
  private readonly userForms = new Map<string, FormDef>()
  private readonly seededForms = new Map<string, FormDef>()

  constructor(private readonly tx: Transaction, private readonly env: AutomationEnv, private readonly conditions: Conditions) {
    for (const [formId, ch] of Object.entries(tx.records ?? {})) this.userRows.set(formId, new Map((ch.put ?? []).map(r => [r.id, r])))
    for (const d of tx.defs?.put ?? []) if (d.kind === 'form') this.userForms.set(d.doc.id, d.doc as FormDef)
  }

  base(formId: string): ReadonlyMap<string, RecordRow> {
    return this.env.rows(formId)?.byId ?? EMPTY
  }

  /** The form's rows after the user's change (before any automation). */
  afterUser(formId: string): ReadonlyMap<string, RecordRow> {
    const user = this.userRows.get(formId)
    return user?.size ? new LayeredRows(user, this.base(formId)) : this.base(formId)
  }

  /** The form's rows as an action sees them: the user's change, then the automations' writes so far (`run`'s last). */
  current(formId: string, run?: Written): ReadonlyMap<string, RecordRow> {
    let rows = this.afterUser(formId)
    const done = this.written.rows.get(formId)
    if (done?.size) rows = new LayeredRows(done, rows)
    const mine = run?.rows.get(formId)
    if (mine?.size) rows = new LayeredRows(mine, rows)
    return rows
  }

  /**
   * The form as the write's actions see it: one object per form for the whole write (validators
   * and formula graphs are cached per definition object, so a new object per created record
   * would compile them again each time), its serial counters raised once to the highest number
   * its rows carry and then kept current in place as records are created (`advance`), so no
   * created record scans the form's rows.
   */
  formDef(formId: string): FormDef | undefined {
    let form = this.seededForms.get(formId)
    if (form) return form
    const base = this.userForms.get(formId) ?? this.env.forms.get(formId)
    if (!base || !serialFields(base).length) return base
    const rows = [...this.env.rows(formId)?.rows ?? [], ...this.tx.records?.[formId]?.put ?? []]
    form = { ...base, serialCounters: { ...base.serialCounters, ...Object.fromEntries(serialFields(base).map(f => [f.id, lastSerial(base, f, rows)])) } }
    this.seededForms.set(formId, form)
    return form
  }

  /** Keeps the write's form object counting on from the counters a createRecords result saved (or back, when a run is undone). */
  private advance(form: FormDef, counters: FormDef['serialCounters']): void {
    if (this.seededForms.get(form.id) === form) (form as { serialCounters?: FormDef['serialCounters'] }).serialCounters = counters
  }

  /** Live rows of a form for unique checks: stored, then created in this write; none when no field is unique (serials come from `seeded`). */
  existing(formId: string, run: Written): readonly RecordRow[] {
    if (!this.formDef(formId)?.fields.some(f => f.unique)) return []
    const stored = this.env.rows(formId)?.rows ?? []
    const extra = [...this.tx.records?.[formId]?.put ?? [], ...this.written.created.get(formId) ?? [], ...run.created.get(formId) ?? []]
    return extra.length ? [...stored, ...extra] : stored
  }

  scope(f: Firing, created: (string | undefined)[]): ValueScope {
    return { form: f.form, row: f.row, created, formula: formulaContextOf({ formula: { ...this.env.ctx.formula, now: this.env.ctx.now }, related: this.env.ctx.related }), members: this.env.members }
  }

  /** Runs one automation's actions for one record, all or nothing. */
  run(f: Firing): void {
    const a = f.automation
    const entry: AutomationRun = { id: this.env.newId(), automationId: a.id, at: this.env.ctx.now, formId: f.form.id, recordId: f.row.id, effects: [] }
    this.runs.push(entry)
    const mine = new Written()
    const created: (string | undefined)[] = []
    const notes: AutomationNotification[] = []
    const scope = this.scope(f, created)
    const counters = new Map([...this.seededForms.values()].map(x => [x, x.serialCounters]))
    for (const action of a.actions) {
      // Later actions see the record as earlier ones left it.
      scope.row = mine.rows.get(f.form.id)?.get(f.row.id) ?? f.row
      const error = this.action(f, action, scope, mine, created, notes, entry.effects)
      if (error) {
        // nothing of the run is kept: its serial numbers are handed out again
        for (const [form, c] of counters) this.advance(form, c)
        entry.effects = []
        entry.error = error
        return
      }
    }
    this.written.mergeFrom(mine)
    this.notifications.push(...notes)
  }

  private action(f: Firing, action: AutomationAction, scope: ValueScope, mine: Written, created: (string | undefined)[], notes: AutomationNotification[], effects: RunEffect[]): LocalizedMessage | undefined {
    const { env } = this
    const a = f.automation
    switch (action.kind) {
      case 'createRecord': {
        created.push(undefined)
        const target = this.formDef(action.formId)
        if (!target) return { 'zh-CN': '目标表单已删除', 'en': 'the target form was deleted' }
        const values = mappedValues(target, action.values, scope)
        if (!values.ok) return values.error
        const id = env.newId()
        const result = createRecords(target, [values.value], env.validatorFor(target), { ...env.ctx, existing: this.existing(target.id, mine) }, [{ id }])
        if (!result.ok) return issuesText(result.issues)
        mine.take(result, a, target.id)
        this.advance(target, mine.forms.get(target.id)?.serialCounters ?? target.serialCounters)
        created[created.length - 1] = id
        effects.push({ kind: 'created', formId: target.id, recordId: id })
        return undefined
      }
      case 'setFields':
      case 'setLinkedFields': {
        created.push(undefined)
        let target: FormDef | undefined = f.form
        let ids = [f.row.id]
        if (action.kind === 'setLinkedFields') {
          const rel = f.form.fields.find(x => x.id === action.relationFieldId)
          if (rel?.type !== 'relation') return { 'zh-CN': '关联字段已删除', 'en': 'the relation field was deleted' }
          target = this.formDef(rel.options.formId)
          const v = scope.row.values[rel.id]
          ids = (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []).map(String)
        }
        if (!target) return { 'zh-CN': '关联的表单已删除', 'en': 'the linked form was deleted' }
        const values = mappedValues(target, action.values, scope)
        if (!values.ok) return values.error
        const rows = this.current(target.id, mine)
        const patches: RecordPatch[] = ids.filter(id => rows.has(id)).map(recordId => ({ recordId, values: values.value }))
        if (!patches.length) return undefined
        const result = updateRecords(target, rows, patches, env.validatorFor(target), env.ctx)
        if (!result.ok) return issuesText(result.issues)
        mine.take(result, a)
        if (result.records.length) effects.push({ kind: 'updated', formId: target.id, recordIds: result.records.map(r => r.id), fieldIds: Object.keys(values.value) })
        return undefined
      }
      case 'notify': {
        created.push(undefined)
        const message = evaluateIn(action.message, scope)
        if (!message.ok) return message.error
        const to = action.to
        const v = to.kind === 'member' ? to.memberId : scope.row.values[to.fieldId]
        const memberIds = (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []).map(String)
        const text = Array.isArray(message.value) ? message.value.join(', ') : String(message.value ?? '')
        const base = { automationId: a.id, automationName: a.name, at: env.ctx.now, message: text, formId: f.form.id, recordId: f.row.id }
        // Nobody in the field: the notification is for everyone on this device rather than lost.
        if (!memberIds.length) notes.push({ id: env.newId(), ...base })
        for (const memberId of memberIds) notes.push({ id: env.newId(), ...base, memberId })
        effects.push({ kind: 'notified', memberIds })
        return undefined
      }
    }
  }

  /** The user's transaction with every run's writes: one put per record (the last version, at the rev the first put claimed). */
  merged(): Transaction {
    const { tx, written } = this
    if (!written.rows.size && !written.forms.size) return tx
    const records: Record<string, RecordChanges> = { ...tx.records }
    for (const [formId, rows] of written.rows) {
      const prev = records[formId]
      const put = [...prev?.put ?? []]
      const at = new Map(put.map((r, i) => [r.id, i]))
      for (const [id, row] of rows) {
        const i = at.get(id)
        if (i !== undefined) put[i] = { ...row, rev: put[i]!.rev }
        else {
          const stored = this.base(formId).get(id)
          put.push(stored ? { ...row, rev: stored.rev + 1 } : { ...row, rev: 1 })
        }
      }
      records[formId] = { ...prev, put }
    }
    const out: Transaction = { ...tx, records, stageEvents: [...tx.stageEvents ?? [], ...written.events], changes: [...tx.changes ?? [], ...written.changes] }
    if (written.forms.size) {
      const defs = (tx.defs?.put ?? []).filter(d => !(d.kind === 'form' && written.forms.has(d.doc.id)))
      out.defs = { ...tx.defs, put: [...defs, ...[...written.forms.values()].map(doc => ({ kind: 'form' as const, doc }))] }
    }
    return out
  }

  /** Automations that would fire on what this round wrote: not run (one round only). */
  cuts(index: ReadonlyMap<string, AutomationDef[]>): AutomationCut[] {
    const cuts = new Map<string, AutomationCut>()
    for (const [formId, rows] of this.written.rows) {
      const list = index.get(formId)
      const form = this.formDef(formId)
      if (!list || !form) continue
      const before = this.afterUser(formId)
      for (const [id, row] of rows) {
        const by = this.written.by.get(`${formId}/${id}`)!
        for (const a of list) {
          const key = `${a.id}/${by.id}`
          if (cuts.has(key) || !firesOnWrite(a.trigger, form, before.get(id), row) || !this.conditions.test(a, form, row)) continue
          cuts.set(key, { automationId: a.id, automationName: a.name, byAutomationId: by.id, byAutomationName: by.name })
        }
      }
    }
    return [...cuts.values()]
  }
}

/** The message of a cut, naming both automations. */
export function cutMessage(cut: AutomationCut): LocalizedMessage {
  const [za, zb] = [labelText(cut.automationName, 'zh-CN'), labelText(cut.byAutomationName, 'zh-CN')]
  const [ea, eb] = [labelText(cut.automationName, 'en'), labelText(cut.byAutomationName, 'en')]
  return cut.automationId === cut.byAutomationId
    ? { 'zh-CN': `智能助手「${za}」的修改会再次触发它自己，已在第一轮后停止（不会循环执行）`, 'en': `Automation "${ea}" would trigger itself again with its own change; stopped after one round (no loop)` }
    : { 'zh-CN': `智能助手「${zb}」的修改会触发「${za}」，已在第一轮后停止：「${za}」这次未执行`, 'en': `Automation "${eb}" would trigger "${ea}"; stopped after one round: "${ea}" did not run this time` }
}

/**
 * The writes the automations make for `tx`, merged into it; undefined when no automation
 * fires (the common case costs one lookup per changed form). Read `env.rows` as stored
 * before `tx` (call before applying it).
 */
export function automate(tx: Transaction, env: AutomationEnv): AutomationOutcome | undefined {
  const index = byForm(env.automations)
  if (!index.size || !tx.records) return undefined
  const firings: Firing[] = []
  const conditions = new Conditions(env.ctx)
  const broken: AutomationRun[] = []
  for (const [formId, changes] of Object.entries(tx.records)) {
    const list = index.get(formId)
    const form = env.forms.get(formId)
    if (!list || !form || !changes.put?.length) continue
    const base = env.rows(formId)?.byId ?? EMPTY
    const problems = new Map(list.map(a => [a, automationProblems(a, env.forms)]))
    for (const { before, row } of changedRows(changes, base)) {
      for (const a of list) {
        if (!firesOnWrite(a.trigger, form, before, row)) continue
        const p = problems.get(a)!
        if (p.length) {
          // One log line per write for a broken automation, not one per record.
          if (!broken.some(b => b.automationId === a.id))
            broken.push({ id: env.newId(), automationId: a.id, at: env.ctx.now, formId, recordId: row.id, effects: [], error: skipped(a, p[0]!) })
          continue
        }
        if (conditions.test(a, form, row)) firings.push({ automation: a, form, before, row })
      }
    }
  }
  if (!firings.length && !broken.length) return undefined
  return runFirings(tx, firings, env, { index, conditions, broken })
}

/** Runs the firings over `tx` (empty for a daily check) and merges their writes. */
export function runFirings(tx: Transaction, firings: readonly Firing[], env: AutomationEnv, opts: { index?: ReadonlyMap<string, AutomationDef[]>, conditions?: Conditions, broken?: AutomationRun[] } = {}): AutomationOutcome {
  const ev = new Evaluation(tx, env, opts.conditions ?? new Conditions(env.ctx))
  for (const f of firings) ev.run(f)
  return { tx: ev.merged(), runs: [...opts.broken ?? [], ...ev.runs], notifications: ev.notifications, cuts: ev.cuts(opts.index ?? byForm(env.automations)) }
}
