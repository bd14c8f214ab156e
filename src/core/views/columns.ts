import type { FieldDef, FormDef, ViewColumn } from '../schema/types'

/** A form field as a view shows it: its place, width, visibility and pinning. */
export interface ResolvedColumn {
  field: FieldDef
  width?: number
  hidden: boolean
  pinned?: 'left' | 'right'
}

/** One column's state as the grid reports it (ag-grid's column state, reduced). */
export interface GridColumnState {
  colId: string
  width?: number | null
  pinned?: 'left' | 'right' | boolean | null
}

/** Layout-only fields (separators, descriptions) never become columns. */
export function isColumnField(field: FieldDef): boolean {
  return field.type !== 'separator' && field.type !== 'description'
}

/**
 * The form's columns in the view's order. Fields the view does not mention (added after the
 * view was saved) follow in form order, visible; columns of deleted fields are dropped.
 */
export function resolveColumns(form: FormDef, columns: readonly ViewColumn[] = []): ResolvedColumn[] {
  const byId = new Map(form.fields.filter(isColumnField).map(f => [f.id, f]))
  const out: ResolvedColumn[] = []
  for (const c of columns) {
    const field = byId.get(c.field)
    if (!field) continue
    byId.delete(c.field)
    out.push({ field, width: c.width, hidden: !!c.hidden, pinned: c.pinned })
  }
  for (const field of byId.values()) out.push({ field, hidden: false })
  return out
}

/** The persisted form of resolved columns (only the properties that are set). */
export function toViewColumns(columns: readonly ResolvedColumn[]): ViewColumn[] {
  return columns.map((c) => {
    const out: ViewColumn = { field: c.field.id }
    if (c.width !== undefined) out.width = Math.round(c.width)
    if (c.hidden) out.hidden = true
    if (c.pinned) out.pinned = c.pinned
    return out
  })
}

/**
 * Takes the grid's column order, widths and pinning into the view's columns. Hidden columns are
 * not in the grid; they keep their slots while the visible ones take the grid's order.
 */
export function captureGridState(columns: readonly ResolvedColumn[], state: readonly GridColumnState[]): ResolvedColumn[] {
  const byId = new Map(columns.map(c => [c.field.id, c]))
  const gridOrder = state.filter(s => byId.has(s.colId))
  const seen = new Set(gridOrder.map(s => s.colId))
  const queue = gridOrder.map((s): ResolvedColumn => {
    const c = byId.get(s.colId)!
    const pinned = s.pinned === 'left' || s.pinned === true ? 'left' : s.pinned === 'right' ? 'right' : undefined
    return { ...c, width: s.width ?? c.width, pinned }
  })
  let next = 0
  return columns.map(c => (seen.has(c.field.id) ? queue[next++]! : c))
}

/** Moves the column at `from` to position `to` (both indexes into the list). */
export function moveColumn<T>(columns: readonly T[], from: number, to: number): T[] {
  const out = [...columns]
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out
  const [item] = out.splice(from, 1)
  out.splice(to, 0, item!)
  return out
}
