import { afterEach, describe, expect, it } from 'vitest'
import ImportDialog from '@/components/io/ImportDialog.vue'
import { DATE_SAMPLE } from '@/components/io/use-import-mapping'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { clickTest, formWith, pickFile, pickOption, textOf, until } from '../fixtures/io-ui'
import { mountWithApp, settle } from './mount-app'

const form = formWith('clients', [
  { id: 'name', type: 'text', label: { 'zh-CN': '名称', 'en': 'Name' } },
  { id: 'amount', type: 'number', label: { 'zh-CN': '金额', 'en': 'Amount' } },
  { id: 'signed', type: 'date', label: { 'zh-CN': '签约日期', 'en': 'Signed' } },
])

const isDisabled = (testId: string) => document.body.querySelector<HTMLButtonElement>(`[data-test=${testId}]`)?.disabled

describe('ImportDialog', () => {
  afterEach(() => { document.body.innerHTML = '' })

  it('should list every column it will not import, with why, before anything is checked', async () => {
    const adapter = createMemoryAdapter()
    const { wrapper } = mountWithApp(ImportDialog, { adapter, locale: 'en', props: { formId: form.id } })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    await settle()
    // "名称" and "Name" both name the name field; "Region" names no field.
    await pickFile('clients.csv', 'Name,名称,Region,Amount\n华为,华为,North,5\n')
    await until(() => textOf('io-mapping') !== '', 'the mapping')
    await until(() => textOf('io-skipped') !== '', 'the skipped columns')
    expect(textOf('io-skipped')).toContain('2 columns will not be imported')
    expect(textOf('io-skipped')).toContain('名称：its field "Name" takes another column')
    expect(textOf('io-skipped')).toContain('Region：no field of the form has this name')
    // nothing is checked before the user confirms the columns left out
    const plan = () => document.body.querySelector<HTMLButtonElement>('[data-test=io-plan]')!
    expect(plan().disabled).toBe(true)
    expect(textOf('io-skipped-first')).toContain('Confirm the columns left out first')
    document.body.querySelector<HTMLInputElement>('[data-test=io-skipped-confirm] input')!.click()
    await until(() => !plan().disabled, 'the check button once confirmed')
    wrapper.unmount()
  })

  it('should ask for the date format when dates are ambiguous, then update matching records and add the rest', async () => {
    const adapter = createMemoryAdapter()
    const { wrapper } = mountWithApp(ImportDialog, { adapter, locale: 'en', props: { formId: form.id } })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    await useRecordsStore().add(form.id, [{ name: '华为', amount: 1 }])
    await settle()
    await pickFile('clients.csv', 'Name,Amount,Signed\n华为,5,03/04/2024\n小米,7,05/06/2024\n')
    await until(() => textOf('io-mapping') !== '', 'the mapping')

    // 03/04/2024 reads as 3 April or 4 March: the import waits for the user's choice.
    expect(textOf('io-date-ambiguous')).toContain('03/04/2024')
    expect(isDisabled('io-plan')).toBe(true)
    await pickOption('io-date-format', '25/03/2024 (day/month/year)')
    await pickOption('io-upsert', 'Match on "Name": update when equal, else add')
    await until(() => isDisabled('io-plan') === false, 'the check button')
    await clickTest('io-plan')
    await until(() => textOf('io-review-summary') !== '', 'the review')
    expect(textOf('io-review-summary')).toContain('2 rows, all can be imported: 1 new, 1 updated')
    await clickTest('io-write')
    await until(() => textOf('io-done-summary') !== '', 'the write')
    const rows = await adapter.loadRecords(form.id)
    expect(rows.map(r => r.values).sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { name: '华为', amount: 5, signed: '2024-04-03' },
      { name: '小米', amount: 7, signed: '2024-06-05' },
    ])
    wrapper.unmount()
  }, 30_000)

  it('should count, check and write every row of a file longer than the head the page is sent', async () => {
    const adapter = createMemoryAdapter()
    const { wrapper } = mountWithApp(ImportDialog, { adapter, locale: 'en', props: { formId: form.id } })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    await settle()
    const n = DATE_SAMPLE + 500
    await pickFile('long.csv', `Name,Amount\n${Array.from({ length: n }, (_, i) => `客户${i},${i}`).join('\n')}\n`)
    await until(() => textOf('io-mapping') !== '', 'the mapping')
    expect(textOf('io-file-summary')).toContain(n.toLocaleString())
    await clickTest('io-plan')
    await until(() => textOf('io-review-summary') !== '', 'the review')
    expect(textOf('io-review-summary')).toContain(`${n.toLocaleString()} rows, all can be imported: ${n.toLocaleString()} new`)
    await clickTest('io-write')
    await until(() => textOf('io-done-summary') !== '', 'the write')
    const rows = await adapter.loadRecords(form.id)
    expect(rows).toHaveLength(n)
    expect(rows.find(r => r.values.name === `客户${n - 1}`)?.values.amount).toBe(n - 1)
    wrapper.unmount()
  }, 30_000)
})
