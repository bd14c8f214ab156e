/**
 * What-if planning next to the reverse funnel: the measured step conversions and stage times,
 * and what the open pipeline and a volume of new leads would yield with other ones.
 */
import type { Label } from '../schema/types'
import { inputColumn } from './columns'
import { metricContext } from './context'
import { cumulativeFunnel } from './funnel'
import { currentMask } from './population'
import { averageWonAmountOf } from './reverse-funnel'
import { MS_PER_DAY } from './stage-model'
import { OUTCOME_OPEN } from './summary'
import { timeInStageOf } from './time-in-stage'
import type { MetricInput, Ratio } from './types'

/** Days of "recent" funnel entries that give the default lead volume. */
export const RECENT_LEAD_DAYS = 30

/** One open stage as measured: its step conversion and its median stay. */
export interface WhatIfStage {
  stageId: string
  label: Label
  /** Records that reached it (n) and the next step (x), any order; rate = x / n. */
  reached: number
  moved: number
  rate: Ratio
  /** Median days of its completed visits; null without any. */
  days: number | null
  /** Completed visits behind `days`. */
  visits: number
}

/** What a plan starts from: the measured stages, the open deals and the average won amount. */
export interface WhatIfBase {
  /** S1..Sn in order; the last one's next step is won. */
  stages: WhatIfStage[]
  /** Open deals now, one entry each: the 0-based ordinal of the stage it is in, its amount (NaN: none) and when it entered that stage. */
  open: { ordinal: Int16Array, amount: Float64Array, since: Float64Array }
  averageWonAmount: number | null
  /** Records that entered the funnel in the {@link RECENT_LEAD_DAYS} days before now (the default lead volume). */
  recentLeads: number
  now: number
}

/**
 * The measured base of `input` (same population as the reverse funnel: the any-order funnel for
 * the rates, completed visits for the days, records won in the period for the average amount).
 */
export function whatIfBase(input: MetricInput): WhatIfBase {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const funnel = cumulativeFunnel({ ...input, summary: s })
  const times = timeInStageOf(ctx).stages
  const stages = model.openCodes.map((code, o): WhatIfStage => {
    const reached = funnel.steps[o]?.count ?? 0
    const moved = funnel.steps[o + 1]?.count ?? 0
    const completed = times[o]?.completed
    return {
      stageId: model.ids[code] ?? '',
      label: model.labels[code] ?? '',
      reached,
      moved,
      rate: reached > 0 ? moved / reached : null,
      days: completed?.median === null || completed === undefined ? null : completed.median / MS_PER_DAY,
      visits: completed?.count ?? 0,
    }
  })
  const mask = currentMask(ctx, OUTCOME_OPEN)
  const amounts = inputColumn(input, input.options?.amountField)
  let n = 0
  for (let i = 0; i < s.count; i++) if (mask[i] === 1 && (model.ordinal[s.current[i] as number] as number) >= 0) n++
  const open = { ordinal: new Int16Array(n), amount: new Float64Array(n), since: new Float64Array(n) }
  let recentLeads = 0
  const recentFrom = ctx.now - RECENT_LEAD_DAYS * MS_PER_DAY
  const inFunnel = currentMask(ctx)
  for (let i = 0, k = 0; i < s.count; i++) {
    const entry = s.entryAt[i] as number
    if (inFunnel[i] === 1 && entry >= recentFrom && entry < ctx.now) recentLeads++
    const o = model.ordinal[s.current[i] as number] as number
    if (mask[i] !== 1 || o < 0) continue
    open.ordinal[k] = o
    open.amount[k] = amounts[i] as number
    open.since[k++] = s.currentSince[i] as number
  }
  return { stages, open, averageWonAmount: averageWonAmountOf(ctx), recentLeads, now: ctx.now }
}

/** Conversion per stage (0..1, to its next step), days per stage and a number of new leads entering S1 now. */
export interface WhatIfPlan {
  rates: readonly number[]
  days: readonly number[]
  leads: number
}

/** The plan of the measured figures (a stage without data: 0 % and 0 days), leads = the recent volume. */
export function measuredPlan(base: WhatIfBase): WhatIfPlan {
  return { rates: base.stages.map(s => s.rate ?? 0), days: base.stages.map(s => s.days ?? 0), leads: base.recentLeads }
}

/** Expected wins and amount (and when they close) of a set of deals. */
export interface WhatIfYield {
  deals: number
  /** Expected wins: the sum of each deal's chance to win. */
  wins: number
  amount: number
  /** Mean expected close time of the wins (epoch ms); null without any. */
  closeAt: number | null
}

