/** Saves bytes as a file through the browser's download. */
export function downloadBytes(filename: string, bytes: Uint8Array, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
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
