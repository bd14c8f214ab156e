import type { Label, ViewDef } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import { SCHEMA_VERSION } from '../schema/types'
import { newId } from '../utils/id'

/** The view a form shows when it has none saved yet. */
export function defaultViewOf(formId: string): ViewDef {
  return { schemaVersion: SCHEMA_VERSION, id: `default-${formId}`, formId, name: { 'zh-CN': '全部数据', 'en': 'All records' }, kind: 'grid' }
}

/** A new view; `base` copies another view's settings (filter, sort, columns...). */
export function newView(formId: string, name: Label, kind: 'grid' | 'kanban', base?: ViewDef): ViewDef {
  const { id: _id, name: _name, kind: _kind, kanban, ...rest } = base ?? defaultViewOf(formId)
  const view: ViewDef = { ...rest, schemaVersion: SCHEMA_VERSION, id: newId(), formId, name, kind }
  if (kind === 'kanban' && kanban) view.kanban = kanban
  return view
}

/** A transaction saving a view (a plain copy: never a reactive proxy). */
export function putViewTx(view: ViewDef): Transaction {
  return { defs: { put: [{ kind: 'view', doc: structuredClone(view) }] } }
}

/** A transaction deleting a view. */
export function deleteViewTx(viewId: string): Transaction {
  return { defs: { delete: [{ kind: 'view', id: viewId }] } }
}

/** True when two views store the same settings (property order ignored, undefined = absent). */
export function sameView(a: ViewDef, b: ViewDef): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>
      return Object.fromEntries(Object.keys(o).sort().filter(k => o[k] !== undefined).map(k => [k, o[k]]))
    }
    return v
  })
}
