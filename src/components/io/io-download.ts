import { downloadBlob } from '@/composables/download'

/** Saves bytes as a file through the browser's download. */
export function downloadBytes(filename: string, bytes: Uint8Array, mime: string): void {
  downloadBlob(filename, new Blob([bytes as BlobPart], { type: mime }))
}

/** A file name without characters that Windows or macOS refuse. */
export function safeFileName(name: string): string {
  const s = name.replace(/[\\/:*?"<>|]+/g, ' ').trim()
  return s === '' ? 'export' : s.slice(0, 80)
}

/** Today as YYYYMMDD, for file names. */
export function dateStamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`
}
