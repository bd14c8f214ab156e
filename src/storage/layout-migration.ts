import type { StageEvent } from '../core/schema/types'
import { encodeEventChunk } from '../core/events/stored-chunk'
import type { ChunkRecord } from '../core/storage/record-chunk'
import { encodeRecordChunk } from '../core/storage/record-chunk'
import type { KvStore } from './kv-store'

/** Stored under `layout`: which storage layout the database is in. Absent: version 1. */
export const LAYOUT_KEY = 'layout'

/**
 * The layout this app writes. 1: stage events as arrays of objects; 2: as columns
 * (StoredEventChunk); 3: records too (`rec:` chunks as StoredRecordChunk).
 */
export const LAYOUT_VERSION = 3

export interface StoredLayout { version: number }

/** Chunks converted per IndexedDB transaction: a commit waits at most for one batch. */
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
async function eventChunksToColumns(ctx: MigrationContext): Promise<void> {
  await chunksToColumns(ctx, 'ev:', value => encodeEventChunk(value as StageEvent[]))
}

/**
 * Layout 2 -> 3: every `rec:<formId>:<n>` chunk stored as an array of records is rewritten in
 * place as a chunk of columns (the same records in the same order, key order kept), as step 2
 * did for stage events. A chunk the codec cannot take stays an array (both read the same).
 */
async function recordChunksToColumns(ctx: MigrationContext): Promise<void> {
  await chunksToColumns(ctx, 'rec:', (value) => {
    const chunk = encodeRecordChunk(value as ChunkRecord[])
    return Array.isArray(chunk) ? undefined : chunk
  })
}

/**
 * Rewrites every chunk under `prefix` that is still an array with `encode`'s value (undefined:
 * left as it is), MIGRATION_BATCH chunks per write. A chunk is converted whole in one write, and
 * both forms read the same, so stopping anywhere loses nothing; the next open converts what is
 * left. Batches run under the commit lock: no commit rewrites a chunk between its read and its
 * conversion.
 */
async function chunksToColumns({ kv, locked, stopped }: MigrationContext, prefix: string, encode: (value: unknown[]) => unknown): Promise<void> {
  const keys = (await kv.keys()).filter(k => k.startsWith(prefix))
  for (let i = 0; i < keys.length; i += MIGRATION_BATCH) {
    if (stopped()) return
    await locked(async () => {
      if (stopped()) return
      const sets = new Map<string, unknown>()
      for (const key of keys.slice(i, i + MIGRATION_BATCH)) {
        const value = await kv.getItem<unknown>(key)
        // Gone (its form dropped) or already columns (written since): nothing to do.
        if (!Array.isArray(value)) continue
        const encoded = encode(value)
        if (encoded !== undefined) sets.set(key, encoded)
      }
      await writeAll(kv, sets)
    })
  }
}

const STEPS: readonly LayoutStep[] = [
  { version: 2, run: eventChunksToColumns },
  { version: 3, run: recordChunksToColumns },
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
