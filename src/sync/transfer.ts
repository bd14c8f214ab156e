// The first sync of a workspace, in bulk: publishing pushes all of it, joining pulls all of it
// and restores it locally in one atomic write. Replication batches of 1,000 documents (PouchDB
// reads them with _bulk_get) instead of one request per document.
import type { StorageAdapter } from '@/core/storage/adapter'
import type { SkippedDoc } from '@/core/sync/docs-tx'
import { backupOfDocs } from '@/core/sync/docs-backup'
import { docsOfWorkspace } from '@/core/sync/tx-docs'
import { allDocs, markAllApplied, type Mirror, pushable, writeDrafts } from './mirror'
import type { PouchStatic } from './pouch-types'
import { TransferCancelled } from './transfer-cancelled'

export interface TransferProgress {
  phase: 'prepare' | 'transfer' | 'apply'
  done: number
  total: number
}

export { TransferCancelled }

interface TransferOptions {
  PouchDB: PouchStatic
  mirror: Mirror
  remote: Mirror
  local: StorageAdapter
  onProgress?: (progress: TransferProgress) => void
  signal?: AbortSignal
  batchSize?: number
}

const CHUNK = 1000

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TransferCancelled()
}

// The same options as the live sync's (engine.ts) in each direction, so it starts from this
// replication's checkpoint (PouchDB derives the checkpoint id from source, target and filter).
async function replicateOnce(opts: TransferOptions, from: Mirror, to: Mirror, total: number, count: (info: { docs_read: number, docs_written: number }) => number, push: boolean): Promise<void> {
  checkCancelled(opts.signal)
  const rep = opts.PouchDB.replicate(from, to, {
    batch_size: opts.batchSize ?? CHUNK,
    batches_limit: 2,
    ...(push ? { filter: pushable } : {}),
  })
  const abort = () => rep.cancel()
  opts.signal?.addEventListener('abort', abort)
  rep.on('change', (info: { docs_read: number, docs_written: number }) => opts.onProgress?.({ phase: 'transfer', done: Math.min(count(info), total), total }))
  try {
    await rep
  }
  finally {
    opts.signal?.removeEventListener('abort', abort)
  }
  checkCancelled(opts.signal)
}

/** Pushes the whole workspace to an empty workspace database. `user` is the signed-in publisher. */
export async function publishWorkspace(opts: TransferOptions & { user: string }): Promise<{ documents: number }> {
  const backup = await opts.local.exportBackup()
  const drafts = docsOfWorkspace(backup, { by: opts.user, at: new Date().toISOString() })
  for (let i = 0; i < drafts.length; i += CHUNK) {
    checkCancelled(opts.signal)
    await writeDrafts(opts.mirror, drafts.slice(i, i + CHUNK))
    opts.onProgress?.({ phase: 'prepare', done: Math.min(i + CHUNK, drafts.length), total: drafts.length })
  }
  await markAllApplied(opts.mirror)
  await replicateOnce(opts, opts.mirror, opts.remote, drafts.length, info => info.docs_written, true)
  return { documents: drafts.length }
}

/** Pulls a whole workspace and replaces the local one with it. */
export async function joinWorkspace(opts: TransferOptions): Promise<{ documents: number, skipped: SkippedDoc[] }> {
  const info = await opts.remote.info()
  await replicateOnce(opts, opts.remote, opts.mirror, info.doc_count, i => i.docs_read, false)
  const raws = await allDocs(opts.mirror, done => opts.onProgress?.({ phase: 'apply', done, total: info.doc_count }))
  checkCancelled(opts.signal)
  const current = await opts.local.loadDefinitions()
  const fallback = current.settings ?? { schemaVersion: 1, members: [] }
  const { backup, skipped } = backupOfDocs(raws, fallback, Date.now())
  if (current.settings?.currentMemberId) backup.settings = { ...backup.settings, currentMemberId: current.settings.currentMemberId }
  await opts.local.importBackup(backup)
  await markAllApplied(opts.mirror)
  return { documents: raws.length, skipped }
}
