import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import TemplateGalleryView from '@/pages/TemplateGalleryView.vue'
import { useWorkspaceStore } from '@/stores/workspace'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { mountWithApp, settle } from './mount-app'

function byTest(id: string): HTMLElement {
  const el = document.body.querySelector<HTMLElement>(`[data-test="${id}"]`)
  if (!el) throw new Error(`no [data-test=${id}]`)
  return el
}

async function install(opts: { name?: string, demo?: boolean } = {}) {
  byTest('template-install').click()
  await flushPromises()
  if (opts.name !== undefined) {
    const input = byTest('install-name') as HTMLInputElement
    input.value = opts.name
    input.dispatchEvent(new Event('input'))
  }
  if (opts.demo === false) byTest('install-demo').click()
  await flushPromises()
  byTest('install-start').click()
  for (let i = 0; i < 20 && document.body.querySelector('[data-test=install-dialog]'); i++) await new Promise(r => setTimeout(r, 50))
  await settle()
}

describe('TemplateGalleryView', () => {
  it('should show the sales-funnel template with its description and forms', async () => {
    const { wrapper } = mountWithApp(TemplateGalleryView)
    await useWorkspaceStore().load()
    await flushPromises()
    const card = wrapper.find('[data-test=template-sales-funnel]')
    expect(card.text()).toContain('销售漏斗 CRM')
    expect(card.find('[data-test=template-forms]').text()).toContain('商机')
    expect(card.text()).toContain('包含 11 个表单')
    wrapper.unmount()
  })

  it('should install with demo data in one write: app, records, stage events and demo members', async () => {
    const base = createMemoryAdapter()
    let commits = 0
    const { wrapper, adapter, router } = mountWithApp(TemplateGalleryView, { adapter: { ...base, commit: (tx) => { commits++; return base.commit(tx) } } })
    await useWorkspaceStore().load()
    await flushPromises()
    await install({ name: '我的 CRM' })
    expect(commits).toBe(1)
    const defs = await adapter.loadDefinitions()
    expect(defs.apps.map(a => [a.name, a.templateId])).toEqual([['我的 CRM', 'sales-funnel']])
    expect(defs.forms).toHaveLength(11)
    const opp = defs.forms.find(f => f.fields.some(x => x.type === 'stage'))!
    expect((await adapter.loadRecords(opp.id)).length).toBe(600)
    expect((await adapter.loadStageEvents(opp.id)).length).toBeGreaterThan(600)
    expect(defs.settings?.members.length).toBeGreaterThan(0)
    expect(router.currentRoute.value.path).toBe(`/app/${defs.apps[0]!.id}`)
    wrapper.unmount()
  })

  it('should install a second, independent app without demo data and keep the first untouched', async () => {
    const { wrapper, adapter } = mountWithApp(TemplateGalleryView, { locale: 'en' })
    await useWorkspaceStore().load()
    await flushPromises()
    await install()
    const first = await adapter.loadDefinitions()
    const firstOpp = first.forms.find(f => f.fields.some(x => x.type === 'stage'))!
    const members = first.settings?.members
    await install({ demo: false })
    const defs = await adapter.loadDefinitions()
    expect(defs.apps.map(a => a.name)).toEqual(['Sales funnel CRM', 'Sales funnel CRM (2)'])
    expect(defs.forms).toHaveLength(22)
    expect(new Set(defs.forms.map(f => f.id)).size).toBe(22)
    const second = defs.forms.filter(f => f.appId === defs.apps[1]!.id && f.fields.some(x => x.type === 'stage'))
    expect((await adapter.loadRecords(second[0]!.id)).length).toBe(0)
    expect((await adapter.loadRecords(firstOpp.id)).length).toBe(600)
    expect(defs.settings?.members).toEqual(members)
    expect(wrapper.find('[data-test=template-installs]').text()).toBe('Installed 2 times')
    wrapper.unmount()
  })
})
