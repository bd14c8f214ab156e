/** Demo monthly sales targets (销售目标) per owner, set a little above what each owner actually wins. */
import type { RecordRow } from '../../schema/types'
import { WON_STAGE } from './catalog.ts'
import type { DemoContext } from './context.ts'
import { type DealOutcome, roundTo, withAuthor } from './opportunity-record.ts'
import { addDays, isoDate, monthStart } from './time.ts'

/** Writes one target per member for each of the last 12 months, this month and next month. */
export function emitTargets(ctx: DemoContext, deals: readonly DealOutcome[], out: RecordRow[]): void {
  const { rng, t, now } = ctx
  const won = new Map<string, { amount: number, count: number }>()
  for (const d of deals) {
    if (d.path.stage !== WON_STAGE || d.input.owner === undefined) continue
    const w = won.get(d.input.owner.id) ?? { amount: 0, count: 0 }
    w.amount += d.input.amount
    w.count++
    won.set(d.input.owner.id, w)
  }
  for (let offset = -11; offset <= 1; offset++) {
    const month = monthStart(now, offset)
    for (const member of ctx.members) {
      const w = won.get(member.id) ?? { amount: 0, count: 0 }
      const createdAt = Math.min(now, addDays(month, -rng.range(3, 10)))
      const values: Record<string, unknown> = {
        f_tgt_name: `${member.name} ${isoDate(month).slice(0, 7)} ${t(['销售目标', 'target'])}`,
        f_tgt_owner: member.id,
        f_tgt_month: isoDate(month),
        f_tgt_amount: roundTo(Math.max(50_000, w.amount / 12 * rng.range(1.05, 1.35)), 10_000),
        f_tgt_deals: Math.max(1, Math.round(w.count / 12 * 1.2)),
      }
      out.push(withAuthor({ id: ctx.makeId('tgt'), values, createdAt, updatedAt: createdAt, rev: 1 }, member))
    }
  }
}
