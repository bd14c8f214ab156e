import { describe, expect, it } from 'vitest'
import { generateOpportunities } from '../../../../../src/core/template/demo/fast'
import { NOW } from '../../../../fixtures/template'

describe('demo/fast', () => {
  describe('generateOpportunities', () => {
    const out = generateOpportunities(2000, 3, NOW)

    it('should make n opportunities with about four stage events each', () => {
      expect(out.records).toHaveLength(2000)
      expect(out.events.length / 2000).toBeGreaterThan(3)
      expect(out.events.length / 2000).toBeLessThan(6)
    })

    it('should be deterministic for a seed', () => {
      expect(generateOpportunities(200, 3, NOW)).toEqual(generateOpportunities(200, 3, NOW))
      expect(generateOpportunities(200, 4, NOW)).not.toEqual(generateOpportunities(200, 3, NOW))
    })

    it('should end each record\'s events at its current stage, starting at its creation', () => {
      const last = new Map<string, { to: string, at: number }>()
      const first = new Map<string, number>()
      for (const e of out.events) {
        if (!first.has(e.recordId)) first.set(e.recordId, e.at)
        const prev = last.get(e.recordId)
        if (prev !== undefined) expect(e.at).toBeGreaterThan(prev.at)
        last.set(e.recordId, e)
      }
      for (const r of out.records) {
        expect(first.get(r.id)).toBe(r.createdAt)
        expect(last.get(r.id)?.to).toBe(r.values.f_opp_stage)
      }
    })

    it('should write events for the form id it is given', () => {
      const { events } = generateOpportunities(5, 1, NOW, { formIds: { form_opportunity: 'opps' } })
      expect(new Set(events.map(e => e.formId))).toEqual(new Set(['opps']))
    })
  })
})
