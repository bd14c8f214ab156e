/**
 * What the UI stores while an import commits its batches, so that after a crash or a closed
 * tab the next visit can say "import of X stopped after 3 of 5 batches".
 */
export interface ImportJournal {
  importId: string
  fileName: string
  formId: string
  totalBatches: number
  /** Batches committed so far; each is a whole transaction. */
  committedBatches: number
  /** Epoch ms. */
  startedAt: number
  /** Epoch ms, set when the last batch committed. */
  finishedAt?: number
}

/**
 * The id of the record an import makes of file line `line`: the import's id and the line
 * (the id alphabet allows '.'). A batch that landed is then visible in the store itself, and a
 * resumed import skips exactly the lines already stored.
 */
export function importRecordId(importId: string, line: number): string {
  return `${importId}.${line}`
}

/** What the store holds of one import: its records counted, and the last file line stored. */
export interface StoredImport {
  count: number
  /** 0 when nothing is stored. */
  lastLine: number
  /** Ids of the stored records. */
  ids: Set<string>
}

/** Counts the records of `importId` among `ids` (a form's record ids). */
export function storedOfImport(ids: Iterable<string>, importId: string): StoredImport {
  const prefix = `${importId}.`
  const out: StoredImport = { count: 0, lastLine: 0, ids: new Set() }
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue
    const line = Number(id.slice(prefix.length))
    if (!Number.isInteger(line)) continue
    out.count++
    out.ids.add(id)
    if (line > out.lastLine) out.lastLine = line
  }
  return out
}

/** The file line a resumed import starts from: the one after the last line stored. */
export function resumeLine(stored: StoredImport): number {
  return stored.lastLine === 0 ? 2 : stored.lastLine + 1
}

/** A journal for an import about to start. */
export function startJournal(importId: string, fileName: string, formId: string, totalBatches: number, now: number): ImportJournal {
  return { importId, fileName, formId, totalBatches, committedBatches: 0, startedAt: now, ...(totalBatches === 0 ? { finishedAt: now } : {}) }
}

/** The journal after one more batch committed. */
export function journalBatchCommitted(journal: ImportJournal, now: number): ImportJournal {
  const committedBatches = Math.min(journal.totalBatches, journal.committedBatches + 1)
  return { ...journal, committedBatches, ...(committedBatches === journal.totalBatches ? { finishedAt: now } : {}) }
}

/** True when the import stopped before its last batch (to tell the user on the next visit). */
export function isImportInterrupted(journal: ImportJournal): boolean {
  return journal.finishedAt === undefined && journal.committedBatches < journal.totalBatches
}

/**
 * A short fingerprint of a file's bytes (length and 32-bit FNV-1a), so picking the same file
 * again can resume its interrupted import; not a security check.
 */
export function fileFingerprint(bytes: Uint8Array): string {
  let h = 0x811C9DC5
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!
    h = Math.imul(h, 0x01000193)
  }
  return `${bytes.length.toString(36)}-${(h >>> 0).toString(36)}`
}
