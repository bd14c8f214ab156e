import { afterEach, describe, expect, it } from 'vitest'
import HistoryImportDialog from '@/components/io/HistoryImportDialog.vue'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useWorkspaceStore } from '@/stores/workspace'
import { clickTest, pickFile, pickOption, salesForm, textOf, until } from '../fixtures/io-ui'
import { mountWithApp, settle } from './mount-app'

const LOG = [
  'deal,stage,changed_at,amount',
  'D1,初步接洽,2024-01-02,100',
  'D1,Proposal,2024-01-10,120',
  'D1,赢单,2024-02-01,150',
  'D2,初步接洽,2024-01-05,50',
  'D2,,2024-01-06,60',
  'D3,Negotiation,2024-01-07,80',
  'D3,输单,2024-13-01,80',
].join('\n')

describe('HistoryImportDialog', () => {
  afterEach(() => { document.body.innerHTML = '' })

  it('should rebuild records and stage events, asking for unknown stage names and listing bad rows', async () => {
    const adapter = createMemoryAdapter()
    const form = salesForm()
    const { wrapper } = mountWithApp(HistoryImportDialog, { adapter, props: { formId: form.id } })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    await settle()
    await pickFile('history.csv', LOG)
    await until(() => !!document.body.querySelector('[data-test=io-history-check]'), 'the column choice')
    await clickTest('io-history-check')
    await until(() => textOf('io-history-unknown') !== '', 'the unknown stage names')

    // Unknown names are listed with their rows; nothing can be written until each is mapped.
    expect(textOf('io-history-unknown')).toContain('Proposal')
    expect(textOf('io-history-unknown')).toContain('Negotiation')
    expect(textOf('io-history-bad')).toContain('行号 6')
    expect(textOf('io-history-bad')).toContain('行号 8')
    expect(document.body.querySelector<HTMLButtonElement>('[data-test=io-history-write]')?.disabled).toBe(true)
    expect(document.body.querySelectorAll('[data-test^=io-history-stage-map-]').length).toBe(2)
    await pickOption('io-history-stage-map-0', '方案报价')
    await pickOption('io-history-stage-map-1', '方案报价')
    await until(() => document.body.querySelector<HTMLButtonElement>('[data-test=io-history-write]')?.disabled === false, 'the write button')
    expect(textOf('io-history-summary')).toContain('将新建 3 条记录，写入 5 个阶段变更')

    await clickTest('io-history-write')
    await until(() => textOf('io-history-done') !== '', 'the import to finish')
    const records = await adapter.loadRecords(form.id)
    const byTitle = new Map(records.map(r => [r.values.title, r]))
    expect(byTitle.get('D1')?.values).toMatchObject({ stage: 'won', amount: 150 })
    expect(byTitle.get('D3')?.values).toMatchObject({ stage: 's2', amount: 80 })
    const events = await adapter.loadStageEvents(form.id, byTitle.get('D1')!.id)
    expect(events.map(e => [e.from, e.to, new Date(e.at).toISOString().slice(0, 10)])).toEqual([
      [null, 's1', '2024-01-02'],
      ['s1', 's2', '2024-01-10'],
      ['s2', 'won', '2024-02-01'],
    ])
    wrapper.unmount()
  }, 30_000)
})
