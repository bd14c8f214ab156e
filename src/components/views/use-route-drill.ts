import type { Filter } from '@/core/schema/filter'
import { parseDrillLink, resolveDrillLink } from '@/core/dashboard'
import { computed } from 'vue'
import { useDashboardContext } from '@/components/dashboard/use-dashboard-context'
import { useWorkspaceStore } from '@/stores/workspace'

/** Matches no record: shown while a drill link's dashboard data loads, and when it points at nothing now. */
const NOTHING: Filter = { and: [{ field: '_id', op: 'in', value: [] }] }

/** What a `?drill=` link shows on a form's grid. */
export type RouteDrill
  = | { state: 'none' }
    | { state: 'bad' }
    | { state: 'missing' }
    | { state: 'ready', filter: Filter }

/**
 * The records of a dashboard drill link (`?drill=`, see core/dashboard/drill-link.ts),
 * recomputed from the live data of the link's dashboard. The grid shows no record until that
 * data is loaded, never all of them.
 */
export function useRouteDrill(raw: () => string | undefined, formId: () => string) {
  const workspace = useWorkspaceStore()
  const link = computed(() => {
    const text = raw()
    return text ? parseDrillLink(text) ?? null : undefined
  })
  const dashboard = computed(() => (link.value ? workspace.dashboards.find(d => d.id === link.value?.dashboardId) : undefined))
  const { context, loading } = useDashboardContext(dashboard, { filterValues: () => link.value?.filterValues ?? {} })
  return computed((): RouteDrill => {
    const l = link.value
    if (l === undefined) return { state: 'none' }
    if (l === null) return { state: 'bad' }
    if (!dashboard.value) return { state: 'missing' }
    if (loading.value || !context.value) return { state: 'ready', filter: NOTHING }
    const got = resolveDrillLink(l, dashboard.value, context.value)
    if (!got.ok) return got.reason === 'missing' ? { state: 'missing' } : { state: 'ready', filter: NOTHING }
    return got.target.formId === formId() ? { state: 'ready', filter: got.target.filter } : { state: 'missing' }
  })
}
