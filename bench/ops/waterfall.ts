/** The "as-of" and "waterfall" ops: the pipeline as it stood on a past day, and the waterfall of a quarter; ours vs DuckDB. */
import type { DuckDBConnection } from '@duckdb/node-api'
import { cachedSummary } from '../../src/core/dashboard'
import type { MetricInput, StageSummary } from '../../src/core/metrics'
import { MS_PER_DAY, pipelineAsOf, pipelineWaterfall, summarizeStageHistory, WATERFALL_BARS } from '../../src/core/metrics'
import type { ChangeEntry } from '../../src/core/schema/types'
import type { Dataset } from '../lib/data'
import { AMOUNT_FIELD, amountChanges } from '../lib/data'
import type { Timing } from '../lib/measure'
import { measureAll } from '../lib/measure'
import { loadDuckDb } from './metrics'
import { AS_OF_SQL, WATERFALL_SQL } from './waterfall-sql'

/** The numbers both sides must agree on: open count and amount per stage; count and amount per bar. */
export interface WaterfallNumbers {
  asOf: { count: number, amount: number }[]
  bars: Record<string, { count: number, amount: number }>
}

/** The window: the 90 days before the data's "now"; as of its first day. */
export function windowOf(ds: Dataset): { from: number, to: number } {
  return { from: ds.now - 90 * MS_PER_DAY, to: ds.now }
}

function input(ds: Dataset, cold: boolean): MetricInput {
  const summary: StageSummary = cold ? summarizeStageHistory(ds.records, ds.columns, ds.stageField) : cachedSummary(ds.records, ds.columns, ds.stageField, 1)
  return { records: ds.records, events: ds.columns, field: ds.stageField, summary, options: { amountField: AMOUNT_FIELD, now: ds.now } }
}

/** Ours: the as-of pipeline at the window's start, amounts as they were (`cold`: the stage summary built first, as a dashboard opening). */
export function ourAsOf(ds: Dataset, changes: readonly ChangeEntry[], cold = true): WaterfallNumbers['asOf'] {
  return pipelineAsOf(input(ds, cold), windowOf(ds).from, changes).stages.map(s => ({ count: s.count, amount: s.amount }))
}

/** Ours: the waterfall over the window, with the amount changes from the change log (as the widget). */
export function ourWaterfall(ds: Dataset, changes: readonly ChangeEntry[], cold = true): WaterfallNumbers['bars'] {
  const { from, to } = windowOf(ds)
  const w = pipelineWaterfall(input(ds, cold), from, to, changes)
  return Object.fromEntries(w.bars.map(b => [b.key, { count: b.count, amount: b.amount }]))
}

const fill = (sql: string, ds: Dataset): string => {
  const { from, to } = windowOf(ds)
  return sql.replaceAll('$at', String(from)).replaceAll('$from', String(from)).replaceAll('$to', String(to))
}

/** The amount change log as a table: chg(record_id, t, from_amount). */
async function loadChanges(con: DuckDBConnection, changes: readonly ChangeEntry[]): Promise<void> {
  await con.run('CREATE TABLE chg (record_id VARCHAR, t DOUBLE, from_amount DOUBLE)')
  const app = await con.createAppender('chg')
  for (const c of changes) {
    const from = c.changes?.find(x => x.field === AMOUNT_FIELD)?.from
    if (from === undefined) continue
    app.appendVarchar(c.recordId)
    app.appendDouble(c.at)
    if (typeof from === 'number') app.appendDouble(from)
    else app.appendNull()
    app.endRow()
  }
  app.closeSync()
}

export async function duckAsOf(con: DuckDBConnection, ds: Dataset): Promise<WaterfallNumbers['asOf']> {
  const rows = (await con.runAndReadAll(fill(AS_OF_SQL, ds))).getRowObjectsJS() as { ord: number, count: bigint, amount: number }[]
  const n = ds.stageField.options.stages.filter(s => s.kind === 'open').length
  const out = Array.from({ length: n }, () => ({ count: 0, amount: 0 }))
  for (const r of rows) out[r.ord] = { count: Number(r.count), amount: r.amount }
  return out
}

export async function duckWaterfall(con: DuckDBConnection, ds: Dataset): Promise<WaterfallNumbers['bars']> {
  const rows = (await con.runAndReadAll(fill(WATERFALL_SQL, ds))).getRowObjectsJS() as { bar: string, count: bigint, amount: number }[]
  const out: WaterfallNumbers['bars'] = Object.fromEntries(WATERFALL_BARS.map(k => [k, { count: 0, amount: 0 }]))
  for (const r of rows) out[r.bar] = { count: Number(r.count), amount: r.amount }
  return out
}

/** Differences (relative tolerance 1e-9 on amounts), empty when equal. */
export function diffWaterfall(a: WaterfallNumbers, b: WaterfallNumbers, label: string): string[] {
  const out: string[] = []
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))
  a.asOf.forEach((s, o) => {
    const t = b.asOf[o]
    if (!t || s.count !== t.count || !close(s.amount, t.amount)) out.push(`${label} asOf[${o}]: ${JSON.stringify(s)} vs ${JSON.stringify(t)}`)
  })
  for (const k of WATERFALL_BARS) {
    const x = a.bars[k]
    const y = b.bars[k]
    if (!x || !y || x.count !== y.count || !close(x.amount, y.amount)) out.push(`${label} ${k}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`)
  }
  return out
}

/**
 * Timings of the as-of pipeline and the waterfall, amounts as they were from the amount change
 * log (`amountChanges`): ours with the summary built (`*Cold`) and over the dashboard's cached
 * summary, and DuckDB; throws before timing when the numbers disagree.
 */
export async function benchWaterfall(ds: Dataset, runs: number): Promise<Record<'asOfCold' | 'asOf' | 'asOfDuck' | 'waterfallCold' | 'waterfall' | 'waterfallDuck', Timing> & { bars: WaterfallNumbers['bars'], changes: number }> {
  const con = await loadDuckDb(ds)
  const changes = amountChanges(ds)
  await loadChanges(con, changes)
  try {
    const mine: WaterfallNumbers = { asOf: ourAsOf(ds, changes), bars: ourWaterfall(ds, changes) }
    const cached: WaterfallNumbers = { asOf: ourAsOf(ds, changes, false), bars: ourWaterfall(ds, changes, false) }
    const duck: WaterfallNumbers = { asOf: await duckAsOf(con, ds), bars: await duckWaterfall(con, ds) }
    const problems = [...diffWaterfall(mine, duck, 'ours (cold) vs DuckDB'), ...diffWaterfall(cached, duck, 'ours (cached summary) vs DuckDB')]
    if (problems.length > 0) throw new Error(`as-of / waterfall disagree at ${ds.size}:\n${problems.slice(0, 20).join('\n')}`)
    const t = await measureAll({
      asOfCold: () => void ourAsOf(ds, changes, true),
      asOf: () => void ourAsOf(ds, changes, false),
      asOfDuck: async () => void await duckAsOf(con, ds),
      waterfallCold: () => void ourWaterfall(ds, changes, true),
      waterfall: () => void ourWaterfall(ds, changes, false),
      waterfallDuck: async () => void await duckWaterfall(con, ds),
    }, { runs })
    return { ...t, bars: mine.bars, changes: changes.length }
  }
  finally {
    con.closeSync()
  }
}
