// What the automations of one write have written so far: rows, change entries, events, forms.
import type { ChangeEntry, FormDef, RecordRow, StageEvent } from '../schema/types'
import type { WriteResult } from '../records/mutations'
import type { AutomationDef } from './types'

/** The rows, change entries, events and form definitions the automations have written so far. */
export class Written {
  /** Per form: rows put (last version). */
  readonly rows = new Map<string, Map<string, RecordRow>>()
  /** Per form: ids of rows created in this write (in order). */
  readonly created = new Map<string, RecordRow[]>()
  readonly forms = new Map<string, FormDef>()
  readonly events: StageEvent[] = []
  readonly changes: ChangeEntry[] = []
  /** Who wrote each row last: form/id -> automation. */
  readonly by = new Map<string, AutomationDef>()

  rowsOf(formId: string): Map<string, RecordRow> {
    let m = this.rows.get(formId)
    if (!m) this.rows.set(formId, m = new Map())
    return m
  }

  take(result: Extract<WriteResult, { ok: true }>, a: AutomationDef, createdIn?: string): void {
    for (const [formId, ch] of Object.entries(result.tx.records ?? {})) {
      const rows = this.rowsOf(formId)
      for (const r of ch.put ?? []) {
        rows.set(r.id, r)
        this.by.set(`${formId}/${r.id}`, a)
      }
      if (createdIn === formId) {
        const list = this.created.get(formId) ?? []
        list.push(...(ch.put ?? []))
        this.created.set(formId, list)
      }
    }
    for (const d of result.tx.defs?.put ?? []) if (d.kind === 'form') this.forms.set(d.doc.id, d.doc as FormDef)
    this.events.push(...result.tx.stageEvents ?? [])
    this.changes.push(...(result.tx.changes ?? []).map(c => ({ ...c, automationId: a.id })))
  }

  mergeFrom(other: Written): void {
    for (const [formId, rows] of other.rows) for (const [id, r] of rows) this.rowsOf(formId).set(id, r)
    for (const [formId, list] of other.created) this.created.set(formId, [...this.created.get(formId) ?? [], ...list])
    for (const [id, f] of other.forms) this.forms.set(id, f)
    for (const [k, a] of other.by) this.by.set(k, a)
    this.events.push(...other.events)
    this.changes.push(...other.changes)
  }
}
