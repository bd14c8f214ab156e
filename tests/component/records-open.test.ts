import { describe, expect, it } from 'vitest'
import { computed, defineComponent, h } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { accountsForm, rec } from '../fixtures/derived'
import { mountWithApp, settle } from './mount-app'

describe('records store: opening a form', () => {
  it('should tell a computed that returns the rows array itself (a relation picker\'s options) when the records arrive', async () => {
    const { adapter, wrapper } = mountWithApp(defineComponent(() => () => h('div')))
    await adapter.commit({ defs: { put: [{ kind: 'form', doc: accountsForm() }] }, records: { accounts: { put: [rec('a1', { name: '华为' }), rec('a2', { name: '腾讯' })] } } })
    await useWorkspaceStore().load()
    const records = useRecordsStore()
    const rows = computed(() => records.ensure('accounts').rows.value)
    const options = computed(() => rows.value.map(r => r.values.name))
    expect(options.value).toEqual([])
    await records.ensure('accounts').loaded
    await settle()
    expect(options.value).toEqual(['华为', '腾讯'])
    wrapper.unmount()
  })
})
