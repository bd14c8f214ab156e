import type { FormEffects } from '../core/storage/apply-transaction'
import type { FormData } from '../core/storage/workspace-state'
import { emptyFormData } from '../core/storage/workspace-state'
import { ChunkLayout } from './chunk-layout'
import type { KvStore } from './kv-store'

/** The four chunked collections of a form: key prefix -> FormData map and effects set. */
export const PARTS = [
  { prefix: 'rec', data: 'records', effect: 'records' },
  { prefix: 'trash', data: 'trash', effect: 'trash' },
  { prefix: 'ev', data: 'events', effect: 'events' },
  { prefix: 'chg', data: 'changes', effect: 'changes' },
] as const
export type PartPrefix = typeof PARTS[number]['prefix']

/** Stored under `man:<formId>`: the chunk numbers of each collection, in order. */
export interface FormManifest {
  /** Bumped on every commit touching the form; lets other tabs detect a stale cache. */
  version: number
  chunks: Record<PartPrefix, number[]>
}

/** Chunk assignments of one form plus its manifest version. */
export interface FormLayout {
  version: number
  parts: Record<PartPrefix, ChunkLayout>
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
  }
}

/** Reads a form's manifest and chunks; a missing manifest is an empty form. */
export async function loadForm(kv: KvStore, formId: string, chunkSize: number): Promise<{ data: FormData, layout: FormLayout }> {
  const manifest = await kv.getItem<FormManifest>(manifestKey(formId))
  const data = emptyFormData()
  const layout = emptyLayout(chunkSize, manifest?.version ?? 0)
  if (!manifest) return { data, layout }
  await Promise.all(PARTS.map(async (part) => {
    const numbers = manifest.chunks[part.prefix] ?? []
    const chunks = await Promise.all(numbers.map(n => kv.getItem<{ id: string }[]>(chunkKey(part.prefix, formId, n))))
    const map = data[part.data] as Map<string, { id: string }>
    numbers.forEach((n, i) => {
      const rows = chunks[i] ?? []
      for (const row of rows) map.set(row.id, row)
      layout.parts[part.prefix].addLoaded(n, rows.map(r => r.id))
    })
  }))
  return { data, layout }
}

/** Assigns the ids a transaction touched to chunks, marking those chunks dirty. */
export function syncLayout(layout: FormLayout, data: FormData, effects: FormEffects): void {
  for (const part of PARTS) {
    const map = data[part.data] as Map<string, unknown>
    const chunks = layout.parts[part.prefix]
    for (const id of effects[part.effect]) chunks.sync(id, map.has(id))
  }
}

/** Adds the dirty chunks and the manifest of a form to `plan`, and clears the dirty marks. */
export function planForm(plan: WritePlan, formId: string, data: FormData, layout: FormLayout): void {
  const manifest: FormManifest = { version: layout.version, chunks: { rec: [], trash: [], ev: [], chg: [] } }
  for (const part of PARTS) {
    const map = data[part.data] as Map<string, unknown>
    const chunks = layout.parts[part.prefix]
    for (const n of chunks.dirty) {
      const ids = chunks.idsOf(n)
      const key = chunkKey(part.prefix, formId, n)
      if (ids && ids.length > 0) plan.sets.set(key, ids.map(id => map.get(id)))
      else {
        plan.removes.add(key)
        chunks.dropChunk(n)
      }
    }
    chunks.dirty.clear()
    manifest.chunks[part.prefix] = chunks.chunkNumbers()
  }
  plan.sets.set(manifestKey(formId), manifest)
}

/** Every key a form's layout occupies, for dropping the form. */
export function keysOfLayout(formId: string, layout: FormLayout): string[] {
  const keys = [manifestKey(formId)]
  for (const part of PARTS) {
    for (const n of layout.parts[part.prefix].allChunkNumbers()) keys.push(chunkKey(part.prefix, formId, n))
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
