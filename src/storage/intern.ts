/**
 * Equal strings read from storage made one string in memory. IndexedDB hands out a fresh copy
 * of every string of every value it reads, so a form's option ids, member ids, dates, and its
 * stage events' form, field and stage ids were held once per record or event: at 100k records
 * and 400k events, millions of copies of a few hundred strings. A pool lives for one read and
 * is dropped after it, so a string seen once costs only time.
 */

/** Strings longer than this are not pooled (titles and notes are rarely repeated). */
const MAX_POOLED = 32

/** The strings of one read, each kept once. */
export class StringPool {
  private readonly seen = new Map<string, string>()

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
      if (typeof v === 'string') obj[key] = this.get(v)
      else if (Array.isArray(v)) this.array(v)
    }
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
