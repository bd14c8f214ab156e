/**
 * Stage targets on funnel and conversion widgets and the "why" panel, hand-computed on the
 * twenty deals of tests/fixtures/targets.ts.
 */
import { describe, expect, it } from 'vitest'
import type { ConversionData, FunnelData } from '../../../../src/core/dashboard'
import { computeStageWhy, computeWidget } from '../../../../src/core/dashboard'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { targetCtx, targetDealsForm, targetStageField } from '../../../fixtures/targets'
import { widget } from '../../../fixtures/dashboard'

function ok<T>(result: ReturnType<typeof computeWidget>): T {
  if (result.status !== 'ok') throw new Error(`needs config: ${JSON.stringify(result.problems)}`)
  return result.data as T
}
const funnelW = widget('funnel', { formId: 'deals', stageField: 'stage' })

describe('dashboard/stage-targets', () => {
  it('should flag s1 (6 of 20 = 30 % against 60 %) as significantly below, with its interval', () => {
    const f = ok<FunnelData>(computeWidget(funnelW, targetCtx()))
    const s1 = f.targets.find(t => t.stageId === 's1')!
    expect(s1.flagged).toBe(true)
    expect(s1.rate).toMatchObject({ n: 20, x: 6, rate: 0.3, target: 0.6, verdict: 'belowSignificant' })
    expect(s1.rate!.interval!.low).toBeCloseTo(0.1455, 4)
    expect(s1.rate!.interval!.high).toBeCloseTo(0.5190, 4)
  })

  it('should judge s1\'s median time: 14 completed visits (5 5 5 10 10 10 and eight of 20 days), median 20 > 14, 8 over: not significant', () => {
    const s1 = ok<FunnelData>(computeWidget(funnelW, targetCtx())).targets.find(t => t.stageId === 's1')!
    expect(s1.days).toMatchObject({ n: 14, over: 8, medianDays: 20, maxDays: 14, verdict: 'below' })
    // 8 of 14: 32.6–78.6 % includes one half
    expect(s1.days!.interval!.low).toBeCloseTo(0.3259, 3)
  })

  it('should not flag s2 (3 of 6 against 80 %): too few deals to judge', () => {
    const s2 = ok<FunnelData>(computeWidget(funnelW, targetCtx())).targets.find(t => t.stageId === 's2')!
    expect(s2.rate).toMatchObject({ n: 6, x: 3, verdict: 'tooFew' })
    expect(s2.flagged).toBe(false)
  })

  it('should not flag a met target, and leave stages without a target out', () => {
    const f = ok<FunnelData>(computeWidget(funnelW, targetCtx(targetStageField({ targetRate: 25 }, {}))))
    expect(f.targets.map(t => [t.stageId, t.rate?.verdict, t.flagged])).toEqual([['s1', 'met', false]])
  })

  it('should check the conversion widget\'s steps the same way, and give a snapshot none', () => {
    const c = ok<ConversionData>(computeWidget(widget('conversion', { formId: 'deals', stageField: 'stage' }), targetCtx()))
    expect(c.targets.map(t => [t.stageId, t.rate?.verdict])).toEqual([['s1', 'belowSignificant'], ['s2', 'tooFew']])
    expect(ok<FunnelData>(computeWidget(widget('funnel', { formId: 'deals', stageField: 'stage', mode: 'snapshot' }), targetCtx())).targets).toEqual([])
  })

  it('should name the field and stage of a target outside 0–100 %, and other widgets still compute', () => {
    const ctx = targetCtx(targetStageField({ targetRate: 150 }))
    const r = computeWidget(funnelW, ctx)
    expect(r.status).toBe('needsConfig')
    if (r.status !== 'needsConfig') return
    expect(r.problems).toEqual([{ key: 'stageField', reason: 'targetOutOfRange', id: 's1', detail: { 'zh-CN': '阶段 › 初步接洽: 150 %', 'en': 'Stage › Qualify: 150 %' } }])
    expect(computeWidget(widget('conversion', { formId: 'deals', stageField: 'stage' }), ctx).status).toBe('needsConfig')
    expect(computeWidget(widget('kpi', { formId: 'deals' }), ctx).status).toBe('ok')
    expect(computeWidget(funnelW, targetCtx(targetStageField({ targetRate: -5 }))).status).toBe('needsConfig')
  })

  it('should store targets in the form definition, a mistyped one included (the widgets name it; the form still loads)', () => {
    expect(validateDocument('form', targetDealsForm()).ok).toBe(true)
    expect(validateDocument('form', targetDealsForm(targetStageField({ targetRate: 150 }))).ok).toBe(true)
    expect(validateDocument('form', targetDealsForm(targetStageField({ targetDays: 0 }))).ok).toBe(false)
  })

  describe('computeStageWhy', () => {
    const why = () => computeStageWhy(funnelW, targetCtx(), 's1')!

    it('should give s1\'s loss reasons against the other stages\' (price 6 / 0, timing 2 / 1)', () => {
      const w = why()
      expect([w.reached, w.moved, w.lostHere, w.lostRest]).toEqual([20, 6, 8, 1])
      expect(w.lossReasons.map(g => [g.key, g.here, g.rest])).toEqual([['price', 6, 0], ['timing', 2, 1]])
      expect(w.lossReasons[0]!.label).toEqual({ 'zh-CN': '价格', 'en': 'Price' })
    })

    it('should give conversion by source and owner against the rest, marking the groups clearly apart', () => {
      const w = why()
      const source = w.groups.find(g => g.fieldId === 'source')!.rows
      // web: 6 of 10 (31.3–83.2 %) against fair's 0 %; fair: 0 of 10 (0–27.8 %) against 60 %
      expect(source.map(r => [r.key, r.n, r.x, r.restRate, r.better, r.worse])).toEqual([['web', 10, 6, 0, true, false], ['fair', 10, 0, 0.6, false, true]])
      const owner = w.groups.find(g => g.fieldId === 'owner')!.rows
      expect(owner.map(r => [r.label, r.n, r.x, r.worse, r.better])).toEqual([['张三', 10, 3, false, false], ['Li', 10, 3, false, false]])
      expect(w.groups.map(g => g.fieldId)).not.toContain('reason')
    })

    it('should give the median days in s1 of those who moved on, were lost from it and are still in it', () => {
      expect(why().time).toEqual({ moved: { days: 7.5, count: 6 }, lost: { days: 20, count: 8 }, stillIn: { days: 100, count: 6 } })
    })

    it('should carry the stage\'s target check, and give nothing for a snapshot or an outcome stage', () => {
      expect(why().target?.rate?.verdict).toBe('belowSignificant')
      expect(computeStageWhy(widget('funnel', { formId: 'deals', stageField: 'stage', mode: 'snapshot' }), targetCtx(), 's1')).toBeUndefined()
      expect(computeStageWhy(funnelW, targetCtx(), 'won')).toBeUndefined()
    })
  })
})
