import type { StorageAdapter } from '@/core/storage/adapter'
import type { Component } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { createAppI18n } from '@/i18n'
import en from 'virtual:locale-messages/en'
import zhCN from 'virtual:locale-messages/zh-CN'
import { STORAGE_KEY } from '@/symbols'

/** Mounts a component with a real Pinia, i18n and a memory adapter, the way main.ts wires the app. */
export function mountWithApp(component: Component, opts: { adapter?: StorageAdapter, locale?: 'zh-CN' | 'en', props?: Record<string, unknown>, stubs?: Record<string, Component | boolean>, provide?: Record<symbol, unknown> } = {}) {
  const adapter = opts.adapter ?? createMemoryAdapter()
  const pinia = createPinia()
  const i18n = createAppI18n(opts.locale ?? 'zh-CN', { 'zh-CN': zhCN, en })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const wrapper = mount(component, {
    props: opts.props,
    attachTo: document.body,
    global: {
      plugins: [pinia, i18n, router],
      provide: { [STORAGE_KEY as symbol]: adapter, ...opts.provide },
      stubs: opts.stubs,
    },
  })
  return { wrapper, adapter, pinia, router }
}

/** Lets pending promises (adapter calls) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise(r => setTimeout(r, 0))
}
