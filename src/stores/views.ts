import type { Label, ViewDef } from '@/core/schema/types'
import { parseBoundedJson } from '@/core/validation/bounded-json'
import { defaultViewOf, deleteViewTx, newView, putViewTx, sameView } from '@/core/views'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useWorkspaceStore } from './workspace'

const ACTIVE_KEY = 'funnelgrid:active-views'

function readActive(): Record<string, string> {
  let raw: string | null | undefined
  try {
    raw = globalThis.localStorage?.getItem(ACTIVE_KEY)
  }
  catch {
    return {}
  }
  // Bounded like any JSON that enters (core/validation/json-limits.ts): a refused value is forgotten.
  const parsed = raw ? parseBoundedJson('storedViews', raw) : undefined
  const value = parsed?.ok ? parsed.value : undefined
  return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, string> : {}
}

/**
 * Saved views per form, the one each form shows, and unsaved edits (drafts) of views.
 * Filter, sort, column and kanban changes go to a draft first; `save` stores it through the
 * workspace (a definitions put), `discard` drops it.
 */
export const useViewsStore = defineStore('views', () => {
  const workspace = useWorkspaceStore()
  /** Form id -> id of the view it shows (remembered per browser, like a tab choice). */
  const activeIds = shallowRef<Record<string, string>>(readActive())
  /** View id -> edited, unsaved copy. */
  const drafts = shallowRef<Record<string, ViewDef>>({})

  /** The form's saved views; a built-in "All records" view when it has none. */
  function viewsOf(formId: string): ViewDef[] {
    const saved = workspace.viewsOfForm(formId)
    return saved.length ? saved : [defaultViewOf(formId)]
  }

  function savedView(formId: string, viewId: string): ViewDef | undefined {
    return viewsOf(formId).find(v => v.id === viewId)
  }

  /** The view the form shows, with its unsaved edits. */
  function activeView(formId: string): ViewDef {
    const list = viewsOf(formId)
    const view = list.find(v => v.id === activeIds.value[formId]) ?? list[0]!
    return drafts.value[view.id] ?? view
  }

  function activate(formId: string, viewId: string): void {
    activeIds.value = { ...activeIds.value, [formId]: viewId }
    globalThis.localStorage?.setItem(ACTIVE_KEY, JSON.stringify(activeIds.value))
  }

  /** Replaces the draft of a view; a draft equal to the saved view is dropped. */
  function edit(view: ViewDef): void {
    const saved = savedView(view.formId, view.id)
    const next = { ...drafts.value }
    if (saved && sameView(saved, view)) delete next[view.id]
    else next[view.id] = view
    drafts.value = next
  }

  const isDirty = (viewId: string) => viewId in drafts.value

  function discard(viewId: string): void {
    const next = { ...drafts.value }
    delete next[viewId]
    drafts.value = next
  }

  /** Stores the view's draft (or the view as given). */
  async function save(view: ViewDef): Promise<boolean> {
    discard(view.id)
    return workspace.write(putViewTx(view))
  }

  /** Creates a named view (copying `base`'s settings when given) and shows it. */
  async function create(formId: string, name: Label, kind: 'grid' | 'kanban', base?: ViewDef): Promise<ViewDef> {
    const view = newView(formId, name, kind, base)
    await workspace.write(putViewTx(view))
    activate(formId, view.id)
    return view
  }

  async function rename(view: ViewDef, name: Label): Promise<boolean> {
    const saved = savedView(view.formId, view.id) ?? view
    // write() shows the renamed view at once; then the draft (if any) takes the name too.
    const done = workspace.write(putViewTx({ ...saved, name }))
    const draft = drafts.value[view.id]
    if (draft) edit({ ...draft, name })
    return done
  }

  /** Deletes a saved view; the form then shows its first remaining view. */
  async function remove(view: ViewDef): Promise<boolean> {
    discard(view.id)
    return workspace.write(deleteViewTx(view.id))
  }

  return { activeIds, drafts, viewsOf, activeView, activate, edit, isDirty, discard, save, create, rename, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useViewsStore, import.meta.hot))
