import type { RecordRow } from '../schema/types'
import { inputColumn, summaryColumns } from './columns'
import { perValue } from './per-value'
import { metricContext } from './context'
import { closedMask } from './population'
import type { MetricInput } from './types'

/** Lost records grouped by one key. */
export interface LossGroup<K> {
  key: K
  count: number
  amount: number
}

/** Loss analysis over records lost in the period. */
export interface LossAnalysis {
  lost: number
  amount: number
  /** Per open stage, in stage order (zero rows kept), then `null` for an unknown stage. */
  byStage: LossGroup<string | null>[]
  /** Per value of `field.options.lossReasonField` (raw stored value; null = empty), most first. */
  byReason: LossGroup<string | null>[]
  undated: number
}

/** Loss analysis: lost records by the stage they were lost from and by loss reason. */
export function lossAnalysis(input: MetricInput): LossAnalysis {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const { mask, undated } = closedMask(ctx, 'lost')
  const amounts = inputColumn(input, input.options?.amountField)
  const reasonField = input.field.options.lossReasonField
  const byStage: LossGroup<string | null>[] = model.openCodes.map(c => ({ key: model.ids[c] ?? '', count: 0, amount: 0 }))
  const unknown: LossGroup<string | null> = { key: null, count: 0, amount: 0 }
  const reasons = new Map<string | null, LossGroup<string | null>>()
  const groupOf = (key: string | null): LossGroup<string | null> => {
    let g = reasons.get(key)
    if (g === undefined) reasons.set(key, g = { key, count: 0, amount: 0 })
    return g
  }
  // the group of each distinct reason value, found once (a group is made at its first record, in record order)
  const reasonOf = reasonField === undefined ? () => groupOf(null) : perValue(summaryColumns(input.records, input.summary), reasonField, v => groupOf(reasonKeyOf(v)))
  const { lostFrom } = s
  let lost = 0
  let amount = 0
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const a = amounts[i] as number
    const has = a === a
    lost++
    if (has) amount += a
    const lf = lostFrom[i] as number
    const st = lf >= 0 ? byStage[lf]! : unknown
    st.count++
    if (has) st.amount += a
    const g = reasonOf(i)
    g.count++
    if (has) g.amount += a
  }
  const byReason = [...reasons.values()].sort((x, y) => y.count - x.count || y.amount - x.amount)
  return { lost, amount, byStage: [...byStage, unknown], byReason, undated }
}

/** A record's loss reason as a group key (raw stored value, lists joined; null = empty or no reason field). */
export function reasonKey(record: RecordRow, fieldId: string | undefined): string | null {
  return fieldId === undefined ? null : reasonKeyOf(record.values[fieldId])
}

/** A stored loss-reason value as a group key (lists joined; null = empty). */
export function reasonKeyOf(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null
  return Array.isArray(v) ? v.map(String).join(', ') : String(v)
}
