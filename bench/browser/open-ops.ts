/** cold-open, edit and memory: the grid page path from IndexedDB through the stores into DataGrid. */
import type { RecordRow } from '@/core/schema/types'
import type { DashboardContext } from '@/core/dashboard'
import { computeWidget, widgetChangeFields } from '@/core/dashboard'
import { runQuery } from '@/core/query'
import { getTemplate } from '@/core/template'
import { useHistoryStore } from '@/stores/history'
import { createLocalforageAdapter } from '@/storage/localforage-adapter'
import { AMOUNT_FIELD, OPP_FORM } from '../lib/data'
import { firstRows } from './grid'
import type { MountedGrid } from './stores'
import { openGrid, showRows } from './stores'
import { copyRows, MEMBERS, pageData } from './page-data'
import { SEARCH } from './query-ops'

let opened: MountedGrid | undefined

/** Times of one cold open, ms from the start. */
export interface ColdOpenTiming {
  /** The grid shows its first data row (drawn from the first slice of a streamed open). */
  first: number
  /** Every record is read, in the stores and held by the grid, and its first row is shown. */
  full: number
}

/** IndexedDB -> adapter -> stores -> DataGrid, on a freshly loaded page: first rows, then fully loaded. */
export async function coldOpen(name: string): Promise<ColdOpenTiming> {
  const t0 = performance.now()
  let shown: Promise<number> | undefined
  opened = await openGrid(name, OPP_FORM, () => {
    shown = firstRows().then(() => performance.now() - t0)
  })
  await firstRows()
  const full = performance.now() - t0
  return { first: await shown!, full }
}

/** Baseline: the same DataGrid given the same rows from memory (generated and copied before timing). */
export async function coldOpenBaseline(size: number): Promise<number> {
  const ds = pageData(size)
  const rows = copyRows(ds.records)
  const t0 = performance.now()
  showRows(ds.form.fields, rows)
  await firstRows()
  return performance.now() - t0
}

/** UTF-8 bytes of the JSON of `list`, serialised in parts (one string of 1M records would be too long). */
function jsonBytes(list: readonly unknown[]): number {
  const enc = new TextEncoder()
  let bytes = 0
  for (let i = 0; i < list.length; i += 10_000) bytes += enc.encode(JSON.stringify(list.slice(i, i + 10_000))).length
  return bytes
}

/** JSON size (UTF-8 bytes) of the records held after {@link coldOpen}, and of their stage events. */
export async function heldJsonBytes(): Promise<{ records: number, recordBytes: number, eventBytes: number }> {
  if (!opened?.records || !opened.adapter) throw new Error('coldOpen first')
  const rows = opened.records.ensure(OPP_FORM).rows.value
  const events = await opened.adapter.loadStageEvents(OPP_FORM)
  return { records: rows.length, recordBytes: jsonBytes(rows), eventBytes: jsonBytes(events) }
}

/**
 * Indexes the records by id where the open left them to the idle callbacks (ChunkedIdMap: the
 * records store's byId, the storage cache's Map), so the memory op weighs the page as it is once
 * idle, the indexes built.
 */
export async function indexRecords(): Promise<void> {
  if (!opened?.records || !opened.adapter) throw new Error('coldOpen first')
  void opened.records.ensure(OPP_FORM).byId.size
  await opened.adapter.loadRecords(OPP_FORM)
}

/** What the memory op's page holds on to after its search and dashboard (as the pages would). */
const held: unknown[] = []

/** The memory op's quick search: "系统" sorted by amount, through runQuery over the store's rows, as the grid page runs it (its search cache kept). */
export function search(): { matched: number } {
  const grid = opened
  const form = grid?.workspace?.formById.get(OPP_FORM)
  if (!grid?.records || !form) throw new Error('coldOpen first')
  const rows = grid.records.ensure(OPP_FORM).rows.value
  const names = new Map(MEMBERS.map(m => [m.id, m.name]))
  const found = runQuery(rows, { search: SEARCH, sort: [{ field: AMOUNT_FIELD, dir: 'desc' }] }, form.fields, { now: Date.now() }, names)
  held[0] = found
  return { matched: found.matched }
}

/**
 * The memory op's dashboard: every widget of the template's sales dashboard computed from the
 * stores as the dashboard page does (use-dashboard-context: the records store's rows, the
 * history store's stage event columns and amount changes). The results are kept.
 */
