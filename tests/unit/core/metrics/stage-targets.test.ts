/** Wilson intervals and target verdicts, hand-computed (95 %, z = 1.96). */
import { describe, expect, it } from 'vitest'
import { checkDays, checkRate, wilsonInterval } from '../../../../src/core/metrics'

describe('metrics/stage-targets', () => {
  describe('wilsonInterval', () => {
    it('should give the hand-computed interval of 6 of 20', () => {
      // p = 0.3, d = 1 + 3.8415/20 = 1.19207, centre = 0.39604 / d = 0.33223, half = 1.6442 x 0.11358 = 0.18675
      const i = wilsonInterval(6, 20)!
      expect(i.low).toBeCloseTo(0.1455, 4)
      expect(i.high).toBeCloseTo(0.5190, 4)
    })

    it('should stay inside 0..1 at 0 % and 100 % and give null without trials', () => {
      // 0 of 4: centre = half = 0.48018 / 1.96037 = 0.24495
      expect(wilsonInterval(0, 4)!.low).toBe(0)
      expect(wilsonInterval(0, 4)!.high).toBeCloseTo(0.4899, 4)
      expect(wilsonInterval(4, 4)!.high).toBe(1)
      expect(wilsonInterval(0, 0)).toBeNull()
    })
  })

  describe('checkRate', () => {
    it('should call a gap significant only when the target lies outside the interval', () => {
      expect(checkRate(6, 20, 0.6).verdict).toBe('belowSignificant') // 30 %, interval up to 51.9 %
      expect(checkRate(6, 20, 0.45).verdict).toBe('below') // 45 % is inside 14.6–51.9 %
      expect(checkRate(12, 20, 0.6).verdict).toBe('met')
    })

    it('should never judge a tiny sample, even when its interval excludes the target', () => {
      // 0 of 4 against 50 %: the interval (0–49.0 %) excludes 50 %, but four deals say nothing
      const c = checkRate(0, 4, 0.5)
      expect(c.interval!.high).toBeLessThan(0.5)
      expect(c.verdict).toBe('tooFew')
      expect(checkRate(3, 9, 0.9).verdict).toBe('tooFew')
      expect(checkRate(0, 0, 0.5)).toMatchObject({ rate: null, interval: null, verdict: 'tooFew' })
    })
  })

  describe('checkDays', () => {
    it('should test the share of visits over the limit against one half', () => {
      // 9 of 12 over: interval 46.8–91.1 % includes 50 %: over the limit, not significantly
      expect(checkDays(9, 12, 20, 14).interval!.low).toBeCloseTo(0.4677, 3)
      expect(checkDays(9, 12, 20, 14).verdict).toBe('below')
      // 18 of 20 over: 69.9–97.2 %
      expect(checkDays(18, 20, 20, 14).verdict).toBe('belowSignificant')
      expect(checkDays(2, 12, 6, 14).verdict).toBe('met')
      expect(checkDays(5, 5, 30, 14).verdict).toBe('tooFew')
    })
  })
})
