import type { ImportJournal } from '@/core/io/import-journal'
import { isImportInterrupted, journalBatchCommitted, startJournal } from '@/core/io/import-journal'
import { parseBoundedJson } from '@/core/validation/bounded-json'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'

/** A journal entry as stored: the core journal plus what resuming and the notice need. */
export interface ImportJournalEntry extends ImportJournal {
  /** Records per batch. */
  batchSize: number
  /** Records written so far by this tab's count (the notice counts the store instead). */
  rowsWritten: number
  /** Records the import meant to write. */
  rowsTotal: number
  /** `fileFingerprint` of the file: picking the same file again offers to resume. */
  fingerprint?: string
  /** A stage-history import: its records keep their own ids, so only the journal counts what landed. */
  kind?: 'history'
}

/** What `start` needs to know of an import. */
export interface ImportJournalStart {
  importId: string
  fileName: string
  formId: string
  totalBatches: number
  batchSize: number
  rowsTotal: number
  fingerprint?: string
  kind?: 'history'
}

/** localStorage key of the journal list. */
export const IMPORT_JOURNAL_KEY = 'funnelgrid:import-journal'

function readStored(): ImportJournalEntry[] {
  let raw: string | null | undefined
  try {
    raw = globalThis.localStorage?.getItem(IMPORT_JOURNAL_KEY)
  }
  catch {
    return []
  }
  // Bounded like any JSON that enters (core/validation/json-limits.ts): a refused journal is forgotten.
  const parsed = raw ? parseBoundedJson('importJournal', raw) : undefined
  const list = parsed?.ok ? parsed.value : undefined
  return Array.isArray(list) ? (list as unknown[]).filter(isEntry) : []
}

function isEntry(e: unknown): e is ImportJournalEntry {
  return !!e && typeof e === 'object' && typeof (e as { importId?: unknown }).importId === 'string'
}

/**
 * The import journal: every running import writes its progress here (persisted in
 * localStorage after each committed batch), so an import cut off midway (tab closed, crash)
 * is reported on the next visit and can be resumed with the same file. Finished and cancelled
 * imports are removed. What was written is counted from the store (the import's record ids),
 * never from this journal, which can lag one batch behind a closed tab.
 */
export const useImportsStore = defineStore('imports', () => {
  const entries = shallowRef<ImportJournalEntry[]>(readStored())
  /** Imports running in this tab: never reported as interrupted. */
  const running = new Set<string>()

  function persist(next: ImportJournalEntry[]): void {
    entries.value = next
    try {
      globalThis.localStorage?.setItem(IMPORT_JOURNAL_KEY, JSON.stringify(next))
    }
    catch {
      // A full localStorage only costs the notice after a crash; the import itself goes on.
    }
  }

  /** Opens (or, resuming, reopens) the journal of an import about to write its batches. */
  function start(s: ImportJournalStart): void {
    running.add(s.importId)
    const entry: ImportJournalEntry = {
      ...startJournal(s.importId, s.fileName, s.formId, s.totalBatches, Date.now()),
      batchSize: s.batchSize,
      rowsWritten: 0,
      rowsTotal: s.rowsTotal,
      ...(s.fingerprint ? { fingerprint: s.fingerprint } : {}),
      ...(s.kind ? { kind: s.kind } : {}),
    }
    persist([...entries.value.filter(e => e.importId !== s.importId), entry])
  }

  /** Records one more committed batch of `rows` records. */
  function batchCommitted(importId: string, rows: number): void {
    persist(entries.value.map((e): ImportJournalEntry => (e.importId === importId ? { ...e, ...journalBatchCommitted(e, Date.now()), rowsWritten: e.rowsWritten + rows } : e)))
  }

  /** The import ended (finished, or cancelled or failed while the user watched): forget it. */
  function end(importId: string): void {
    running.delete(importId)
    persist(entries.value.filter(e => e.importId !== importId))
  }

  /**
   * The import stopped at a batch boundary because storage refused a batch (full, gone): its
   * journal stays, so the notice says what was written and the same file resumes the rest.
   */
  function stop(importId: string): void {
    running.delete(importId)
    entries.value = [...entries.value]
  }

  /** The user read the notice of an interrupted import. */
  const dismiss = end

  /** Imports that stopped before their last batch and are not running in this tab. */
  const interrupted = computed(() => entries.value.filter(e => !running.has(e.importId) && isImportInterrupted(e)))

  /** The interrupted import of `formId` made from the file with this fingerprint, if any. */
  function resumable(formId: string, fingerprint: string | undefined): ImportJournalEntry | undefined {
    if (!fingerprint) return undefined
    return interrupted.value.findLast(e => e.formId === formId && e.fingerprint === fingerprint)
  }

  return { entries, interrupted, start, batchCommitted, end, stop, dismiss, resumable }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useImportsStore, import.meta.hot))
