/** Demo follow-up activities (跟进记录): calls, emails, meetings and visits along each deal. */
import type { RecordRow } from '../../schema/types'
import { ACTIVITY_TYPES_BY_STAGE, OPEN_STAGES } from './catalog.ts'
import type { DemoContext } from './context.ts'
import { openStageAt } from './funnel-model.ts'
import type { DealOutcome } from './opportunity-record.ts'
import { withAuthor } from './opportunity-record.ts'
import { ACTIVITY_SUBJECTS, ACTIVITY_SUMMARIES, NEXT_STEPS } from './text.ts'
import { addDays, isoDate } from './time.ts'

/** Writes 1-9 activities per deal between its creation and its close (or now), more for deals that got further. */
export function emitActivities(ctx: DemoContext, deals: readonly DealOutcome[], out: RecordRow[]): void {
  const { rng, t } = ctx
  for (const deal of deals) {
    const start = deal.path.steps[0]?.at ?? ctx.now
    const end = deal.path.closedAt ?? ctx.now
    const depth = Math.min(deal.path.highest, OPEN_STAGES.length - 1) + 1
    const count = 1 + Math.round(depth * rng.range(0.6, 1.5))
    const times: number[] = [start + Math.round(rng.range(0, 0.3) * (end - start) / count)]
    for (let i = 1; i < count; i++) times.push(Math.round(rng.range(start, end)))
    times.sort((a, b) => a - b)
    for (const at of times) {
      const stage = openStageAt(deal.path, at)
      const type = rng.weighted(ACTIVITY_TYPES_BY_STAGE[stage] ?? ACTIVITY_TYPES_BY_STAGE[0] ?? [['act_call', 1]])
      const owner = deal.input.owner !== undefined && rng.chance(0.9) ? deal.input.owner : ctx.members.length > 0 ? rng.pick(ctx.members) : undefined
      const values: Record<string, unknown> = {
        f_act_subject: t(rng.pick(ACTIVITY_SUBJECTS[type] ?? [['跟进', 'Follow-up']])),
        f_act_type: type,
        f_act_opportunity: deal.id,
        f_act_date: isoDate(at),
        f_act_summary: t(rng.pick(ACTIVITY_SUMMARIES[stage] ?? [['跟进', 'Follow-up']])),
      }
      if (deal.input.contactId !== undefined) values.f_act_contact = deal.input.contactId
      if (owner !== undefined) values.f_act_owner = owner.id
      if (rng.chance(0.7)) {
        values.f_act_next_step = t(rng.pick(NEXT_STEPS))
        values.f_act_next_date = isoDate(addDays(at, rng.int(2, 14)))
      }
      out.push(withAuthor({ id: ctx.makeId('act'), values, createdAt: at, updatedAt: at, rev: 1 }, owner))
    }
  }
}
