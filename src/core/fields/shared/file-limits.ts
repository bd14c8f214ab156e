import type { FieldOf } from '../../schema/types'

/** A field that holds files. */
export type FilesField = FieldOf<'attachment'> | FieldOf<'image'>

/** Size limit per file (MB) when the field sets none. */
export const DEFAULT_MAX_MB: Readonly<Record<FilesField['type'], number>> = { attachment: 10, image: 5 }

/** The field's per-file size limit in MB. */
export function fileLimitMB(field: FilesField): number {
  const set = field.options?.maxSizeMB
  return typeof set === 'number' && set > 0 ? set : DEFAULT_MAX_MB[field.type]
}

/** The file types the field takes, as an `accept` list ('image/*' for images); undefined: any. */
export function acceptOf(field: FilesField): string | undefined {
  if (field.type === 'image') return 'image/*'
  const accept = field.options?.accept?.trim()
  return accept ? accept : undefined
}

/**
 * Whether a file named `name` of MIME type `mime` matches an `accept` list such as
 * ".pdf, image/*, application/zip" (extensions case-insensitive, `type/*` wildcards).
 */
export function matchesAccept(accept: string | undefined, name: string, mime: string): boolean {
  if (!accept) return true
  const lowerName = name.toLowerCase()
  const lowerMime = mime.toLowerCase()
  return accept.split(',').map(s => s.trim().toLowerCase()).filter(Boolean).some((entry) => {
    if (entry.startsWith('.')) return lowerName.endsWith(entry)
    if (entry.endsWith('/*')) return lowerMime.startsWith(entry.slice(0, -1))
    return lowerMime === entry
  })
}

/** Why a file was refused: too big for the field, or not a type it takes. */
export type FileRefusal
  = | { reason: 'tooBig', name: string, size: number, limitMB: number }
    | { reason: 'type', name: string, accept: string }

/** Checks one picked file against the field's limit and types; null when it may be stored. */
export function checkFile(field: FilesField, file: { name: string, size: number, type: string }): FileRefusal | null {
  const limitMB = fileLimitMB(field)
  if (file.size > limitMB * 1024 * 1024) return { reason: 'tooBig', name: file.name, size: file.size, limitMB }
  const accept = acceptOf(field)
  if (!matchesAccept(accept, file.name, file.type)) return { reason: 'type', name: file.name, accept: accept ?? '' }
  return null
}

/** A size for people: "820 B", "12 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1048576).toFixed(1)} MB`
}
