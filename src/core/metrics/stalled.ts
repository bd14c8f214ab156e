import type { Snooze } from './snooze'
import { metricContext } from './context'
import { currentMask } from './population'
import { activeSnooze, snoozeOf } from './snooze'
import { MS_PER_DAY } from './stage-model'
import { OUTCOME_OPEN } from './summary'
import type { MetricInput } from './types'

/** An open record past its stage's "stalled after N days" threshold. */
export interface StalledRecord {
  recordId: string
  /** Index of the record in the input's `records`. */
  recordIndex: number
  stageId: string
  /** Time in the current stage, in days (now - entry into it). */
  days: number
  thresholdDays: number
  /**
   * When it became stalled (epoch ms): when it crossed the threshold, or, when a snooze ended
   * after that, the start of the resume date.
   */
  since: number
}

/** What the grid and the kanban cards say beside a deal's stage. */
export type StageAlert
  = | { kind: 'stalled', stalled: StalledRecord }
  /** Snoozed (resume date after today), whether or not it would be stalled now. */
    | { kind: 'snoozed', snooze: Snooze, stalled?: StalledRecord }

function scan(input: MetricInput, visit: (s: StalledRecord | undefined, i: number) => void): void {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const mask = currentMask(ctx, OUTCOME_OPEN)
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const code = s.current[i] as number
    const limit = model.stalledMs[code] as number
    const entered = s.currentSince[i] as number
    const age = ctx.now - entered
    if (!(age > limit)) {
      visit(undefined, i)
      continue
    }
    const record = input.records[i]
    const ended = record ? snoozeOf(input.field, record)?.endsAt : undefined
    const crossed = entered + limit
    const since = ended !== undefined && ended > crossed && ended <= ctx.now ? ended : crossed
    visit({ recordId: record?.id ?? '', recordIndex: i, stageId: model.ids[code] ?? '', days: age / MS_PER_DAY, thresholdDays: limit / MS_PER_DAY, since }, i)
  }
}

/**
 * Stalled records: open records whose time in their current stage exceeds the stage's
 * `stalledAfterDays` (stages without one never stall) and that are not snoozed (the stage
 * field's `snooze` resume date after today), longest first.
 */
export function stalledRecords(input: MetricInput): StalledRecord[] {
  const out: StalledRecord[] = []
  const now = input.options?.now ?? Date.now()
  scan({ ...input, options: { ...input.options, now } }, (s) => {
    if (s && !activeSnooze(input.field, input.records[s.recordIndex]!, now)) out.push(s)
  })
  return out.sort((a, b) => b.days - a.days)
}

/** Per open record id: stalled, or snoozed (with what it would be without the snooze). Records with neither are absent. */
export function stageAlerts(input: MetricInput): Map<string, StageAlert> {
  const out = new Map<string, StageAlert>()
  const now = input.options?.now ?? Date.now()
  const snoozable = !!input.field.options.snooze
  scan({ ...input, options: { ...input.options, now } }, (s, i) => {
    const record = input.records[i]!
    const snooze = snoozable ? activeSnooze(input.field, record, now) : undefined
    if (snooze) out.set(record.id, s ? { kind: 'snoozed', snooze, stalled: s } : { kind: 'snoozed', snooze })
    else if (s) out.set(record.id, { kind: 'stalled', stalled: s })
  })
  return out
}
