import type { StageEventColumns } from '../events'
import type { FieldDef, RecordRow } from '../schema/types'
import { toNumber } from './columns'
import { TableJoin } from './group-events'

/** A field's string values as codes into a table (each distinct string once, in order of first use). */
export interface ValueCodes {
  /** Per record: index into `table`, -1 when the value is not a string (missing, a number, a list ...). */
  readonly codes: Int32Array
  /** May be longer than any code refers to (later snapshots append to it); never reordered. */
  readonly table: readonly string[]
}

/**
 * The record-side values metrics and dashboards scan, as typed columns over one records array:
 * what the stage summary and widgets would otherwise read from every record object (id,
 * creation time, a stage or option value, a number), each touch of a record object costing a
 * cache miss at 100k+ records. A snapshot: it describes `rows`, the record objects it was read
 * from, and never changes (a later state of the array is a new snapshot).
 */
export interface RecordColumns {
  readonly count: number
  /** The record objects these columns describe, in order. */
  readonly rows: readonly RecordRow[]
  readonly ids: readonly string[]
  readonly createdAt: Float64Array
  /** `toNumber` of the field's value per record (NaN when missing or not numeric); read once per snapshot. */
  number: (fieldId: string) => Float64Array
  /** The field's string values as codes; read once per snapshot. */
  codes: (fieldId: string) => ValueCodes
  /** Record index per entry of `cols.recordIds` (-1: no such record); kept while the table and the ids are unchanged. */
  join: (cols: StageEventColumns) => Int32Array
}

interface CodeTable {
  table: string[]
  index: Map<string, number>
}

class Snapshot implements RecordColumns {
  readonly count: number
  private readonly numbers = new Map<string, Float64Array>()
  private readonly valueCodes = new Map<string, ValueCodes>()
  private readonly codeTables: Map<string, CodeTable>
  private joined: { table: readonly string[], length: number, pos: Int32Array } | undefined

  constructor(readonly rows: readonly RecordRow[], readonly ids: readonly string[], readonly createdAt: Float64Array, codeTables: Map<string, CodeTable>) {
    this.count = rows.length
    this.codeTables = codeTables
  }

  number(fieldId: string): Float64Array {
    let col = this.numbers.get(fieldId)
    if (col === undefined) {
      const { rows } = this
      col = new Float64Array(rows.length)
      for (let i = 0; i < rows.length; i++) col[i] = toNumber((rows[i] as RecordRow).values[fieldId])
      this.numbers.set(fieldId, col)
    }
    return col
  }

  codes(fieldId: string): ValueCodes {
    let vc = this.valueCodes.get(fieldId)
    if (vc === undefined) {
      const { rows } = this
      const t = this.tableOf(fieldId)
      const codes = new Int32Array(rows.length)
      for (let i = 0; i < rows.length; i++) codes[i] = codeOf(t, (rows[i] as RecordRow).values[fieldId])
      this.valueCodes.set(fieldId, vc = { codes, table: t.table })
    }
    return vc
  }

  join(cols: StageEventColumns): Int32Array {
    const j = this.joined
    if (j !== undefined && j.table === cols.recordIds && j.length === cols.recordIds.length) return j.pos
    const join = new TableJoin(cols)
    const { ids } = this
    for (let i = 0; i < ids.length; i++) join.add(ids[i] as string, i)
    this.joined = { table: cols.recordIds, length: cols.recordIds.length, pos: join.pos }
    return join.pos
  }

  tableOf(fieldId: string): CodeTable {
    let t = this.codeTables.get(fieldId)
    if (t === undefined) this.codeTables.set(fieldId, t = { table: [], index: new Map() })
    return t
  }

  /**
   * The snapshot of `records`, a later state of this one's array (or another array holding
   * mostly the same objects): rows that are the same object are copied from here, the others
   * read. Every column this snapshot has read is carried over, so the next summary after a
   * write reads the written records only.
   */
  next(records: readonly RecordRow[]): Snapshot {
    const N = records.length
    const src = rowSources(this.rows, records)
    if (N === this.count && isIdentity(src)) return this.sameRows(records)
    const ids = new Array<string>(N)
    const createdAt = new Float64Array(N)
    let sameIds = N === this.count
    for (let i = 0; i < N; i++) {
      const k = src[i] as number
      if (k >= 0) {
        ids[i] = this.ids[k] as string
        createdAt[i] = this.createdAt[k] as number
      }
      else {
        const r = records[i] as RecordRow
        ids[i] = r.id
        createdAt[i] = r.createdAt
      }
      if (sameIds && ids[i] !== this.ids[i]) sameIds = false
    }
    const s = new Snapshot(records.slice(), ids, createdAt, this.codeTables)
    for (const [fieldId, old] of this.numbers) {
      const col = new Float64Array(N)
      for (let i = 0; i < N; i++) {
        const k = src[i] as number
        col[i] = k >= 0 ? old[k] as number : toNumber((records[i] as RecordRow).values[fieldId])
      }
      s.numbers.set(fieldId, col)
    }
    for (const [fieldId, old] of this.valueCodes) {
      const t = this.tableOf(fieldId)
      const codes = new Int32Array(N)
      for (let i = 0; i < N; i++) {
        const k = src[i] as number
        codes[i] = k >= 0 ? old.codes[k] as number : codeOf(t, (records[i] as RecordRow).values[fieldId])
      }
      s.valueCodes.set(fieldId, { codes, table: t.table })
    }
    if (sameIds) s.joined = this.joined
    return s
  }

