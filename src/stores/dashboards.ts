import type { DashboardFilterValue } from '@/core/dashboard'
import type { AppDef, DashboardDef, Label } from '@/core/schema/types'
import { createDashboardTx, deleteDashboardTx } from '@/core/dashboard'
import { saveDashboardTx } from '@/core/workspace/app-ops'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, toRaw } from 'vue'
import { useWorkspaceStore } from './workspace'

/**
 * Dashboards: create, rename, save, delete (through the workspace store's commit) and the
 * dashboard filter values chosen in this session. Widgets read stage events from the history store.
 */
export const useDashboardsStore = defineStore('dashboards', () => {
  const workspace = useWorkspaceStore()
  /** Filter values per dashboard id, then per filter id. */
  const filterValues = ref<Record<string, Record<string, DashboardFilterValue | undefined>>>({})

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

  return { filterValues, save, create, rename, remove, setFilterValue }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardsStore, import.meta.hot))
