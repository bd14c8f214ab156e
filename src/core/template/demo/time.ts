/** Time helpers for the demo generator. All calendar maths is in UTC so output never depends on the machine's zone. */

/** One day in milliseconds. */
export const DAY_MS = 86_400_000

// Formatting dates dominates the million-record benchmark path, and a demo spans a few hundred days.
const dayCache = new Map<number, string>()

/** The 'YYYY-MM-DD' date (UTC) of an epoch-ms time. */
export function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS)
  let text = dayCache.get(day)
  if (text === undefined) {
    if (dayCache.size > 50_000) dayCache.clear()
    text = new Date(day * DAY_MS).toISOString().slice(0, 10)
    dayCache.set(day, text)
  }
  return text
}

/** 'yyyyMMdd' (UTC) of an epoch-ms time, as serial-number patterns print it. */
export function compactDate(ms: number): string {
  return isoDate(ms).replaceAll('-', '')
}

/** Epoch ms of the first instant of the UTC month containing `ms`, shifted by `offset` months. */
export function monthStart(ms: number, offset = 0): number {
  const d = new Date(ms)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)
}

/** Adds (possibly fractional) days to an epoch-ms time, rounded to the millisecond. */
export function addDays(ms: number, days: number): number {
  return Math.round(ms + days * DAY_MS)
}
