import type { ImportPlan } from '@/core/io'
import type { StorageAdapter } from '@/core/storage/adapter'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import ImportJournalNotice from '@/components/io/ImportJournalNotice.vue'
import { useImportWriter } from '@/components/io/use-import-writer'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { IMPORT_JOURNAL_KEY } from '@/stores/imports'
import { useWorkspaceStore } from '@/stores/workspace'
import { formWith, textOf, until } from '../fixtures/io-ui'
import { mountWithApp, settle } from './mount-app'

/** A memory adapter whose record writes hang (like a tab closed mid-write) after `n` succeeded. */
function hangingAfter(n: number): StorageAdapter & { recordCommits: () => number } {
  const inner = createMemoryAdapter()
  let commits = 0
  return {
    ...inner,
    commit: (tx) => {
      if (!tx.records) return inner.commit(tx)
      commits++
      return commits > n ? new Promise<void>(() => {}) : inner.commit(tx)
    },
    recordCommits: () => commits,
  }
}

const form = formWith('f1', [{ id: 'name', type: 'text', label: '名称' }])
const plan: ImportPlan = { formId: 'f1', inserts: Array.from({ length: 40 }, (_, i) => ({ name: `客户${i}` })), updates: [], rejected: [], rejectedRows: 0, totalRows: 40 }

describe('the import journal', () => {
  afterEach(() => localStorage.clear())

  it('should tell the next visit that an import stopped after 3 of 8 batches, with the rows written', async () => {
    const adapter = hangingAfter(3)
    let writer: ReturnType<typeof useImportWriter> | undefined
    const Harness = defineComponent(() => {
      writer = useImportWriter()
      return () => h('div')
    })
    const first = mountWithApp(Harness, { adapter })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    void writer!.write(form, plan, { fileName: 'big.csv', batchSize: 5 })
    await until(() => adapter.recordCommits() === 4, 'the fourth batch to start')
    await settle()
    expect((await adapter.loadRecords('f1')).length).toBe(15)
    first.wrapper.unmount()

    // Next visit: a fresh app reads the journal left behind.
    const next = mountWithApp(ImportJournalNotice, { adapter })
    await settle()
    expect(textOf('import-interrupted')).toContain('导入中断：「big.csv」已写入 3/8 批（15 行），其余 25 行未写入')
    const dismiss = next.wrapper.find('[data-test=import-journal-dismiss]').element as HTMLElement
    dismiss.click()
    await settle()
    expect(textOf('import-interrupted')).toBe('')
    expect(JSON.parse(localStorage.getItem(IMPORT_JOURNAL_KEY) ?? '[]')).toEqual([])
    next.wrapper.unmount()
  })

  it('should leave no notice after an import that finished', async () => {
    const adapter = createMemoryAdapter()
    let writer: ReturnType<typeof useImportWriter> | undefined
    const Harness = defineComponent(() => {
      writer = useImportWriter()
      return () => h('div', [h(ImportJournalNotice)])
    })
    const { wrapper } = mountWithApp(Harness, { adapter, locale: 'en' })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    const out = await writer!.write(form, plan, { fileName: 'ok.csv', batchSize: 5 })
    expect(out).toMatchObject({ status: 'done', batchesDone: 8, inserted: 40 })
    expect((await adapter.loadRecords('f1')).length).toBe(40)
    expect(textOf('import-interrupted')).toBe('')
    expect(localStorage.getItem(IMPORT_JOURNAL_KEY)).toBe('[]')
    wrapper.unmount()
  })
})
