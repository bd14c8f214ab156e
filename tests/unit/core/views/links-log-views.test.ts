import type { ChangeEntry, ViewDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { describeChanges, newView, parseRouteFilter, putViewTx, sameView } from '../../../../src/core/views'
import { dealsForm } from '../../../fixtures/views'

describe('core/views route-filter', () => {
  const fields = dealsForm().fields

  describe('parseRouteFilter', () => {
    it('should accept a valid filter from a link', () => {
      const raw = JSON.stringify({ and: [{ field: 'stage', op: 'in', value: ['s1', 's2'] }] })
      expect(parseRouteFilter(raw, fields)).toEqual({ ok: true, filter: { and: [{ field: 'stage', op: 'in', value: ['s1', 's2'] }] } })
    })

    it('should refuse broken JSON, a non-group and a filter on an unknown field', () => {
      expect(parseRouteFilter('{and:', fields)).toEqual({ ok: false, reason: 'json' })
      expect(parseRouteFilter('[1]', fields)).toEqual({ ok: false, reason: 'shape' })
      expect(parseRouteFilter(JSON.stringify({ and: [{ field: 'ghost', op: 'eq', value: 1 }] }), fields)).toEqual({ ok: false, reason: 'shape' })
    })
  })
})

describe('core/views change-log', () => {
  describe('describeChanges', () => {
    it('should name the member and field and format old and new values by type, newest first', () => {
      const entries: ChangeEntry[] = [
        { id: 'c1', formId: 'deals', recordId: 'r', at: 1, memberId: 'm1', kind: 'create' },
        { id: 'c2', formId: 'deals', recordId: 'r', at: 2, memberId: 'gone', kind: 'update', changes: [
          { field: 'stage', from: 's1', to: 's2' },
          { field: 'amount', from: null, to: 1200 },
          { field: 'old', from: 'x', to: { a: 1 } },
        ] },
      ]
      const out = describeChanges(entries, dealsForm(), [{ id: 'm1', name: '王芳', color: '#000' }], 'en')
      expect(out.map(e => [e.id, e.who, e.kind])).toEqual([['c2', 'gone', 'update'], ['c1', '王芳', 'create']])
      expect(out[0]!.lines.map(l => [l.label, l.from, l.to])).toEqual([
        ['Stage', 'Lead', 'Proposal'],
        ['Amount', '', out[0]!.lines[1]!.to],
        ['old', 'x', '{"a":1}'],
      ])
      expect(out[0]!.lines[1]!.to).toContain('1,200')
    })
  })
})

describe('core/views view-ops', () => {
  const base: ViewDef = { schemaVersion: 1, id: 'v', formId: 'deals', name: 'A', kind: 'grid', sort: [{ field: 'amount', dir: 'desc' }], kanban: { field: 'stage' } }

  describe('newView', () => {
    it('should copy the settings of a base view under a new id and name, keeping kanban only for kanbans', () => {
      const grid = newView('deals', 'B', 'grid', base)
      expect(grid).toMatchObject({ formId: 'deals', name: 'B', kind: 'grid', sort: base.sort })
      expect(grid.id).not.toBe('v')
      expect(grid.kanban).toBeUndefined()
      expect(newView('deals', 'K', 'kanban', base).kanban).toEqual({ field: 'stage' })
    })
  })

  describe('sameView', () => {
    it('should ignore property order and undefined properties', () => {
      expect(sameView(base, { kanban: { field: 'stage' }, sort: [{ field: 'amount', dir: 'desc' }], kind: 'grid', name: 'A', formId: 'deals', id: 'v', schemaVersion: 1, filter: undefined })).toBe(true)
      expect(sameView(base, { ...base, sort: [{ field: 'amount', dir: 'asc' }] })).toBe(false)
    })
  })

  describe('putViewTx', () => {
    it('should store a copy that later edits of the view do not reach', () => {
      const view: ViewDef = { ...base, sort: [{ field: 'amount', dir: 'desc' }] }
      const tx = putViewTx(view)
      view.sort![0]!.dir = 'asc'
      expect((tx.defs!.put![0]!.doc as ViewDef).sort![0]!.dir).toBe('desc')
    })
  })
})
