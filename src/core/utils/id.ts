import { customAlphabet, urlAlphabet } from 'nanoid'

/** Random bytes fetched per `crypto.getRandomValues` call: one call serves ~340 ids. */
const POOL_BYTES = 4096
const ID_LENGTH = 12
let pool = new Uint8Array(0)
let offset = 0

/**
 * A new random id for apps, forms, records, events: 12 characters of nanoid's URL-safe
 * alphabet (64 symbols, 72 random bits), as `nanoid(12)` gives. The random bytes come from a
 * pool refilled with `crypto.getRandomValues`: in the browser each call costs ~10 µs, which an
 * import of 100k records (3 ids each) paid 300k times.
 */
export function newId(): string {
  if (offset + ID_LENGTH > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES))
    offset = 0
  }
  const id = idOfBytes(pool, offset)
  offset += ID_LENGTH
  return id
}

const CODES = Array.from(urlAlphabet, c => c.charCodeAt(0))

/**
 * The id spelled by the ID_LENGTH bytes at `at`: each byte's low 6 bits pick a letter of
 * nanoid's alphabet. One string made at once (a record's write makes three ids).
 */
export function idOfBytes(b: Uint8Array, at: number): string {
  const c = CODES
  return String.fromCharCode(
    c[b[at]! & 63]!, c[b[at + 1]! & 63]!, c[b[at + 2]! & 63]!, c[b[at + 3]! & 63]!,
    c[b[at + 4]! & 63]!, c[b[at + 5]! & 63]!, c[b[at + 6]! & 63]!, c[b[at + 7]! & 63]!,
    c[b[at + 8]! & 63]!, c[b[at + 9]! & 63]!, c[b[at + 10]! & 63]!, c[b[at + 11]! & 63]!,
  )
}

const fieldAlphabet = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 8)
/** A new field id: lower-case letters and digits, starting with `f_`, safe as a JSON key and CSS class. */
export function newFieldId(): string {
  return `f_${fieldAlphabet()}`
}
