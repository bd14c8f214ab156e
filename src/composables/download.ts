import type { FileValue } from '@/core/fields'
import { useFilesStore } from '@/stores/files'

/**
 * Saves a Blob as a file through the browser's download. The Blob is re-typed as
 * application/octet-stream and the link carries `download`, so its contents are saved, never
 * shown as a page of this origin (a stored HTML or SVG file must not run here).
 */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob.slice(0, blob.size, 'application/octet-stream'))
  const a = document.createElement('a')
  a.href = url
  a.download = filename || 'download'
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string, mime = 'text/plain'): void {
  downloadBlob(filename, new Blob([text], { type: `${mime};charset=utf-8` }))
}

/** Saves a backup document as `<prefix>-<date-time>.json`. */
export function downloadJsonFile(prefix: string, data: unknown): void {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')
  downloadText(`${prefix}-${stamp}.json`, JSON.stringify(data), 'application/json')
}

/** Downloads a stored file under its name; false when this browser does not hold its contents. */
export async function downloadFile(file: FileValue): Promise<boolean> {
  const blob = file.key ? await useFilesStore().get(file.key) : null
  if (blob) downloadBlob(file.name, blob)
  return blob !== null
}
