/**
 * A filter over many records at once, as a mask: a condition on a stored field is decided once
 * per distinct string value of that field (through its value codes, e.g. core/metrics'
 * record columns) instead of once per record; other values and system columns record by record.
 * The answer is compileFilter's, record for record.
 */
import type { FieldDef, RecordRow } from '../schema/types'
import type { QueryColumn } from './columns'
import { compileCondition, foldFilter } from './compile-filter'
import type { QueryEnv } from './types'

/** A field's string values as codes into a table (-1: not a string). */
export interface CodedValues {
  readonly codes: Int32Array
  readonly table: readonly string[]
}

/** Field types whose column reads the record's metadata, not its stored value. */
const SYSTEM_TYPES: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy'])

/**
 * 1 where `compileFilter(filter, fields, env)` keeps `records[i]`. `codesOf(fieldId)` gives the
 * records' value codes of a field (indexed like `records`).
 */
export function filterMask(records: readonly RecordRow[], filter: unknown, fields: readonly FieldDef[], env: QueryEnv, codesOf: (fieldId: string) => CodedValues): Uint8Array {
  const N = records.length
  const ones = (): Uint8Array => new Uint8Array(N).fill(1)
  return foldFilter<Uint8Array>(filter, fields, {
    all: ones(),
    none: new Uint8Array(N),
    condition: (column, op, value) => conditionMask(records, column, compileCondition(column, op, value, env), codesOf),
    and: (parts) => {
      const out = parts[0]!.slice()
      for (let p = 1; p < parts.length; p++) {
        const m = parts[p]!
        for (let i = 0; i < N; i++) out[i]! &= m[i]!
      }
      return out
    },
    or: (parts) => {
      const out = parts[0]!.slice()
      for (let p = 1; p < parts.length; p++) {
        const m = parts[p]!
        for (let i = 0; i < N; i++) out[i]! |= m[i]!
      }
      return out
    },
  })
}

function conditionMask(records: readonly RecordRow[], column: QueryColumn, keep: (r: RecordRow) => boolean, codesOf: (fieldId: string) => CodedValues): Uint8Array {
  const N = records.length
  const out = new Uint8Array(N)
  const field = column.field
  if (field === undefined || SYSTEM_TYPES.has(field.type)) {
    for (let i = 0; i < N; i++) out[i] = keep(records[i] as RecordRow) ? 1 : 0
    return out
  }
  // the condition reads the stored value only: decide it once per distinct string
  const { codes, table } = codesOf(field.id)
  const byCode = new Int8Array(table.length).fill(-1)
  for (let i = 0; i < N; i++) {
    const c = codes[i] as number
    if (c < 0) {
      out[i] = keep(records[i] as RecordRow) ? 1 : 0
      continue
    }
    let k = byCode[c] as number
    if (k < 0) byCode[c] = k = keep({ id: '', values: { [field.id]: table[c] }, createdAt: 0, updatedAt: 0, rev: 0 }) ? 1 : 0
    out[i] = k
  }
  return out
}
