/** Demo marketing campaigns (营销活动); deals from a campaign's channel and time link to it. */
import type { RecordRow } from '../../schema/types'
import { CAMPAIGN_CHANNELS } from './catalog.ts'
import type { DemoContext, DemoMember } from './context.ts'
import { roundTo, withAuthor } from './opportunity-record.ts'
import { CAMPAIGN_NAMES } from './text.ts'
import { addDays, DAY_MS, isoDate } from './time.ts'

/** A campaign decided up front; `linked` counts the deals it produced. */
export interface CampaignPlan {
  id: string
  channel: string
  start: number
  end: number
  budget: number
  owner: DemoMember | undefined
  linked: number
}

/** Campaigns by channel, sorted by start, for finding the one a new deal came from. */
export type CampaignIndex = ReadonlyMap<string, readonly CampaignPlan[]>

/** Decides `count` campaigns spread over the last year (a few planned in the next weeks). */
export function planCampaigns(ctx: DemoContext, count: number): { plans: CampaignPlan[], index: CampaignIndex } {
  const { rng } = ctx
  const plans: CampaignPlan[] = []
  for (let i = 0; i < count; i++) {
    const channel = rng.weighted(CAMPAIGN_CHANNELS)
    const start = Math.round(ctx.now - rng.range(-20, 380) * DAY_MS)
    const days = channel === 'src_exhibition' ? rng.int(2, 4) : rng.int(14, 60)
    const budget = roundTo(rng.logNormal(channel === 'src_exhibition' ? 120_000 : 40_000, 0.4), 1000)
    const owner = ctx.members.length > 0 ? rng.pick(ctx.members) : undefined
    plans.push({ id: ctx.makeId('cmp'), channel, start, end: addDays(start, days), budget, owner, linked: 0 })
  }
  const index = new Map<string, CampaignPlan[]>()
  for (const p of [...plans].sort((a, b) => a.start - b.start)) {
    const list = index.get(p.channel) ?? []
    list.push(p)
    index.set(p.channel, list)
  }
  return { plans, index }
}

/** The latest campaign of `channel` started before `at` whose leads still arrive (up to 30 days after its end). */
export function findCampaign(index: CampaignIndex, channel: string, at: number): CampaignPlan | undefined {
  const list = index.get(channel)
  if (list === undefined) return undefined
  let lo = 0
  let hi = list.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((list[mid]?.start ?? Infinity) <= at) { found = mid; lo = mid + 1 }
    else hi = mid - 1
  }
  const c = found >= 0 ? list[found] : undefined
  return c !== undefined && at <= addDays(c.end, 30) ? c : undefined
}

/** Writes campaign rows; leads generated = linked deals plus leads that never became deals. */
export function emitCampaigns(ctx: DemoContext, plans: readonly CampaignPlan[], out: RecordRow[]): void {
  const { rng, t, now } = ctx
  for (const p of plans) {
    const status = p.start > now ? 'cmp_planned' : p.end > now ? 'cmp_running' : 'cmp_finished'
    const createdAt = Math.min(now, addDays(p.start, -rng.range(7, 30)))
    const values: Record<string, unknown> = {
      f_cmp_name: `${isoDate(p.start).slice(0, 7)} ${t(CAMPAIGN_NAMES[p.channel] ?? ['活动', 'Campaign'])}`,
      f_cmp_channel: p.channel,
      f_cmp_status: status,
      f_cmp_start: isoDate(p.start),
      f_cmp_end: isoDate(p.end),
      f_cmp_budget: p.budget,
    }
    if (status !== 'cmp_planned') {
      const spent = status === 'cmp_finished' ? rng.range(0.8, 1.1) : (now - p.start) / Math.max(1, p.end - p.start)
      values.f_cmp_cost = roundTo(p.budget * Math.min(1.1, spent), 100)
      values.f_cmp_leads = p.linked + Math.round(p.linked * rng.range(0.5, 2)) + rng.int(0, 5)
    }
    if (p.owner !== undefined) values.f_cmp_owner = p.owner.id
    out.push(withAuthor({ id: p.id, values, createdAt, updatedAt: Math.max(createdAt, Math.min(now, p.end)), rev: 1 }, p.owner))
  }
}
