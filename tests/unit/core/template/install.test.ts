import { describe, expect, it } from 'vitest'
import type { TemplateDef } from '../../../../src/core/schema/types'
import { createMemoryAdapter } from '../../../../src/core/storage/memory-adapter'
import { installSize, installTransaction, type InstallPlan, planTemplateInstall } from '../../../../src/core/template/install'
import { allFields, members, NOW, salesTemplate, tinyTemplate } from '../../../fixtures/template'

/** Every id an install creates: app, forms, views, dashboards, records and stage events. */
function idsOf(plan: InstallPlan): string[] {
  const { app, forms, views, dashboards } = plan.bundle
  return [
    app.id, ...forms.map(f => f.id), ...views.map(v => v.id), ...dashboards.map(d => d.id),
    ...Object.values(plan.records).flatMap(rows => rows.map(r => r.id)), ...plan.stageEvents.map(e => e.id),
  ]
}

describe('template/install', () => {
  const template = salesTemplate()
  const team = members(4)
  const first = planTemplateInstall(template, { withDemo: true, now: NOW, members: team })
  const second = planTemplateInstall(template, { withDemo: true, now: NOW, members: team })

  describe('planTemplateInstall', () => {
    it('should give two installs of the same template no id in common, and none of the template\'s', () => {
      const a = idsOf(first)
      const b = new Set(idsOf(second))
      expect(a.filter(id => b.has(id))).toEqual([])
      expect(new Set(a).size).toBe(a.length)
      const templateIds = [template.bundle.app.id, ...template.bundle.forms.map(f => f.id), ...template.bundle.views.map(v => v.id)]
      expect(a.filter(id => templateIds.includes(id))).toEqual([])
    })

    it('should point relations, views, the app and stage events at the new forms', () => {
      const { app, forms, views } = first.bundle
      const formIds = new Set(forms.map(f => f.id))
      for (const f of forms) {
        expect(f.appId).toBe(app.id)
        for (const field of allFields(f)) if (field.type === 'relation') expect(formIds.has(field.options.formId), field.id).toBe(true)
      }
      for (const v of views) expect(formIds.has(v.formId), v.id).toBe(true)
      expect(app.formIds).toEqual(forms.map(f => f.id))
      expect(app.templateId).toBe('sales-funnel')
      expect(new Set(first.stageEvents.map(e => e.formId))).toEqual(new Set([first.formIds.form_opportunity]))
    })

    it('should key demo records by the new form ids, with relations resolving inside the new app', () => {
      expect(Object.keys(first.records).sort()).toEqual(first.bundle.forms.map(f => f.id).sort())
      const ids = new Map(Object.entries(first.records).map(([formId, rows]) => [formId, new Set(rows.map(r => r.id))]))
      const dangling: string[] = []
      for (const form of first.bundle.forms) {
        for (const field of form.fields) {
          if (field.type !== 'relation') continue
          for (const r of first.records[form.id] ?? []) {
            const v = r.values[field.id]
            if (v !== undefined && ids.get(field.options.formId)?.has(v as string) !== true) dangling.push(`${field.id}=${String(v)}`)
          }
        }
      }
      expect(dangling).toEqual([])
      const events = new Set(first.stageEvents.map(e => e.recordId))
      expect((first.records[first.formIds.form_opportunity ?? ''] ?? []).every(r => events.has(r.id))).toBe(true)
    })

    it('should assign demo records to the workspace members it is given', () => {
      const owners = new Set((first.records[first.formIds.form_opportunity ?? ''] ?? []).map(r => r.values.f_opp_owner))
      expect([...owners].sort()).toEqual(team.map(m => m.id))
      expect(first.newMembers).toEqual([])
    })

    it('should make demo reps, reported as new members, when the workspace has none', () => {
      const plan = planTemplateInstall(template, { withDemo: true, now: NOW, members: [], scale: 0.1 })
      expect(plan.newMembers).toHaveLength(6)
      const owners = new Set((plan.records[plan.formIds.form_opportunity ?? ''] ?? []).map(r => r.values.f_opp_owner))
      expect([...owners].every(id => plan.newMembers.some(m => m.id === id))).toBe(true)
    })

    it('should install definitions only without demo, stamped with now', () => {
      const plan = planTemplateInstall(template, { withDemo: false, now: NOW, members: team })
      expect(plan.records).toEqual({})
      expect(plan.stageEvents).toEqual([])
      expect(plan.bundle.forms).toHaveLength(11)
      expect(plan.bundle.app.createdAt).toBe(NOW)
    })

    it('should leave the template object untouched', () => {
      expect(template).toEqual(salesTemplate())
    })

    it('should refuse a template naming an unknown demo generator', () => {
      const bad: TemplateDef = { ...tinyTemplate(), demo: { generator: 'nope', seed: 1 } }
      expect(() => planTemplateInstall(bad, { withDemo: true, now: NOW, members: team })).toThrow(/nope/)
    })
  })

  describe('installTransaction', () => {
    it('should create the app, every definition, record and event in one transaction', () => {
      const tx = installTransaction(first)
      const size = installSize(first)
      expect(tx.defs?.put).toHaveLength(size.definitions)
      expect(tx.defs?.put?.filter(p => p.kind === 'form')).toHaveLength(11)
      const records = Object.values(tx.records ?? {}).reduce((n, c) => n + (c.put?.length ?? 0), 0)
      expect(records).toBe(size.records)
      expect(tx.stageEvents).toHaveLength(size.stageEvents)
      expect(size.records).toBeGreaterThan(4000)
    })

    it('should only add documents: no deletes, no dropped forms, no settings', () => {
      const tx = installTransaction(first)
      expect(tx.defs?.delete).toBeUndefined()
      expect(tx.dropForms).toBeUndefined()
      expect(tx.settings).toBeUndefined()
      for (const changes of Object.values(tx.records ?? {})) expect(Object.keys(changes)).toEqual(['put'])
    })

    it('should commit to storage as a second, independent app beside an earlier install', async () => {
      const storage = createMemoryAdapter()
      const a = planTemplateInstall(template, { withDemo: true, now: NOW, members: team, scale: 0.2 })
      await storage.commit(installTransaction(a))
      const formA = a.formIds.form_opportunity ?? ''
      const before = await storage.loadRecords(formA)
      const b = planTemplateInstall(template, { withDemo: true, now: NOW, members: team, scale: 0.2 })
      await storage.commit(installTransaction(b))
      const defs = await storage.loadDefinitions()
      expect(defs.apps.map(x => x.id).sort()).toEqual([a.bundle.app.id, b.bundle.app.id].sort())
      expect(defs.forms).toHaveLength(22)
      expect(await storage.loadRecords(formA)).toEqual(before)
      expect(await storage.loadRecords(b.formIds.form_opportunity ?? '')).toHaveLength(120)
      expect(await storage.loadStageEvents(formA)).toHaveLength(a.stageEvents.length)
    })
  })
})
