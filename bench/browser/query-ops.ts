/** sort-filter: FunnelGrid's query engine vs AG Grid's built-in sort and quick filter, same rows. */
import type { ColumnState } from 'ag-grid-community'
import { runQuery } from '@/core/query'
import { AMOUNT_FIELD } from '../lib/data'
import { plainGrid } from './grid'
import { copyRows, MEMBERS, pageData } from './page-data'

/** The view both sides compute: quick search "系统" (in any text column), sorted by amount, descending. */
export const SEARCH = '系统'

/** Ours: runQuery (search + sort over every record). Returns ms and the number of matches. */
export function oursSortFilter(size: number): { ms: number, matched: number } {
  const ds = pageData(size)
  const names = new Map(MEMBERS.map(m => [m.id, m.name]))
  const t0 = performance.now()
  const res = runQuery(ds.records, { search: SEARCH, sort: [{ field: AMOUNT_FIELD, dir: 'desc' }] }, ds.form.fields, { now: ds.now }, names)
  return { ms: performance.now() - t0, matched: res.matched }
}

/**
 * Ours, cold: the same query over a fresh array of the same records, so nothing is cached for
 * it yet (runQuery caches search texts and sort keys per records array): the first search or
 * sort on a freshly loaded form. The copy of the array is made untimed.
 */
export function oursSortFilterCold(size: number): { ms: number, matched: number } {
  const ds = pageData(size)
  const records = ds.records.slice()
  const names = new Map(MEMBERS.map(m => [m.id, m.name]))
  const t0 = performance.now()
  const res = runQuery(records, { search: SEARCH, sort: [{ field: AMOUNT_FIELD, dir: 'desc' }] }, ds.form.fields, { now: ds.now }, names)
  return { ms: performance.now() - t0, matched: res.matched }
}

/** AG Grid: quick filter text + column sort on a grid holding the same rows (grid built untimed). */
export function gridSortFilter(size: number): { ms: number, matched: number } {
  const ds = pageData(size)
  const api = plainGrid(ds.form.fields, copyRows(ds.records))
  const state: ColumnState[] = [{ colId: AMOUNT_FIELD, sort: 'desc' }]
  const t0 = performance.now()
  api.setGridOption('quickFilterText', SEARCH)
  api.applyColumnState({ state, defaultState: { sort: null } })
  const matched = api.getDisplayedRowCount()
  const ms = performance.now() - t0
  api.destroy()
  return { ms, matched }
}
