/** The "metrics" op: funnel + conversion + time in stage; ours vs DuckDB vs naive JS. */
import type { DuckDBConnection } from '@duckdb/node-api'
import { DuckDBInstance } from '@duckdb/node-api'
import { cachedSummary } from '../../src/core/dashboard'
import type { StageSummary } from '../../src/core/metrics'
import type { FieldOf } from '../../src/core/schema/types'
import { conversionFromFunnel, cumulativeFunnel, summarizeStageHistory, timeInStage } from '../../src/core/metrics'
import type { Dataset } from '../lib/data'
import { AMOUNT_FIELD } from '../lib/data'
import type { Timing } from '../lib/measure'
import { measureAll } from '../lib/measure'
import type { Dist, MetricNumbers } from './metrics-naive'
import { naiveMetrics } from './metrics-naive'
import { FUNNEL_SQL, TIME_IN_STAGE_SQL } from './metrics-sql'

const KINDS = ['completed', 'latest', 'cumulative', 'open'] as const

/** Data version of the bench's records (never edited): the dashboard cache key, as the records store's version. */
const DATA_VERSION = 1

/**
 * How the metrics get their stage summary:
 * - `after-write`: built now by the dashboard's cache for a new data version (the first
 *   computation after a write), which writes it into the replaced summary's columns;
 * - `fresh`: built now into new arrays (`summarizeStageHistory`; a dashboard's first open);
 * - `cached`: the dashboard's cached one (a dashboard filter changed, the data did not), with
 *   the columns the metrics keep with it.
 */
export type SummarySource = 'after-write' | 'fresh' | 'cached'

/** Per dataset: its stage field's copy (a cache entry of its own: the `cached` one stays) and the data version of its last after-write build. */
const writes = new WeakMap<Dataset, { field: FieldOf<'stage'>, version: number }>()

/** The summary of `ds` and the field it was built for, from `source`. */
export function metricSummary(ds: Dataset, source: SummarySource): { summary: StageSummary, field: FieldOf<'stage'> } {
  if (source === 'fresh') return { summary: summarizeStageHistory(ds.records, ds.columns, ds.stageField, { numberFields: [AMOUNT_FIELD] }), field: ds.stageField }
  if (source === 'cached') return { summary: cachedSummary(ds.records, ds.columns, ds.stageField, DATA_VERSION, AMOUNT_FIELD), field: ds.stageField }
  let w = writes.get(ds)
  if (w === undefined) writes.set(ds, w = { field: { ...ds.stageField }, version: DATA_VERSION })
  return { summary: cachedSummary(ds.records, ds.columns, w.field, ++w.version, AMOUNT_FIELD), field: w.field }
}

/** FunnelGrid's metrics over one stage summary (see {@link SummarySource}), as a dashboard computes them. */
export function ourMetrics(ds: Dataset, source: SummarySource): MetricNumbers {
  const { summary, field } = metricSummary(ds, source)
  const input = { records: ds.records, events: ds.columns, field, summary, options: { amountField: AMOUNT_FIELD, now: ds.now } }
  const funnel = cumulativeFunnel(input)
  const conv = conversionFromFunnel(funnel)
  const tis = timeInStage(input)
  return {
    funnel: funnel.steps.map(s => ({ count: s.count, amount: s.amount })),
    conversion: conv.steps.map(s => s.rate),
    timeInStage: tis.stages.map(s => ({ completed: s.completed, latest: s.latest, cumulative: s.cumulative, open: s.open })),
  }
}

/** Loads the dataset into DuckDB tables (untimed). */
export async function loadDuckDb(ds: Dataset): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:')
  const con = await db.connect()
  await con.run('CREATE TABLE recs (id VARCHAR, stage VARCHAR, amount DOUBLE, created_at DOUBLE)')
  await con.run('CREATE TABLE evs (seq BIGINT, record_id VARCHAR, from_stage VARCHAR, to_stage VARCHAR, t DOUBLE)')
  await con.run('CREATE TABLE stages (id VARCHAR, kind VARCHAR, ord INTEGER)')
  const rec = await con.createAppender('recs')
  for (const r of ds.records) {
    rec.appendVarchar(r.id)
    const stage = r.values[ds.stageField.id]
    if (typeof stage === 'string') rec.appendVarchar(stage)
    else rec.appendNull()
    const a = r.values[AMOUNT_FIELD]
    if (typeof a === 'number') rec.appendDouble(a)
    else rec.appendNull()
    rec.appendDouble(r.createdAt)
    rec.endRow()
  }
  rec.closeSync()
  const ev = await con.createAppender('evs')
  ds.events.forEach((e, seq) => {
    if (e.fieldId !== ds.stageField.id) return
    ev.appendBigInt(BigInt(seq))
    ev.appendVarchar(e.recordId)
    if (e.from === null) ev.appendNull()
    else ev.appendVarchar(e.from)
    ev.appendVarchar(e.to)
    ev.appendDouble(e.at)
    ev.endRow()
  })
  ev.closeSync()
  const st = await con.createAppender('stages')
  let ord = 0
  for (const s of ds.stageField.options.stages) {
    st.appendVarchar(s.id)
    st.appendVarchar(s.kind)
    if (s.kind === 'open') st.appendInteger(ord++)
    else st.appendNull()
    st.endRow()
  }
  st.closeSync()
  return con
}

