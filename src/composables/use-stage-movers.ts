import type { ChangeEntry, StageEvent } from '@/core/schema/types'
import type { ShallowRef } from 'vue'
import { computed, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { stageMovers } from '@/core/stages'
import { useHistoryStore } from '@/stores/history'
import { useWorkspaceStore } from '@/stores/workspace'

/** A record's change log, kept current by the history store as this tab, others and teammates write. */
export function useRecordChangeLog(formId: MaybeRefOrGetter<string>, recordId: MaybeRefOrGetter<string>) {
  const history = useHistoryStore()
  const log = shallowRef<ShallowRef<ChangeEntry[]>>()
  watch(() => [toValue(formId), toValue(recordId)] as const, async ([form, record]) => {
    const next = await history.changesOf(form, record)
    if (toValue(formId) === form && toValue(recordId) === record) log.value = next
  }, { immediate: true })
  return computed<ChangeEntry[]>(() => log.value?.value ?? [])
}

/**
 * Who moved a record into each of its stages, as member names by stage event id, from the
 * record's change log (so a move pulled from a teammate names them as soon as it arrives).
 */
export function useStageMovers(events: MaybeRefOrGetter<readonly StageEvent[]>, changes: MaybeRefOrGetter<readonly ChangeEntry[]>) {
  const workspace = useWorkspaceStore()
  return computed(() => {
    const names = new Map(workspace.settings.members.map(m => [m.id, m.name]))
    const byEvent = stageMovers(toValue(events), toValue(changes))
    return new Map([...byEvent].map(([eventId, memberId]) => [eventId, names.get(memberId) ?? memberId]))
  })
}
