/**
 * Copies an app bundle under fresh ids, so a template can be installed any number of times
 * next to earlier installs (and their edits) without sharing a single id.
 */
import type { AppBundle, DashboardDef, FieldDef, FormDef, ViewDef, WidgetDef } from '../schema/types'
import type { AutomationDef } from '../automations/types'

/** The copied bundle and the old -> new id of every form, view and dashboard. */
export interface RemappedBundle {
  bundle: AppBundle
  /** Template form id -> installed form id. */
  formIds: Record<string, string>
  /** Every re-mapped id (app, forms, views, dashboards, widgets, dashboard filters): old -> new. */
  ids: Record<string, string>
}

function mapId(ids: Record<string, string>, old: string, what: string): string {
  const id = ids[old]
  if (id === undefined) throw new Error(`template ${what} points to unknown id "${old}"`)
  return id
}

/** A field with its relation target re-pointed; subform fields are handled recursively. */
function remapField(field: FieldDef, formIds: Record<string, string>): FieldDef {
  if (field.type === 'relation') {
    return { ...field, options: { ...field.options, formId: mapId(formIds, field.options.formId, `relation field ${field.id}`) } }
  }
  if (field.type === 'subform') {
    return { ...field, options: { ...field.options, fields: field.options.fields.map(f => remapField(f, formIds)) } }
  }
  return field
}

/**
 * Replaces, anywhere inside a widget config, a string that is exactly an old id by its new id.
 * `ids` is a Map: config strings are user text, and a plain object would answer `constructor`.
 */
function remapDeep<T>(value: T, ids: ReadonlyMap<string, string>): T {
  return remapValue(value, ids) as T // strings become strings, so the copy has `value`'s type
}

function remapValue(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value
  if (Array.isArray(value)) return value.map(v => remapValue(v, ids))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapValue(v, ids)]))
  }
  return value
}

/** `w` with a new id and its config's ids remapped; the variant (type and config) is kept. */
function remapWidget<W extends WidgetDef>(w: W, id: string, ids: ReadonlyMap<string, string>): W {
  return { ...w, id, config: remapDeep(w.config, ids) }
}

/** An automation under a new id, its trigger form and created-record forms re-pointed (field and stage ids are kept). */
function remapAutomation(a: AutomationDef, id: string, formIds: Record<string, string>, now: number): AutomationDef {
  const what = `automation ${a.id}`
  return {
    ...a,
    id,
    createdAt: now,
    updatedAt: now,
    trigger: { ...a.trigger, formId: mapId(formIds, a.trigger.formId, what) },
    actions: a.actions.map(x => (x.kind === 'createRecord' ? { ...x, formId: mapId(formIds, x.formId, what) } : x)),
  }
}

/**
 * Deep-copies `source` with new ids from `makeId` for the app, forms, views, dashboards,
 * widgets, dashboard filters and automations, re-points relations, view/dashboard form
 * references and automation forms,
 * and stamps every document with `now`. Field ids are kept: they are unique per form only.
 */
export function remapBundle(source: AppBundle, makeId: () => string, now: number): RemappedBundle {
  const src = structuredClone(source)
  const ids: Record<string, string> = { [src.app.id]: makeId() }
  const formIds: Record<string, string> = {}
  for (const f of src.forms) formIds[f.id] = ids[f.id] = makeId()
  for (const v of src.views) ids[v.id] = makeId()
  for (const d of src.dashboards) {
    ids[d.id] = makeId()
    for (const w of d.widgets) ids[w.id] = makeId()
    for (const fl of d.filters ?? []) ids[fl.id] = makeId()
  }
  const appId = mapId(ids, src.app.id, 'app')
  const idMap = new Map(Object.entries(ids))
  const stamp = { createdAt: now, updatedAt: now }
  const forms: FormDef[] = src.forms.map(f => ({
    ...f, ...stamp, id: mapId(formIds, f.id, 'form'), appId, fields: f.fields.map(x => remapField(x, formIds)),
  }))
  const views: ViewDef[] = src.views.map(v => ({ ...v, id: mapId(ids, v.id, 'view'), formId: mapId(formIds, v.formId, `view ${v.id}`) }))
  const dashboards: DashboardDef[] = src.dashboards.map(d => ({
    ...d,
    ...stamp,
    id: mapId(ids, d.id, 'dashboard'),
    appId,
    widgets: d.widgets.map(w => remapWidget(w, mapId(ids, w.id, 'widget'), idMap)),
    ...(d.filters === undefined
      ? {}
      : { filters: d.filters.map(fl => ({ ...fl, id: mapId(ids, fl.id, 'filter'), targets: fl.targets.map(tg => ({ ...tg, formId: mapId(formIds, tg.formId, `filter ${fl.id}`) })) })) }),
  }))
  const app = {
    ...src.app,
    ...stamp,
    id: appId,
    formIds: src.app.formIds.map(id => mapId(formIds, id, 'app.formIds')),
    dashboardIds: src.app.dashboardIds.map(id => mapId(ids, id, 'app.dashboardIds')),
    ...(src.app.automations ? { automations: src.app.automations.map(a => remapAutomation(a, makeId(), formIds, now)) } : {}),
  }
  return { bundle: { app, forms, views, dashboards }, formIds, ids }
}
