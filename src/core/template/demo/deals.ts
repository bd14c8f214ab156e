/** Demo opportunities (商机): who they are with, where they came from, and how far they got. */
import type { RecordRow, StageEvent } from '../../schema/types'
import { SOURCES, WON_STAGE } from './catalog.ts'
import type { AccountPlan } from './accounts.ts'
import { type CampaignIndex, findCampaign } from './campaigns.ts'
import type { DemoContext } from './context.ts'
import { simulateFunnel } from './funnel-model.ts'
import { type DealOutcome, emitOpportunity, roundTo } from './opportunity-record.ts'
import { PROJECT_NAMES } from './text.ts'
import { DAY_MS } from './time.ts'

const SOURCE_QUALITY: ReadonlyMap<string, number> = new Map(SOURCES.map(s => [s.id, s.quality]))
const SOURCE_WEIGHTS = SOURCES.map(s => [s.id, s.weight] as const)

/** Creation time of a deal in the last 365 days, denser towards now (a growing pipeline). */
export function dealCreatedAt(ctx: DemoContext): number {
  return Math.round(ctx.now - Math.max(0.02, 365 * ctx.rng.next() ** 1.15) * DAY_MS)
}

/** Deal size: the company size's median times the industry factor, log-normal spread, whole thousands. */
export function dealAmount(ctx: DemoContext, baseAmount: number, dealFactor: number): number {
  return roundTo(baseAmount * dealFactor * ctx.rng.logNormal(1, 0.45), 1000)
}

/** One skill factor per member (0.88..1.12), so owners differ in win rate. */
export function ownerSkills(ctx: DemoContext): Map<string, number> {
  return new Map(ctx.members.map(m => [m.id, ctx.rng.range(0.88, 1.12)]))
}

/** A lead source: mostly the account's own, otherwise drawn by overall lead volume. */
export function dealSource(ctx: DemoContext, accountSource?: string): string {
  return accountSource !== undefined && ctx.rng.chance(0.7) ? accountSource : ctx.rng.weighted(SOURCE_WEIGHTS)
}

/** Source and owner effects on the pass rates. */
export function dealQuality(source: string, skill: number, winFactor: number): number {
  return (SOURCE_QUALITY.get(source) ?? 1) * skill * winFactor
}

/** Picks an account index with probability proportional to cumulative weights (binary search). */
function pickWeightedIndex(ctx: DemoContext, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1] ?? 0
  const r = ctx.rng.next() * total
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((cumulative[mid] ?? 0) > r) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Generates `count` deals on the planned accounts, appending records and stage events. */
export function generateDeals(
  ctx: DemoContext, count: number, accounts: AccountPlan[], campaigns: CampaignIndex, records: RecordRow[], events: StageEvent[],
): DealOutcome[] {
  const { rng, t } = ctx
  const skills = ownerSkills(ctx)
  const cumulative: number[] = []
  let sum = 0
  for (const a of accounts) cumulative.push(sum += a.scale.oppWeight)
  const outcomes: DealOutcome[] = []
  for (let i = 0; i < count && accounts.length > 0; i++) {
    const account = accounts[pickWeightedIndex(ctx, cumulative)] as AccountPlan
    const createdAt = dealCreatedAt(ctx)
    const source = dealSource(ctx, account.source)
    const owner = account.owner !== undefined && rng.chance(0.8) ? account.owner : ctx.members.length > 0 ? rng.pick(ctx.members) : undefined
    const contact = rng.pick(account.contacts)
    const boss = account.contacts.find(c => c.role === 'role_decision_maker')
    const campaign = findCampaign(campaigns, source, createdAt)
    if (campaign !== undefined) campaign.linked++
    const quality = dealQuality(source, owner === undefined ? 1 : skills.get(owner.id) ?? 1, account.scale.winFactor)
    const path = simulateFunnel(rng, createdAt, ctx.now, quality)
    const outcome = emitOpportunity(ctx, {
      title: `${account.company.name} - ${t(rng.pick(PROJECT_NAMES))}`,
      amount: dealAmount(ctx, account.scale.baseAmount, account.industry.dealFactor),
      owner,
      source,
      accountId: account.id,
      contactId: contact.id,
      campaignId: campaign?.id,
      decisionMaker: boss?.name,
    }, path, true, records, events)
    account.firstDealAt = Math.min(account.firstDealAt ?? createdAt, createdAt)
    if (path.stage === WON_STAGE) account.won = true
    outcomes.push(outcome)
  }
  return outcomes
}
