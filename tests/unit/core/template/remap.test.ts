import { describe, expect, it } from 'vitest'
import { remapBundle } from '../../../../src/core/template/remap'
import { tinyTemplate } from '../../../fixtures/template'

describe('template/remap', () => {
  describe('remapBundle', () => {
    let n = 0
    const makeId = (): string => `new${++n}`
    const source = tinyTemplate().bundle
    const { bundle, formIds } = remapBundle(source, makeId, 1000)
    const formB = bundle.forms[1]

    it('should give the app, forms, views, dashboards, widgets and filters new ids', () => {
      const dash = bundle.dashboards[0]
      const ids = [bundle.app.id, ...bundle.forms.map(f => f.id), ...bundle.views.map(v => v.id), dash?.id, dash?.widgets[0]?.id, dash?.filters?.[0]?.id]
      for (const id of ids) expect(id).toMatch(/^new\d+$/)
      expect(new Set(ids).size).toBe(ids.length)
    })

    it('should re-point relations, subform relations, views and the app to the new forms', () => {
      const newA = formIds.form_a
      expect(formB?.fields[1]).toMatchObject({ options: { formId: newA } })
      expect(formB?.fields[2]).toMatchObject({ options: { fields: [{ options: { formId: newA } }] } })
      expect(bundle.views[0]?.formId).toBe(formIds.form_b)
      expect(bundle.app.formIds).toEqual([formIds.form_a, formIds.form_b])
      expect(bundle.forms.every(f => f.appId === bundle.app.id)).toBe(true)
    })

    it('should re-point form ids inside widget configs and dashboard filters, keeping field ids', () => {
      const dash = bundle.dashboards[0]
      expect(dash?.widgets[0]?.config).toEqual({ formId: formIds.form_b, ownerField: 'f_name', targets: { formId: formIds.form_a }, filter: { and: [{ field: 'f_name', op: 'in', value: [formIds.form_a] }] } })
      expect(dash?.filters?.[0]?.targets).toEqual([{ formId: formIds.form_b, field: 'f_name' }])
      expect(bundle.app.dashboardIds).toEqual([dash?.id])
    })

    it('should stamp documents with now and leave the source untouched', () => {
      expect(bundle.forms.map(f => f.createdAt)).toEqual([1000, 1000])
      expect(source).toEqual(tinyTemplate().bundle)
    })

    it('should refuse a relation to a form outside the bundle', () => {
      const bad = tinyTemplate().bundle
      const field = bad.forms[1]?.fields[1]
      if (field?.type === 'relation') field.options.formId = 'form_missing'
      expect(() => remapBundle(bad, makeId, 0)).toThrow(/form_missing/)
    })

    it('should keep config text that names an Object.prototype key (constructor, __proto__, toString)', () => {
      const src = tinyTemplate().bundle
      const w = src.dashboards[0]!.widgets[0]!
      const filter = { and: [{ field: 'f_name', op: 'in' as const, value: ['__proto__', 'toString'] }] }
      if (w.type === 'targetProgress') w.config = { ...w.config, dateField: 'constructor', filter }
      const config = remapBundle(src, makeId, 0).bundle.dashboards[0]?.widgets[0]?.config
      expect(config).toMatchObject({ dateField: 'constructor', filter })
    })
  })
})
