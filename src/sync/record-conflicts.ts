// A record both sides changed while apart has more than one leaf revision. Fields changed on one
// side merge (written by the device whose revision lost, so two devices never both write the
// merge); a field both changed is contested and kept, with both versions, until a user picks.
import type { RecordRow } from '@/core/schema/types'
import { parseDocId, type RecordBody } from '@/core/sync/layout'
import { mergeRecordVersions } from '@/core/sync/merge'
import type { Mirror } from './mirror'
import type { PouchDoc } from './pouch-types'

/** One side of a contested record. */
export interface ConflictSide {
  rev: string
  by: string
  at: string
  values: Record<string, unknown>
}

export interface RecordConflictState {
  formId: string
  recordId: string
  /** Field ids both sides changed to different values. */
  fields: string[]
  /** The revision every replica shows (CouchDB's deterministic winner). */
  winner: ConflictSide
  /** The other leaves, kept until resolved. */
  losers: ConflictSide[]
}

export interface ConflictOutcome {
  /** The contested state, or null when nothing is left to pick. */
  state: RecordConflictState | null
  /** A merged row this device wrote over the winner (to show and store locally), if any. */
  merged: RecordRow | null
}

const rowOf = (doc: PouchDoc): RecordRow => {
  const { trashed: _t, ...row } = doc.body as RecordBody
  return row
}

const sideOf = (doc: PouchDoc): ConflictSide => ({ rev: doc._rev!, by: String(doc.by ?? ''), at: String(doc.at ?? ''), values: rowOf(doc).values })

// The newest revision both leaves descend from, from their `_revisions` paths.
function commonAncestor(a: PouchDoc, b: PouchDoc): string | null {
  const ra = a._revisions
  const rb = b._revisions
  if (!ra || !rb) return null
  const ofA = new Map(ra.ids.map((hash, i) => [`${ra.start - i}-${hash}`, true]))
  for (let i = 0; i < rb.ids.length; i++) {
    const rev = `${rb.start - i}-${rb.ids[i]}`
    if (ofA.has(rev) && rev !== a._rev && rev !== b._rev) return rev
  }
  return null
}

async function bodyAt(mirror: Mirror, id: string, rev: string | null): Promise<RecordRow | null> {
  if (!rev) return null
  try {
    return rowOf(await mirror.get(id, { rev }))
  }
  catch {
    return null // compacted away: every difference is contested
  }
}

/**
 * Examines a record document that has conflicts (`doc` is its winning revision, with
 * `_conflicts`). `me` is this device's signed-in user: when a losing revision is mine, the
 * merge of its one-sided fields is written here, and the leaf is removed when nothing is contested.
 */
export async function examineRecordConflict(mirror: Mirror, doc: PouchDoc, me: string, now: () => string, computed: ReadonlySet<string> = new Set()): Promise<ConflictOutcome> {
  const parsed = parseDocId(doc._id)
  if (!parsed || parsed.type !== 'record') return { state: null, merged: null }
  const revs = [doc._rev!, ...doc._conflicts ?? []]
  const leaves = (await mirror.get(doc._id, { open_revs: revs, revs: true }) as unknown as { ok?: PouchDoc }[])
    .map(leaf => leaf.ok)
    .filter((leaf): leaf is PouchDoc => Boolean(leaf) && !leaf!._deleted)
  let winner = leaves.find(leaf => leaf._rev === doc._rev)
  if (!winner) return { state: null, merged: null }
  const losers = leaves.filter(leaf => leaf._rev !== doc._rev)
  let merged: RecordRow | null = null
  const contested = new Set<string>()
  const keptLosers: PouchDoc[] = []
  for (const loser of losers) {
    const base = await bodyAt(mirror, doc._id, commonAncestor(winner, loser))
    const merge = mergeRecordVersions(base, rowOf(winner), rowOf(loser), computed)
    const mine = loser.by === me
    if (mine && merge.changed) {
      const row = { ...merge.row, rev: rowOf(winner).rev + 1 }
      const next: PouchDoc = { ...winner, _rev: winner._rev, by: me, at: now(), body: { ...(winner.body as object), ...row } }
      delete next._revisions
      delete next._conflicts
      const [result] = await mirror.bulkDocs([next])
      if (result?.ok && result.rev) {
        winner = { ...next, _rev: result.rev }
        merged = row
      }
    }
    if (mine && merge.contested.length === 0) {
      await mirror.bulkDocs([{ _id: doc._id, _rev: loser._rev, _deleted: true }])
      continue
    }
    if (merge.contested.length === 0 && !mine) continue // its author's device merges it
    merge.contested.forEach(f => contested.add(f))
    keptLosers.push(loser)
  }
  if (!contested.size) return { state: null, merged }
  return {
    state: { formId: parsed.formId, recordId: parsed.recordId, fields: [...contested], winner: sideOf(winner), losers: keptLosers.map(sideOf) },
    merged,
  }
}

/** Removes the losing leaves once the user picked (their values are in the winner now). */
export async function dropLosers(mirror: Mirror, state: RecordConflictState): Promise<void> {
  const id = `rec:${state.formId}:${state.recordId}`
  await mirror.bulkDocs(state.losers.map(l => ({ _id: id, _rev: l.rev, _deleted: true })))
}
