import { describe, expect, it, vi } from 'vitest'
import { Pace } from '../../../../src/core/utils/pace'

describe('Pace', () => {
  it('should let the first run go at once, then wait factor x the last run\'s duration after it ended', () => {
    let t = 1000
    const pace = new Pace(8, () => t)
    expect(pace.wait()).toBe(0)
    expect(pace.run(() => {
      t += 50 // a run of 50 ms
      return 'done'
    })).toBe('done')
    expect(pace.wait()).toBe(400)
    t += 100
    expect(pace.wait()).toBe(300)
    t += 300
    expect(pace.wait()).toBe(0)
    // a cheaper run shortens the next wait; a run that throws is timed too
    expect(() => pace.run(() => {
      t += 10
      throw new Error('failed')
    })).toThrow('failed')
    expect(pace.wait()).toBe(80)
  })

  it('should call a waiting job once when its turn comes, and not at all once cancelled', () => {
    vi.useFakeTimers()
    try {
      let t = 0
      const pace = new Pace(8, () => t)
      let due = 0
      expect(pace.later(() => due++)).toBe(false)
      pace.run(() => (t += 10))
      expect(pace.later(() => due++)).toBe(true)
      expect(pace.later(() => due++)).toBe(true)
      vi.advanceTimersByTime(80)
      expect(due).toBe(1)
      pace.run(() => (t += 10))
      expect(pace.later(() => due++)).toBe(true)
      pace.cancel()
      vi.advanceTimersByTime(1000)
      expect(due).toBe(1)
    }
    finally {
      vi.useRealTimers()
    }
  })
})
