import type { Transaction } from '../core/storage/adapter'
import { applyTransaction } from '../core/storage/apply-transaction'
import type { WorkspaceState } from '../core/storage/workspace-state'
import { createWorkspaceState, DEFINITION_KINDS } from '../core/storage/workspace-state'
import type { FormEffects } from '../core/storage/apply-transaction'
import type { FormData } from '../core/storage/workspace-state'
import type { StageEvent } from '../core/schema/types'
import type { StoredEventChunk } from '../core/events/stored-chunk'
import { isStoredEventChunk } from '../core/events/stored-chunk'
import { takeKnownChunk } from '../core/storage/known-chunks'
import { isStoredRecordChunk } from '../core/storage/record-chunk'
import type { FormLayout, FormManifest, KnownChunk, LazyPart, OnRows, WritePlan } from './form-layout'
import { chunkKey, emptyLayout, keysOfLayout, LAZY_PARTS, loadForm, loadLazyPart, manifestKey, planForm, refreshPending, resetLazyPart, syncLayout } from './form-layout'
import type { KvStore } from './kv-store'
import { ChunkedIdMap } from '@/core/utils/chunked-id-map'
import { indexWhenIdle } from '@/composables/idle'

/** A definition as stored under `def:<kind>:<id>`; `seq` keeps insertion order across reloads. */
interface StoredDef { seq: number, doc: { id: string } }

/** Chunks made elsewhere for what a transaction puts (`CachedWorkspace.madeChunks`). */
interface MadeChunks {
  records: Map<string, KnownChunk>
  events?: { formId: string, list: StageEvent[], chunk: StoredEventChunk }
}

/** What applying a transaction to the cache means for storage and for other tabs. */
export interface AppliedTx {
  plan: WritePlan
  /** New manifest version per written form. */
  versions: Record<string, number>
  /** Order number per written definition key. */
  seqs: Record<string, number>
  /**
   * Per form, the parts whose new ids went to a chunk of their own (an import batch stored as
   * chunks made elsewhere): another tab applying the same commit places them the same way, so
   * its chunk layout stays the one storage has.
   */
  fresh: FreshParts
}

/** Parts of a form whose new ids a commit placed in a chunk of their own (`AppliedTx.fresh`). */
export type FreshParts = Record<string, { rec?: true, ev?: true }>

/**
 * The localforage adapter's in-memory image: definitions (all, loaded at open), forms
 * (loaded on first use) and their chunk layouts. `applyAndPlan` is the one place a
 * transaction changes it.
 */
export class CachedWorkspace {
  state: WorkspaceState = createWorkspaceState()
  readonly layouts = new Map<string, FormLayout>()
  private seqs = new Map<string, number>()
  private nextSeq = 0

  constructor(private readonly kv: KvStore, private readonly chunkSize: number) {}

  /** Forgets everything (before a whole-workspace replace). */
  reset(): void {
    this.state = createWorkspaceState()
    this.layouts.clear()
    this.seqs.clear()
    this.nextSeq = 0
  }

  /** Loads settings and every definition; returns all keys of the store. */
  async loadDefinitions(): Promise<string[]> {
    const keys = await this.kv.keys()
    const defKeys = keys.filter(k => k.startsWith('def:'))
    const stored = await Promise.all(defKeys.map(k => this.kv.getItem<StoredDef>(k)))
    const entries = defKeys
      .map((key, i) => ({ key, def: stored[i] }))
      .filter((e): e is { key: string, def: StoredDef } => e.def !== null && e.def !== undefined)
      .sort((a, b) => a.def.seq - b.def.seq || a.key.localeCompare(b.key))
    for (const kind of DEFINITION_KINDS) this.state.defs[kind].clear()
    for (const { key, def } of entries) {
      const kind = DEFINITION_KINDS.find(k => key.startsWith(`def:${k}:`))
      if (!kind) continue
      ;(this.state.defs[kind] as Map<string, unknown>).set(def.doc.id, def.doc)
      this.seqs.set(key, def.seq)
      this.nextSeq = Math.max(this.nextSeq, def.seq + 1)
    }
    this.state.settings = await this.kv.getItem('settings')
    return keys
  }

