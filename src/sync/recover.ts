// What journal entries left behind: the documents they name, read from the local store as it is
// now (the commit either landed there or not), minus what the mirror already holds in that
// version or newer (it may hold a teammate's later edit, pulled but not applied yet).
import type { RecordRow } from '@/core/schema/types'
import type { StorageAdapter, Transaction } from '@/core/storage/adapter'
import { parseDocId, type DefinitionKind } from '@/core/sync/layout'
import { docsOfTransaction, type DocDraft } from '@/core/sync/tx-docs'
import { fileDraft } from './file-docs'
import type { JournalEntry } from './journal'
import { idsOfForm, type Mirror } from './mirror'

interface Context {
  local: StorageAdapter
  mirror: Mirror
  who: { by: string, at: string }
}

type Body = { rev?: number, trashed?: boolean, updatedAt?: number }

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key)
  if (set) set.add(value)
  else map.set(key, new Set([value]))
}

/** The transaction that would write the named documents as the local store holds them now. */
async function currentTransaction(entries: readonly JournalEntry[], local: StorageAdapter) {
  const records = new Map<string, Set<string>>()
  const events = new Map<string, Set<string>>()
  const defs = new Set<string>()
  let settings = false
  const files: string[] = []
  for (const entry of entries) {
    for (const docId of entry.docs) {
      const parsed = parseDocId(docId)
      if (parsed?.type === 'file') files.push(parsed.key)
      if (parsed?.type === 'record') addTo(records, parsed.formId, parsed.recordId)
      else if (parsed?.type === 'event') addTo(events, parsed.formId, docId)
      else if (parsed?.type === 'definition') defs.add(`${parsed.kind}:${parsed.id}`)
      else if (parsed?.type === 'settings') settings = true
    }
  }
  const stored = await local.loadDefinitions()
  const forms = new Set(stored.forms.map(f => f.id))
  const tx: Transaction = { records: {}, stageEvents: [], changes: [], defs: { put: [], delete: [] } }
  const binned = new Map<string, RecordRow>()
  for (const [formId, ids] of records) {
    const live = forms.has(formId) ? await local.loadRecords(formId) : []
    const trash = forms.has(formId) ? await local.loadTrash(formId) : []
    const put = live.filter(r => ids.has(r.id))
    const inTrash = trash.filter(r => ids.has(r.id))
    for (const row of inTrash) binned.set(`${formId}:${row.id}`, row)
    const gone = [...ids].filter(id => !put.some(r => r.id === id) && !inTrash.some(r => r.id === id))
    tx.records![formId] = { put, delete: inTrash.map(r => r.id), toTrash: true, purge: gone }
  }
  for (const [formId, ids] of events) {
    if (!forms.has(formId)) continue
    tx.stageEvents!.push(...(await local.loadStageEvents(formId)).filter(e => ids.has(`evt:${formId}:${e.id}`)))
  }
  const changeIds = new Map<string, Set<string>>()
  for (const entry of entries) for (const c of entry.changes) addTo(changeIds, `${c.formId}\u0000${c.recordId}`, c.docId)
  for (const [key, ids] of changeIds) {
    const [formId, recordId] = key.split('\u0000') as [string, string]
    if (!forms.has(formId)) continue
    tx.changes!.push(...(await local.loadChanges(formId, recordId)).filter(c => ids.has(`chg:${formId}:${c.id}`)))
  }
  const byKind: Record<DefinitionKind, { id: string }[]> = { app: stored.apps, form: stored.forms, view: stored.views, dashboard: stored.dashboards }
  for (const key of defs) {
    const [kind, id] = [key.slice(0, key.indexOf(':')) as DefinitionKind, key.slice(key.indexOf(':') + 1)]
    const doc = byKind[kind].find(d => d.id === id)
    if (doc) tx.defs!.put!.push({ kind, doc: doc as never })
    else tx.defs!.delete!.push({ kind, id })
  }
  if (settings && stored.settings) tx.settings = stored.settings
  return { tx, binned, forms, files }
}

/** Whether the mirror lacks this version of the document (so it must be written). */
function mirrorLacks(draft: DocDraft, there: { _deleted?: boolean, body?: Body } | undefined): boolean {
  const gone = !there || there._deleted
  if ('_deleted' in draft) return !gone
  if (gone) return true
  const mine = (draft as { body: Body }).body
  const theirs = there.body ?? {}
  const type = (draft as { type: string }).type
  if (type === 'record') {
    if ((mine.rev ?? 0) !== (theirs.rev ?? 0)) return (mine.rev ?? 0) > (theirs.rev ?? 0)
    return Boolean(mine.trashed) !== Boolean(theirs.trashed) && Boolean(mine.trashed)
  }
  if (type === 'event' || type === 'change' || type === 'file') return false
  if (JSON.stringify(mine) === JSON.stringify(theirs)) return false
  return (mine.updatedAt ?? 0) >= (theirs.updatedAt ?? 0)
}

/** The drafts to write into the mirror for what the entries name. */
export async function draftsToRecover(entries: readonly JournalEntry[], ctx: Context): Promise<DocDraft[]> {
  const { tx, binned, forms, files } = await currentTransaction(entries, ctx.local)
  const drafts = docsOfTransaction(tx, ctx.who, (formId, id) => binned.get(`${formId}:${id}`))
  for (const key of new Set(files)) {
    const blob = await ctx.local.getBlob(key)
    if (!blob) continue
    drafts.push(await fileDraft(key, blob, ctx.who))
  }
  for (const formId of new Set(entries.flatMap(e => e.dropForms))) {
    if (forms.has(formId)) continue
    for (const id of await idsOfForm(ctx.mirror, formId)) drafts.push({ _id: id, _deleted: true })
  }
  if (!drafts.length) return []
  const found = await ctx.mirror.allDocs({ keys: drafts.map(d => d._id), include_docs: true })
  const there = new Map<string, { _deleted?: boolean, body?: Body }>()
  for (const row of found.rows) {
    if (!('value' in row) || !row.value) continue
    const deleted = Boolean((row.value as { deleted?: boolean }).deleted)
    there.set(row.key, deleted ? { _deleted: true } : (row.doc as { body?: Body }))
  }
  return drafts.filter(d => mirrorLacks(d, there.get(d._id)))
}
