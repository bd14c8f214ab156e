/** Demo after-sales tickets (售后服务) and customer feedback (客户反馈) for signed customers. */
import type { RecordRow } from '../../schema/types'
import { FEEDBACK_CATEGORIES, RATINGS, TICKET_PRIORITIES, TICKET_TYPES } from './catalog.ts'
import type { ContractOutcome } from './contracts.ts'
import type { DemoContext } from './context.ts'
import { withAuthor } from './opportunity-record.ts'
import { FEEDBACK_COMMENTS, RESOLUTIONS, TICKET_SUBJECTS } from './text.ts'
import { addDays, DAY_MS, isoDate } from './time.ts'

/** Writes 0-4 tickets per contract after signing; older tickets are mostly resolved. Returns complaints per contract. */
function emitTickets(ctx: DemoContext, contract: ContractOutcome, out: RecordRow[]): number {
  const { rng, t, now } = ctx
  let complaints = 0
  const count = rng.weighted([[0, 30], [1, 35], [2, 20], [3, 10], [4, 5]] as const)
  for (let i = 0; i < count; i++) {
    const type = i === 0 && rng.chance(0.4) ? 'tk_install' : rng.weighted(TICKET_TYPES)
    const openedAt = type === 'tk_install'
      ? addDays(contract.signedAt, rng.range(1, 20))
      : Math.round(contract.signedAt + rng.next() * (now - contract.signedAt))
    if (openedAt > now) continue
    if (type === 'tk_complaint') complaints++
    const ageDays = (now - openedAt) / DAY_MS
    const fixDays = rng.logNormal(type === 'tk_question' ? 1 : 4, 0.8)
    const done = fixDays < ageDays
    const status = done ? (rng.chance(0.6) ? 'tk_closed' : 'tk_resolved') : rng.chance(0.5) ? 'tk_in_progress' : 'tk_open'
    const owner = ctx.members.length > 0 ? rng.pick(ctx.members) : undefined
    const values: Record<string, unknown> = {
      f_tk_title: t(rng.pick(TICKET_SUBJECTS[type] ?? [['问题', 'Issue']])),
      f_tk_contract: contract.id,
      f_tk_type: type,
      f_tk_priority: type === 'tk_complaint' ? 'prio_high' : rng.weighted(TICKET_PRIORITIES),
      f_tk_status: status,
      f_tk_opened: isoDate(openedAt),
      f_tk_description: t(rng.pick(TICKET_SUBJECTS[type] ?? [['问题', 'Issue']])),
    }
    if (contract.accountId !== undefined) values.f_tk_account = contract.accountId
    if (owner !== undefined) values.f_tk_owner = owner.id
    const closedAt = addDays(openedAt, fixDays)
    if (done) {
      values.f_tk_closed = isoDate(closedAt)
      values.f_tk_resolution = t(rng.pick(RESOLUTIONS))
    }
    out.push(withAuthor({ id: ctx.makeId('tk'), values, createdAt: openedAt, updatedAt: done ? closedAt : openedAt, rev: done ? 2 : 1 }, owner))
  }
  return complaints
}

/** Writes feedback for about two thirds of contracts; complaints pull the rating down. */
function emitFeedback(ctx: DemoContext, contract: ContractOutcome, complaints: number, out: RecordRow[]): void {
  const { rng, t, now } = ctx
  const count = rng.weighted([[0, 35], [1, 45], [2, 20]] as const)
  for (let i = 0; i < count; i++) {
    const at = addDays(contract.signedAt, rng.range(20, 240))
    if (at > now) continue
    const rating = Math.max(1, rng.weighted(RATINGS) - Math.min(2, complaints))
    const owner = contract.deal.input.owner
    const values: Record<string, unknown> = {
      f_fb_title: t(rating >= 4 ? ['使用满意度回访', 'Satisfaction check-in'] : ['客户意见反馈', 'Customer concerns']),
      f_fb_rating: rating,
      f_fb_category: rng.weighted(FEEDBACK_CATEGORIES),
      f_fb_date: isoDate(at),
      f_fb_comments: t(rng.pick(FEEDBACK_COMMENTS[rating - 1] ?? [['—', '—']])),
    }
    if (contract.accountId !== undefined) values.f_fb_account = contract.accountId
    if (contract.deal.input.contactId !== undefined) values.f_fb_contact = contract.deal.input.contactId
    if (owner !== undefined) values.f_fb_owner = owner.id
    out.push(withAuthor({ id: ctx.makeId('fb'), values, createdAt: at, updatedAt: at, rev: 1 }, owner))
  }
}

/** Tickets and feedback for every signed contract. */
export function emitService(ctx: DemoContext, contracts: readonly ContractOutcome[], tickets: RecordRow[], feedback: RecordRow[]): void {
  for (const contract of contracts) {
    const complaints = emitTickets(ctx, contract, tickets)
    emitFeedback(ctx, contract, complaints, feedback)
  }
}
