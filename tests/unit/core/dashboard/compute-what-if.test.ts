/** The what-if planner of a reverse funnel on the dashboard fixture (the mixed pipeline, owners m1 / m2). */
import { describe, expect, it } from 'vitest'
import { computeWhatIf, localMonthText } from '../../../../src/core/dashboard'
import { measuredPlan, projectWhatIf } from '../../../../src/core/metrics'
import { dashCtx, widget } from '../../../fixtures/dashboard'

const config = { formId: 'opps', stageField: 'stage', amountField: 'amount', goal: 1000 }

describe('dashboard/compute-what-if', () => {
  it('should measure the reverse funnel\'s records, with its goal and the amount field\'s currency', () => {
    const d = computeWhatIf(widget('reverseFunnel', config), dashCtx())!
    expect(d.goal).toBe(1000)
    expect(d.currency).toBe('CNY')
    expect(d.base.stages.map(s => [s.reached, s.moved])).toEqual([[8, 5], [5, 4], [4, 3]])
    expect(d.base.averageWonAmount).toBe(200)
    expect(d.base.open.ordinal.length).toBe(2) // C and H
  })

  it('should follow the dashboard filters, as the reverse funnel does', () => {
    // m2: C (open, s2), D F (lost), H (open, s1)
    const d = computeWhatIf(widget('reverseFunnel', config), dashCtx({ filterValues: { owner: ['m2'] } }))!
    expect(d.base.stages[0]!.reached).toBe(4)
    expect(d.base.averageWonAmount).toBeNull()
    // nobody won: no lead can close the gap
    expect(projectWhatIf(d.base, measuredPlan(d.base), d.goal, localMonthText).leadsForGap).toBeNull()
  })

  it('should have no planner for another widget or a widget that cannot draw', () => {
    expect(computeWhatIf(widget('funnel', config), dashCtx())).toBeUndefined()
    expect(computeWhatIf(widget('reverseFunnel', { ...config, amountField: 'gone' }), dashCtx())).toBeUndefined()
    expect(computeWhatIf(widget('reverseFunnel', { ...config, goal: 0 }), dashCtx())).toBeUndefined()
  })
})
