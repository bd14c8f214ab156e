/** Demo proposals/quotes (方案/报价) with line items, for deals that reached 方案制定. */
import type { RecordRow } from '../../schema/types'
import { LOST_STAGE, WON_STAGE } from './catalog.ts'
import type { DemoContext } from './context.ts'
import { firstEntry } from './funnel-model.ts'
import { type DealOutcome, roundTo, withAuthor } from './opportunity-record.ts'
import { PRODUCTS } from './text.ts'
import { addDays, isoDate } from './time.ts'

/** One line of a proposal's subform, keyed by the subform's field ids. */
export interface LineItem { f_item_product: string, f_item_qty: number, f_item_price: number }

/** 1-4 line items whose total is close to `amount`. Subtotals and the total are formulas, not stored. */
export function lineItems(ctx: DemoContext, amount: number): LineItem[] {
  const { rng, t } = ctx
  const n = rng.int(1, 4)
  const picked = new Set<number>()
  while (picked.size < n) picked.add(rng.int(0, PRODUCTS.length - 1))
  const shares = [...picked].map(() => rng.range(0.5, 1.5))
  const totalShare = shares.reduce((a, b) => a + b, 0)
  return [...picked].map((p, i) => {
    const product = PRODUCTS[p] ?? { name: ['服务', 'Service'], price: 1000 }
    const price = roundTo(product.price * rng.range(0.85, 1.1), 100)
    const qty = Math.max(1, Math.round(amount * (shares[i] ?? 1) / totalShare / price))
    return { f_item_product: t(product.name), f_item_qty: qty, f_item_price: price }
  })
}

/** Writes a proposal (a second, revised one for some deals) dated a few days into 方案制定. */
export function emitProposals(ctx: DemoContext, deals: readonly DealOutcome[], out: RecordRow[]): void {
  const { rng, t } = ctx
  for (const deal of deals) {
    const entered = firstEntry(deal.path, 3) ?? (deal.path.highest >= 3 ? firstEntry(deal.path, 4) : null)
    if (entered === null) continue
    const closed = deal.path.closedAt ?? ctx.now
    const versions = rng.chance(0.3) ? 2 : 1
    let at = addDays(entered, rng.range(1, 6))
    for (let v = 1; v <= versions && at <= closed; v++) {
      const latest = v === versions
      const status = !latest
        ? 'prop_rejected'
        : deal.path.stage === WON_STAGE
          ? 'prop_accepted'
          : deal.path.stage === LOST_STAGE
            ? 'prop_rejected'
            : rng.chance(0.15) ? 'prop_draft' : 'prop_sent'
      const values: Record<string, unknown> = {
        f_prop_title: `${deal.input.title} ${t(['方案', 'proposal'])} v${v}`,
        f_prop_opportunity: deal.id,
        f_prop_date: isoDate(at),
        f_prop_valid_until: isoDate(addDays(at, 30)),
        f_prop_status: status,
        f_prop_items: lineItems(ctx, deal.input.amount * (latest ? 1 : rng.range(1.05, 1.25))),
      }
      if (deal.input.owner !== undefined) values.f_prop_owner = deal.input.owner.id
      out.push(withAuthor({ id: ctx.makeId('prop'), values, createdAt: at, updatedAt: at, rev: 1 }, deal.input.owner))
      at = addDays(at, rng.range(4, 15))
    }
  }
}
