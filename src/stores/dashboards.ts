import type { DashboardFilterValue } from '@/core/dashboard'
import type { AppDef, DashboardDef, Label, StageEvent } from '@/core/schema/types'
import type { ShallowRef } from 'vue'
import { createDashboardTx, deleteDashboardTx } from '@/core/dashboard'
import { saveDashboardTx } from '@/core/workspace/app-ops'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { markRaw, ref, shallowRef, toRaw, watch } from 'vue'
import { useAdapter } from './use-adapter'
import { useRecordsStore } from './records'
import { useWorkspaceStore } from './workspace'

/**
 * Dashboards: create, rename, save, delete (through the workspace store's commit), the stage
 * events widgets need per form, and the dashboard filter values chosen in this session.
 */
export const useDashboardsStore = defineStore('dashboards', () => {
  const adapter = useAdapter()
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()
  const events = new Map<string, ShallowRef<StageEvent[]>>()
  /** Filter values per dashboard id, then per filter id. */
  const filterValues = ref<Record<string, Record<string, DashboardFilterValue | undefined>>>({})

  async function loadEvents(formId: string): Promise<void> {
    const list = await adapter.loadStageEvents(formId)
    eventsOf(formId).value = markRaw(list)
  }

  /** Stage events of a form (loaded on first use, refreshed when records change). */
  function eventsOf(formId: string): ShallowRef<StageEvent[]> {
    let state = events.get(formId)
    if (!state) {
      state = shallowRef<StageEvent[]>(markRaw([]))
      events.set(formId, state)
      void loadEvents(formId)
    }
    return state
  }

  // Stage changes arrive in record transactions; reload the events of forms on screen.
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(() => records.version, () => {
    clearTimeout(timer)
    timer = setTimeout(() => { for (const id of events.keys()) void loadEvents(id) }, 150)
  })

  /** Saves a dashboard. A JSON copy: dashboards are plain JSON, and no nested reactive proxy may reach storage. */
  function save(d: DashboardDef): Promise<boolean> {
    return workspace.write(saveDashboardTx(JSON.parse(JSON.stringify(d)) as DashboardDef, Date.now()))
  }

  async function create(app: AppDef, name: Label): Promise<DashboardDef> {
    const { dashboard, tx } = createDashboardTx(structuredClone(toRaw(app)), name, Date.now())
    await workspace.write(tx)
    return dashboard
  }

  const rename = (d: DashboardDef, name: Label) => save({ ...d, name })

  function remove(app: AppDef, id: string): Promise<boolean> {
    return workspace.write(deleteDashboardTx(structuredClone(toRaw(app)), id, Date.now()))
  }

  function setFilterValue(dashboardId: string, filterId: string, value: DashboardFilterValue | undefined): void {
    filterValues.value = { ...filterValues.value, [dashboardId]: { ...filterValues.value[dashboardId], [filterId]: value } }
  }

  return { filterValues, eventsOf, loadEvents, save, create, rename, remove, setFilterValue }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardsStore, import.meta.hot))
