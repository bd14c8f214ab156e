import type { LoadProgress } from '../core/storage/adapter'
import type { FormEffects } from '../core/storage/apply-transaction'
import type { FormData } from '../core/storage/workspace-state'
import { emptyFormData } from '../core/storage/workspace-state'
import { ChunkLayout } from './chunk-layout'
import type { KvStore } from './kv-store'
import { poolEntry, poolRecord, StringPool } from './intern'
import type { StageEvent } from '../core/schema/types'
import { isStoredEventChunk } from '../core/events/stored-chunk'
import { decodeRecordChunk, encodeRecordChunk, isStoredRecordChunk } from '../core/storage/record-chunk'
import { ChunkedIdMap } from '../core/utils/chunked-id-map'

/** The four chunked collections of a form: key prefix -> FormData map and effects set. */
export const PARTS = [
  { prefix: 'rec', data: 'records', effect: 'records' },
  { prefix: 'trash', data: 'trash', effect: 'trash' },
  { prefix: 'ev', data: 'events', effect: 'events' },
  { prefix: 'chg', data: 'changes', effect: 'changes' },
] as const
export type PartPrefix = typeof PARTS[number]['prefix']

/**
 * Append-only collections (stage events, change log) that opening a form does not read: they
 * are read in full when something asks for them (metrics, the drawer's timeline, a backup),
 * and only their last chunk when a commit appends to them.
 */
export const LAZY_PARTS = ['ev', 'chg'] as const satisfies readonly PartPrefix[]
export type LazyPart = typeof LAZY_PARTS[number]

/** Stored under `man:<formId>`: the chunk numbers of each collection, in order. */
export interface FormManifest {
  /** Bumped on every commit touching the form; lets other tabs detect a stale cache. */
  version: number
  chunks: Record<PartPrefix, number[]>
  /**
   * Live records of the form, for a streamed open's "loading 340k of 1M". Absent in manifests
   * written before it: estimated from the chunk count then (`recordCountOf`).
   */
  records?: number
}

/** Called with each next slice of a form's records, in insertion order, while it is read. */
export type OnRows = (rows: { id: string }[], progress: LoadProgress) => void

/**
 * Chunks read before the first slice is handed out (one screen of rows), then the most read
 * before handing out the next: the grid redraws per slice, so slices are kept few at 1M.
 */
export const FIRST_SLICE_CHUNKS = 1
export const SLICE_CHUNKS = 25

/** The record count a manifest gives, or its estimate from the chunk count. */
export function recordCountOf(manifest: FormManifest, chunkSize: number): number {
  return manifest.records ?? (manifest.chunks.rec?.length ?? 0) * chunkSize
}

/** Chunk assignments of one form plus its manifest version. */
export interface FormLayout {
  version: number
  parts: Record<PartPrefix, ChunkLayout>
  /**
   * Stored chunk numbers of a lazy part that are not in memory (absent: the part is loaded in
   * full). Kept so a manifest written by a commit still lists them.
   */
  pending: Partial<Record<LazyPart, number[]>>
}

/** Keys and values to write or remove together. */
export interface WritePlan {
  sets: Map<string, unknown>
  removes: Set<string>
}

export const manifestKey = (formId: string): string => `man:${formId}`
export const chunkKey = (prefix: PartPrefix, formId: string, n: number): string => `${prefix}:${formId}:${n}`

/** An empty layout. */
export function emptyLayout(chunkSize: number, version = 0): FormLayout {
  return {
    version,
    parts: {
      rec: new ChunkLayout(chunkSize),
      trash: new ChunkLayout(chunkSize),
      ev: new ChunkLayout(chunkSize),
      chg: new ChunkLayout(chunkSize),
    },
    pending: {},
  }
}

/**
 * The records of a stored `rec:` or `trash:` chunk, their strings pooled: a chunk of columns
 * (layout 3, StoredRecordChunk) made into records, its repeated strings taken from the pool once
 * per chunk; an array of records (older chunks, the recycle bin) pooled record by record.
 */
