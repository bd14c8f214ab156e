import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import ShellUpdatePrompt from '@/components/shell/ShellUpdatePrompt.vue'
import { mountWithApp } from './mount-app'

// vite-plugin-pwa's register module: a waiting service worker shows as needRefresh.
const needRefresh = ref(false)
const updateServiceWorker = vi.fn(async () => undefined)
vi.mock('virtual:pwa-register/vue', () => ({
  useRegisterSW: () => ({ needRefresh, offlineReady: ref(false), updateServiceWorker }),
}))

describe('ShellUpdatePrompt', () => {
  it('should stay hidden until a new version waits, then offer the reload in either language', async () => {
    for (const [locale, title, reload] of [['zh-CN', '有新版本可用', '重新加载'], ['en', 'Update available', 'Reload']] as const) {
      needRefresh.value = false
      const { wrapper } = mountWithApp(ShellUpdatePrompt, { locale })
      expect(wrapper.find('[data-test=update-prompt]').exists()).toBe(false)
      needRefresh.value = true
      await wrapper.vm.$nextTick()
      expect(wrapper.get('[data-test=update-prompt]').text()).toContain(title)
      expect(wrapper.get('[data-test=update-reload]').text()).toBe(reload)
      wrapper.unmount()
    }
  })

  it('should activate the waiting worker on reload, and hide on later', async () => {
    needRefresh.value = true
    const { wrapper } = mountWithApp(ShellUpdatePrompt, { locale: 'en' })
    await wrapper.get('[data-test=update-reload]').trigger('click')
    expect(updateServiceWorker).toHaveBeenCalledWith(true)
    await wrapper.get('[data-test=update-later]').trigger('click')
    expect(wrapper.find('[data-test=update-prompt]').exists()).toBe(false)
    wrapper.unmount()
  })
})