  /** Whether a form's data is in memory. */
  isLoaded(formId: string): boolean {
    return this.layouts.has(formId)
  }

  /**
   * (Re)reads a form from storage: records and recycle bin; stage events and change log stay
   * pending until `loadLazy`. A form without a manifest stays absent from `state.forms`.
   * `onRows` is handed the records as they are read (a streamed open).
   */
  async loadForm(formId: string, onRows?: OnRows): Promise<void> {
    const { data, layout } = await loadForm(this.kv, formId, this.chunkSize, onRows)
    this.layouts.set(formId, layout)
    if (layout.version > 0) this.state.forms.set(formId, data)
    else this.state.forms.delete(formId)
    // The read put the records in whole (ChunkedIdMap): their ids are hashed when the page is idle.
    if (data.records instanceof ChunkedIdMap) indexWhenIdle(data.records)
  }

  /** Drops a form from memory; the next use reads it again. */
  evict(formId: string): void {
    this.layouts.delete(formId)
    this.state.forms.delete(formId)
  }

  /** Loads a form, or reloads it when another tab has written it since (manifest version moved). */
  async ensureFresh(formId: string): Promise<void> {
    const layout = this.layouts.get(formId)
    if (layout) {
      const manifest = await this.kv.getItem<FormManifest>(manifestKey(formId))
      if ((manifest?.version ?? 0) === layout.version) {
        if (manifest) refreshPending(layout, manifest)
        return
      }
    }
    await this.loadForm(formId)
  }

  /** The lazy parts of a loaded form not (fully) in memory. */
  pendingParts(formId: string): LazyPart[] {
    const layout = this.layouts.get(formId)
    return layout ? LAZY_PARTS.filter(p => layout.pending[p]) : []
  }

  /**
   * Reads lazy parts of a loaded form: in full (`'all'`), or their last chunk (`'tail'`, before
   * a commit appends). Call under the commit lock.
   */
  async loadLazy(formId: string, parts: readonly LazyPart[], scope: 'all' | 'tail'): Promise<void> {
    const layout = this.layouts.get(formId)
    const data = this.state.forms.get(formId)
    if (!layout || !data || !parts.some(p => layout.pending[p])) return
    const manifest = await this.kv.getItem<FormManifest>(manifestKey(formId))
    for (const p of parts) await loadLazyPart(this.kv, formId, data, layout, p, scope, manifest?.chunks[p] ?? [])
  }

  /** Forgets the in-memory tail of parts not fully loaded (another tab appended to them). */
  resetLazy(formId: string, parts: readonly LazyPart[]): void {
    const layout = this.layouts.get(formId)
    const data = this.state.forms.get(formId)
    if (layout && data) for (const p of parts) resetLazyPart(data, layout, p)
  }

  /**
   * The chunks made elsewhere for what `tx` puts (`known-chunks.ts`: an import batch's, made in
   * the import worker): per form its new records' chunk, and the stage events' chunk when they
   * are all the events of the transaction and of a form whose records came with theirs.
   */
  private madeChunks(tx: Transaction): MadeChunks {
    const records = new Map<string, KnownChunk>()
    for (const [formId, ch] of Object.entries(tx.records ?? {})) {
      const put = ch.put ?? []
      const chunk = put.length > 0 && put.length <= this.chunkSize && !ch.delete && !ch.restore && !ch.purge ? takeKnownChunk(put) : undefined
      if (isStoredRecordChunk(chunk)) records.set(formId, { ids: put.map(r => r.id), chunk })
    }
    const list = tx.stageEvents ?? []
    const formId = list[0]?.formId
    if (formId === undefined || !records.has(formId) || list.length > this.chunkSize) return { records }
    const chunk = takeKnownChunk(list)
    if (!isStoredEventChunk(chunk) || !list.every(e => e.formId === formId)) return { records }
    return { records, events: { formId, list, chunk } }
  }

