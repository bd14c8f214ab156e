import type { StorageAdapter } from '@/core/storage/adapter'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises } from '@vue/test-utils'
import SaveFailureBanner from '@/components/shell/SaveFailureBanner.vue'
import HomeView from '@/pages/HomeView.vue'
import { StorageError } from '@/core/storage/adapter'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useWorkspaceStore } from '@/stores/workspace'
import { mountWithApp, settle } from './mount-app'

/** A memory adapter whose commits fail with a quota error until `heal()` is called. */
function failingAdapter(): StorageAdapter & { heal: () => void } {
  const inner = createMemoryAdapter()
  let broken = true
  return {
    ...inner,
    commit: tx => (broken ? Promise.reject(new StorageError('quota', 'QuotaExceededError: quota exceeded')) : inner.commit(tx)),
    heal: () => { broken = false },
  }
}

const Page = defineComponent(() => () => h('div', [h(SaveFailureBanner), h(HomeView)]))

describe('a failed write', () => {
  it('should keep the change on screen, say why, and store it on retry', async () => {
    const adapter = failingAdapter()
    const { wrapper } = mountWithApp(Page, { adapter })
    await useWorkspaceStore().load()
    await wrapper.find('[data-test=create-app]').trigger('click')
    await flushPromises()
    const input = document.body.querySelector<HTMLInputElement>('input[data-test=name-input]')!
    input.value = '客户管理'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    document.body.querySelector<HTMLButtonElement>('[data-test=name-submit]')!.click()
    await settle()
    expect(wrapper.find('[data-test=app-list]').text()).toContain('客户管理')
    expect(wrapper.find('[data-test=save-failure]').text()).toContain('浏览器存储空间已满')
    expect((await adapter.loadDefinitions()).apps).toEqual([])

    adapter.heal()
    await wrapper.find('[data-test=save-retry]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test=save-failure]').exists() ? wrapper.find('[data-test=save-failure]').text() : '').toBe('')
    expect((await adapter.loadDefinitions()).apps.map(a => a.name)).toEqual(['客户管理'])
    wrapper.unmount()
  })
})