function storedRows(value: unknown, pool: StringPool): { id: string }[] {
  if (isStoredRecordChunk(value)) return decodeRecordChunk(value, s => pool.get(s))
  const rows = (value ?? []) as { id: string }[]
  for (const row of rows) poolRecord(row, pool)
  return rows
}

/** Puts a chunk's rows into a collection's Map: whole, to be indexed on first use, where it takes them (records: ChunkedIdMap). */
function addRows(map: Map<string, { id: string }>, rows: { id: string }[]): void {
  if (map instanceof ChunkedIdMap) map.addRows(rows)
  else for (const row of rows) map.set(row.id, row)
}

async function readChunks(kv: KvStore, formId: string, prefix: PartPrefix, numbers: number[]): Promise<{ id: string }[][]> {
  const chunks = await Promise.all(numbers.map(n => kv.getItem<{ id: string }[]>(chunkKey(prefix, formId, n))))
  return chunks.map(c => c ?? [])
}

function partOf(prefix: PartPrefix): typeof PARTS[number] {
  return PARTS.find(p => p.prefix === prefix)!
}

/**
 * Gives the page a turn between two slices of a streamed open: after the first, a frame (so
 * the first rows are drawn before more is read; a timer too, since a hidden tab has no
 * frames); after the others a task, so input and edits are handled while reading goes on.
 */
function yieldToPage(frame: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (frame && typeof requestAnimationFrame === 'function') {
      const timer = setTimeout(resolve, 50)
      requestAnimationFrame(() => setTimeout(() => {
        clearTimeout(timer)
        resolve()
      }, 0))
    }
    else setTimeout(resolve, 0)
  })
}

/** Streams the record chunks `numbers` into `map` and `chunks`, handing them to `onRows` in slices. */
async function streamRecords(kv: KvStore, formId: string, numbers: number[], map: Map<string, { id: string }>, chunks: ChunkLayout, total: number, onRows: OnRows): Promise<void> {
  let loaded = 0
  let start = 0
  const pool = new StringPool()
  const readSlice = (from: number, size: number) => Promise.all(numbers.slice(from, from + size).map(n => kv.getItem<unknown>(chunkKey('rec', formId, n))))
  let size = Math.min(FIRST_SLICE_CHUNKS, numbers.length)
  let next = readSlice(0, size)
  while (start < numbers.length) {
    const read = await next
    const end = start + size
    // The next slice is read while this one is handed out.
    size = SLICE_CHUNKS
    if (end < numbers.length) next = readSlice(end, size)
    const lists = read.map((value, i) => {
      const list = storedRows(value, pool)
      addRows(map, list)
      chunks.addLoaded(numbers[start + i]!, list.map(r => r.id))
      return list
    })
    const slice = lists.length === 1 ? lists[0]! : lists.flat()
    loaded += slice.length
    const last = end >= numbers.length
    onRows(slice, { loaded, total: last ? loaded : Math.max(total, loaded) })
    start = end
    if (!last) await yieldToPage(loaded === slice.length)
  }
}

/**
 * Reads a form's manifest and the chunks of its records and recycle bin; the lazy parts
 * (LAZY_PARTS) are only listed in `layout.pending`. A missing manifest is an empty form.
 * With `onRows` the records are handed out as they are read, in order: the first
 * FIRST_SLICE_CHUNKS chunks, a frame for the page to draw them, then slices of SLICE_CHUNKS
 * chunks (each slice read while the previous one is handed out).
 */
export async function loadForm(kv: KvStore, formId: string, chunkSize: number, onRows?: OnRows): Promise<{ data: FormData, layout: FormLayout }> {
  const manifest = await kv.getItem<FormManifest>(manifestKey(formId))
  const data = emptyFormData()
  const layout = emptyLayout(chunkSize, manifest?.version ?? 0)
  if (!manifest) return { data, layout }
  for (const prefix of LAZY_PARTS) layout.pending[prefix] = [...manifest.chunks[prefix] ?? []]
  await Promise.all(PARTS.filter(p => !(p.prefix in layout.pending)).map(async (part) => {
    const numbers = manifest.chunks[part.prefix] ?? []
    const map = data[part.data] as Map<string, { id: string }>
    if (part.prefix === 'rec' && onRows) return streamRecords(kv, formId, numbers, map, layout.parts.rec, recordCountOf(manifest, chunkSize), onRows)
    const chunks = await Promise.all(numbers.map(n => kv.getItem<unknown>(chunkKey(part.prefix, formId, n))))
    const pool = new StringPool()
    numbers.forEach((n, i) => {
      const rows = storedRows(chunks[i], pool)
      addRows(map, rows)
      layout.parts[part.prefix].addLoaded(n, rows.map(r => r.id))
    })
  }))
  return { data, layout }
}

