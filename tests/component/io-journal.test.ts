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

/**
 * A memory adapter whose record writes hang (like a tab closed mid-write) after `n` succeeded.
 * With `lands`, the hanging write is stored first: the tab closed after storage took the batch
 * but before the journal heard of it.
 */
function hangingAfter(n: number, lands = false): StorageAdapter & { recordCommits: () => number } {
  const inner = createMemoryAdapter()
  let commits = 0
  return {
    ...inner,
    commit: async (tx) => {
      if (!tx.records) return inner.commit(tx)
      commits++
      if (commits <= n) return inner.commit(tx)
      if (lands) await inner.commit(tx)
      return new Promise<void>(() => {})
    },
    recordCommits: () => commits,
  }
}

/** A writer mounted in an app on `adapter` (no notice), as the import dialog holds one. */
function mountWriter(adapter: StorageAdapter) {
  let w: ReturnType<typeof useImportWriter> | undefined
  const Harness = defineComponent(() => {
    w = useImportWriter()
    return () => h('div')
  })
  return { writer: () => w!, first: mountWithApp(Harness, { adapter }) }
}

const form = formWith('f1', [{ id: 'name', type: 'text', label: '名称' }])
const plan: ImportPlan = { formId: 'f1', inserts: Array.from({ length: 40 }, (_, i) => ({ name: `客户${i}` })), insertLines: Array.from({ length: 40 }, (_, i) => i + 2), updates: [], rejected: [], rejectedRows: 0, totalRows: 40 }

describe('the import journal', () => {
  afterEach(() => localStorage.clear())

  it('should tell the next visit that a stage-history import was cut off, how far it got, and that the same file finishes it', async () => {
    const adapter = hangingAfter(3)
    const { writer, first } = mountWriter(adapter)
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    const built = Array.from({ length: 40 }, (_, i) => ({ id: `h${i}`, values: { name: `客户${i}` }, createdAt: 1, updatedAt: 1, rev: 1 }))
    void writer().writeBuilt(form, built, [], { fileName: 'history.csv', batchSize: 5 })
    await until(() => adapter.recordCommits() === 4, 'the fourth batch to start')
    await settle()
    first.wrapper.unmount()

    const next = mountWithApp(ImportJournalNotice, { adapter })
    await until(() => textOf('import-interrupted') !== '', 'the notice')
    // the history's records keep their own ids: the journal's count, never "0 of 40 stored"
    expect(textOf('import-interrupted')).toContain('阶段历史导入中断：「history.csv」要写入的 40 条记录中，已确认写入 15 条')
    expect(textOf('import-resume-hint')).toContain('再次导入同一文件即可补齐')
    next.wrapper.unmount()
  })

  it.each([
    { lands: false, stored: 15, left: 25 },
    { lands: true, stored: 20, left: 20 },
  ])('should tell the next visit how many rows the store holds, counted from the store (the 4th batch landed: $lands)', async ({ lands, stored, left }) => {
    const adapter = hangingAfter(3, lands)
    const { writer, first } = mountWriter(adapter)
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    void writer().write(form, plan, { fileName: 'big.csv', batchSize: 5 })
    await until(() => adapter.recordCommits() === 4, 'the fourth batch to start')
    await settle()
    expect((await adapter.loadRecords('f1')).length).toBe(stored)
    first.wrapper.unmount()

    // Next visit: a fresh app reads the journal left behind.
    const next = mountWithApp(ImportJournalNotice, { adapter })
    await until(() => textOf('import-interrupted') !== '', 'the notice to count the stored rows')
    expect(textOf('import-interrupted')).toContain(`导入中断：「big.csv」的 40 行中已保存 ${stored} 行，其余 ${left} 行未写入`)
    expect(textOf('import-resume-hint')).toBe('')
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
