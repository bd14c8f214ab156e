import type { StageEvent } from '../core/schema/types'
import { encodeEventChunk } from '../core/events/stored-chunk'
import type { KvStore } from './kv-store'

/** Stored under `layout`: which storage layout the database is in. Absent: version 1. */
export const LAYOUT_KEY = 'layout'

/** The layout this app writes. 1: stage events as arrays of objects; 2: as columns (StoredEventChunk). */
export const LAYOUT_VERSION = 2

export interface StoredLayout { version: number }

/** `ev:` chunks converted per IndexedDB transaction: a commit waits at most for one batch. */
export const MIGRATION_BATCH = 25

/** What a migration step is given: the data store, a way to run a batch under the commit lock, and whether to stop (the adapter closed). */
export interface MigrationContext {
  kv: KvStore
  locked: <T>(fn: () => Promise<T>) => Promise<T>
  stopped: () => boolean
}

/** One step from version `version - 1` to `version`; it must be resumable (run again after an interruption, it finishes the work). */
interface LayoutStep {
  version: number
  run: (ctx: MigrationContext) => Promise<void>
}

async function writeAll(kv: KvStore, sets: Map<string, unknown>): Promise<void> {
  if (sets.size === 0) return
  if (kv.writeMany) await kv.writeMany(sets, [])
  else for (const [key, value] of sets) await kv.setItem(key, value)
}

/**
 * Layout 1 -> 2: every `ev:<formId>:<n>` chunk stored as an array of event objects is
 * rewritten in place (same key, same events in the same order) as a chunk of columns. A chunk
 * is converted whole in one write, and both forms read the same, so stopping anywhere loses
 * nothing; the next open converts what is left. Batches run under the commit lock: no commit
 * rewrites a chunk between its read and its conversion.
 */
async function eventChunksToColumns({ kv, locked, stopped }: MigrationContext): Promise<void> {
  const keys = (await kv.keys()).filter(k => k.startsWith('ev:'))
  for (let i = 0; i < keys.length; i += MIGRATION_BATCH) {
    if (stopped()) return
    await locked(async () => {
      if (stopped()) return
      const sets = new Map<string, unknown>()
      for (const key of keys.slice(i, i + MIGRATION_BATCH)) {
        const value = await kv.getItem<unknown>(key)
        // Gone (its form dropped) or already columns (written since): nothing to do.
        if (Array.isArray(value)) sets.set(key, encodeEventChunk(value as StageEvent[]))
      }
      await writeAll(kv, sets)
    })
  }
}

const STEPS: readonly LayoutStep[] = [
  { version: 2, run: eventChunksToColumns },
]

/** The layout version stored (1 when unmarked). */
export async function storedLayoutVersion(kv: KvStore): Promise<number> {
  return (await kv.getItem<StoredLayout>(LAYOUT_KEY))?.version ?? 1
}

/**
 * Brings the database to LAYOUT_VERSION: runs every step above the stored version in order and
 * marks the database after each. Returns the version reached ('stopped' midway leaves it
 * unmarked, to be finished by the next call). A database of a newer layout is left alone.
 */
export async function migrateLayout(ctx: MigrationContext): Promise<number> {
  let version = await storedLayoutVersion(ctx.kv)
  for (const step of STEPS) {
    if (step.version <= version) continue
    await step.run(ctx)
    if (ctx.stopped()) return version
    await ctx.locked(() => ctx.kv.setItem(LAYOUT_KEY, { version: step.version } satisfies StoredLayout))
    version = step.version
  }
  return version
}
