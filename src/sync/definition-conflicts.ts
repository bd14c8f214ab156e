// Two admins saved one definition while apart (offline, or at the same moment): CouchDB keeps
// both revisions and picks the same winner on every device. The winner is applied like any pulled
// change; the admin whose save lost is told (which definition, whose version won), and the losing
// revisions are removed on every device — a definition is never merged field by field.
import type { Label } from '@/core/schema/types'
import { parseDocId, type DefinitionKind } from '@/core/sync/layout'
import type { Mirror } from './mirror'
import type { PouchDoc } from './pouch-types'

/** This user's design change that lost to another save of the same definition. */
export interface OverwrittenDesign {
  kind: DefinitionKind
  id: string
  name: Label | undefined
  /** Whose version is kept, and when it was saved. */
  keptBy: string
  keptAt: string
}

/** Removes the losing revisions of a contested definition; what this user lost, if anything. */
export async function settleDefinitionConflict(mirror: Mirror, doc: PouchDoc, me: string): Promise<OverwrittenDesign | null> {
  const parsed = parseDocId(doc._id)
  if (parsed?.type !== 'definition' || !doc._conflicts?.length) return null
  const leaves = (await mirror.get(doc._id, { open_revs: doc._conflicts }) as unknown as { ok?: PouchDoc }[])
    .map(leaf => leaf.ok)
    .filter((leaf): leaf is PouchDoc => Boolean(leaf) && !leaf!._deleted)
  if (!leaves.length) return null
  await mirror.bulkDocs(leaves.map(leaf => ({ _id: doc._id, _rev: leaf._rev, _deleted: true })))
  // The same user may have saved on two devices: only another person's version is news.
  if (!leaves.some(leaf => leaf.by === me) || doc.by === me) return null
  const body = (doc as { body?: { name?: Label } }).body
  return { kind: parsed.kind, id: parsed.id, name: body?.name, keptBy: String(doc.by ?? ''), keptAt: String(doc.at ?? '') }
}
