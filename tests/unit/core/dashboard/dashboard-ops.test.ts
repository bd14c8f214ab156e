import { describe, expect, it } from 'vitest'
import { createDashboardTx, deleteDashboardTx, duplicateWidget, nextLayout, removeWidget } from '../../../../src/core/dashboard'
import { app, dashboard } from '../../../fixtures/documents'
import { widget } from '../../../fixtures/dashboard'

describe('dashboard/dashboard-ops', () => {
  describe('nextLayout', () => {
    it('should fill the last row to the right, then start a new row', () => {
      const a = { ...widget('kpi', {}, 'a'), layout: { x: 0, y: 0, w: 6, h: 4 } }
      expect(nextLayout([a], 6, 4)).toEqual({ x: 6, y: 0, w: 6, h: 4 })
      const b = { ...widget('kpi', {}, 'b'), layout: { x: 6, y: 0, w: 6, h: 4 } }
      expect(nextLayout([a, b], 3, 2)).toEqual({ x: 0, y: 4, w: 3, h: 2 })
      expect(nextLayout([], 12, 2)).toEqual({ x: 0, y: 0, w: 12, h: 2 })
    })
  })

  describe('duplicateWidget and removeWidget', () => {
    it('should copy a widget under a new id with the same config, and remove one by id', () => {
      const d = dashboard()
      const copy = duplicateWidget(d, 'w1')
      expect(copy.widgets).toHaveLength(2)
      expect(copy.widgets[1]?.id).not.toBe('w1')
      expect(copy.widgets[1]?.config).toEqual(d.widgets[0]?.config)
      expect(removeWidget(copy, 'w1').widgets.map(w => w.id)).toEqual([copy.widgets[1]?.id])
    })
  })

  describe('createDashboardTx and deleteDashboardTx', () => {
    it('should add the dashboard to the app sidebar and take it out again', () => {
      const a = app({ dashboardIds: [] })
      const { dashboard: d, tx } = createDashboardTx(a, '新仪表盘', 5)
      const putApp = tx.defs?.put?.find(p => p.kind === 'app')?.doc as typeof a
      expect(putApp.dashboardIds).toEqual([d.id])
      const del = deleteDashboardTx(putApp, d.id, 6)
      expect(del.defs?.delete).toEqual([{ kind: 'dashboard', id: d.id }])
      expect((del.defs?.put?.[0]?.doc as typeof a).dashboardIds).toEqual([])
    })
  })
})
