import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import HomeView from '@/pages/HomeView.vue'
import { useWorkspaceStore } from '@/stores/workspace'
import { mountWithApp, settle } from './mount-app'

async function typeName(text: string) {
  const input = document.body.querySelector<HTMLInputElement>('input[data-test=name-input]')
  if (!input) throw new Error('name dialog not open')
  input.value = text
  input.dispatchEvent(new Event('input'))
  await flushPromises()
  document.body.querySelector<HTMLButtonElement>('[data-test=name-submit]')!.click()
  await settle()
}

describe('HomeView', () => {
  it('should say what to do when there are no apps', async () => {
    const { wrapper } = mountWithApp(HomeView)
    await useWorkspaceStore().load()
    await flushPromises()
    expect(wrapper.find('[data-test=home-empty]').text()).toContain('新建应用')
    wrapper.unmount()
  })

  it('should create an app, list it and store it through the adapter', async () => {
    const { wrapper, adapter } = mountWithApp(HomeView)
    await useWorkspaceStore().load()
    await wrapper.find('[data-test=create-app]').trigger('click')
    await flushPromises()
    await typeName('销售管理')
    expect(wrapper.find('[data-test=app-list]').text()).toContain('销售管理')
    const defs = await adapter.loadDefinitions()
    expect(defs.apps.map(a => a.name)).toEqual(['销售管理'])
    wrapper.unmount()
  })

  it('should refuse an empty name and keep the dialog open', async () => {
    const { wrapper, adapter } = mountWithApp(HomeView, { locale: 'en' })
    await useWorkspaceStore().load()
    await wrapper.find('[data-test=create-app]').trigger('click')
    await flushPromises()
    await typeName('   ')
    expect(document.body.textContent).toContain('Please enter a name')
    expect((await adapter.loadDefinitions()).apps).toEqual([])
    wrapper.unmount()
  })
})
