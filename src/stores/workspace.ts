import type { DefinitionKind, DefinitionKinds, Transaction } from '@/core/storage/adapter'
import type { AppDef, DashboardDef, FormDef, Locale, Member, ViewDef, WorkspaceSettings } from '@/core/schema/types'
import { SCHEMA_VERSION } from '@/core/schema/types'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useAdapter } from './use-adapter'
import { useSaveStatusStore } from './save-status'
import { applyDefinitionChanges } from './definition-sync'
import { useSyncStore } from './sync'

const DEFAULT_SETTINGS: WorkspaceSettings = { schemaVersion: SCHEMA_VERSION, members: [] }

/** Definitions of the whole workspace (apps, forms, views, dashboards) and its settings. */
export const useWorkspaceStore = defineStore('workspace', () => {
  const adapter = useAdapter()
  const saver = useSaveStatusStore()
  const loaded = ref(false)
  // Definitions and settings are replaced whole on change: shallow refs keep them plain data.
  const settings = shallowRef<WorkspaceSettings>({ ...DEFAULT_SETTINGS })
  const apps = shallowRef<AppDef[]>([])
  const forms = shallowRef<FormDef[]>([])
  const views = shallowRef<ViewDef[]>([])
  const dashboards = shallowRef<DashboardDef[]>([])

  async function load(): Promise<void> {
    const defs = await adapter.loadDefinitions()
    settings.value = defs.settings ?? { ...DEFAULT_SETTINGS }
    apps.value = defs.apps.sort((a, b) => a.createdAt - b.createdAt)
    forms.value = defs.forms
    views.value = defs.views
    dashboards.value = defs.dashboards
    loaded.value = true
  }

  /** Applies a transaction's definition parts to the in-memory lists (called by the records store's pipeline for every applied transaction). */
  function applyDefs(tx: Transaction): void {
    const next = applyDefinitionChanges({ apps: apps.value, forms: forms.value, views: views.value, dashboards: dashboards.value }, tx)
    apps.value = next.apps
    forms.value = next.forms
    views.value = next.views
    dashboards.value = next.dashboards
    if (tx.settings) settings.value = tx.settings
  }

  /**
   * Writes a change of definitions or settings only: shows it at once, then stores it; a failed
   * write keeps it on screen (see save-status); false when the team role may not make it. A change that touches records goes through the
   * records store's pipeline (`useRecordsStore().write`), which applies definitions too.
   */
  async function write(tx: Transaction): Promise<boolean> {
    if (tx.records || tx.stageEvents || tx.changes || tx.dropForms) throw new Error('workspace.write: a transaction with records goes through the records store')
    // Refused for the team role (a member saving a view): not shown, not stored; the shell says why.
    if (useSyncStore().refusalOf(tx)) return false
    applyDefs(tx)
    return saver.commit(tx)
  }

  function putDefs<K extends DefinitionKind>(kind: K, docs: DefinitionKinds[K][]): Transaction {
    return { defs: { put: docs.map(doc => ({ kind, doc })) } }
  }

  const appById = computed(() => new Map(apps.value.map(a => [a.id, a])))
  const formById = computed(() => new Map(forms.value.map(f => [f.id, f])))
  const formsOfApp = (appId: string) => {
    const app = appById.value.get(appId)
    return app ? app.formIds.map(id => formById.value.get(id)).filter((f): f is FormDef => !!f) : []
  }
  const dashboardsOfApp = (appId: string) => {
    const app = appById.value.get(appId)
    return app ? app.dashboardIds.map(id => dashboards.value.find(d => d.id === id)).filter((d): d is DashboardDef => !!d) : []
  }
  const viewsOfForm = (formId: string) => views.value.filter(v => v.formId === formId)

  function saveSettings(patch: Partial<WorkspaceSettings>): Promise<boolean> {
    return write({ settings: { ...settings.value, ...patch } })
  }
  const setLocale = (locale: Locale) => saveSettings({ locale })
  const saveMembers = (members: Member[]) => saveSettings({ members })

  return {
    loaded, settings, apps, forms, views, dashboards, appById, formById,
    load, applyDefs, write, putDefs, formsOfApp, dashboardsOfApp, viewsOfForm, saveSettings, setLocale, saveMembers,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkspaceStore, import.meta.hot))
