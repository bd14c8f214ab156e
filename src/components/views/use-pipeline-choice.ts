import type { MaybeRefOrGetter } from 'vue'
import type { PipelineChoice } from '@/core/stages'
import type { Filter } from '@/core/schema/filter'
import type { FormDef, ViewDef } from '@/core/schema/types'
import { computed, toValue, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { choiceFilter, formForChoice, pipelineChoices } from '@/core/stages'

/**
 * The pipeline switcher of the grid page. The chosen pipeline is part of the view (`pipeline`,
 * saved with it like its filter, so a saved kanban opens on its pipeline) and is shown in the
 * route (`?pipeline=stage:renewal`, so a link opens the same pipeline); a link's choice wins
 * over the view's until another view is opened. The grid offers every pipeline of a stage field
 * that splits plus "all" (''); a kanban over such a field always shows one pipeline (default:
 * its first), its lanes that pipeline's stages. Forms whose stage fields do not split get no
 * choices. `pick` stores a choice in the view's draft.
 */
export function usePipelineChoice(form: MaybeRefOrGetter<FormDef | undefined>, view: MaybeRefOrGetter<ViewDef>, pick?: (key: string | undefined) => void) {
  const route = useRoute()
  const router = useRouter()
  const asked = computed(() => (typeof route.query.pipeline === 'string' ? route.query.pipeline : ''))
  const kanbanField = computed(() => {
    const v = toValue(view)
    return v.kind === 'kanban' ? v.kanban?.field : undefined
  })
  /** The switcher's buttons: pipelines of split stage fields (the kanban's field only, on a kanban). */
  const options = computed<PipelineChoice[]>(() => {
    const f = toValue(form)
    if (!f) return []
    const split = pipelineChoices(f).filter(c => c.pipeline !== undefined)
    const k = kanbanField.value
    return toValue(view).kind === 'kanban' ? split.filter(c => c.fieldId === k) : split
  })
  /** '' = all pipelines (the grid only). */
  const key = computed(() => {
    const hit = options.value.find(c => c.key === asked.value) ?? options.value.find(c => c.key === toValue(view).pipeline)
    if (hit) return hit.key
    return kanbanField.value !== undefined ? (options.value[0]?.key ?? '') : ''
  })
  // Another view opened: its own pipeline applies, not the one the link or the last view chose.
  watch(() => toValue(view).id, (id, before) => {
    if (before !== undefined && id !== before && asked.value) void router.replace({ query: { ...route.query, pipeline: undefined } })
  })
  const choice = computed(() => options.value.find(c => c.key === key.value))
  /** The records of the chosen pipeline, as a filter on top of the view's. */
  const filter = computed<Filter | undefined>(() => {
    const f = toValue(form)
    return f ? choiceFilter(f, choice.value) : undefined
  })
  /** The form as the chosen pipeline sees it (a kanban's lanes are its stages). */
  const narrowedForm = computed(() => {
    const f = toValue(form)
    return f ? formForChoice(f, choice.value) : undefined
  })
  function set(next: string) {
    pick?.(next || undefined)
    void router.replace({ query: { ...route.query, pipeline: next || undefined } })
  }
  return { options, key, choice, filter, narrowedForm, set }
}