export interface WhatIfProjection {
  pipeline: WhatIfYield
  /** Per open stage: the deals in it now. */
  byStage: (WhatIfYield & { stageId: string, chance: number })[]
  leads: WhatIfYield
  /** Pipeline plus leads. */
  wins: number
  amount: number
  goal: number
  /** amount / goal; null without a goal. */
  progress: Ratio
  /** What the open pipeline leaves to reach the goal (0 when it is reached). */
  gap: number
  /** New leads that would close `gap` at the plan's rates; null when a lead cannot win (0 % somewhere, no average amount). */
  leadsForGap: number | null
  /** Expected wins and amount per close month (`monthOf`), earliest first. */
  byMonth: { month: string, wins: number, amount: number }[]
}

/**
 * Projects a plan. A deal in stage j wins with the product of the rates from j on, after the rest
 * of its stay in j (the plan's days minus its age there, at least 0) and the days of each later
 * stage; its amount counts at that chance (a deal without an amount: the average won amount).
 * A new lead wins with the product of every rate, for the average won amount, after every
 * stage's days. `monthOf` buckets close times (default: the UTC 'YYYY-MM').
 */
export function projectWhatIf(base: WhatIfBase, plan: WhatIfPlan, goal: number, monthOf: (t: number) => string = t => new Date(t).toISOString().slice(0, 7)): WhatIfProjection {
  const n = base.stages.length
  const rate = (k: number) => Math.min(1, Math.max(0, plan.rates[k] ?? 0))
  const days = (k: number) => Math.max(0, plan.days[k] ?? 0)
  // chance[j] = rate(j) x ... x rate(n - 1); after[j] = days of the stages after j
  const chance = new Float64Array(n + 1).fill(1)
  const after = new Float64Array(n + 1)
  for (let j = n - 1; j >= 0; j--) {
    chance[j] = (chance[j + 1] as number) * rate(j)
    after[j] = (after[j + 1] as number) + (j + 1 < n ? days(j + 1) : 0)
  }
  const avg = base.averageWonAmount ?? 0
  const months = new Map<string, { wins: number, amount: number }>()
  const addMonth = (t: number, wins: number, amount: number) => {
    if (wins <= 0) return
    const key = monthOf(t)
    const m = months.get(key) ?? { wins: 0, amount: 0 }
    m.wins += wins
    m.amount += amount
    months.set(key, m)
  }
  const stages = base.stages.map(s => ({ stageId: s.stageId, chance: 0, deals: 0, wins: 0, amount: 0, closeSum: 0 }))
  const { ordinal, amount, since } = base.open
  for (let i = 0; i < ordinal.length; i++) {
    const j = ordinal[i] as number
    const g = stages[j]
    if (g === undefined) continue
    const p = chance[j] as number
    const a = amount[i] as number
    const value = (a === a ? a : avg) * p
    const ageDays = (base.now - (since[i] as number)) / MS_PER_DAY
    const closeAt = base.now + (Math.max(0, days(j) - (ageDays === ageDays ? ageDays : 0)) + (after[j] as number)) * MS_PER_DAY
    g.deals++
    g.wins += p
    g.amount += value
    g.closeSum += closeAt
    addMonth(closeAt, p, value)
  }
  const byStage = stages.map((g, j) => ({ stageId: g.stageId, chance: chance[j] as number, deals: g.deals, wins: g.wins, amount: g.amount, closeAt: g.deals > 0 && g.wins > 0 ? g.closeSum / g.deals : null }))
  let pWins = 0
  let pAmount = 0
  let pClose = 0
  for (const g of byStage) {
    pWins += g.wins
    pAmount += g.amount
    if (g.closeAt !== null) pClose += g.closeAt * g.wins
  }
  const pipeline: WhatIfYield = { deals: ordinal.length, wins: pWins, amount: pAmount, closeAt: pWins > 0 ? pClose / pWins : null }
  const leadCount = Math.max(0, plan.leads)
  const leadWins = leadCount * (chance[0] as number)
  const leadClose = base.now + (n > 0 ? days(0) + (after[0] as number) : 0) * MS_PER_DAY
  const leads: WhatIfYield = { deals: leadCount, wins: leadWins, amount: leadWins * avg, closeAt: leadWins > 0 ? leadClose : null }
  addMonth(leadClose, leadWins, leads.amount)
  const perLead = avg * (chance[0] as number)
  const gap = Math.max(0, goal - pAmount)
  const total = pAmount + leads.amount
  return {
    pipeline,
    byStage,
    leads,
    wins: pWins + leadWins,
    amount: total,
    goal,
    progress: goal > 0 ? total / goal : null,
    gap,
    leadsForGap: gap === 0 ? 0 : perLead > 0 ? Math.ceil(gap / perLead) : null,
    byMonth: [...months.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, m]) => ({ month, ...m })),
  }
}
