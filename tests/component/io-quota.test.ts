import type { ImportPlan } from '@/core/io'
import type { KvStore } from '@/storage/kv-store'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import ImportJournalNotice from '@/components/io/ImportJournalNotice.vue'
import type { ImportWriteOptions, ImportWriteOutcome } from '@/components/io/use-import-writer'
import { useImportWriter } from '@/components/io/use-import-writer'
import { createLocalforageStore } from '@/storage/kv-store'
import { createLocalforageAdapter } from '@/storage/localforage-adapter'
import { IMPORT_JOURNAL_KEY } from '@/stores/imports'
import { useWorkspaceStore } from '@/stores/workspace'
import { uniqueName } from '../fixtures/storage-contract'
import { withWriteMany } from '../fixtures/storage'
import { inProcessImportClient } from '../fixtures/io'
import { formWith, textOf, until } from '../fixtures/io-ui'
import { mountWithApp, settle } from './mount-app'

/** The real IndexedDB store, refusing (QuotaExceededError) every write of records from the `n`-th on while `full`. */
function fillingUpAt(name: string, n: number) {
  const inner = createLocalforageStore(name)
  const state = { full: true, recordWrites: 0 }
  const store: KvStore = withWriteMany(inner, async (sets, removes) => {
    if ([...sets.keys()].some(k => k.startsWith('rec:')) && ++state.recordWrites >= n && state.full)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    return inner.writeMany!(sets, removes)
  })
  return { store, state }
}

const form = formWith('f1', [{ id: 'name', type: 'text', label: '名称' }])
const names = Array.from({ length: 40 }, (_, i) => [`客户${i}`])
const plan: ImportPlan = { formId: 'f1', inserts: Array.from({ length: 40 }, (_, i) => ({ name: `客户${i}` })), insertLines: Array.from({ length: 40 }, (_, i) => i + 2), updates: [], rejected: [], rejectedRows: 0, totalRows: 40 }

type Writer = ReturnType<typeof useImportWriter>
/** The page's own batches, or batches built in the (in-process) import worker from the plan it kept. */
const paths: Record<string, (w: Writer, opts: ImportWriteOptions) => Promise<ImportWriteOutcome>> = {
  'the page': (w, opts) => w.write(form, plan, opts),
  'the worker': async (w, opts) => {
    const { client } = inProcessImportClient()
    const planned = client.check({ headers: ['名称'], rows: names, mapping: ['name'], form, existing: [] })
    const made = await planned.promise
    expect(made).toMatchObject({ insertCount: 40, insertLines: plan.insertLines, updateCount: 0 })
    expect(await client.planOf(planned.id).promise).toEqual(plan)
    expect(w.buildsInWorker(form, made)).toBe(true)
    return w.writeBuiltInWorker(form, made, planned.id, client.build, opts)
  },
}

describe.each(Object.keys(paths))('an import that fills the storage quota, batches built by %s', (path) => {
  afterEach(() => localStorage.clear())
  const writeWith = paths[path]!

  it('should stop at the refused batch with the rows written counted, keep the journal, and resume the rest with the same file', async () => {
    const name = uniqueName('quota')
    const { store, state } = fillingUpAt(name, 4)
    const wal = createLocalforageStore(`${name}-wal`)
    const adapter = createLocalforageAdapter({ name, stores: { data: store, wal }, broadcast: false })
    let writer: ReturnType<typeof useImportWriter> | undefined
    const Harness = defineComponent(() => {
      writer = useImportWriter()
      return () => h('div', [h(ImportJournalNotice)])
    })
    const first = mountWithApp(Harness, { adapter })
    await useWorkspaceStore().write({ defs: { put: [{ kind: 'form', doc: form }] } })
    const out = await writeWith(writer!, { fileName: 'big.csv', batchSize: 5, fingerprint: 'fp1' })
    // Batches 1-3 stored, the 4th refused whole: a batch boundary, nothing of it stored.
    expect(out).toMatchObject({ status: 'failed', batchesDone: 3, totalBatches: 8, inserted: 15 })
    expect(out.storageRefused).toBe('quota')
    const journal = JSON.parse(localStorage.getItem(IMPORT_JOURNAL_KEY) ?? '[]') as { importId: string, committedBatches: number }[]
    expect(journal).toHaveLength(1)
    expect(journal[0]).toMatchObject({ committedBatches: 3, fingerprint: 'fp1', rowsTotal: 40 })
    first.wrapper.unmount()
    await adapter.close()

    // Next visit, with room again: the notice counts what the store holds, the same file resumes.
    state.full = false
    const reopened = createLocalforageAdapter({ name, stores: { data: store, wal }, broadcast: false })
    expect((await reopened.loadRecords('f1')).length).toBe(15)
    let again: ReturnType<typeof useImportWriter> | undefined
    const Next = defineComponent(() => {
      again = useImportWriter()
      return () => h('div', [h(ImportJournalNotice)])
    })
    const next = mountWithApp(Next, { adapter: reopened })
    await useWorkspaceStore().load()
    await until(() => textOf('import-interrupted') !== '', 'the notice to count the stored rows')
    expect(textOf('import-interrupted')).toContain('导入中断：「big.csv」的 40 行中已保存 15 行，其余 25 行未写入')
    const rest = await writeWith(again!, { fileName: 'big.csv', batchSize: 5, fingerprint: 'fp1', resumeImportId: journal[0]!.importId })
    expect(rest).toMatchObject({ status: 'done', inserted: 25 })
    await settle()
    const rows = await reopened.loadRecords('f1')
    expect(rows.length).toBe(40)
    expect(new Set(rows.map(r => r.values.name)).size).toBe(40)
    expect(textOf('import-interrupted')).toBe('')
    next.wrapper.unmount()
    await reopened.close()
  })
})
