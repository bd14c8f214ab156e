import type { FormDef, RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { LocalizedMessage } from '@/core/fields'
import { validatorFor } from '@/core/records/validator-cache'
import { newId } from '@/core/utils/id'
import { useRecordsStore } from '@/stores/records'
import { useSaveStatusStore } from '@/stores/save-status'
import { useWorkspaceStore } from '@/stores/workspace'
import { whenSaved } from './when-saved'

/** Restore outcome: refused when a record no longer passes the form's validation. */
export type RestoreResult = { ok: true } | { ok: false, message: LocalizedMessage }

/**
 * Restore and purge of deleted records. Restore re-validates each record against the current
 * form (fields may have changed since it was deleted), then commits
 * `{ restore: [ids], put: [rows] }` with a 'restore' change entry; purge commits `{ purge }`.
 */
export function useRecycleBin() {
  const records = useRecordsStore()
  const saver = useSaveStatusStore()
  const workspace = useWorkspaceStore()

  function stamp(form: FormDef, rows: RecordRow[], now: number): Transaction {
    const memberId = workspace.settings.currentMemberId
    return {
      records: { [form.id]: { restore: rows.map(r => r.id), put: rows.map(r => ({ ...structuredClone(r), updatedAt: now, updatedBy: memberId, rev: r.rev + 1 })) } },
      changes: rows.map(r => ({ id: newId(), formId: form.id, recordId: r.id, at: now, memberId, kind: 'restore' as const })),
    }
  }

  async function restore(form: FormDef, rows: RecordRow[]): Promise<RestoreResult> {
    const validate = validatorFor(form)
    for (const row of rows) {
      // The row is its own "before": restoring does not enter a stage, so gates do not apply again.
      const issues = validate(row.values, row.values)
      if (issues.length) return { ok: false, message: { 'zh-CN': issues.map(i => i.message['zh-CN']).join('；'), 'en': issues.map(i => i.message.en).join('; ') } }
    }
    await records.ensure(form.id).loaded
    const tx = stamp(form, rows, Date.now())
    records.applyLocal(tx)
    await saver.commit(tx)
    return { ok: true }
  }

  async function purge(form: FormDef, ids: string[]): Promise<void> {
    await saver.commit({ records: { [form.id]: { purge: ids } } })
  }

  return { restore, purge, whenSaved: () => whenSaved(saver) }
}
