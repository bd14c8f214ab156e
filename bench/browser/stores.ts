/** The app's real stores and DataGrid over the real IndexedDB adapter, without the app shell. */
import type { GridApi } from 'ag-grid-community'
import type { StorageAdapter } from '@/core/storage/adapter'
import type { FieldDef, RecordRow } from '@/core/schema/types'
import type { App, ShallowRef } from 'vue'
import { createPinia } from 'pinia'
import { createApp, defineComponent, h, shallowRef } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import DataGrid from '@/components/grid/DataGrid.vue'
import { createAppI18n } from '@/i18n'
import zhCN from 'virtual:locale-messages/zh-CN'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { createLocalforageAdapter } from '@/storage/localforage-adapter'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { STORAGE_KEY } from '@/symbols'
import { MEMBERS } from './page-data'

/** What a mounted grid page gives the ops. */
export interface MountedGrid {
  app: App
  adapter?: StorageAdapter
  workspace?: ReturnType<typeof useWorkspaceStore>
  records?: ReturnType<typeof useRecordsStore>
  api: () => GridApi<RecordRow> | undefined
}

/** Rows (and their in-place version) a grid shows. */
export interface GridSource {
  fields: FieldDef[]
  rows: ShallowRef<RecordRow[]>
  version: () => number
}

/** Mounts the app's DataGrid into #grid with pinia, i18n and a router, as main.ts wires them. */
function mountGrid(adapter: StorageAdapter, source: () => GridSource | undefined): { app: App, grid: ShallowRef<{ api: GridApi<RecordRow> | undefined } | undefined> } {
  const grid = shallowRef<{ api: GridApi<RecordRow> | undefined }>()
  const Host = defineComponent({
    setup() {
      return () => {
        const s = source()
        if (!s) return null
        return h(DataGrid, {
          ref: (el: unknown) => { grid.value = el as typeof grid.value },
          fields: s.fields, rows: s.rows.value, rowsVersion: s.version(), locale: 'zh-CN', members: MEMBERS, formId: 'form_opportunity', statusBar: false,
        })
      }
    },
  })
  const app = createApp(Host)
  app.provide(STORAGE_KEY, adapter)
  app.use(createPinia())
  app.use(createAppI18n('zh-CN', { 'zh-CN': zhCN }))
  app.use(createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { render: () => null } }] }))
  return { app, grid }
}

/**
 * Opens database `name` through the workspace and records stores and shows form `formId` in
 * DataGrid as the grid page does: the grid is mounted when the read starts, gets the first
 * slice of rows as soon as the store has it (a streamed open) and the rest as it is read.
 * `onMounted` is called when the grid is mounted; resolves once every record is read and held
 * by the grid.
 */
export async function openGrid(name: string, formId: string, onMounted?: () => void): Promise<MountedGrid> {
  const adapter = createLocalforageAdapter({ name, broadcast: false })
  const src = shallowRef<GridSource>()
  const { app, grid } = mountGrid(adapter, () => src.value)
  const { workspace, records } = app.runWithContext(() => ({ workspace: useWorkspaceStore(), records: useRecordsStore() }))
  app.mount('#grid')
  await workspace.load()
  const form = workspace.formById.get(formId)
  if (!form) throw new Error(`no form ${formId} in ${name}`)
  const state = records.ensure(formId)
  // Mounted at once over the rows read so far, as the grid page mounts its DataGrid
  // (FormGridView): the grid is built while the first chunks are read.
  src.value = { fields: form.fields, rows: state.rows, version: () => records.version }
  onMounted?.()
  await state.loaded
  const api = () => grid.value?.api
  await gridHolds(api, () => state.rows.value.length)
  return { app, adapter, workspace, records, api }
}

/** Resolves once the grid holds `count()` rows (checked every animation frame). */
export function gridHolds(api: () => GridApi<RecordRow> | undefined, count: () => number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      const a = api()
      if (a && !a.isDestroyed() && a.getDisplayedRowCount() === count()) resolve()
      else requestAnimationFrame(check)
    }
    check()
  })
}

/** The same DataGrid over rows already in memory (a memory adapter, never read: no IndexedDB at all). */
export function showRows(fields: FieldDef[], rows: RecordRow[]): MountedGrid {
  const adapter = createMemoryAdapter()
  const { app, grid } = mountGrid(adapter, () => ({ fields, rows: shallowRef(rows), version: () => 0 }))
  app.mount('#grid')
  return { app, api: () => grid.value?.api }
}
