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