  /**
   * Appends stage events whose stored chunk was made elsewhere: as that chunk (columns, a chunk
   * key of their own, not an object per event). `fresh`: the form's records of the same
   * transaction were new to it, so none of these events (made with them) can be held yet;
   * otherwise, or when one is, they are appended one by one like `applyTransaction` does.
   */
  private placeEvents(made: NonNullable<MadeChunks['events']>, data: FormData, layout: FormLayout, effects: FormEffects, fresh: boolean, known: Map<string, KnownChunk>): boolean {
    const { formId, list, chunk } = made
    const n = fresh ? layout.parts.ev.appendChunk(chunk.ids, true) : !chunk.ids.some(id => data.events.has(id)) ? layout.parts.ev.appendChunk(chunk.ids) : undefined
    if (n !== undefined) {
      // Made into columns when something reads them: an import's commits only store them.
      data.events.addChunkLater(chunk)
      known.set(chunkKey('ev', formId, n), { ids: chunk.ids, chunk })
      return true
    }
    for (const e of list) {
      if (data.events.has(e.id)) continue
      data.events.add(e)
      effects.events.add(e.id)
    }
    return false
  }

  /**
   * Applies `tx` (already validated, privately owned) to the cache and plans the writes.
   * `fixedSeqs` are definition order numbers chosen by the tab that committed, `fresh` the
   * parts it placed in chunks of their own (`AppliedTx.fresh`).
   */
  applyAndPlan(tx: Transaction, fixedSeqs: Record<string, number> = {}, fresh: FreshParts = {}): AppliedTx {
    const made = this.madeChunks(tx)
    const effects = applyTransaction(this.state, made.events ? { ...tx, stageEvents: [] } : tx)
    const known = new Map<string, KnownChunk>()
    const result: AppliedTx = { plan: { sets: new Map(), removes: new Set() }, versions: {}, seqs: {}, fresh: {} }
    const { plan } = result
    for (const formId of effects.dropped) {
      const old = this.layouts.get(formId)
      if (old) for (const key of keysOfLayout(formId, old)) plan.removes.add(key)
      this.layouts.set(formId, emptyLayout(this.chunkSize, old?.version ?? 0))
    }
    for (const [formId, formEffects] of effects.forms) {
      const data = this.state.forms.get(formId)
      if (!data) continue
      let layout = this.layouts.get(formId)
      if (!layout) {
        layout = emptyLayout(this.chunkSize)
        this.layouts.set(formId, layout)
      }
      // A batch whose chunks were made elsewhere: its records and events each a chunk of their own, stored as they came.
      const records = made.records.get(formId)
      const told = fresh[formId]
      const n = records && formEffects.records.size === records.ids.length
        ? layout.parts.rec.appendChunk(records.ids)
        : told?.rec && formEffects.records.size > 0 ? layout.parts.rec.appendChunk([...formEffects.records]) : undefined
      if (n !== undefined) {
        if (records) known.set(chunkKey('rec', formId, n), records)
        formEffects.records.clear()
        ;(result.fresh[formId] ??= {}).rec = true
      }
      const placed = made.events?.formId === formId
        ? this.placeEvents(made.events, data, layout, formEffects, n !== undefined, known)
        : !!told?.ev && formEffects.events.size > 0 && layout.parts.ev.appendChunk([...formEffects.events]) !== undefined
      if (placed) {
        formEffects.events.clear()
        ;(result.fresh[formId] ??= {}).ev = true
      }
      syncLayout(layout, data, formEffects)
      layout.version += 1
      planForm(plan, formId, data, layout, known)
      result.versions[formId] = layout.version
    }
    for (const formId of effects.dropped) {
      if (!this.state.forms.has(formId)) this.layouts.delete(formId)
    }
    for (const { kind, id } of tx.defs?.delete ?? []) this.seqs.delete(`def:${kind}:${id}`)
    for (const { kind, id } of effects.defs) {
      const key = `def:${kind}:${id}`
      const doc = this.state.defs[kind].get(id)
      if (!doc) {
        plan.removes.add(key)
        continue
      }
      const seq = fixedSeqs[key] ?? this.seqs.get(key) ?? this.nextSeq
      this.seqs.set(key, seq)
      this.nextSeq = Math.max(this.nextSeq, seq + 1)
      plan.sets.set(key, { seq, doc } satisfies StoredDef)
      result.seqs[key] = seq
    }
    if (effects.settings) plan.sets.set('settings', this.state.settings)
    return result
  }
}
