import { describe, expect, it } from 'vitest'
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
})
