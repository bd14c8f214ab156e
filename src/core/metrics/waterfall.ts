import type { ChangeEntry } from '../schema/types'
import { amountsAtTimes, stagesAt, summaryIndex } from './as-of'
import { inputColumn } from './columns'
import { metricContext } from './context'
import { KIND_LOST, KIND_OPEN, KIND_WON } from './stage-model'
import type { MetricInput } from './types'

/** The bars of a pipeline waterfall, in drawing order. */
export const WATERFALL_BARS = ['start', 'created', 'pulledIn', 'pushedOut', 'amountChange', 'won', 'lost', 'end'] as const
export type WaterfallBarKey = typeof WATERFALL_BARS[number]

/** One bar: how many records and how much amount it adds (+), removes (−) or stands at (start, end). */
export interface WaterfallBar {
  key: WaterfallBarKey
  /** Records in the bar (for amountChange: records whose amount changed). */
  count: number
  /** Signed amount: positive for start, created, pulled in and end; negative for pushed out, won, lost; either for changes. */
  amount: number
  /** Signed count contribution to the running total (0 for amountChange). */
  delta: number
}

/** A pipeline waterfall between two times, and each record's part in it (for drill-through). */
export interface Waterfall {
  from: number
  to: number
  bars: WaterfallBar[]
  /** Per record: bit flags of the bars it is in (1 << index in WATERFALL_BARS). */
  membership: Uint16Array
}

const bit = (k: WaterfallBarKey): number => 1 << WATERFALL_BARS.indexOf(k)
const nz = (x: number): number => (x === x ? x : 0)

/**
 * Pipeline waterfall from `from` to `to` (epoch ms; the pipeline as it stood at each, rebuilt
 * from the stage events). Per record (kept by the input's predicate):
 * - start: open at `from`; end: open at `to`;
 * - in (not open at `from`, and open at `to` or in an open stage entered in between):
 *   created when it entered the funnel in [from, to), else pulled in (re-opened);
 * - out (open at `from` or came in, and not open at `to`): won or lost by its stage at `to`,
 *   else pushed out (its stage was cleared or removed);
 * - amount change: open at `from`, amount at `to` minus amount at `from` (amounts from `changes`,
 *   else current amounts, so 0).
 * Ins and outs are valued at the amount at `to`, so the bars sum exactly: start + created +
 * pulled in − pushed out ± changes − won − lost = end, by count and by amount.
 */
export function pipelineWaterfall(input: MetricInput, from: number, to: number, changes?: readonly ChangeEntry[]): Waterfall {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const s0 = stagesAt(s, input.records, from)
  const s1 = stagesAt(s, input.records, to)
  const field = input.options?.amountField
  const current = inputColumn(input, field)
  const index = changes?.length ? summaryIndex(s, input.records) : undefined
  const [a0, a1] = amountsAtTimes(input.records, current, field, changes, [from, to], index) as [Float64Array, Float64Array]
  const count = new Float64Array(WATERFALL_BARS.length)
  const amount = new Float64Array(WATERFALL_BARS.length)
  const membership = new Uint16Array(s.count)
  const add = (i: number, k: WaterfallBarKey, a: number): void => {
    const j = WATERFALL_BARS.indexOf(k)
    membership[i]! |= 1 << j
    count[j]!++
    if (a === a) amount[j]! += a
  }
  const isOpen = (c: number): boolean => c >= 0 && model.kind[c] === KIND_OPEN
  for (let i = 0; i < s.count; i++) {
    if (ctx.kept[i] !== 1) continue
    const wasIn = isOpen(s0[i] as number)
    const endIn = isOpen(s1[i] as number)
    let came = false
    if (!wasIn) {
      came = endIn
      for (let v = s.visitOffset[i] as number; !came && v < (s.visitOffset[i + 1] as number); v++) {
        const t = s.visitEnter[v] as number
        came = t >= from && t < to && isOpen(s.visitStage[v] as number)
      }
    }
    // a missing amount counts as 0 at either end, so the amounts still sum exactly
    const end = nz(a1[i] as number)
    if (wasIn) {
      const start = nz(a0[i] as number)
      add(i, 'start', start)
      if (end !== start) add(i, 'amountChange', end - start)
    }
    if (came) {
      const entry = s.entryAt[i] as number
      add(i, entry >= from && entry < to ? 'created' : 'pulledIn', end)
    }
    if ((wasIn || came) && !endIn) {
      const c = s1[i] as number
      const k = c >= 0 ? model.kind[c] : -1
      add(i, k === KIND_WON ? 'won' : k === KIND_LOST ? 'lost' : 'pushedOut', -end)
    }
    if (endIn) add(i, 'end', end)
  }
  const sign: Record<WaterfallBarKey, number> = { start: 0, created: 1, pulledIn: 1, pushedOut: -1, amountChange: 0, won: -1, lost: -1, end: 0 }
  const bars = WATERFALL_BARS.map((key, j): WaterfallBar => ({
    key,
    count: count[j] as number,
    amount: amount[j] as number,
    delta: (sign[key] as number) * (count[j] as number),
  }))
  return { from, to, bars, membership }
}

/** True when record `i` of a waterfall is in bar `key`. */
export function inWaterfallBar(w: Waterfall, i: number, key: WaterfallBarKey): boolean {
  return ((w.membership[i] as number) & bit(key)) !== 0
}
