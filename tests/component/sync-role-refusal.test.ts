// The write pipeline refuses what the team role may not change, before it is shown or stored,
// and the shell says why (the server would refuse it too; tests/e2e/team-sync.test.ts).
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { WorkspaceRole } from '@/core/sync/roles'
import type { SyncRuntime } from '@/sync/runtime'
import SyncStatusChip from '@/components/shell/SyncStatusChip.vue'
import { useRecordsStore } from '@/stores/records'
import { useViewsStore } from '@/stores/views'
import { useWorkspaceStore } from '@/stores/workspace'
import { SYNC_KEY } from '@/symbols'
import { accountsForm, rec } from '../fixtures/derived'
import { mountWithApp, settle } from './mount-app'

/** This device joined a team workspace with `role` (the engine is not started: no server here). */
function joinedAs(role: WorkspaceRole): SyncRuntime {
  const status = { state: 'synced' as const, pending: 0, problem: null, skipped: [], conflicts: [], overwrittenDesigns: [], lastSyncedAt: null }
  return {
    config: { server: 'http://127.0.0.1:1/', db: 'funnelgrid-team', user: 'bob', role },
    engine: { status: () => status } as unknown as SyncRuntime['engine'],
    adapter: undefined as unknown as SyncRuntime['adapter'],
    onStatus: () => {},
  }
}

async function open(role: WorkspaceRole) {
  const Shell = defineComponent(() => () => h('div', [h(SyncStatusChip)]))
  const mounted = mountWithApp(Shell, { provide: { [SYNC_KEY as symbol]: joinedAs(role) } })
  await mounted.adapter.commit({ defs: { put: [{ kind: 'form', doc: accountsForm() }] }, records: { accounts: { put: [rec('a1', { name: '华为' })] } } })
  await useWorkspaceStore().load()
  return mounted
}

const shownMessage = () => document.body.querySelector('.el-message')?.textContent ?? ''

describe('team role in the write pipeline', () => {
  it('should refuse a viewer\'s edit and new record, keep the stored values, and say why', async () => {
    const { adapter, wrapper } = await open('viewer')
    const records = useRecordsStore()
    const edit = await records.update('accounts', [{ recordId: 'a1', values: { name: '腾讯' } }])
    expect(edit.ok).toBe(false)
    const added = await records.add('accounts', [{ name: '阿里' }])
    expect(added.ok).toBe(false)
    await settle()
    expect(shownMessage()).toContain('只读成员，不能修改记录')
    expect(records.ensure('accounts').rows.value.map(r => r.values.name)).toEqual(['华为'])
    expect((await adapter.loadRecords('accounts')).map(r => r.values.name)).toEqual(['华为'])
    wrapper.unmount()
  })

  it('should let a member change records but refuse a shared view save with the admins-only message', async () => {
    const { adapter, wrapper } = await open('member')
    const records = useRecordsStore()
    expect((await records.update('accounts', [{ recordId: 'a1', values: { name: '腾讯' } }])).ok).toBe(true)
    expect((await adapter.loadRecords('accounts')).map(r => r.values.name)).toEqual(['腾讯'])
    const views = useViewsStore()
    await views.create('accounts', '我的视图', 'grid')
    await settle()
    expect(useWorkspaceStore().views).toEqual([])
    expect((await adapter.loadDefinitions()).views).toEqual([])
    expect(shownMessage()).toContain('只有管理员可以修改')
    wrapper.unmount()
  })
})
