import type { FormDef, RecordRow } from '@/core/schema/types'
import type { LocalizedMessage } from '@/core/fields'
import { useRecordsStore } from '@/stores/records'

/** Restore outcome: refused when a record no longer passes the form's validation. */
export type RestoreResult = { ok: true } | { ok: false, message: LocalizedMessage }

/**
 * The recycle bin's actions, through the records store's pipeline: restore re-validates each
 * record against the current form (fields may have changed since it was deleted), recomputes
 * what reads it (lookups of linked records) and is one undo step; purge deletes for good.
 */
export function useRecycleBin() {
  const records = useRecordsStore()

  async function restore(form: FormDef, rows: RecordRow[]): Promise<RestoreResult> {
    const result = await records.restore(form.id, rows)
    if (result.ok) return { ok: true }
    const issues = result.issues.flatMap(r => r.issues)
    return { ok: false, message: { 'zh-CN': issues.map(i => i.message['zh-CN']).join('；'), 'en': issues.map(i => i.message.en).join('; ') } }
  }

  async function purge(form: FormDef, ids: string[]): Promise<void> {
    await records.purge(form.id, ids)
  }

  return { restore, purge, loadTrash: (form: FormDef) => records.loadTrash(form.id) }
}
