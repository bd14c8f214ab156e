/** cold-open, edit and memory: the grid page path from IndexedDB through the stores into DataGrid. */
import type { RecordRow } from '@/core/schema/types'
import { OPP_FORM } from '../lib/data'
import { firstRows } from './grid'
import type { MountedGrid } from './stores'
import { openGrid, showRows } from './stores'
import { copyRows, pageData } from './page-data'

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

/** JSON size (UTF-8 bytes) of the records and stage events held after {@link coldOpen}. */
export async function heldJsonBytes(): Promise<{ records: number, bytes: number }> {
  if (!opened?.records || !opened.adapter) throw new Error('coldOpen first')
  const rows = opened.records.ensure(OPP_FORM).rows.value
  const events = await opened.adapter.loadStageEvents(OPP_FORM)
  const enc = new TextEncoder()
  let bytes = 0
  for (const list of [rows, events] as unknown[][]) {
    for (let i = 0; i < list.length; i += 10_000) bytes += enc.encode(JSON.stringify(list.slice(i, i + 10_000))).length
  }
  return { records: rows.length, bytes }
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
 * an equivalent change on the same grid. Rows 0..9 are on screen.
 */
export async function edit(i: number): Promise<EditTiming> {
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
  const current = state.byId.get(row.id) as RecordRow
  const b0 = performance.now()
  api.applyTransaction({ update: [{ ...current, values: { ...current.values, f_opp_title: `${text}.` } }] })
  const baseline = performance.now() - b0
  api.applyTransaction({ update: [current] })
  return { visible, durable, baseline }
}
