/** Result rows, budgets, the printed table and bench/results.json. */
import { writeFileSync } from 'node:fs'
import os from 'node:os'

/** One row per op and size (size is a record count, or a route name for the bundle op). */
export interface ResultRow {
  op: string
  size: number | string
  /** Median of the timed runs, ms; null for ops that are not times (memory, bundle). */
  median_ms: number | null
  p95_ms: number | null
  /** The measured figure in `unit` (= median_ms for times). */
  value: number
  unit: 'ms' | 'KB gzip' | 'MB per 100k records'
  baseline: string | null
  baseline_median_ms: number | null
  /** value / baseline (for memory: heap / JSON bytes); null without a baseline. */
  ratio: number | null
  budget: string
  met: boolean
  /** Other baselines and figures (naive JS, durable time, match counts ...). */
  extra?: Record<string, unknown>
  note?: string
}

/** The 1M figure applies at 1M and above, the 100k one below (the stricter, scaled budget). */
export function atSize<T>(size: number, big: T, small: T): T {
  return size >= 1_000_000 ? big : small
}

const r2 = (x: number): number => Math.round(x * 100) / 100

/** Formats the rows as a fixed-width table. */
export function table(rows: readonly ResultRow[]): string {
  const head = ['op', 'size', 'median', 'baseline', 'baseline median', 'ratio', 'budget', 'met']
  const cells = rows.map(r => [
    r.op, String(r.size), `${r2(r.value)} ${r.unit}`, r.baseline ?? '—',
    r.baseline_median_ms === null ? '—' : `${r2(r.baseline_median_ms)} ${r.unit === 'ms' ? 'ms' : r.unit}`,
    r.ratio === null ? '—' : `${r2(r.ratio)}x`, r.budget, r.met ? 'yes' : 'NO',
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map(c => c[i]!.length)))
  const line = (c: string[]): string => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`
  return [line(head), line(widths.map(w => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

/** The machine the run was on. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load avg ${os.loadavg().map(x => x.toFixed(1)).join(' ')}`
}

/** Writes bench/results.json. */
export function writeResults(path: string, rows: readonly ResultRow[], meta: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify({ ...meta, machine: machine(), rows }, null, 2)}\n`)
}
