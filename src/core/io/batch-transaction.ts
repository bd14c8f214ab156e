import type { ValuesValidator, WriteContext, WriteResult } from '../records/mutations'
import type { FormDef, RecordRow } from '../schema/types'
import type { ImportBatch } from './import-batches'
import { createRecords, updateRecords } from '../records/mutations'
import { freezeTransaction } from '../storage/clone'
import { newId } from '../utils/id'

/**
 * One transaction for one import batch: its updates and inserts, validated, logged and with
 * stage events, through the same write path as every other edit. Fails whole if any record does.
 */
export function batchTransaction(form: FormDef, batch: ImportBatch, byId: ReadonlyMap<string, RecordRow>, validate: ValuesValidator, ctx: WriteContext): WriteResult {
  const updated = updateRecords(form, byId, batch.updates, validate, ctx)
  // The plan validated every insert whole: createRecords checks the schema again only where
  // defaults or forecast follow changed a value.
  const presets = batch.inserts.map((_, i) => ({ id: batch.insertIds?.[i] ?? newId(), validated: true }))
  const created = createRecords(form, batch.inserts, validate, ctx, presets)
  if (!updated.ok || !created.ok) {
    return { ok: false, issues: [...(updated.ok ? [] : updated.issues), ...(created.ok ? [] : created.issues)] }
  }
  const records = [...updated.records, ...created.records]
  return {
    ok: true,
    records,
    // Frozen: storage keeps these very objects instead of copying them (copyTransaction).
    tx: freezeTransaction({
      records: { [form.id]: { put: records } },
      stageEvents: [...(updated.tx.stageEvents ?? []), ...(created.tx.stageEvents ?? [])],
      changes: [...(updated.tx.changes ?? []), ...(created.tx.changes ?? [])],
      // The form's serial counters, advanced by the inserts, are saved with the same batch.
      ...(created.tx.defs ? { defs: created.tx.defs } : {}),
    }),
  }
}
