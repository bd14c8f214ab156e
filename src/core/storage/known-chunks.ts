/**
 * Stored chunks made elsewhere for exactly these frozen objects, in this order: an import
 * batch's record chunk and stage-event chunk, encoded in the import worker and made into
 * objects again on the page (`unpackBatch`). A persistent adapter storing those very objects
 * as one chunk of their own stores the chunk as it came instead of encoding it again.
 *
 * Keyed by the first object (weakly: the entry goes with the objects) and checked object by
 * object, so a transaction whose list differs in any place (an automation replaced a record,
 * an event was added or left out) is encoded as usual. Only frozen objects are remembered:
 * they cannot change after their chunk was made.
 */
const known = new WeakMap<object, { items: readonly object[], chunk: unknown }>()

const frozen = (item: object): boolean => {
  if (!Object.isFrozen(item)) return false
  const values = (item as { values?: unknown }).values
  return typeof values !== 'object' || values === null || Object.isFrozen(values)
}

/** Remembers that `chunk` is the stored form of `items` (all frozen, else nothing is remembered). */
export function rememberChunk(items: readonly object[], chunk: unknown): void {
  if (items.length === 0 || !items.every(frozen)) return
  known.set(items[0]!, { items, chunk })
}

/**
 * The chunk remembered for exactly `items` (the same objects, same order, same count), or
 * undefined. Taken once: the entry is forgotten (a chunk is stored once; kept, it would hold
 * its columns in memory beside the records for as long as they live).
 */
export function takeKnownChunk(items: readonly object[]): unknown {
  const first = items[0]
  if (first === undefined || typeof first !== 'object' || first === null) return undefined
  const entry = known.get(first)
  if (!entry) return undefined
  known.delete(first)
  if (entry.items.length !== items.length) return undefined
  for (let k = 0; k < items.length; k++) if (entry.items[k] !== items[k]) return undefined
  return entry.chunk
}
