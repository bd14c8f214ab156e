import { describe, expect, it } from 'vitest'
import { phoneLayout } from '../../../../src/core/dashboard'

const w = (id: string, x: number, y: number, wd: number, h: number) => ({ id, layout: { x, y, w: wd, h } })

describe('dashboard/phone-layout', () => {
  it('should stack every widget across the width in reading order, at its own height', () => {
    const layout = phoneLayout([
      w('chart2', 6, 4, 6, 9), w('k1', 0, 0, 3, 4), w('k2', 3, 0, 3, 4), w('k3', 6, 0, 3, 4), w('chart1', 0, 4, 6, 9), w('wide', 0, 13, 12, 8),
    ])
    expect(layout).toEqual([
      { i: 'k1', x: 0, y: 0, w: 12, h: 4 },
      { i: 'k2', x: 0, y: 4, w: 12, h: 4 },
      { i: 'k3', x: 0, y: 8, w: 12, h: 4 },
      { i: 'chart1', x: 0, y: 12, w: 12, h: 9 },
      { i: 'chart2', x: 0, y: 21, w: 12, h: 9 },
      { i: 'wide', x: 0, y: 30, w: 12, h: 8 },
    ])
  })

  it('should give an empty dashboard an empty layout', () => {
    expect(phoneLayout([])).toEqual([])
  })
})
