import type { FormDef } from '@/core/schema/types'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { useSaveStatusStore } from '@/stores/save-status'
import { useWorkspaceStore } from '@/stores/workspace'
import { field } from '../fixtures/fields'
import { accountsForm, dealsForm, rec } from '../fixtures/derived'
import { mountWithApp, settle } from './mount-app'

/** Stores on a memory adapter holding accounts and deals (deals look up their account's name and industry). */
async function setup(extra: FormDef[] = [], seeded = false) {
  const { adapter, wrapper } = mountWithApp(defineComponent(() => () => h('div')))
  const workspace = useWorkspaceStore()
  await workspace.load()
  const forms = [accountsForm(), dealsForm(), ...extra]
  const tx = { defs: { put: forms.map(doc => ({ kind: 'form' as const, doc })) }, records: seeded ? { accounts: { put: [rec('a1', { name: '华为', industry: 'a' })] }, deals: { put: [rec('d1', { title: 'ERP', account: 'a1' })] } } : undefined }
  await adapter.commit(tx)
  await workspace.load()
  return { adapter, wrapper, records: useRecordsStore() }
}

describe('records store with lookups', () => {
  it('should recompute the deals linking to an edited account in the same commit, and undo both with one step', async () => {
    const { adapter, wrapper, records } = await setup()
    const acc = await records.add('accounts', [{ name: '华为', industry: 'a' }])
    const accId = acc.ok ? acc.records[0]!.id : ''
    // Adding a deal loads the accounts it reads and fills its lookups.
    const deal = await records.add('deals', [{ title: 'ERP', account: accId }])
    const dealId = deal.ok ? deal.records[0]!.id : ''
    expect(records.ensure('deals').byId.get(dealId)!.values).toMatchObject({ acc_name: '华为', acc_industry: 'a' })
    const commit = vi.spyOn(useSaveStatusStore(), 'commit')
    await records.update('accounts', [{ recordId: accId, values: { name: '华为技术' } }])
    expect(commit).toHaveBeenCalledTimes(1)
    expect(Object.keys(commit.mock.calls[0]![0].records ?? {}).sort()).toEqual(['accounts', 'deals'])
    expect((await adapter.loadRecords('deals'))[0]!.values.acc_name).toBe('华为技术')
    expect(records.ensure('deals').byId.get(dealId)!.values.acc_name).toBe('华为技术')
    // One undo of the account's edit puts the deal's lookup back too.
    await records.undo('accounts')
    expect((await adapter.loadRecords('deals'))[0]!.values.acc_name).toBe('华为')
    wrapper.unmount()
  })

  it('should empty the lookups when the account is deleted and fill them again when it is restored', async () => {
    const { adapter, wrapper, records } = await setup()
    const acc = await records.add('accounts', [{ name: '腾讯', industry: 'b' }])
    const accId = acc.ok ? acc.records[0]!.id : ''
    await records.add('deals', [{ title: 'OA', account: accId }])
    await records.remove('accounts', [accId])
    expect((await adapter.loadRecords('deals'))[0]!.values).toMatchObject({ acc_name: null, acc_industry: null })
    await records.undo('accounts')
    expect((await adapter.loadRecords('deals'))[0]!.values).toMatchObject({ acc_name: '腾讯', acc_industry: 'b' })
    wrapper.unmount()
  })

  it('should fill the lookups again when the account is restored from the recycle bin, and empty them when that is undone', async () => {
    const { adapter, wrapper, records } = await setup()
    const acc = await records.add('accounts', [{ name: '阿里', industry: 'c' }])
    const accId = acc.ok ? acc.records[0]!.id : ''
    await records.add('deals', [{ title: 'CRM', account: accId }])
    await records.remove('accounts', [accId])
    const binned = await records.loadTrash('accounts')
    expect(binned.map(r => r.id)).toEqual([accId])
    const restored = await records.restore('accounts', binned)
    expect(restored.ok && restored.saved).toBe(true)
    expect((await adapter.loadRecords('deals'))[0]!.values).toMatchObject({ acc_name: '阿里', acc_industry: 'c' })
    expect(records.ensure('deals').rows.value[0]!.values).toMatchObject({ acc_name: '阿里', acc_industry: 'c' })
    expect((await records.undo('accounts')).status).toBe('done')
    expect(await adapter.loadRecords('accounts')).toEqual([])
    expect((await adapter.loadRecords('deals'))[0]!.values).toMatchObject({ acc_name: null, acc_industry: null })
    wrapper.unmount()
  })

  it('should fill lookups of records stored before lookups were computed when their form loads', async () => {
    const { adapter, wrapper, records } = await setup([], true)
    await records.ensure('deals').loaded
    await vi.waitFor(async () => expect((await adapter.loadRecords('deals'))[0]!.values.acc_name).toBe('华为'))
    await settle()
    wrapper.unmount()
  })

  it('should give MAPX formulas the other form\'s rows in the app', async () => {
    const won = accountsForm([field('formula', { id: 'won', options: { expression: 'MAPX("sum", {name}, {deals.acc_name}, {deals.amount})', resultType: 'number' } })])
    const { wrapper, records } = await setup()
    const workspace = useWorkspaceStore()
    await workspace.write({ defs: { put: [{ kind: 'form', doc: won }] } })
    const acc = await records.add('accounts', [{ name: '华为' }])
    const accId = acc.ok ? acc.records[0]!.id : ''
    await records.add('deals', [{ title: 'A', amount: 10, account: accId }, { title: 'B', amount: 5, account: accId }])
    // The deals' creation recomputed the account's MAPX total.
    expect(records.ensure('accounts').byId.get(accId)!.values.won).toBe(15)
    wrapper.unmount()
  })
})