/** Runs the equivalent SQL and reads the numbers back in the same shape. */
export async function duckMetrics(con: DuckDBConnection, ds: Dataset): Promise<MetricNumbers> {
  const [f, t] = await Promise.all([
    con.runAndReadAll(FUNNEL_SQL),
    con.runAndReadAll(TIME_IN_STAGE_SQL.replace('$now', String(ds.now))),
  ])
  const funnelRows = f.getRowObjectsJS() as { reached: bigint, amount: number, conversion: number | null }[]
  const n = ds.stageField.options.stages.filter(s => s.kind === 'open').length
  const empty = (): Dist => ({ count: 0, mean: null, median: null, p90: null })
  const tis = Array.from({ length: n }, () => ({ completed: empty(), latest: empty(), cumulative: empty(), open: empty() }))
  for (const row of t.getRowObjectsJS() as { what: typeof KINDS[number], ord: number, count: bigint, mean: number, median: number, p90: number }[]) {
    tis[row.ord]![row.what] = { count: Number(row.count), mean: row.mean, median: row.median, p90: row.p90 }
  }
  return {
    funnel: funnelRows.map(r => ({ count: Number(r.reached), amount: r.amount })),
    conversion: funnelRows.slice(1).map(r => r.conversion),
    timeInStage: tis,
  }
}

/** Differences between two results (relative tolerance 1e-9 for sums and means), empty when equal. */
export function diffMetrics(a: MetricNumbers, b: MetricNumbers, label: string): string[] {
  const out: string[] = []
  const same = (x: number | null, y: number | null): boolean =>
    x === y || (x !== null && y !== null && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)))
  const check = (path: string, x: number | null, y: number | null): void => {
    if (!same(x, y)) out.push(`${label} ${path}: ${x} vs ${y}`)
  }
  if (a.funnel.length !== b.funnel.length) out.push(`${label} funnel length ${a.funnel.length} vs ${b.funnel.length}`)
  a.funnel.forEach((s, k) => {
    check(`funnel[${k}].count`, s.count, b.funnel[k]?.count ?? null)
    check(`funnel[${k}].amount`, s.amount, b.funnel[k]?.amount ?? null)
  })
  a.conversion.forEach((c, k) => check(`conversion[${k}]`, c, b.conversion[k] ?? null))
  a.timeInStage.forEach((st, o) => {
    for (const kind of KINDS) {
      for (const key of ['count', 'mean', 'median', 'p90'] as const) check(`timeInStage[${o}].${kind}.${key}`, st[kind][key], b.timeInStage[o]?.[kind][key] ?? null)
    }
  })
  return out
}

/**
 * Timings of ours over the cached summary (`ours`), ours with the summary built after a write
 * (`cold`) and into new arrays (`fresh`), DuckDB and naive JS; throws when they disagree (every
 * source checked, the after-write one twice: the second build writes into the first one's columns).
 */
export async function benchMetrics(ds: Dataset, runs: number): Promise<{ ours: Timing, cold: Timing, fresh: Timing, duckdb: Timing, naive: Timing }> {
  const con = await loadDuckDb(ds)
  try {
    const mine = ourMetrics(ds, 'fresh')
    const duck = await duckMetrics(con, ds)
    const naive = naiveMetrics(ds.records, ds.events, ds.stageField, AMOUNT_FIELD, ds.now)
    const problems = [
      ...diffMetrics(mine, duck, 'ours (fresh summary) vs DuckDB'),
      ...diffMetrics(mine, naive, 'ours (fresh summary) vs naive'),
      ...diffMetrics(ourMetrics(ds, 'after-write'), duck, 'ours (first summary after a write) vs DuckDB'),
      ...diffMetrics(ourMetrics(ds, 'after-write'), duck, 'ours (second summary after a write) vs DuckDB'),
      ...diffMetrics(ourMetrics(ds, 'cached'), duck, 'ours (cached summary) vs DuckDB'),
    ]
    if (problems.length > 0) throw new Error(`metrics disagree at ${ds.size}:\n${problems.slice(0, 20).join('\n')}`)
    return await measureAll({
      ours: () => void ourMetrics(ds, 'cached'),
      cold: () => void ourMetrics(ds, 'after-write'),
      fresh: () => void ourMetrics(ds, 'fresh'),
      duckdb: async () => void await duckMetrics(con, ds),
      naive: () => void naiveMetrics(ds.records, ds.events, ds.stageField, AMOUNT_FIELD, ds.now),
    }, { runs })
  }
  finally {
    con.closeSync()
  }
}
