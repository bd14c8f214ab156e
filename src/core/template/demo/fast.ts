/** A lean opportunity-only generator for benchmarks: O(n), no accounts or related forms. */
import type { RecordRow, StageEvent } from '../../schema/types'
import { INDUSTRIES, SCALES } from './catalog.ts'
import { createDemoContext, type DemoContextOptions } from './context.ts'
import { dealAmount, dealCreatedAt, dealQuality, dealSource, ownerSkills } from './deals.ts'
import { simulateFunnel } from './funnel-model.ts'
import { createDemoMembers } from './members.ts'
import { emitOpportunity } from './opportunity-record.ts'
import { BRAND_WORDS, PROJECT_NAMES } from './text.ts'

/** Options of the fast path: the demo options minus the seed and clock, which are positional. */
export type OpportunityOptions = Omit<DemoContextOptions, 'seed' | 'now'>

/**
 * `n` opportunities with ~4 stage events each (about 4.3 on average), from the same stage
 * model as the full demo but without relations or free texts. Events are grouped per record
 * in time order; they are not globally sorted, to keep a million records cheap.
 */
export function generateOpportunities(n: number, seed: number, now: number, options: OpportunityOptions = {}): { records: RecordRow[], events: StageEvent[] } {
  const ctx = createDemoContext({ ...options, seed, now }, createDemoMembers(options.locale), 1)
  const { rng, t } = ctx
  const skills = ownerSkills(ctx)
  const industries = INDUSTRIES.map(i => [i, i.weight] as const)
  const scales = SCALES.map(s => [s, s.weight] as const)
  const records: RecordRow[] = []
  const events: StageEvent[] = []
  for (let i = 0; i < n; i++) {
    const industry = rng.weighted(industries)
    const scale = rng.weighted(scales)
    const source = dealSource(ctx)
    const owner = ctx.members.length > 0 ? rng.pick(ctx.members) : undefined
    const quality = dealQuality(source, owner === undefined ? 1 : skills.get(owner.id) ?? 1, scale.winFactor)
    const path = simulateFunnel(rng, dealCreatedAt(ctx), now, quality)
    const brand = rng.pick(BRAND_WORDS)
    emitOpportunity(ctx, {
      title: `${ctx.locale === 'en' ? brand.py : brand.zh} ${t(rng.pick(PROJECT_NAMES))} #${i + 1}`,
      amount: dealAmount(ctx, scale.baseAmount, industry.dealFactor),
      owner,
      source,
    }, path, false, records, events)
  }
  return { records, events }
}
