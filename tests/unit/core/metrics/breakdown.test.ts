/** Breakdowns: conversion, win rate and days per group, hand-computed on the mixed pipeline. */
import { describe, expect, it } from 'vitest'
import type { BreakdownFigures } from '../../../../src/core/metrics'
import { breakdown, breakdownExtremes } from '../../../../src/core/metrics'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'

const data = mixedPipeline()
// X = A, C, D, G; Y = B, E, F, H; I (no stage) in neither and outside the funnel
const X = [0, 2, 3, 6]
const Y = [1, 4, 5, 7]

describe('metrics/breakdown', () => {
  describe('breakdown', () => {
    it('should give each group its overall conversion, win rate and sales cycle without a stage', () => {
      const b = breakdown(data, [X, Y])!
      // depths (any order): A 4, C 3, D 2, G 1 | B 4, E 4, F 1, H 1; won is depth 4
      expect(b.groups[0]).toMatchObject({ records: 4, conversion: { n: 4, x: 1, rate: 0.25 }, winRate: { n: 3, x: 1 } })
      expect(b.groups[1]).toMatchObject({ records: 4, conversion: { n: 4, x: 2, rate: 0.5 }, winRate: { n: 3, x: 2 } })
      expect(b.groups[0]!.winRate.rate).toBeCloseTo(1 / 3, 12)
      // cycle: A 0 -> 10, B 0 -> 8; E won without events is not measured
      expect(b.groups[0]!.days).toEqual({ count: 1, median: 10 })
      expect(b.groups[1]!.days).toEqual({ count: 1, median: 8 })
      expect(b.all).toMatchObject({ records: 8, conversion: { n: 8, x: 3 }, winRate: { n: 6, x: 3, rate: 0.5 }, days: { count: 2, median: 9 } })
    })

    it('should measure one stage: reached it and moved on, and its completed visits', () => {
      const b = breakdown(data, [X, Y], { stageId: 's2' })!
      // s2 reached = depth >= 2, moved on = depth >= 3: X A C D (A, C moved) | Y B E (both)
      expect(b.groups[0]!.conversion).toMatchObject({ n: 3, x: 2 })
      expect(b.groups[1]!.conversion).toMatchObject({ n: 2, x: 2, rate: 1 })
      // completed s2 visits: A 2->5 = 3, C 2->4 = 2 (its open re-entry left out), D 1->3 = 2 and 4->9 = 5
      expect(b.groups[0]!.days).toEqual({ count: 4, median: 2.5 })
      expect(b.groups[1]!.days).toEqual({ count: 0, median: null })
      expect(b.all.conversion).toMatchObject({ n: 5, x: 4, rate: 0.8 })
      // the win rate does not depend on the stage
      expect(b.all.winRate).toMatchObject({ n: 6, x: 3 })
    })

    it('should give the Wilson interval of each proportion', () => {
      const b = breakdown(data, [X], { stageId: 's2' })!
      // 2 of 3: centre (0.6667 + 0.6403) / 2.2805 = 0.5731, half 0.8595 x sqrt(0.07407 + 0.10671) = 0.3655
      expect(b.groups[0]!.conversion.interval!.low).toBeCloseTo(0.2077, 3)
      expect(b.groups[0]!.conversion.interval!.high).toBeCloseTo(0.9385, 3)
    })

    it('should follow the strict funnel when asked', () => {
      // strict depth: B never entered s2, E has no history: Y has nobody at s2
      const b = breakdown(data, [X, Y], { stageId: 's2', kind: 'strict' })!
      expect(b.groups[0]!.conversion).toMatchObject({ n: 3, x: 2 })
      expect(b.groups[1]!.conversion).toMatchObject({ n: 0, x: 0, rate: null, interval: null })
    })

    it('should count only visits entered in the period in activity mode', () => {
      const b = breakdown({ ...data, options: { mode: 'activity', period: { from: 3 * DAY, to: 6 * DAY } } }, [X], { stageId: 's2' })!
      // s2 entries in [3, 6): D at 4 (left at 9) only; C's s2 at 2 and 6 fall outside
      expect(b.groups[0]!.days).toEqual({ count: 1, median: 5 })
      // closed in [3, 6): G lost at 4
      expect(b.groups[0]!.winRate).toMatchObject({ n: 1, x: 0, rate: 0 })
    })

    it('should be null for a stage that is not an open stage', () => {
      expect(breakdown(data, [X], { stageId: 'won' })).toBeNull()
      expect(breakdown(data, [X], { stageId: 'gone' })).toBeNull()
    })

    it('should skip indices outside the records (a record not in the input)', () => {
      expect(breakdown(data, [[-1, 0]])!.groups[0]!.records).toBe(1)
    })
  })

  describe('breakdownExtremes', () => {
    const fig = (x: number, n: number, median: number | null = null, count = 0): BreakdownFigures => ({
      records: n,
      conversion: { n, x, rate: n > 0 ? x / n : null, interval: null },
      winRate: { n, x, rate: n > 0 ? x / n : null, interval: null },
      days: { count, median },
    })

    it('should mark the highest and lowest rate among groups with at least 10 behind them', () => {
      // 40 %, 30 %, 75 %; 1 of 1 (100 %) and 0 of 3 are too small to be best or worst
      const groups = [fig(8, 20), fig(1, 1), fig(3, 10), fig(0, 3), fig(9, 12)]
      expect(breakdownExtremes(groups, 'conversion')).toEqual({ best: [4], worst: [2] })
    })

    it('should mark the shortest median as best for days, and let ties share a mark', () => {
      const groups = [fig(0, 10, 4, 10), fig(0, 10, 9, 12), fig(0, 10, 4, 15), fig(0, 10, 1, 2)]
      expect(breakdownExtremes(groups, 'days')).toEqual({ best: [0, 2], worst: [1] })
    })

    it('should mark nothing with one judged group or when all are equal', () => {
      expect(breakdownExtremes([fig(5, 10), fig(1, 2)], 'winRate')).toEqual({ best: [], worst: [] })
      expect(breakdownExtremes([fig(5, 10), fig(10, 20)], 'winRate')).toEqual({ best: [], worst: [] })
    })
  })
})
