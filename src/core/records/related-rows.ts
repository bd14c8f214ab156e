/**
 * Read access to the live records of other forms, for lookups, rollups and MAPX formulas:
 * one record by id, or a form's rows in order. Writes compute against it; propagation reads
 * it through an overlay that shows a transaction's changes before they are applied.
 */
import type { RecordRow } from '../schema/types'
import type { RecordChanges } from '../storage/adapter'

/** The live records of the workspace's forms, as far as they are loaded. */
export interface RelatedRows {
  /** A live record of a form; undefined when absent (deleted, unknown, or the form is not loaded). */
  get: (formId: string, recordId: string) => RecordRow | undefined
  /** A form's live records in order; undefined when the form is not loaded. */
  rows: (formId: string) => readonly RecordRow[] | undefined
}

/** RelatedRows over plain lists per form id (tests, template install, import planning). */
export function relatedRowsOf(lists: Readonly<Record<string, readonly RecordRow[]>>): RelatedRows {
  const maps = new Map<string, Map<string, RecordRow>>()
  const mapOf = (formId: string): Map<string, RecordRow> | undefined => {
    const list = lists[formId]
    if (!list) return undefined
    let m = maps.get(formId)
    if (!m) maps.set(formId, m = new Map(list.map(r => [r.id, r])))
    return m
  }
  return { get: (formId, id) => mapOf(formId)?.get(id), rows: formId => lists[formId] }
}

/**
 * RelatedRows showing `base` with record changes laid over it (puts replace or add, deletes
 * hide). Further changes may be laid on with `apply`. Row lists of changed forms are built
 * lazily, only when a MAPX formula asks for them.
 */
export class RowsOverlay implements RelatedRows {
  private readonly puts = new Map<string, Map<string, RecordRow>>()
  private readonly gone = new Map<string, Set<string>>()
  private readonly lists = new Map<string, readonly RecordRow[]>()

  constructor(private readonly base: RelatedRows) {}

  /** Lays one form's changes over the view. */
  apply(formId: string, changes: RecordChanges): void {
    this.lists.delete(formId)
    const puts = this.puts.get(formId) ?? new Map<string, RecordRow>()
    const gone = this.gone.get(formId) ?? new Set<string>()
    for (const r of changes.put ?? []) {
      puts.set(r.id, r)
      gone.delete(r.id)
    }
    for (const id of changes.delete ?? []) {
      puts.delete(id)
      gone.add(id)
    }
    this.puts.set(formId, puts)
    this.gone.set(formId, gone)
  }

  get = (formId: string, id: string): RecordRow | undefined => {
    if (this.gone.get(formId)?.has(id)) return undefined
    return this.puts.get(formId)?.get(id) ?? this.base.get(formId, id)
  }

  rows = (formId: string): readonly RecordRow[] | undefined => {
    const base = this.base.rows(formId)
    const puts = this.puts.get(formId)
    const gone = this.gone.get(formId)
    if (!puts?.size && !gone?.size) return base
    let list = this.lists.get(formId)
    if (list) return list
    const seen = new Set<string>()
    const out: RecordRow[] = []
    for (const r of base ?? []) {
      if (gone?.has(r.id)) continue
      seen.add(r.id)
      out.push(puts?.get(r.id) ?? r)
    }
    for (const r of puts?.values() ?? []) if (!seen.has(r.id)) out.push(r)
    this.lists.set(formId, list = out)
    return list
  }
}
