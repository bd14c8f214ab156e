/**
 * Equal strings read from storage made one string in memory. IndexedDB hands out a fresh copy
 * of every string of every value it reads, so a form's option ids, member ids, dates, and its
 * stage events' form, field and stage ids were held once per record or event: at 100k records
 * and 400k events, millions of copies of a few hundred strings. A pool lives for one read and
 * is dropped after it, so a string seen once costs only time.
 */

/** Strings longer than this are not pooled (titles and notes are rarely repeated). */
const MAX_POOLED = 32
/** Values of a property looked at before deciding whether its strings repeat enough to pool. */
const SAMPLE = 256

/** Per property name: how often its strings were already in the pool. */
interface KeyStats { seen: number, hits: number, off: boolean }

/**
 * The strings of one read, each kept once. Pooling costs a hash and a lookup per string, so a
 * property whose strings seldom repeat (a title, a note: at most every other one already
 * pooled among its first SAMPLE) is no longer pooled for the rest of the read.
 */
export class StringPool {
  private readonly seen = new Map<string, string>()
  private readonly stats = new Map<string, KeyStats>()

  /** The pooled copy of `s` (short strings), or `s` itself. */
  get(s: string): string {
    if (s.length > MAX_POOLED) return s
    const known = this.seen.get(s)
    if (known !== undefined) return known
    this.seen.set(s, s)
    return s
  }

  /** Pools the string properties of `obj` (and strings in its array properties), except `skip`. */
  props(obj: Record<string, unknown>, skip?: string): void {
    for (const key in obj) {
      if (key === skip) continue
      const v = obj[key]
      if (typeof v === 'string') obj[key] = this.keyed(key, v)
      else if (Array.isArray(v)) this.array(v)
    }
  }

  /** `get` for a value of property `key`, unless that property's strings do not repeat. */
  private keyed(key: string, s: string): string {
    let st = this.stats.get(key)
    if (!st) this.stats.set(key, st = { seen: 0, hits: 0, off: false })
    if (st.off || s.length > MAX_POOLED) return s
    if (st.seen < SAMPLE) {
      st.seen++
      const known = this.seen.get(s)
      if (known !== undefined) {
        st.hits++
        return known
      }
      if (st.seen === SAMPLE && st.hits * 2 < SAMPLE) st.off = true
      this.seen.set(s, s)
      return s
    }
    return this.get(s)
  }

  private array(list: unknown[]): void {
    for (let i = 0; i < list.length; i++) {
      const v = list[i]
      if (typeof v === 'string') list[i] = this.get(v)
      else if (v && typeof v === 'object' && !Array.isArray(v)) this.props(v as Record<string, unknown>)
    }
  }
}

/** A record as read (not frozen yet): its values' strings and who created / changed it, pooled. */
export function poolRecord(row: { id: string, values?: Record<string, unknown> }, pool: StringPool): void {
  if (row.values) pool.props(row.values)
  pool.props(row as Record<string, unknown>, 'id')
}

/**
 * A stage event or change entry as read: its strings pooled, and its record id made the
 * record's own id string (`recordIds`: the form's records by id, when in memory).
 */
export function poolEntry(entry: { id: string, recordId?: string }, pool: StringPool, recordIds?: ReadonlyMap<string, { id: string }>): void {
  pool.props(entry as Record<string, unknown>, 'id')
  const own = entry.recordId === undefined ? undefined : recordIds?.get(entry.recordId)?.id
  if (own !== undefined) entry.recordId = own
}
