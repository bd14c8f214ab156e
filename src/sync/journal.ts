// The sync journal: which documents a local commit touches, noted (synchronously, in
// localStorage in the app) before the commit starts and dropped once the commit is in the
// mirror. A tab killed between its local commit and the mirror write leaves the entry behind;
// the next start writes those documents into the mirror from the local store as it is then, so
// nothing committed here stays off the server.
import type { Transaction } from '@/core/storage/adapter'
import { changeDocId, definitionDocId, eventDocId, fileDocId, recordDocId, SETTINGS_DOC_ID } from '@/core/sync/layout'

export interface JournalEntry {
  id: string
  /** Documents by id: records, definitions, settings, stage events. */
  docs: string[]
  /** Change entries, with the record they belong to (the local store reads them per record). */
  changes: { formId: string, recordId: string, docId: string }[]
  /** Forms dropped whole. */
  dropForms: string[]
}

/** Where entries are kept; `put` must be durable when it returns (localStorage is). */
export interface JournalStore {
  load: () => JournalEntry[]
  put: (entry: JournalEntry) => void
  remove: (id: string) => void
}

/** The entry for a transaction (before it is committed). */
export function journalEntryOf(id: string, tx: Transaction): JournalEntry {
  const docs = new Set<string>()
  for (const [formId, changes] of Object.entries(tx.records ?? {})) {
    for (const row of changes.put ?? []) docs.add(recordDocId(formId, row.id))
    for (const list of [changes.delete, changes.restore, changes.purge]) for (const recordId of list ?? []) docs.add(recordDocId(formId, recordId))
  }
  for (const { kind, doc } of tx.defs?.put ?? []) docs.add(definitionDocId(kind, doc.id))
  for (const { kind, id: defId } of tx.defs?.delete ?? []) docs.add(definitionDocId(kind, defId))
  if (tx.settings) docs.add(SETTINGS_DOC_ID)
  for (const e of tx.stageEvents ?? []) docs.add(eventDocId(e.formId, e.id))
  const changes = (tx.changes ?? []).map(c => ({ formId: c.formId, recordId: c.recordId, docId: changeDocId(c.formId, c.id) }))
  return { id, docs: [...docs], changes, dropForms: [...tx.dropForms ?? []] }
}

/** Notes kept by one tab: each under an id of its own (no two tabs pick the same). */
export function journalNotes(journal: JournalStore | undefined, now: () => number) {
  let noted = 0
  const tab = Math.random().toString(36).slice(2, 10)
  function put(entry: (id: string) => JournalEntry): string | null {
    if (!journal) return null
    const id = `${tab}-${now()}-${noted++}`
    journal.put(entry(id))
    return id
  }
  return {
    /** Notes the documents a transaction is about to commit locally. */
    note: (tx: Transaction) => put(id => journalEntryOf(id, tx)),
    /** Notes file contents stored locally, by key. */
    noteFiles: (keys: readonly string[]) => keys.length ? put(id => ({ id, docs: keys.map(fileDocId), changes: [], dropForms: [] })) : null,
    forget: (entryId: string | null) => { if (entryId) journal?.remove(entryId) },
  }
}

const PREFIX = 'funnelgrid-sync-journal:'

/** The app's journal: one localStorage key per entry (so tabs never overwrite each other's). */
export function localStorageJournal(db: string, storage: Storage | undefined = globalThis.localStorage): JournalStore {
  const prefix = `${PREFIX}${db}:`
  return {
    load() {
      const out: JournalEntry[] = []
      if (!storage) return out
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)
        if (!key?.startsWith(prefix)) continue
        try {
          out.push(JSON.parse(storage.getItem(key) ?? '') as JournalEntry)
        }
        catch { storage.removeItem(key) }
      }
      return out
    },
    // A full localStorage throws: the commit then stops before it starts, with that error.
    put: entry => storage?.setItem(prefix + entry.id, JSON.stringify(entry)),
    remove: id => storage?.removeItem(prefix + id),
  }
}

/** Removes every entry of a workspace (leaving it). */
export function dropJournal(db: string, storage: Storage | undefined = globalThis.localStorage): void {
  const store = localStorageJournal(db, storage)
  for (const entry of store.load()) store.remove(entry.id)
}
