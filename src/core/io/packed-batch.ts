import type { RecordRow, StageEvent } from '../schema/types'
import type { StoredEventChunk } from '../events/stored-chunk'
import type { StoredRecordChunk } from '../storage/record-chunk'
import type { BuiltBatch } from './built-batches'
import { decodeEventChunk, encodeEventChunk } from '../events/stored-chunk'
import { rememberChunk } from '../storage/known-chunks'
import { decodeRecordChunk, encodeRecordChunk, isStoredRecordChunk } from '../storage/record-chunk'

/**
 * Stage events packed as one chunk at most: the adapters' event chunk size, so the page's
 * adapter can store the chunk as it came (a batch with more events posts them as objects).
 */
export const PACKED_EVENTS_MAX = 1000

/**
 * A built batch as the import worker posts it: its new records and its stage events as the
 * chunks storage keeps (`StoredRecordChunk`, `StoredEventChunk`) instead of objects, so the
 * page's commit stores them without encoding them again (`known-chunks.ts`).
 */
export interface PackedBatch extends BuiltBatch {
  packed?: {
    formId: string
    /** The records `tx.records[formId].put` held (that list is empty while packed). */
    records?: StoredRecordChunk
    /** The events `tx.stageEvents` held (that list is empty while packed). */
    events?: StoredEventChunk
  }
}

/**
 * Packs a batch of one form's new records: the records (when they encode as columns) and the
 * stage events (when all are that form's and they fit one chunk). Anything else stays as it is.
 */
export function packBatch(batch: BuiltBatch): PackedBatch {
  const entries = Object.entries(batch.tx.records ?? {})
  if (entries.length !== 1) return batch
  const [formId, ch] = entries[0]!
  const put = ch.put ?? []
  if (put.length === 0 || ch.delete || ch.restore || ch.purge) return batch
  const encoded = encodeRecordChunk(put)
  if (!isStoredRecordChunk(encoded)) return batch
  const events = batch.tx.stageEvents ?? []
  const packEvents = events.length > 0 && events.length <= PACKED_EVENTS_MAX && events.every(e => e.formId === formId)
  const tx = { ...batch.tx, records: { [formId]: { ...ch, put: [] } }, ...(packEvents ? { stageEvents: [] } : {}) }
  return { ...batch, tx, packed: { formId, records: encoded, ...(packEvents ? { events: encodeEventChunk(events) } : {}) } }
}

function freezeRow(row: RecordRow): RecordRow {
  Object.freeze(row.values)
  return Object.freeze(row)
}

/**
 * The batch `packBatch` packed, with its records and events made into objects again, frozen
 * (as `freezeTransaction` freezes an import batch) and remembered with their chunks, so the
 * page's adapter stores those chunks as they came.
 */
export function unpackBatch(batch: PackedBatch): BuiltBatch {
  const { packed, ...rest } = batch
  if (!packed?.records) return rest
  const rows = decodeRecordChunk<RecordRow>(packed.records)
  for (const row of rows) freezeRow(row)
  rememberChunk(rows, packed.records)
  const ch = rest.tx.records?.[packed.formId] ?? {}
  const tx = { ...rest.tx, records: { ...rest.tx.records, [packed.formId]: { ...ch, put: rows } } }
  if (packed.events) {
    const events: StageEvent[] = decodeEventChunk(packed.events)
    for (const e of events) Object.freeze(e)
    rememberChunk(events, packed.events)
    tx.stageEvents = events
  }
  return { ...rest, tx }
}