/**
 * Adds one stored `ev:` chunk to a form's events and returns its event ids: a chunk of columns
 * (StoredEventChunk) is appended without an object per event; an older chunk (an array of
 * event objects, before the layout migration rewrote it) event by event.
 */
function addEventChunk(data: FormData, value: unknown, pool: StringPool, reserve: number): string[] {
  const ownId = (id: string): string => data.records.get(id)?.id ?? id
  if (isStoredEventChunk(value)) {
    data.events.addChunk(value, ownId, reserve)
    return value.ids
  }
  const rows = (value ?? []) as StageEvent[]
  for (const row of rows) {
    poolEntry(row, pool, data.records)
    data.events.add(row)
  }
  return rows.map(r => r.id)
}

/**
 * Reads a lazy part of a loaded form: `'all'` every chunk (what is in memory is replaced),
 * `'tail'` only the last chunk, which is all an append needs. `stored` are the part's chunk
 * numbers in the current manifest; call it with the cache in step with storage (under the
 * commit lock).
 */
export async function loadLazyPart(kv: KvStore, formId: string, data: FormData, layout: FormLayout, prefix: LazyPart, scope: 'all' | 'tail', stored: number[]): Promise<void> {
  if (!layout.pending[prefix]) return
  const map = data[partOf(prefix).data] as Map<string, { id: string }> | FormData['events']
  const chunks = layout.parts[prefix]
  let numbers: number[]
  if (scope === 'all') {
    numbers = [...stored].sort((a, b) => a - b)
    map.clear()
    layout.parts[prefix] = new ChunkLayout(chunks.chunkSize)
  }
  else {
    if (chunks.chunkNumbers().length > 0 || stored.length === 0) return
    numbers = [Math.max(...stored)]
  }
  const read = await readChunks(kv, formId, prefix, numbers)
  const pool = new StringPool()
  // Events in the chunks read: the columns are allocated once for all of them.
  let reserve = prefix === 'ev' ? read.reduce((sum, c) => sum + (isStoredEventChunk(c) ? c.ids.length : c.length), 0) : 0
  numbers.forEach((n, i) => {
    const value: unknown = read[i]!
    if (prefix === 'ev') {
      layout.parts.ev.addLoaded(n, addEventChunk(data, value, pool, reserve))
      reserve -= isStoredEventChunk(value) ? value.ids.length : (value as unknown[]).length
      return
    }
    const rows = value as { id: string }[]
    for (const row of rows) {
      poolEntry(row, pool, data.records)
      ;(map as Map<string, { id: string }>).set(row.id, row)
    }
    layout.parts[prefix].addLoaded(n, rows.map(r => r.id))
  })
  const rest = stored.filter(n => !numbers.includes(n))
  if (rest.length === 0) delete layout.pending[prefix]
  else layout.pending[prefix] = rest
}

/**
 * Forgets what is in memory of a lazy part not loaded in full (another tab appended to it):
 * all of it is pending again, until `refreshPending` or a load lists the stored chunks.
 */
export function resetLazyPart(data: FormData, layout: FormLayout, prefix: LazyPart): void {
  const pending = layout.pending[prefix]
  if (!pending) return
  const chunks = layout.parts[prefix]
  ;(data[partOf(prefix).data] as Map<string, unknown>).clear()
  layout.pending[prefix] = [...new Set([...pending, ...chunks.chunkNumbers()])]
  layout.parts[prefix] = new ChunkLayout(chunks.chunkSize)
}