export async function dashboard(): Promise<{ widgets: number }> {
  const grid = opened
  const form = grid?.workspace?.formById.get(OPP_FORM)
  if (!grid?.records || !form) throw new Error('coldOpen first')
  const records = grid.records
  const history = grid.app.runWithContext(() => useHistoryStore())
  const rows = records.ensure(OPP_FORM).rows.value
  const bundle = getTemplate('sales-funnel')?.bundle
  const dash = bundle?.dashboards[0]
  if (!bundle || !dash) throw new Error('sales-funnel template has no dashboard')
  await history.eventsLoaded(OPP_FORM)
  const changeFields = dash.widgets.flatMap(w => widgetChangeFields(w)).filter(r => r.formId === OPP_FORM)
  await Promise.all(changeFields.map(r => history.fieldChangesLoaded(r.formId, r.fieldId)))
  const ctx: DashboardContext = {
    forms: bundle.forms.map(f => (f.id === OPP_FORM ? form : f)),
    records: { [OPP_FORM]: rows },
    events: { [OPP_FORM]: history.columnsOf(OPP_FORM).value },
    fieldChanges: { [OPP_FORM]: Object.fromEntries(changeFields.map(r => [r.fieldId, history.fieldChangesOf(r.formId, r.fieldId).value])) },
    members: MEMBERS, filters: dash.filters ?? [], filterValues: {}, now: Date.now(), locale: 'zh-CN',
    dataVersion: records.version,
  }
  const widgets = dash.widgets.map(w => computeWidget(w, ctx))
  held[1] = widgets
  return { widgets: widgets.filter(w => w.status === 'ok').length }
}

/** The memory op's work after {@link coldOpen}: {@link search}, then {@link dashboard}. */
export async function searchAndDashboard(): Promise<{ matched: number, widgets: number }> {
  const { matched } = search()
  return { matched, ...await dashboard() }
}

/** Edit timings of one cell, ms. */
export interface EditTiming { visible: number, durable: number, baseline: number }

/** Resolves when the title cell of row `id` shows `text` (checked on every DOM mutation). */
function cellShows(id: string, text: string): Promise<number> {
  const host = document.getElementById('grid') as HTMLElement
  const sel = `.ag-row[row-id="${CSS.escape(id)}"] [col-id="f_opp_title"]`
  return new Promise((resolve) => {
    const done = (): boolean => (host.querySelector(sel)?.textContent ?? '').includes(text)
    if (done()) return resolve(performance.now())
    const mo = new MutationObserver(() => {
      if (!done()) return
      mo.disconnect()
      resolve(performance.now())
    })
    mo.observe(host, { subtree: true, childList: true, characterData: true })
  })
}

/**
 * One cell edit through the records store, as the grid page does it (validate, apply, commit;
 * DataGrid redraws from the store): `visible` when the edited cell shows the new text,
 * `durable` when the adapter's commit resolved. Baseline: a synchronous applyTransaction of
 * an equivalent change on the same grid (`withBaseline` false: not measured, for profiling ours
 * alone). Rows 0..9 are on screen.
 */
export async function edit(i: number, withBaseline = true): Promise<EditTiming> {
  const grid = opened
  const api = grid?.api()
  if (!grid?.records || !api) throw new Error('coldOpen first')
  const state = grid.records.ensure(OPP_FORM)
  const row = state.rows.value[i % 10] as RecordRow
  const text = `edited ${i}`
  const t0 = performance.now()
  const shown = cellShows(row.id, text)
  const result = await grid.records.update(OPP_FORM, [{ recordId: row.id, values: { f_opp_title: text } }])
  const durable = performance.now() - t0
  const visible = (await shown) - t0
  if (!result.ok) throw new Error(`edit refused: ${JSON.stringify(result.issues)}`)
  if (!withBaseline) return { visible, durable, baseline: Number.NaN }
  const current = state.byId.get(row.id) as RecordRow
  const b0 = performance.now()
  api.applyTransaction({ update: [{ ...current, values: { ...current.values, f_opp_title: `${text}.` } }] })
  const baseline = performance.now() - b0
  api.applyTransaction({ update: [current] })
  return { visible, durable, baseline }
}

/**
 * The read alone: the same adapter's streamed read of the form on a freshly loaded page, with
 * no stores and no grid (what the open cannot go below without a faster read); ms.
 */
export async function readRecords(name: string): Promise<number> {
  const t0 = performance.now()
  const adapter = createLocalforageAdapter({ name, broadcast: false })
  await adapter.loadDefinitions()
  const rows = await adapter.loadRecords(OPP_FORM, { onRows: () => undefined })
  const ms = performance.now() - t0
  await adapter.close()
  if (rows.length === 0) throw new Error(`no records in ${name}`)
  return ms
}
