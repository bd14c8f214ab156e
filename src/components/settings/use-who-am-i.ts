import type { Ref } from 'vue'
import type { Member } from '@/core/schema/types'
import { ElMessage } from 'element-plus'
import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRecordsStore } from '@/stores/records'
import { useSyncStore } from '@/stores/sync'
import { useWorkspaceStore } from '@/stores/workspace'

/** Set once "who are you?" was answered or skipped in this workspace (this browser profile): never asked again. */
export const WHO_AM_I_ASKED_KEY = 'funnelgrid:who-am-i-asked'

/** What useWhoAmI returns. */
export interface UseWhoAmIReturn {
  /** True while the question is open. */
  asking: Readonly<Ref<boolean>>
  /** The answer: becomes "me" (a typed name is added as a member first). */
  pick: (member: Member, isNew: boolean) => Promise<void>
  skip: () => void
}

/**
 * Asks "who are you?" once, on the first edit made while no member is "me" and team sync is
 * off (signed in, the sync account names the author): the change log then names the user
 * instead of 某人. Answered or skipped, it is not asked again in this workspace.
 */
export function useWhoAmI(): UseWhoAmIReturn {
  const records = useRecordsStore()
  const workspace = useWorkspaceStore()
  const sync = useSyncStore()
  const { t } = useI18n()
  const asking = ref(false)
  const asked = () => globalThis.localStorage?.getItem(WHO_AM_I_ASKED_KEY) === '1'
  const done = () => globalThis.localStorage?.setItem(WHO_AM_I_ASKED_KEY, '1')

  watch(() => records.userEdits, (n, before) => {
    if (n <= (before ?? 0) || asking.value || asked()) return
    if (workspace.settings.currentMemberId || sync.on) return
    asking.value = true
  })

  async function pick(member: Member, isNew: boolean) {
    const members = isNew ? [...workspace.settings.members, member] : workspace.settings.members
    const saved = await workspace.saveSettings({ members, currentMemberId: member.id })
    if (!saved) return
    done()
    asking.value = false
    ElMessage.success(t('whoAmI.saved', { name: member.name }))
  }

  function skip() {
    done()
    asking.value = false
  }
  return { asking, pick, skip }
}
