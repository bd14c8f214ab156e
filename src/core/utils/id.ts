import { customAlphabet, nanoid } from 'nanoid'

/** A new random id for apps, forms, records, events. */
export function newId(): string {
  return nanoid(12)
}

const fieldAlphabet = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 8)
/** A new field id: lower-case letters and digits, starting with `f_`, safe as a JSON key and CSS class. */
export function newFieldId(): string {
  return `f_${fieldAlphabet()}`
}
