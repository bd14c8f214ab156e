import type { Transaction } from '@/core/storage/adapter'
import type { AppDef, DashboardDef, FormDef, ViewDef } from '@/core/schema/types'

export interface DefinitionLists {
  apps: AppDef[]
  forms: FormDef[]
  views: ViewDef[]
  dashboards: DashboardDef[]
}

const LIST_OF = { app: 'apps', form: 'forms', view: 'views', dashboard: 'dashboards' } as const

/** New lists with a transaction's definition puts and deletes applied (inputs untouched). */
export function applyDefinitionChanges(lists: DefinitionLists, tx: Transaction): DefinitionLists {
  if (!tx.defs && !tx.dropForms) return lists
  const next: DefinitionLists = { apps: [...lists.apps], forms: [...lists.forms], views: [...lists.views], dashboards: [...lists.dashboards] }
  for (const { kind, doc } of tx.defs?.put ?? []) {
    const list = next[LIST_OF[kind]] as { id: string }[]
    const i = list.findIndex(d => d.id === doc.id)
    if (i >= 0) list[i] = doc
    else list.push(doc)
  }
  for (const { kind, id } of tx.defs?.delete ?? []) {
    const key = LIST_OF[kind]
    next[key] = (next[key] as { id: string }[]).filter(d => d.id !== id) as never
  }
  return next
}
