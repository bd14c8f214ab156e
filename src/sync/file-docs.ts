// File documents (fil:blob:<key>): a stored file's bytes as the mirror takes them, and back.
import type { BlobPut } from '@/core/storage/adapter'
import { bytesToBase64 } from '@/core/storage/base64'
import { fileDocId, type FileDoc } from '@/core/sync/layout'
import type { Mirror } from './mirror'

/** The document of a stored file. Its bytes go as base64: a Blob is taken only in the browser, a Buffer only under Node. */
export async function fileDraft(key: string, blob: Blob, who: { by: string, at: string }): Promise<FileDoc> {
  return {
    _id: fileDocId(key), type: 'file', schemaVersion: 1, by: who.by, at: who.at,
    body: { key, mime: blob.type, size: blob.size },
    _attachments: { content: { content_type: blob.type || 'application/octet-stream', data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) } },
  }
}

/** The contents of pulled files, read from the mirror with the type their documents name. */
export async function pulledFiles(mirror: Mirror, files: readonly { key: string, mime: string }[]): Promise<BlobPut[]> {
  const out: BlobPut[] = []
  for (const { key, mime } of files) {
    const doc = await mirror.get(fileDocId(key), { attachments: true, binary: true }) as unknown as FileDoc
    const data = doc._attachments?.content.data
    if (data === undefined) continue
    // A Blob in the browser, a Buffer under Node.
    const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mime })
    out.push({ key, blob: blob.type === mime ? blob : blob.slice(0, blob.size, mime) })
  }
  return out
}
