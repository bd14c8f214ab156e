/** What-if planning, hand-computed on the mixed pipeline (now = day 20; open: C in s2 since day 6 (50), H in s1 since day 5 (20)). */
import { describe, expect, it } from 'vitest'
import { measuredPlan, projectWhatIf, whatIfBase } from '../../../../src/core/metrics'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'

const data = mixedPipeline()
const input = { ...data, options: { amountField: 'amount', now: data.now } }
const dayOf = (t: number | null) => (t === null ? null : t / DAY)

describe('metrics/what-if', () => {
  describe('whatIfBase', () => {
    it('should measure each stage\'s step conversion and median completed stay', () => {
      const b = whatIfBase(input)
      // any-order funnel 8 -> 5 -> 4 -> won 3
      expect(b.stages.map(s => [s.stageId, s.reached, s.moved])).toEqual([['s1', 8, 5], ['s2', 5, 4], ['s3', 4, 3]])
      expect(b.stages.map(s => s.rate)).toEqual([5 / 8, 4 / 5, 3 / 4])
      // s1 visits 2 3 1 1 1 2 -> 1.5; s2 3 2 2 5 -> 2.5; s3 5 5 2 -> 5
      expect(b.stages.map(s => [s.days, s.visits])).toEqual([[1.5, 6], [2.5, 4], [5, 3]])
    })

    it('should list the open deals with their stage, amount and time in it, the average won amount and the recent leads', () => {
      const b = whatIfBase(input)
      expect([...b.open.ordinal]).toEqual([1, 0])
      expect([...b.open.amount]).toEqual([50, 20])
      expect([...b.open.since].map(t => t / DAY)).toEqual([6, 5])
      expect(b.averageWonAmount).toBe(200) // A 100, B 200, E 300
      expect(b.recentLeads).toBe(8) // every record in the funnel entered within 30 days of day 20
    })
  })

  describe('projectWhatIf', () => {
    const base = whatIfBase(input)
    const monthOf = (t: number) => String(Math.floor(t / DAY))

    it('should project the measured plan: chances, amounts, close days, leads and the goal', () => {
      const p = projectWhatIf(base, measuredPlan(base), 1000, monthOf)
      // chance to win: s1 .625 x .8 x .75 = .375, s2 .6, s3 .75
      expect(p.byStage.map(s => Number(s.chance.toFixed(12)))).toEqual([0.375, 0.6, 0.75])
      // C: past its 2.5 s2 days already (14 days in), then s3's 5 -> day 25; H: 15 days in s1 (1.5), then 2.5 + 5 -> day 27.5
      expect(p.byStage.map(s => [s.deals, dayOf(s.closeAt)])).toEqual([[1, 27.5], [1, 25], [0, null]])
      expect(p.pipeline.wins).toBeCloseTo(0.975, 12)
      expect(p.pipeline.amount).toBeCloseTo(50 * 0.6 + 20 * 0.375, 9)
      expect(dayOf(p.pipeline.closeAt)).toBeCloseTo((25 * 0.6 + 27.5 * 0.375) / 0.975, 9)
      // 8 leads x .375 = 3 wins x 200, after 1.5 + 2.5 + 5 days
      expect(p.leads.deals).toBe(8)
      expect(p.leads.wins).toBeCloseTo(3, 12)
      expect(p.leads.amount).toBeCloseTo(600, 9)
      expect(dayOf(p.leads.closeAt)).toBe(29)
      expect(p.amount).toBeCloseTo(637.5, 9)
      expect(p.progress).toBeCloseTo(0.6375, 9)
      // the pipeline leaves 1000 - 37.5 = 962.5; a lead is worth 200 x .375 = 75: 12.83 -> 13 leads
      expect(p.gap).toBeCloseTo(962.5, 9)
      expect(p.leadsForGap).toBe(13)
      expect(p.byMonth.map(m => [m.month, Number(m.wins.toFixed(3)), Number(m.amount.toFixed(3))])).toEqual([['25', 0.6, 30], ['27', 0.375, 7.5], ['29', 3, 600]])
    })

    it('should follow changed rates, stage days and lead volume', () => {
      const plan = { ...measuredPlan(base), rates: [1, 0.8, 0.75], days: [1.5, 20, 10], leads: 10 }
      const p = projectWhatIf(base, plan, 1000, monthOf)
      // H wins with .6 now; each lead too
      expect(p.byStage[0]!.chance).toBeCloseTo(0.6, 12)
      expect(p.leads.wins).toBeCloseTo(6, 12)
      // C: 20 days in s2, 14 gone -> 6 left, then 10 in s3 -> day 36; a lead: 1.5 + 20 + 10 -> day 51.5
      expect(dayOf(p.byStage[1]!.closeAt)).toBe(36)
      expect(dayOf(p.leads.closeAt)).toBe(51.5)
    })

    it('should keep rates in 0..100 % and say when no lead can close the gap', () => {
      const p = projectWhatIf(base, { rates: [2, 1, 1], days: [-3, 0, 0], leads: -5 }, 1000, monthOf)
      expect(p.byStage[0]!.chance).toBe(1)
      expect(p.leads.deals).toBe(0)
      expect(p.pipeline.closeAt).toBe(data.now)
      const none = projectWhatIf(base, { rates: [0, 1, 1], days: [1, 1, 1], leads: 5 }, 1000, monthOf)
      expect(none.leadsForGap).toBeNull()
      expect(none.leads.closeAt).toBeNull()
      expect(projectWhatIf(base, measuredPlan(base), 10, monthOf)).toMatchObject({ gap: 0, leadsForGap: 0 })
    })
  })
})
