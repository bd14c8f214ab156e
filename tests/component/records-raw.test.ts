import { describe, expect, it } from 'vitest'
import { computed, defineComponent, h, isProxy, reactive } from 'vue'
import { useHistoryStore } from '@/stores/history'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { accountsForm, rec } from '../fixtures/derived'
import { mountWithApp, settle } from './mount-app'

/**
 * Records are plain objects in plain arrays held by shallowRefs (issue 17: no deep-reactive
 * arrays; a reactive proxy per record of a 100k-row form costs memory and time on every read).
 */
describe('records store: records stay non-reactive', () => {
  it('should hand out the rows and every record without a reactive proxy, after the open and after an edit, and keep them raw when a component wraps them', async () => {
    const { adapter, wrapper } = mountWithApp(defineComponent(() => () => h('div')))
    await adapter.commit({ defs: { put: [{ kind: 'form', doc: accountsForm() }] }, records: { accounts: { put: [rec('a1', { name: '华为' }), rec('a2', { name: '腾讯' })] } } })
    await useWorkspaceStore().load()
    const records = useRecordsStore()
    const state = records.ensure('accounts')
    await state.loaded
    const first = computed(() => records.ensure('accounts').rows.value[0])
    const expectRaw = (): void => {
      const rows = records.ensure('accounts').rows.value
      expect(isProxy(rows)).toBe(false)
      expect(rows.some(r => isProxy(r) || isProxy(r.values))).toBe(false)
      expect(isProxy(first.value)).toBe(false)
      expect([...state.byId.values()].some(r => isProxy(r))).toBe(false)
      // markRaw: wrapping the array in reactive() (a component's ref of it) gives the array itself
      expect(reactive(rows)).toBe(rows)
    }
    expectRaw()
    expect(first.value?.values.name).toBe('华为')
    const result = await records.update('accounts', [{ recordId: 'a1', values: { name: '阿里' } }])
    expect(result.ok).toBe(true)
    await settle()
    expect(first.value?.values.name).toBe('阿里')
    expectRaw()
    const history = useHistoryStore()
    await history.eventsLoaded('accounts')
    expect(isProxy(history.columnsOf('accounts').value)).toBe(false)
    wrapper.unmount()
  })
})
