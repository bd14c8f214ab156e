/**
 * A drill-through link that names what was clicked instead of listing record ids: the
 * dashboard, the widget, the point and the dashboard filter values at the time. The grid page
 * recomputes the records from the live data ({@link resolveDrillLink}), so the link stays a few
 * hundred characters at any record count (a list of ids broke links past a few thousand).
 */
import type { DashboardDef } from '../schema/types'
import type { DashboardContext, DashboardFilterValue, DatePreset } from './context'
import type { DrillPoint, DrillTarget } from './drill'
import { parseBoundedJson } from '../validation'
import { DATE_PRESETS } from './context'
import { drillTarget } from './drill'

export interface DrillLink {
  dashboardId: string
  widgetId: string
  point: DrillPoint
  /** The dashboard filter values when the link was made (filters left off are absent). */
  filterValues: Readonly<Record<string, DashboardFilterValue | undefined>>
}

/** The `?drill=` text of a link. */
export function drillLinkText(link: DrillLink): string {
  const values = Object.fromEntries(Object.entries(link.filterValues).filter(([, v]) => v !== undefined))
  return JSON.stringify({ d: link.dashboardId, w: link.widgetId, p: link.point, v: values })
}

const isText = (v: unknown): v is string => typeof v === 'string'
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

function pointOf(v: unknown): DrillPoint | undefined {
  if (!isRecord(v)) return undefined
  if (v.kind === 'layer' && isText(v.stageId)) return { kind: 'layer', stageId: v.stageId }
  if (v.kind !== 'category' || !(v.key === null || isText(v.key))) return undefined
  if (v.seriesKey === undefined) return { kind: 'category', key: v.key }
  return v.seriesKey === null || isText(v.seriesKey) ? { kind: 'category', key: v.key, seriesKey: v.seriesKey } : undefined
}

function filterValueOf(v: unknown): DashboardFilterValue | undefined | false {
  if (v === undefined) return undefined
  if (Array.isArray(v)) return v.every(isText) ? v : false
  if (!isRecord(v) || !DATE_PRESETS.includes(v.preset as DatePreset)) return false
  if ((v.from !== undefined && !isText(v.from)) || (v.to !== undefined && !isText(v.to))) return false
  return { preset: v.preset as DatePreset, ...(isText(v.from) ? { from: v.from } : {}), ...(isText(v.to) ? { to: v.to } : {}) }
}

/** Reads a `?drill=` text (URL-decoded), or undefined when it is not a drill link. */
export function parseDrillLink(raw: string): DrillLink | undefined {
  const parsed = parseBoundedJson('routeFilter', raw)
  if (!parsed.ok || !isRecord(parsed.value)) return undefined
  const { d, w, p, v } = parsed.value
  const point = pointOf(p)
  if (!isText(d) || !isText(w) || !point || !(v === undefined || isRecord(v))) return undefined
  const filterValues: Record<string, DashboardFilterValue | undefined> = {}
  for (const [id, value] of Object.entries(v ?? {})) {
    const got = filterValueOf(value)
    if (got === false) return undefined
    filterValues[id] = got
  }
  return { dashboardId: d, widgetId: w, point, filterValues }
}

/** The records a link points at now, or why it points at nothing. */
export type ResolvedDrill
  = | { ok: true, target: DrillTarget }
    | { ok: false, reason: 'missing' | 'empty' }

/** Recomputes a link's drill target against the live data (the context of the link's dashboard). */
export function resolveDrillLink(link: DrillLink, dashboard: DashboardDef | undefined, ctx: DashboardContext): ResolvedDrill {
  const w = dashboard?.widgets.find(x => x.id === link.widgetId)
  if (!w) return { ok: false, reason: 'missing' }
  const target = drillTarget(w, link.point, ctx)
  return target && target.count > 0 ? { ok: true, target } : { ok: false, reason: 'empty' }
}
