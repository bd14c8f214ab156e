import type { FileValue } from '@/core/fields'
import { previewKindOf } from '@/core/fields/shared/file-preview'
import { newId } from '@/core/utils/id'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useAdapter } from './use-adapter'

/**
 * What a stored file shows as: an image (`url` is only ever used as an `<img>` source), a
 * stored file that is not an image the app shows (download only), or contents this browser
 * does not hold.
 */
export type FilePreview
  = | { state: 'image', url: string }
    | { state: 'file' }
    | { state: 'missing' }

/** A picked file to store: its name and its contents. */
export interface FilePut {
  name: string
  blob: Blob
}

function readDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(blob)
  })
}

/** The preview of a stored Blob, typed by the app (never by the Blob) so it cannot become a document. */
async function previewOf(blob: Blob | null): Promise<FilePreview> {
  if (!blob) return { state: 'missing' }
  const preview = previewKindOf(blob.type)
  switch (preview.kind) {
    case 'raster': return { state: 'image', url: URL.createObjectURL(blob.slice(0, blob.size, preview.mime)) }
    case 'svg': return { state: 'image', url: await readDataUrl(blob.slice(0, blob.size, 'image/svg+xml')) }
    case 'none': return { state: 'file' }
  }
}

function revoke(preview: FilePreview): void {
  if (preview.state === 'image' && preview.url.startsWith('blob:')) URL.revokeObjectURL(preview.url)
}

/**
 * File contents of attachment and image values: storing picked files before the record that
 * refers to them, reading them back, and previews shared by everything on screen (one object
 * URL per key, revoked when the last user releases it).
 */
export const useFilesStore = defineStore('files', () => {
  const adapter = useAdapter()
  /** Key -> preview, for keys someone has acquired; absent while loading. */
  const previews = shallowRef<Record<string, FilePreview>>({})
  /** Key -> how many acquired it and not yet released. */
  const users = new Map<string, number>()
  /** Key -> the load in flight or done for the current users; a stale load drops its result. */
  const loads = new Map<string, symbol>()

  /**
   * Stores picked files as Blobs (all or none) and returns the values that refer to them.
   * Call it before saving the record, so no record points at a missing blob; the adapter's
   * cleanup spares these uploads until a commit refers to them.
   */
  async function put(files: readonly FilePut[]): Promise<FileValue[]> {
    const refs = files.map(({ name, blob }): FileValue & { key: string } => ({ id: newId(), name, size: blob.size, ...(blob.type ? { mime: blob.type } : {}), key: `file_${newId()}` }))
    await adapter.putBlobs(refs.map((r, i) => ({ key: r.key, blob: files[i]!.blob })))
    return refs
  }

  /** The stored contents of `key`, or null when this browser does not hold them. */
  function get(key: string): Promise<Blob | null> {
    return adapter.getBlob(key)
  }

  async function load(key: string): Promise<void> {
    const token = Symbol(key)
    loads.set(key, token)
    const preview = await get(key).then(previewOf, (): FilePreview => ({ state: 'missing' }))
    if (loads.get(key) !== token) return revoke(preview)
    previews.value = { ...previews.value, [key]: preview }
  }

  /** Starts using the previews of `keys` (loading those nobody used yet). */
  function acquire(keys: readonly string[]): void {
    for (const key of keys) {
      const n = users.get(key) ?? 0
      users.set(key, n + 1)
      if (n === 0) void load(key)
    }
  }

  /** Stops using the previews of `keys`; a key nobody uses any more has its URL revoked. */
  function release(keys: readonly string[]): void {
    for (const key of keys) {
      const n = users.get(key) ?? 0
      if (n > 1) {
        users.set(key, n - 1)
        continue
      }
      users.delete(key)
      loads.delete(key)
      const { [key]: gone, ...rest } = previews.value
      if (gone) {
        revoke(gone)
        previews.value = rest
      }
    }
  }

  /** Contents that arrived from elsewhere (team sync): shown ones load again (they may have shown as missing). */
  function arrived(keys: readonly string[]): void {
    for (const key of keys) if ((users.get(key) ?? 0) > 0) void load(key)
  }

  return { previews, put, get, acquire, release, arrived }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFilesStore, import.meta.hot))
