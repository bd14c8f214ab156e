import { afterEach, describe, expect, it } from 'vitest'
import HistoryImportDialog from '@/components/io/HistoryImportDialog.vue'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { clickTest, formWith, pickFile, pickOption, salesForm, textOf, until } from '../fixtures/io-ui'
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
    expect(textOf('io-history-summary')).toContain('将新建 3 条记录（5 个阶段变更）')

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

  // A history export with the header traps: the row's own Id first, a user id before the change
  // time, and keys that match records created earlier from the current-state file.
  const TRAPS = [
    'Id,CreatedById,deal,stage,CreatedDate,amount',
    'H1,U1,D1,初步接洽,2024-01-02,100',
    'H2,U1,D1,方案报价,2024-01-10,120',
    'H3,U2,D1,赢单,2024-02-01,150',
    'H4,U2,D2,初步接洽,2024-01-05,50',
    'H5,U1,D9,初步接洽,2024-01-07,80',
  ].join('\n')

  it('should lay the history onto existing records by key, keep their other values, and write nothing the second time', async () => {
    const adapter = createMemoryAdapter()
    const base = salesForm()
    const form = formWith('deals-onto', [...base.fields, { id: 'note', type: 'text', label: '备注' }])
    const first = mountWithApp(HistoryImportDialog, { adapter, props: { formId: form.id } })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    const added = await useRecordsStore().add(form.id, [{ title: 'D1', stage: 'won', amount: 999, note: 'keep me' }, { title: 'D2', stage: 's1', note: 'me too' }])
    expect(added.ok ? [] : added.issues).toEqual([])
    await settle()
    await pickFile('history.csv', TRAPS)
    await until(() => !!document.body.querySelector('[data-test=io-history-check]'), 'the column choice')
    // The guesses read the values: the deal column matches the records' names, CreatedDate holds dates.
    expect(textOf('io-history-why-key')).toContain('2 个标识与已有记录一致（100 %）')
    expect(textOf('io-history-why-at')).toContain('100 % 的值可解析为日期')
    // the columns no role reads are listed, and Check waits for the user to confirm them
    expect(textOf('io-history-skipped')).toContain('2 列不会导入（阶段历史只读取上面选中的列）：Id、CreatedById')
    expect(document.body.querySelector<HTMLButtonElement>('[data-test=io-history-check]')!.disabled).toBe(true)
    document.body.querySelector<HTMLInputElement>('[data-test=io-history-skipped-confirm] input')!.click()
    await until(() => document.body.querySelector<HTMLButtonElement>('[data-test=io-history-check]')!.disabled === false, 'the check button once confirmed')
    await clickTest('io-history-check')
    await until(() => textOf('io-history-summary') !== '', 'the summary')
    expect(textOf('io-history-summary')).toContain('将新建 1 条记录（1 个阶段变更）；匹配到 2 条已有记录，其中 2 条会改变：追加 4 个阶段变更，更新 0 条的当前值')
    await clickTest('io-history-write')
    await until(() => textOf('io-history-done') !== '', 'the import to finish')
    expect(textOf('io-history-done')).toContain('已新建 1 条、补充 2 条已有记录，共写入 5 个阶段变更')
    first.wrapper.unmount()

    const rows = await adapter.loadRecords(form.id)
    const byTitle = new Map(rows.map(r => [r.values.title, r]))
    expect(rows).toHaveLength(3)
    expect(byTitle.get('D1')?.values).toMatchObject({ stage: 'won', amount: 999, note: 'keep me' })
    expect(byTitle.get('D2')?.values).toMatchObject({ stage: 's1', note: 'me too' })
    const events = await adapter.loadStageEvents(form.id, byTitle.get('D1')!.id)
    const history = events.filter(e => e.at < Date.UTC(2025, 0, 1)).map(e => [e.from, e.to, new Date(e.at).toISOString().slice(0, 10)])
    expect(history).toEqual([[null, 's1', '2024-01-02'], ['s1', 's2', '2024-01-10'], ['s2', 'won', '2024-02-01']])

    // The same file again: every event is already there, so nothing changes, and it says so as a warning.
    document.body.innerHTML = ''
    const again = mountWithApp(HistoryImportDialog, { adapter, props: { formId: form.id } })
    await useWorkspaceStore().load()
    await until(() => !!document.body.querySelector('input[data-test=io-file-input]'), 'the dialog again')
    await pickFile('history.csv', TRAPS)
    await until(() => !!document.body.querySelector('[data-test=io-history-check]'), 'the column choice again')
    document.body.querySelector<HTMLInputElement>('[data-test=io-history-skipped-confirm] input')!.click()
    await until(() => document.body.querySelector<HTMLButtonElement>('[data-test=io-history-check]')!.disabled === false, 'the check button again')
    await clickTest('io-history-check')
    await until(() => textOf('io-history-summary') !== '', 'the second summary')
    expect(textOf('io-history-summary')).toContain('0 条记录会改变：匹配到 3 条已有记录，其中 5 个阶段变更表单里已经有了')
    const warnings = [...document.body.querySelectorAll('.el-alert--warning')].map(el => el.textContent ?? '')
    expect(warnings.some(w => w.includes('0 条记录会改变'))).toBe(true)
    expect(document.body.querySelector('.el-alert--success')).toBeNull()
    expect(document.body.querySelector<HTMLButtonElement>('[data-test=io-history-write]')?.disabled).toBe(true)
    // The five events already there can be downloaded with the other problems.
    expect(textOf('io-history-issues')).toContain('下载问题清单（5 行）')
    expect(textOf('io-history-count-duplicate')).toContain('重复的阶段变更：5 行')
    again.wrapper.unmount()
  }, 30_000)
})
