// The 智能助手 page over the template: an automation whose target form was deleted is marked
// broken by name (and skipped); turning one off is stored in the app document.
import type { FormDef } from '@/core/schema/types'
import { describe, expect, it } from 'vitest'
import AutomationsView from '@/pages/AutomationsView.vue'
import { useWorkspaceStore } from '@/stores/workspace'
import { SCHEMA_VERSION } from '@/core/schema/types'
import { salesTemplate } from '../fixtures/template'
import { mountWithApp, settle } from './mount-app'

const t = salesTemplate()

async function mountPage(forms: FormDef[]) {
  const { adapter, wrapper } = mountWithApp(AutomationsView, { props: { appId: t.bundle.app.id } })
  await adapter.commit({
    defs: { put: [{ kind: 'app', doc: t.bundle.app }, ...forms.map(f => ({ kind: 'form' as const, doc: f }))] },
    settings: { schemaVersion: SCHEMA_VERSION, members: [] },
  })
  await useWorkspaceStore().load()
  await settle()
  return { adapter, wrapper }
}

describe('automations page', () => {
  it('names why an automation cannot run when a form it writes to was deleted', async () => {
    const { wrapper } = await mountPage(t.bundle.forms.filter((f: FormDef) => f.id !== 'form_contract'))
    const cards = wrapper.findAll('[data-test=automation-card]')
    expect(cards).toHaveLength(3)
    const won = cards.find(c => c.text().includes('成交与签约 → 合同草稿和回款计划'))!
    expect(won.find('[data-test=automation-broken]').text()).toBe('无法运行，已跳过：目标表单已删除')
    expect(won.text()).toContain('在「（已删除）」新建一条记录')
    expect(cards.filter(c => c.find('[data-test=automation-broken]').exists())).toHaveLength(1)
    wrapper.unmount()
  })

  it('stores an automation turned off in the app document', async () => {
    const { adapter, wrapper } = await mountPage(t.bundle.forms)
    await wrapper.findAll('[data-test=automation-enabled]')[0]!.trigger('click')
    await settle()
    const apps = (await adapter.loadDefinitions()).apps
    expect(apps.find(a => a.id === t.bundle.app.id)?.automations?.map(a => a.enabled)).toEqual([false, true, true])
    wrapper.unmount()
  })
})
