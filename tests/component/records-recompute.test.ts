// A record merged from two versions by team sync takes each field from the side that changed it;
// its formula values are recomputed here, so a weighted amount follows the merged amount and
// probability instead of one side's figure.
import type { FormDef, RecordRow } from '@/core/schema/types'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { mountWithApp } from './mount-app'

const deals: FormDef = {
  schemaVersion: 1, id: 'deals', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1,
  fields: [
    { id: 'amount', type: 'number', label: '金额' },
    { id: 'prob', type: 'number', label: '概率' },
    { id: 'weighted', type: 'formula', label: '加权金额', options: { expression: '{amount}*{prob}/100', resultType: 'number' } },
  ],
}

describe('records store: recomputing merged records', () => {
  it('should store the formula value of the merged amount and probability', async () => {
    const { adapter, wrapper } = mountWithApp(defineComponent(() => () => h('div')))
    // A's amount (200) and B's probability (50) merged; the weighted amount came with A's side (200 × 10%).
    const merged: RecordRow = { id: 'd1', values: { amount: 200, prob: 50, weighted: 20 }, createdAt: 1, updatedAt: 2, rev: 3 }
    await adapter.commit({ defs: { put: [{ kind: 'form', doc: deals }] }, records: { deals: { put: [merged] } } })
    await useWorkspaceStore().load()
    const records = useRecordsStore()
    await records.ensure('deals').loaded
    await records.recompute('deals', ['d1'])
    expect(records.ensure('deals').byId.get('d1')?.values.weighted).toBe(100)
    expect((await adapter.loadRecords('deals'))[0]?.values.weighted).toBe(100)
    wrapper.unmount()
  })
})
