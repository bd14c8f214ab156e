import type { AppDef, Locale, TemplateDef, WorkspaceSettings } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import { installSize, installTransaction, planTemplateInstall } from '@/core/template'
import { nextTick, ref, shallowRef, toRaw } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Where an install is: nothing yet, building the plan, writing it, finished or refused by storage. */
export type InstallPhase = 'idle' | 'planning' | 'writing' | 'done' | 'failed'

/** What the user chose in the install dialog. */
export interface InstallChoice {
  /** Name of the new app. */
  name: string
  withDemo: boolean
  /** Language of the demo names and texts. */
  locale: Locale
}

/** Lets the browser paint the current phase before the next long step starts. */
async function paint(): Promise<void> {
  await nextTick()
  await new Promise(resolve => setTimeout(resolve, 20))
}

/**
 * Installs templates: plans a fresh app (optionally with demo data), then writes it and, when
 * the workspace had no members yet, the demo reps as members, in ONE atomic transaction.
 * A refused write leaves nothing behind; the error is shown in the dialog, which can retry.
 */
export function useTemplateInstall() {
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()
  const phase = ref<InstallPhase>('idle')
  const size = shallowRef<{ definitions: number, records: number, stageEvents: number } | null>(null)
  const addedMembers = ref(0)
  const error = ref('')

  async function install(template: TemplateDef, choice: InstallChoice): Promise<AppDef | null> {
    error.value = ''
    addedMembers.value = 0
    phase.value = 'planning'
    await paint()
    const current: WorkspaceSettings = structuredClone(toRaw(workspace.settings))
    const plan = planTemplateInstall(template, { withDemo: choice.withDemo, now: Date.now(), members: current.members, locale: choice.locale })
    plan.bundle.app.name = choice.name
    size.value = installSize(plan)
    const tx: Transaction = installTransaction(plan)
    if (current.members.length === 0 && plan.newMembers.length > 0) {
      tx.settings = { ...current, members: plan.newMembers }
      addedMembers.value = plan.newMembers.length
    }
    phase.value = 'writing'
    await paint()
    // Stored first, shown after: a refused install leaves nothing behind, and the dialog (not the banner) reports it.
    const written = await records.write(tx, { confirmed: true })
    if (!written.ok || !written.saved) {
      error.value = (written.ok && written.failure) || ''
      phase.value = 'failed'
      return null
    }
    phase.value = 'done'
    return plan.bundle.app
  }

  return { phase, size, addedMembers, error, install }
}
