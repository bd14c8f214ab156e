/** Pure edits of dashboards and their app's sidebar, as transactions and new documents. */
import type { AppDef, DashboardDef, Label, WidgetDef, WidgetLayout } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import { SCHEMA_VERSION } from '../schema/types'
import { newId } from '../utils/id'

/** A new empty dashboard appended to the app's sidebar. */
export function createDashboardTx(app: AppDef, name: Label, now: number): { dashboard: DashboardDef, tx: Transaction } {
  const dashboard: DashboardDef = { schemaVersion: SCHEMA_VERSION, id: newId(), appId: app.id, name, widgets: [], filters: [], createdAt: now, updatedAt: now }
  const nextApp: AppDef = { ...app, dashboardIds: [...app.dashboardIds, dashboard.id], updatedAt: now }
  return { dashboard, tx: { defs: { put: [{ kind: 'dashboard', doc: dashboard }, { kind: 'app', doc: nextApp }] } } }
}

/** Deletes a dashboard and removes it from the app's sidebar. */
export function deleteDashboardTx(app: AppDef, dashboardId: string, now: number): Transaction {
  return {
    defs: {
      put: [{ kind: 'app', doc: { ...app, dashboardIds: app.dashboardIds.filter(id => id !== dashboardId), updatedAt: now } }],
      delete: [{ kind: 'dashboard', id: dashboardId }],
    },
  }
}

/** The first free spot of a `w` x `h` widget on a 12-column grid: below everything, left-aligned. */
export function nextLayout(widgets: readonly WidgetDef[], w: number, h: number): WidgetLayout {
  const bottom = widgets.reduce((y, x) => Math.max(y, x.layout.y + x.layout.h), 0)
  const lastRow = widgets.filter(x => x.layout.y + x.layout.h === bottom)
  const right = lastRow.reduce((m, x) => Math.max(m, x.layout.x + x.layout.w), 0)
  if (lastRow.length > 0 && right + w <= 12) {
    const top = Math.min(...lastRow.map(x => x.layout.y))
    return { x: right, y: top, w, h }
  }
  return { x: 0, y: bottom, w, h }
}

/** A copy of a widget under a new id, placed in the next free spot. */
export function duplicateWidget(d: DashboardDef, widgetId: string): DashboardDef {
  const src = d.widgets.find(w => w.id === widgetId)
  if (!src) return d
  const copy: WidgetDef = { ...structuredClone(src), id: newId(), layout: nextLayout(d.widgets, src.layout.w, src.layout.h) }
  return { ...d, widgets: [...d.widgets, copy] }
}

/** The dashboard without one widget. */
export function removeWidget(d: DashboardDef, widgetId: string): DashboardDef {
  return { ...d, widgets: d.widgets.filter(w => w.id !== widgetId) }
}

/** The dashboard with one widget replaced (matched by id). */
export function replaceWidget(d: DashboardDef, widget: WidgetDef): DashboardDef {
  return { ...d, widgets: d.widgets.map(w => (w.id === widget.id ? widget : w)) }
}