/** Lists the stored chunks of not fully loaded lazy parts from `manifest` (of the same version). */
export function refreshPending(layout: FormLayout, manifest: FormManifest): void {
  for (const prefix of LAZY_PARTS) {
    if (!layout.pending[prefix]) continue
    const chunks = layout.parts[prefix]
    layout.pending[prefix] = (manifest.chunks[prefix] ?? []).filter(n => chunks.idsOf(n) === undefined)
  }
}

const APPEND_ONLY: ReadonlySet<PartPrefix> = new Set(LAZY_PARTS)

/**
 * Assigns the ids a transaction touched to chunks, marking those chunks dirty. The stage events
 * and change entries a transaction adds are new to the form (`applyTransaction` skips the ids
 * held, and these parts only grow): appended without a lookup per id (a 1M import's change
 * entries: 1.0 s of its profile in lookups of the layout's and the map's 1M ids).
 */
export function syncLayout(layout: FormLayout, data: FormData, effects: FormEffects): void {
  for (const part of PARTS) {
    const ids = effects[part.effect]
    if (ids.size === 0) continue
    const chunks = layout.parts[part.prefix]
    if (APPEND_ONLY.has(part.prefix)) {
      chunks.appendNew(ids)
      continue
    }
    const map = data[part.data] as Map<string, unknown>
    for (const id of ids) chunks.sync(id, map.has(id))
  }
}

/** The value stored for one chunk: stage events and records as columns (layouts 2 and 3), the rest as arrays. */
function storedChunk(prefix: PartPrefix, data: FormData, ids: readonly string[], map: Map<string, unknown>): unknown {
  if (prefix === 'ev') return data.events.chunkOf(ids)
  const rows = ids.map(id => map.get(id))
  return prefix === 'rec' ? encodeRecordChunk(rows as { id: string, values: Record<string, unknown> }[]) : rows
}

/** A chunk made elsewhere (`known-chunks.ts`), stored as it is while its chunk holds exactly `ids`. */
export interface KnownChunk { ids: readonly string[], chunk: unknown }

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Adds the dirty chunks and the manifest of a form to `plan`, and clears the dirty marks.
 * `known` (by chunk key): chunks made elsewhere, stored instead of encoding theirs.
 */
export function planForm(plan: WritePlan, formId: string, data: FormData, layout: FormLayout, known?: ReadonlyMap<string, KnownChunk>): void {
  const manifest: FormManifest = { version: layout.version, chunks: { rec: [], trash: [], ev: [], chg: [] }, records: data.records.size }
  for (const part of PARTS) {
    const map = data[part.data] as Map<string, unknown>
    const chunks = layout.parts[part.prefix]
    for (const n of chunks.dirty) {
      const ids = chunks.idsOf(n)
      const key = chunkKey(part.prefix, formId, n)
      const made = known?.get(key)
      if (ids && ids.length > 0) plan.sets.set(key, made && sameIds(made.ids, ids) ? made.chunk : storedChunk(part.prefix, data, ids, map))
      else {
        plan.removes.add(key)
        chunks.dropChunk(n)
      }
    }
    chunks.dirty.clear()
    const pending = layout.pending[part.prefix as LazyPart]
    manifest.chunks[part.prefix] = pending
      ? [...new Set([...pending, ...chunks.chunkNumbers()])].sort((a, b) => a - b)
      : chunks.chunkNumbers()
  }
  plan.sets.set(manifestKey(formId), manifest)
}

/** Every key a form's layout occupies, for dropping the form. */
export function keysOfLayout(formId: string, layout: FormLayout): string[] {
  const keys = [manifestKey(formId)]
  for (const part of PARTS) {
    const pending = layout.pending[part.prefix as LazyPart] ?? []
    for (const n of new Set([...pending, ...layout.parts[part.prefix].allChunkNumbers()])) keys.push(chunkKey(part.prefix, formId, n))
  }
  return keys
}

/** Writes a plan; removals of keys the plan also sets are skipped. */
export async function executePlan(kv: KvStore, plan: WritePlan): Promise<void> {
  const writes: Promise<unknown>[] = []
  for (const [key, value] of plan.sets) writes.push(kv.setItem(key, value))
  for (const key of plan.removes) if (!plan.sets.has(key)) writes.push(kv.removeItem(key))
  await Promise.all(writes)
}
