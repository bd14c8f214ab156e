/** Demo contracts (合同) for won deals and their payments (回款) by the agreed terms. */
import type { RecordRow } from '../../schema/types'
import { PAYMENT_METHODS, PAYMENT_TERMS, WON_STAGE } from './catalog.ts'
import type { DemoContext } from './context.ts'
import { type DealOutcome, withAuthor } from './opportunity-record.ts'
import { addDays, isoDate } from './time.ts'

/** A signed contract, as the after-sales generators need it. */
export interface ContractOutcome { id: string, accountId: string | undefined, signedAt: number, deal: DealOutcome }

/** Writes one contract per won deal (signed on the won date) and the instalments paid so far. */
export function emitContracts(ctx: DemoContext, deals: readonly DealOutcome[], contracts: RecordRow[], payments: RecordRow[]): ContractOutcome[] {
  const { rng, t, now } = ctx
  const signed: ContractOutcome[] = []
  for (const deal of deals) {
    if (deal.path.stage !== WON_STAGE || deal.path.closedAt === null) continue
    const signedAt = deal.path.closedAt
    const startAt = addDays(signedAt, rng.range(0, 14))
    const endAt = addDays(startAt, 365)
    const id = ctx.makeId('ct')
    const owner = deal.input.owner
    const status = rng.chance(0.03) ? 'ct_terminated' : endAt < now ? 'ct_completed' : 'ct_active'
    const values: Record<string, unknown> = {
      f_ct_title: `${deal.input.title} ${t(['合同', 'contract'])}`,
      f_ct_opportunity: deal.id,
      f_ct_amount: deal.input.amount,
      f_ct_signed_date: isoDate(signedAt),
      f_ct_start_date: isoDate(startAt),
      f_ct_end_date: isoDate(endAt),
      f_ct_status: status,
    }
    if (deal.input.accountId !== undefined) values.f_ct_account = deal.input.accountId
    if (owner !== undefined) values.f_ct_owner = owner.id
    contracts.push(withAuthor({ id, values, createdAt: signedAt, updatedAt: signedAt, rev: 1 }, owner))
    signed.push({ id, accountId: deal.input.accountId, signedAt, deal })
    const terms = PAYMENT_TERMS.find(p => p.id === deal.paymentTerms) ?? PAYMENT_TERMS[0]
    let paidSoFar = 0
    terms?.parts.forEach((part, i) => {
      const at = addDays(signedAt, rng.range(part.afterDays[0], part.afterDays[1]))
      if (at > now || (status === 'ct_terminated' && i > 0)) return
      const last = i === terms.parts.length - 1
      const amount = last ? deal.input.amount - paidSoFar : Math.round(deal.input.amount * part.share)
      paidSoFar += amount
      const pv: Record<string, unknown> = {
        f_pay_contract: id,
        f_pay_amount: amount,
        f_pay_date: isoDate(at),
        f_pay_method: rng.weighted(PAYMENT_METHODS),
        f_pay_installment: i + 1,
      }
      if (owner !== undefined) pv.f_pay_owner = owner.id
      payments.push(withAuthor({ id: ctx.makeId('pay'), values: pv, createdAt: at, updatedAt: at, rev: 1 }, owner))
    })
  }
  return signed
}
