/**
 * The records store's part in automations (智能助手): the workspace's automations (stored in
 * their apps' documents), loading the forms a write's automations write to, evaluating them
 * over a write's transaction (core `automate`), and the daily triggers (a date reached, a
 * record stalled) over the time since the last check on this device. Plain functions over the
 * store's state, like records-links.
 */
import type { AutomationDef, AutomationEnv, AutomationOutcome, Firing } from '@/core/automations'
import type { StageEventSource } from '@/core/events'
import type { AppDef, FormDef, Member, RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { WriteContext } from '@/core/records'
import { DAILY_TRIGGERS, WRITE_TRIGGERS, automate, automationProblems, dailyFired, runFirings } from '@/core/automations'
import { validatorFor } from '@/core/records'
import { newId } from '@/core/utils/id'

/** What the helpers read from the stores. */
export interface AutomationDeps {
  state: (formId: string) => { rows: { value: RecordRow[] }, byId: Map<string, RecordRow> } | undefined
  /** Loads a form's records and the forms its writes read or recompute. */
  load: (formIds: string[]) => Promise<void>
  apps: () => readonly AppDef[]
  formById: () => ReadonlyMap<string, FormDef>
  members: () => readonly Member[]
  events: (formId: string) => Promise<StageEventSource>
}

/** The forms an automation's actions write to. */
function targetsOf(a: AutomationDef, forms: ReadonlyMap<string, FormDef>): string[] {
  const out: string[] = []
  for (const x of a.actions) {
    if (x.kind === 'createRecord') out.push(x.formId)
    if (x.kind === 'setLinkedFields') {
      const rel = forms.get(a.trigger.formId)?.fields.find(f => f.id === x.relationFieldId)
      if (rel?.type === 'relation') out.push(rel.options.formId)
    }
  }
  return out
}

/** The helpers bound to the records store's state. */
export function recordsAutomations(deps: AutomationDeps) {
  let cache: { apps: readonly AppDef[], list: AutomationDef[] } | undefined
  /** Every automation of the workspace (the apps array is replaced on change, so this is cached by it). */
  function all(): AutomationDef[] {
    const apps = deps.apps()
    if (cache?.apps !== apps) cache = { apps, list: apps.flatMap(a => a.automations ?? []) }
    return cache.list
  }

  /** Whether a write to the form may fire an automation. */
  function firesOn(formId: string): boolean {
    return all().some(a => a.enabled && a.trigger.formId === formId && WRITE_TRIGGERS.includes(a.trigger.kind))
  }

  /** Loads what the automations fired by a write to `formId` write to; await it before computing the write. */
  async function prepare(formId: string): Promise<void> {
    const forms = deps.formById()
    const targets = new Set(all().filter(a => a.enabled && a.trigger.formId === formId).flatMap(a => targetsOf(a, forms)))
    targets.delete(formId)
    const ids = [...targets].filter(id => forms.has(id))
    if (ids.length) await deps.load(ids)
  }

  function env(ctx: WriteContext): AutomationEnv {
    return {
      automations: all(),
      forms: deps.formById(),
      rows: (formId) => {
        const s = deps.state(formId)
        return s && { rows: s.rows.value, byId: s.byId }
      },
      members: deps.members(),
      ctx,
      validatorFor,
      newId,
    }
  }

  /** The write with its automations' writes merged in; undefined when none fires. Call before applying `tx`. */
  function evaluate(tx: Transaction, ctx: WriteContext): AutomationOutcome | undefined {
    return automate(tx, env(ctx))
  }

  /**
   * The daily triggers of every enabled automation, over (last check, now]: a first check
   * starts from when the automation was saved, so enabling one does not fire on every old
   * date. Returns what they write (one transaction) and the ids checked.
   */
  async function daily(ctx: WriteContext, lastCheck: (id: string) => number | undefined): Promise<{ outcome?: AutomationOutcome, checked: string[] }> {
    const forms = deps.formById()
    const list = all().filter(a => a.enabled && DAILY_TRIGGERS.includes(a.trigger.kind) && forms.has(a.trigger.formId))
    const firings: Firing[] = []
    const checked: string[] = []
    for (const a of list) {
      const form = forms.get(a.trigger.formId)!
      checked.push(a.id)
      if (automationProblems(a, forms).length) continue
      await deps.load([form.id, ...targetsOf(a, forms).filter(id => forms.has(id))])
      const rows = deps.state(form.id)?.rows.value ?? []
      const events = a.trigger.kind === 'stalled' ? await deps.events(form.id) : []
      const since = lastCheck(a.id) ?? a.updatedAt
      for (const row of dailyFired(a, form, rows, events, since, ctx.now)) firings.push({ automation: a, form, before: row, row })
    }
    if (!firings.length) return { checked }
    return { outcome: runFirings({}, firings, env(ctx)), checked }
  }

  return { all, firesOn, prepare, evaluate, daily }
}
