import type { DashboardContext, DashboardFilterValue } from '@/core/dashboard'
import type { ChangeFieldRef } from '@/core/dashboard'
import { widgetChangeFields, widgetFormIds } from '@/core/dashboard'
import type { StageEventSource } from '@/core/events'
import type { ChangeEntry, DashboardDef, Locale, RecordRow } from '@/core/schema/types'
import type { MaybeRefOrGetter } from 'vue'
import { computed, ref, toValue, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDashboardsStore } from '@/stores/dashboards'
import { useHistoryStore } from '@/stores/history'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Form ids a dashboard reads: its widgets' sources and targets forms, and its filters' targets. */
export function formIdsOf(d: DashboardDef): string[] {
  const ids = new Set<string>()
  for (const w of d.widgets) for (const id of widgetFormIds(w)) ids.add(id)
  for (const f of d.filters ?? []) for (const t of f.targets) ids.add(t.formId)
  return [...ids]
}

/**
 * The reactive {@link DashboardContext} of a dashboard: loads the records and stage events of
 * every form it reads, and the whole-form changes of the fields its widgets ask for (a
 * waterfall's amount field; none for other dashboards), and recomputes when they, the definitions, the filter values or the
 * language change. `loading` is true until the first load of each form has finished (no
 * context until then); `progress` counts the records read meanwhile.
 * `filterValues` replaces the session's values (a drill link carries its own).
 */
export function useDashboardContext(dashboard: MaybeRefOrGetter<DashboardDef | undefined>, options: { filterValues?: () => Readonly<Record<string, DashboardFilterValue | undefined>> } = {}) {
  const workspace = useWorkspaceStore()
  const recordsStore = useRecordsStore()
  const dashboards = useDashboardsStore()
  const history = useHistoryStore()
  const { locale } = useI18n()
  const loading = ref(true)
  const formIds = computed(() => {
    const d = toValue(dashboard)
    return d ? formIdsOf(d).filter(id => workspace.formById.has(id)) : []
  })

  // forms the read forms link to: a breakdown or "why" row of a relation field shows the linked record's title
  const linkedIds = computed(() => {
    const read = new Set(formIds.value)
    const out = new Set<string>()
    for (const id of read) {
      for (const f of workspace.formById.get(id)?.fields ?? []) {
        if (f.type === 'relation' && !read.has(f.options.formId) && workspace.formById.has(f.options.formId)) out.add(f.options.formId)
      }
    }
    return [...out]
  })

  // fields whose changes across the form a widget reads (the waterfall's amount changes), that still exist
  const changeFields = computed((): ChangeFieldRef[] => {
    const d = toValue(dashboard)
    const seen = new Set<string>()
    const out: ChangeFieldRef[] = []
    for (const w of d?.widgets ?? []) {
      for (const ref of widgetChangeFields(w)) {
        const key = `${ref.formId}\u0000${ref.fieldId}`
        if (seen.has(key) || !workspace.formById.get(ref.formId)?.fields.some(f => f.id === ref.fieldId)) continue
        seen.add(key)
        out.push(ref)
      }
    }
    return out
  })

  watch(() => [...formIds.value, '', ...linkedIds.value, '', ...changeFields.value.map(r => `${r.formId}.${r.fieldId}`)].join('\n'), async () => {
    const ids = formIds.value
    loading.value = true
    await Promise.all([...ids, ...linkedIds.value].map(id => recordsStore.ensure(id).loaded))
    await Promise.all([...ids.map(id => history.eventsLoaded(id)), ...changeFields.value.map(r => history.fieldChangesLoaded(r.formId, r.fieldId))])
    loading.value = false
  }, { immediate: true })

  /** Records read so far of the forms still being read (a streamed open), or null when none is. */
  const progress = computed(() => {
    let loaded = 0
    let total = 0
    let any = false
    for (const id of formIds.value) {
      const p = recordsStore.ensure(id).loading.value
      if (!p) continue
      any = true
      loaded += p.loaded
      total += p.total
    }
    return any ? { loaded, total } : null
  })

  // Widgets wait for every form to be read: figures over part of a form would be wrong, not partial.
  const context = computed((): DashboardContext | undefined => {
    const d = toValue(dashboard)
    if (!d || loading.value) return undefined
    const records: Record<string, readonly RecordRow[]> = {}
    const events: Record<string, StageEventSource> = {}
    for (const id of formIds.value) {
      records[id] = recordsStore.ensure(id).rows.value
      events[id] = history.columnsOf(id).value
    }
    for (const id of linkedIds.value) records[id] = recordsStore.ensure(id).rows.value
    const fieldChanges: Record<string, Record<string, readonly ChangeEntry[]>> = {}
    for (const { formId, fieldId } of changeFields.value) {
      (fieldChanges[formId] ??= {})[fieldId] = history.fieldChangesOf(formId, fieldId).value
    }
    return {
      forms: workspace.forms,
      records,
      events,
      fieldChanges,
      members: workspace.settings.members,
      filters: d.filters ?? [],
      filterValues: options.filterValues?.() ?? dashboards.filterValues[d.id] ?? {},
      now: Date.now(),
      locale: locale.value as Locale,
      currentMemberId: workspace.settings.currentMemberId,
      // records are edited in place: the version keys the cached stage summaries
      dataVersion: recordsStore.version,
    }
  })
  return { context, loading, progress }
}
