/**
 * Refusing files that are not text tables before they are parsed: a binary file read as CSV
 * becomes hundreds of junk records, and a file of 10,000 columns is not a table anyone maps
 * by hand.
 */

/** What a refused file turned out to be. */
export type BinaryKind = 'zip' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'gzip' | 'ole' | 'binary'

/** Why a file is not imported. */
export type FileRefusal
  = | { kind: 'binary', what: BinaryKind }
    | { kind: 'tooWide', columns: number, max: number }

/** The most columns an import takes (every column gets a mapping row and a field). */
export const MAX_IMPORT_COLUMNS = 2000

const SIGNATURES: { bytes: (number | null)[], what: BinaryKind }[] = [
  { bytes: [0x50, 0x4B, 0x03, 0x04], what: 'zip' },
  { bytes: [0x50, 0x4B, 0x05, 0x06], what: 'zip' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'pdf' },
  { bytes: [0x89, 0x50, 0x4E, 0x47], what: 'png' },
  { bytes: [0xFF, 0xD8, 0xFF], what: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'gif' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: 'webp' },
  { bytes: [0x1F, 0x8B], what: 'gzip' },
  // Old binary Excel (.xls) and Word files.
  { bytes: [0xD0, 0xCF, 0x11, 0xE0], what: 'ole' },
]

/** Bytes looked at for NUL and control characters. */
const SNIFF_BYTES = 64 * 1024

/**
 * Why `bytes` cannot be read as a text table, or undefined when they can. A known binary
 * signature (a zip, as an .xlsx renamed to .csv is, a PDF, an image) or NUL bytes / many control
 * characters near the start refuse it; UTF-16 text (with its byte-order mark) is text.
 */
export function sniffBinary(bytes: Uint8Array): FileRefusal | undefined {
  const sig = SIGNATURES.find(s => s.bytes.every((b, i) => b === null || bytes[i] === b))
  if (sig) return { kind: 'binary', what: sig.what }
  if ((bytes[0] === 0xFF && bytes[1] === 0xFE) || (bytes[0] === 0xFE && bytes[1] === 0xFF)) return undefined
  const n = Math.min(bytes.length, SNIFF_BYTES)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) return { kind: 'binary', what: 'binary' }
    // Tab, line feed, form feed, carriage return and escape occur in text; other C0 codes do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0A && b !== 0x0C && b !== 0x0D && b !== 0x1B) controls++
  }
  return n > 0 && controls / n > 0.01 ? { kind: 'binary', what: 'binary' } : undefined
}

/** The refusal of a table wider than `MAX_IMPORT_COLUMNS`, or undefined. */
export function checkWidth(columns: number, max = MAX_IMPORT_COLUMNS): FileRefusal | undefined {
  return columns > max ? { kind: 'tooWide', columns, max } : undefined
}