  /**
   * A snapshot of `records`, a new array holding exactly this snapshot's record objects in the
   * same order (a store's copy of its array): every column is this one's, shared, not copied
   * (snapshots never change).
   */
  private sameRows(records: readonly RecordRow[]): Snapshot {
    const s = new Snapshot(records.slice(), this.ids, this.createdAt, this.codeTables)
    for (const [fieldId, col] of this.numbers) s.numbers.set(fieldId, col)
    for (const [fieldId, vc] of this.valueCodes) s.valueCodes.set(fieldId, vc)
    s.joined = this.joined
    return s
  }

  /** True when `records` holds exactly this snapshot's record objects. */
  matches(records: readonly RecordRow[]): boolean {
    const { rows } = this
    if (records.length !== rows.length) return false
    for (let i = 0; i < rows.length; i++) if (records[i] !== rows[i]) return false
    return true
  }
}

/** True when row i of the next array is row i of the previous one, for every row. */
function isIdentity(src: Int32Array): boolean {
  for (let i = 0; i < src.length; i++) if (src[i] !== i) return false
  return true
}

function codeOf(t: CodeTable, v: unknown): number {
  if (typeof v !== 'string') return -1
  let k = t.index.get(v)
  if (k === undefined) {
    k = t.table.length
    t.table.push(v)
    t.index.set(v, k)
  }
  return k
}

/**
 * For each row of `next`, the position of the same object in `prev`, -1 when it is not there
 * (edited: a new object; or added). Stores edit in place, append and compact on delete, so the
 * rows are first matched in order (a few positions of look-ahead for deleted rows); once that
 * fails, by an index of `prev`'s objects.
 */
function rowSources(prev: readonly RecordRow[], next: readonly RecordRow[]): Int32Array {
  const src = new Int32Array(next.length)
  const M = prev.length
  let j = 0
  let at: Map<RecordRow, number> | undefined
  for (let i = 0; i < next.length; i++) {
    const r = next[i] as RecordRow
    if (at !== undefined) {
      src[i] = at.get(r) ?? -1
      continue
    }
    if (j < M && prev[j] === r) {
      src[i] = j++
      continue
    }
    let k = j + 1
    const end = Math.min(M, j + 9)
    while (k < end && prev[k] !== r) k++
    if (k < end) {
      src[i] = k
      j = k + 1
      continue
    }
    src[i] = -1
    // an edited row takes the old one's place; anything else: match by object from here on
    if (j < M && (prev[j] as RecordRow).id === r.id) j++
    else if (i + 1 < next.length && j < M) {
      at = new Map()
      for (let p = 0; p < M; p++) at.set(prev[p] as RecordRow, p)
    }
  }
  return src
}

function readSnapshot(records: readonly RecordRow[], codeTables = new Map<string, CodeTable>()): Snapshot {
  const N = records.length
  const ids = new Array<string>(N)
  const createdAt = new Float64Array(N)
  for (let i = 0; i < N; i++) {
    const r = records[i] as RecordRow
    ids[i] = r.id
    createdAt[i] = r.createdAt
  }
  return new Snapshot(records.slice(), ids, createdAt, codeTables)
}

const byArray = new WeakMap<readonly RecordRow[], Snapshot>()
/**
 * The latest large snapshots, whatever their array: a store hands out a new array over the same
 * objects now and then (a streamed open shows a copy), which then costs a comparison, not a read.
 */
const recent: Snapshot[] = []
const RECENT = 2
/** Smaller arrays are read afresh (cheap), and never displace a large form's snapshot from `recent`. */
const RECENT_MIN = 1024

/**
 * The {@link RecordColumns} of `records` as they are now. Kept per array and by record
 * identity: records are immutable (an edit puts a new object in the array, as the stores and
 * the adapter do), so after a write only the rows that are new objects are read again, and
 * every column read before is carried over. Do not change a record object in place after
 * metrics have read it.
 */
export function recordColumns(records: readonly RecordRow[]): RecordColumns {
  const own = byArray.get(records)
  if (own !== undefined && own.matches(records)) return own
  const base = own ?? (records.length >= RECENT_MIN ? recent.find(s => s.rows[0] === records[0]) : undefined)
  const s = base !== undefined ? base.next(records) : readSnapshot(records)
  byArray.set(records, s)
  if (records.length >= RECENT_MIN) {
    const k = base === undefined ? -1 : recent.indexOf(base)
    if (k >= 0) recent.splice(k, 1)
    recent.unshift(s)
    recent.length = Math.min(recent.length, RECENT)
  }
  return s
}

/**
 * Reads the columns metrics and dashboards of `fields`' form scan first (stage values, numbers,
 * money and percents), so the first dashboard after a form is read does not read every record
 * object; a store calls it once the form's records are held.
 */
export function warmRecordColumns(records: readonly RecordRow[], fields: readonly FieldDef[]): void {
  const rc = recordColumns(records)
  for (const f of fields) {
    if (f.type === 'stage') rc.codes(f.id)
    else if (f.type === 'number' || f.type === 'money' || f.type === 'percent') rc.number(f.id)
  }
}
