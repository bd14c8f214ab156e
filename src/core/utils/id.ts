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
  let id = ''
  for (let i = 0; i < ID_LENGTH; i++) id += urlAlphabet[pool[offset++]! & 63]
  return id
}

const fieldAlphabet = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 8)
/** A new field id: lower-case letters and digits, starting with `f_`, safe as a JSON key and CSS class. */
export function newFieldId(): string {
  return `f_${fieldAlphabet()}`
}
