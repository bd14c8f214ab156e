import type { BackupBlob, WorkspaceBackup } from '../schema/types'
import type { BlobPut } from './adapter'
import { base64ToBytes, bytesToBase64 } from './base64'
import type { BlobStore } from './blob-store'
import { fileKeysOf } from './blob-refs'

/** The file keys a backup's live and binned records refer to. */
export function backupFileKeys(backup: WorkspaceBackup): Set<string> {
  const keys = new Set<string>()
  for (const rows of [...Object.values(backup.records), ...Object.values(backup.trash)]) fileKeysOf(rows, keys)
  return keys
}

/** The stored contents of `keys` as backup entries (base64), in key order; missing keys are skipped. */
export async function encodeBlobs(keys: Iterable<string>, store: BlobStore): Promise<BackupBlob[]> {
  const out: BackupBlob[] = []
  for (const key of [...keys].sort()) {
    const stored = await store.get(key)
    if (!stored) continue
    const bytes = new Uint8Array(await stored.blob.arrayBuffer())
    out.push({ key, mime: stored.blob.type, size: bytes.length, data: bytesToBase64(bytes) })
  }
  return out
}

/** Backup entries back to Blobs, or the problems that make them unusable (named by key). */
export function decodeBlobs(blobs: readonly BackupBlob[]): { ok: true, puts: BlobPut[] } | { ok: false, problems: string[] } {
  const puts: BlobPut[] = []
  const problems: string[] = []
  for (const [i, entry] of blobs.entries()) {
    const bytes = typeof entry?.data === 'string' ? base64ToBytes(entry.data) : null
    if (!bytes || typeof entry.key !== 'string' || entry.key === '') {
      problems.push(`file ${i + 1} (${String(entry?.key)}) is not valid base64 data with a key`)
      continue
    }
    if (bytes.length !== entry.size) {
      problems.push(`file ${entry.key} has ${bytes.length} bytes but the backup says ${entry.size}`)
      continue
    }
    puts.push({ key: entry.key, blob: new Blob([bytes], { type: entry.mime ?? '' }) })
  }
  return problems.length ? { ok: false, problems } : { ok: true, puts }
}
