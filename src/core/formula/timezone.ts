/**
 * Conversion between instants (epoch ms) and wall-clock dates in a time zone: the IANA
 * zone given in the context, or the runtime's local zone when none is given.
 */
import { civilFromDays, daysFromCivil } from './calendar'
import { DAY_MS } from './values'

/** A wall-clock moment: calendar day number and milliseconds into that day. */
export interface WallClock {
  day: number
  ms: number
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let f: Intl.DateTimeFormat | null
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
      })
    }
    catch {
      // Unknown zone: fall back to the runtime's local zone rather than fail evaluation.
      f = null
    }
    formatters.set(timeZone, f)
  }
  return formatters.get(timeZone) ?? null
}

function localWall(epoch: number): WallClock {
  const d = new Date(epoch)
  const day = daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate())
  const ms = ((d.getHours() * 60 + d.getMinutes()) * 60 + d.getSeconds()) * 1000 + d.getMilliseconds()
  return { day, ms }
}

/** The wall clock at an instant in a zone (local zone when `timeZone` is undefined or unknown). */
export function wallClock(epoch: number, timeZone?: string): WallClock {
  const f = timeZone ? formatterFor(timeZone) : null
  if (!f) return localWall(epoch)
  const parts: Record<string, string> = {}
  for (const p of f.formatToParts(new Date(epoch))) parts[p.type] = p.value
  let y = Number(parts.year)
  if (parts.era === 'BC' || parts.era === 'B') y = 1 - y
  const day = daysFromCivil(y, Number(parts.month), Number(parts.day))
  const msInSecond = ((epoch % 1000) + 1000) % 1000
  const ms = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + msInSecond
  return { day, ms }
}

function offsetAt(epoch: number, timeZone: string | undefined): number {
  const w = wallClock(epoch, timeZone)
  return w.day * DAY_MS + w.ms - epoch
}

/**
 * The instant of a wall-clock moment in a zone. A time skipped by a DST jump resolves
 * forward (02:30 on a spring-forward night is 03:30), a repeated time to its first occurrence.
 */
export function epochFromWall(day: number, ms: number, timeZone?: string): number {
  if (!timeZone || !formatterFor(timeZone)) {
    const { y, m, d } = civilFromDays(day)
    const date = new Date(2000, 0, 1, 0, 0, 0, 0)
    date.setFullYear(y, m - 1, d)
    date.setHours(0, 0, 0, ms)
    return date.getTime()
  }
  // Offsets a day before and after bracket any single DST transition: try both.
  const guess = day * DAY_MS + ms
  const before = guess - offsetAt(guess - DAY_MS, timeZone)
  const after = guess - offsetAt(guess + DAY_MS, timeZone)
  const valid = [before, after].filter(e => offsetAt(e, timeZone) === guess - e)
  return valid.length > 0 ? Math.min(...valid) : Math.max(before, after)
}
