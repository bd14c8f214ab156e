import { describe, expect, it } from 'vitest'
import { orderStageNames, reorderOpenStages } from '../../../../../src/core/io/stage-history'

const day = (d: number) => Date.UTC(2024, 0, d)

describe('stage-order', () => {
  describe('orderStageNames', () => {
    // Deals listed newest stage first, as exports often are: first appearance is the wrong order.
    const rows = [
      { key: 'a', stage: 'Firmas', at: day(9) },
      { key: 'a', stage: 'Negociación', at: day(5) },
      { key: 'a', stage: 'Presentación', at: day(1) },
      { key: 'b', stage: 'Diseño', at: day(7) },
      { key: 'b', stage: 'Negociación', at: day(4) },
      { key: 'b', stage: 'Presentación', at: day(2) },
      { key: 'c', stage: 'Firmas', at: day(8) },
      { key: 'c', stage: 'Diseño', at: day(6) },
      { key: 'd', stage: 'Interes', at: day(1) },
      { key: 'd', stage: 'Presentación', at: day(2) },
    ]

    it('should order by the observed forward moves when there is no sort column', () => {
      expect(orderStageNames(rows)).toEqual({ names: ['Interes', 'Presentación', 'Negociación', 'Diseño', 'Firmas'], source: 'transitions' })
    })

    it('should order by the sort column when rows carry one', () => {
      const order: Record<string, number> = { Interes: 1, Presentación: 2, Negociación: 3, Diseño: 4, Firmas: 5 }
      expect(orderStageNames(rows.map(r => ({ ...r, order: order[r.stage]! })))).toEqual({ names: ['Interes', 'Presentación', 'Negociación', 'Diseño', 'Firmas'], source: 'sortColumn' })
      // The sort column wins over the moves.
      const reversed = rows.map(r => ({ ...r, order: -order[r.stage]! }))
      expect(orderStageNames(reversed).names).toEqual(['Firmas', 'Diseño', 'Negociación', 'Presentación', 'Interes'])
    })

    it('should keep the dominant direction when some records move back', () => {
      const back = [...rows, { key: 'a', stage: 'Negociación', at: day(10) }]
      expect(orderStageNames(back).names.slice(0, 3)).toEqual(['Interes', 'Presentación', 'Negociación'])
    })

    it('should fall back to first appearance without any move', () => {
      expect(orderStageNames([{ key: 'a', stage: 'B', at: 1 }, { key: 'b', stage: 'A', at: 2 }])).toEqual({ names: ['B', 'A'], source: 'firstSeen' })
    })
  })

  describe('reorderOpenStages', () => {
    it('should move the stages the log orders and leave the others in place', () => {
      expect(reorderOpenStages(['a', 'b', 'c', 'd'], { names: ['d', 'won', 'b'], source: 'transitions' })).toEqual(['a', 'd', 'c', 'b'])
    })

    it('should change nothing on first appearance alone, nor when the log names one open stage', () => {
      expect(reorderOpenStages(['p', 'e'], { names: ['e', 'p'], source: 'firstSeen' })).toEqual(['p', 'e'])
      expect(reorderOpenStages(['p', 'e'], { names: ['e', 'won', 'lost'], source: 'transitions' })).toEqual(['p', 'e'])
    })
  })
})
