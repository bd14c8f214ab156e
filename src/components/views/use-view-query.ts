import type { Filter } from '@/core/schema/filter'
import type { FormDef, RecordRow, ViewDef, Member } from '@/core/schema/types'
import type { LookupSourceOf, RecordGroup } from '@/core/query'
import type { ComputedRef, Ref } from 'vue'
import { computed, onScopeDispose, ref, watch } from 'vue'
import { groupRecords, kindOfField, runQuery, warmSearch } from '@/core/query'
import { andFilters } from '@/core/views'

/** What the grid page shows for a view: the matching rows, counts and groups. */
export interface ViewQuery {
  /** Rows passing filter, search (and the chosen group), in sort order: what the grid shows. */
  rows: ComputedRef<RecordRow[]>
  /** Rows passing filter and search, before picking a group (batch "all filtered"). */
  matched: ComputedRef<RecordRow[]>
  total: ComputedRef<number>
  groups: ComputedRef<RecordGroup[]>
  /** Key of the group shown alone; undefined = every group. */
  activeGroup: Ref<string | null | undefined>
}

/** Options of useViewQuery. */
export interface UseViewQueryOptions {
  /** A filter from the link (dashboard drill-through), applied on top of the view's. */
  extraFilter?: () => Filter | undefined
  /** Workspace members (quick search and sorting by member name). */
  members?: () => readonly Member[]
  /** The current member, for "me" in filters. */
  currentMemberId?: () => string | undefined
  /** The field a lookup shows, so quick search finds looked-up options and members by label. */
  lookupSource?: LookupSourceOf
}

/**
 * Runs the view's filter, search and sort over the form's records with core/query (never
 * the grid's own sort/filter) and groups the result when the view groups.
 */
export function useViewQuery(form: () => FormDef | undefined, view: () => ViewDef, records: () => RecordRow[], options: UseViewQueryOptions = {}): ViewQuery {
  const { extraFilter = () => undefined, members = () => [], currentMemberId = () => undefined, lookupSource } = options
  const memberNames = computed(() => new Map(members().map(m => [m.id, m.name])))
  const result = computed(() => {
    const f = form()
    const list = records()
    if (!f) return { records: [] as RecordRow[], total: 0 }
    const v = view()
    const spec = { filter: andFilters(v.filter, extraFilter()), search: v.search, sort: v.sort }
    return runQuery(list, spec, f.fields, { now: Date.now(), currentMemberId: currentMemberId() }, memberNames.value, lookupSource)
  })
  const groups = computed<RecordGroup[]>(() => {
    const f = form()
    const v = view()
    if (!f || !v.groupBy) return []
    const field = f.fields.find(x => x.id === v.groupBy)
    const dated = field && ['date', 'datetime'].includes(kindOfField(field))
    const measures = v.groupSum ? [{ fn: 'sum' as const, field: v.groupSum }] : []
    return groupRecords(result.value.records, dated ? { field: v.groupBy, unit: 'month' } : v.groupBy, f.fields, measures, { members: memberNames.value })
  })
  // Build the quick-search cache while the browser is idle after the form opens (about 0.2 s
  // of work at 100k records), so the user's first keystroke is as fast as the next ones.
  let idle: number | undefined
  const cancelIdle = () => {
    if (idle !== undefined) (window.cancelIdleCallback ?? clearTimeout)(idle)
    idle = undefined
  }
  watch([form, () => records().length > 0 ? records() : undefined], ([f, list]) => {
    cancelIdle()
    if (!f || !list || view().search) return
    const warm = () => { idle = undefined; warmSearch(list, f.fields, memberNames.value, lookupSource) }
    idle = window.requestIdleCallback ? window.requestIdleCallback(warm, { timeout: 2000 }) : window.setTimeout(warm, 300)
  }, { immediate: true })
  onScopeDispose(cancelIdle)
  const activeGroup = ref<string | null | undefined>(undefined)
  watch(() => view().groupBy, () => { activeGroup.value = undefined })
  const rows = computed(() => {
    if (activeGroup.value === undefined) return result.value.records
    return groups.value.find(g => g.key === activeGroup.value)?.records ?? []
  })
  return { rows, matched: computed(() => result.value.records), total: computed(() => result.value.total), groups, activeGroup }
}
