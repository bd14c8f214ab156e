// The mirror: a PouchDB database on this device holding the workspace's server documents. It is
// the outbox (commits are written here, replication pushes them) and the inbox (replication
// pulls into it; the bridge applies what arrived to the local adapter).
import type { DocDraft } from '@/core/sync/tx-docs'
import type { RawDoc } from '@/core/sync/doc-check'
import type { PouchDatabase, PouchDoc } from './pouch-types'

export type Mirror = PouchDatabase

const IMMUTABLE = /^(evt|chg|fil):/

/**
 * What this device pushes: everything but design documents (the server's admins write those).
 * One function for the first publish and the live sync: PouchDB keys a replication's checkpoint
 * by its filter's source, so the live push resumes where the publish ended instead of checking
 * every document again.
 */
export function pushable(doc: { _id: string }): boolean {
  return !doc._id.startsWith('_design/')
}

/** What a write to the mirror stored: `id@rev` of each document, to tell own changes coming back. */
export interface MirrorWrite {
  revs: string[]
  ids: string[]
}

/**
 * Writes drafts over whatever the mirror holds (its winning revision): the commit order is
 * this device's. Stage events and change entries are written once. Retries documents another
 * tab wrote in between (409).
 */
export async function writeDrafts(mirror: Mirror, drafts: DocDraft[]): Promise<MirrorWrite> {
  const out: MirrorWrite = { revs: [], ids: [] }
  let pending = drafts
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    const found = await mirror.allDocs({ keys: pending.map(d => d._id) })
    const current = new Map<string, { rev: string, deleted: boolean }>()
    for (const row of found.rows) {
      if ('value' in row && row.value) current.set(row.key, { rev: row.value.rev, deleted: Boolean((row.value as { deleted?: boolean }).deleted) })
    }
    const docs: PouchDoc[] = []
    for (const draft of pending) {
      const here = current.get(draft._id)
      const isTombstone = '_deleted' in draft
      if (isTombstone && (!here || here.deleted)) continue
      if (!isTombstone && here && !here.deleted && IMMUTABLE.test(draft._id)) continue
      docs.push(here && !here.deleted ? { ...draft, _rev: here.rev } : { ...draft })
    }
    if (!docs.length) break
    const results = await mirror.bulkDocs(docs)
    const retry = new Set<string>()
    results.forEach((result, i) => {
      const id = docs[i]!._id as string
      if ('ok' in result && result.ok) {
        out.revs.push(`${id}@${result.rev}`)
        out.ids.push(id)
      }
      else if ('status' in result && result.status === 409) retry.add(id)
      else throw new Error(`Could not keep ${id} for sync: ${'message' in result ? result.message : 'unknown error'}`)
    })
    pending = pending.filter(d => retry.has(d._id))
  }
  return out
}

/** Every document id of a form in the mirror (a dropped form's records, events and changes). */
export async function idsOfForm(mirror: Mirror, formId: string): Promise<string[]> {
  const ids: string[] = []
  for (const prefix of ['rec', 'evt', 'chg']) {
    const start = `${prefix}:${formId}:`
    const res = await mirror.allDocs({ startkey: start, endkey: `${start}\uFFF0` })
    for (const row of res.rows) ids.push(row.id)
  }
  return ids
}

/** Every live document, in pages (joining a workspace). */
export async function allDocs(mirror: Mirror, onPage?: (done: number) => void): Promise<RawDoc[]> {
  const out: RawDoc[] = []
  let startkey: string | undefined
  for (;;) {
    // With the files' bytes (base64), for the restore a join makes.
    const res = await mirror.allDocs({ include_docs: true, attachments: true, limit: 2000, ...(startkey === undefined ? {} : { startkey, skip: 1 }) })
    for (const row of res.rows) if (row.doc) out.push(row.doc as unknown as RawDoc)
    onPage?.(out.length)
    if (res.rows.length < 2000) return out
    startkey = res.rows[res.rows.length - 1]!.id
  }
}

const APPLIED = '_local/funnelgrid-applied'

/** How far the bridge applied the mirror's changes feed to the local adapter. */
export async function appliedSeq(mirror: Mirror): Promise<{ seq: number | string, rev?: string }> {
  try {
    const doc = await mirror.get(APPLIED)
    return { seq: doc.seq as number | string, rev: doc._rev }
  }
  catch {
    return { seq: 0 }
  }
}

export async function markApplied(mirror: Mirror, seq: number | string, rev?: string): Promise<void> {
  try {
    await mirror.put({ _id: APPLIED, ...(rev ? { _rev: rev } : {}), seq })
  }
  catch (error) {
    // Another tab of this device applied the same batch and moved the mark first.
    if ((error as { status?: number }).status !== 409) throw error
  }
}

/** Marks everything the mirror holds now as applied (after publishing or joining, which applied it whole). */
export async function markAllApplied(mirror: Mirror): Promise<void> {
  const [info, mark] = await Promise.all([mirror.info(), appliedSeq(mirror)])
  await markApplied(mirror, info.update_seq, mark.rev)
}
