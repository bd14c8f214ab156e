/** Who moved a record into each stage: the change entry written with the stage event. */
import type { ChangeEntry, StageEvent } from '../schema/types'

/**
 * Member id per stage event id. A stage change writes its event and its change entry in one
 * write with the same time, so the entry (for the first stage, the record's creation) of the same record, time and field value is the
 * author; events without one (imported history, an entry trimmed away) are left out.
 */
export function stageMovers(events: readonly StageEvent[], changes: readonly ChangeEntry[]): Map<string, string> {
  const byKey = new Map<string, string>()
  const created = new Map<string, string>()
  for (const c of changes) {
    if (!c.memberId) continue
    if (c.kind === 'create') created.set(`${c.recordId}\u0000${c.at}`, c.memberId)
    for (const ch of c.changes ?? []) if (typeof ch.to === 'string') byKey.set(`${c.recordId}\u0000${c.at}\u0000${ch.field}\u0000${ch.to}`, c.memberId)
  }
  const out = new Map<string, string>()
  for (const e of events) {
    const by = byKey.get(`${e.recordId}\u0000${e.at}\u0000${e.fieldId}\u0000${e.to}`)
      ?? (e.from === null ? created.get(`${e.recordId}\u0000${e.at}`) : undefined)
    if (by) out.set(e.id, by)
  }
  return out
}
