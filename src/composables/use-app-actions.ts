import type { AppDef, FormDef, Label, Locale } from '@/core/schema/types'
import { labelText } from '@/core/utils/label'
import { createAppTx, createFormTx, deleteAppTx, deleteFormTx, renameAppTx } from '@/core/workspace/app-ops'
import { useI18n } from 'vue-i18n'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** App and form lifecycle actions shared by the home page and the app sidebar. */
export function useAppActions() {
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()
  // Deleting drops the forms' records: that goes through the records store's pipeline.
  const drop = async (tx: ReturnType<typeof deleteAppTx>) => { const out = await records.write(tx); return out.ok && out.saved }
  const { locale } = useI18n()

  const label = (l: Label | undefined) => labelText(l, locale.value as Locale)

  async function createApp(name: Label): Promise<AppDef> {
    const { app, tx } = createAppTx(name, Date.now())
    await workspace.write(tx)
    return app
  }

  const renameApp = (app: AppDef, name: Label) => workspace.write(renameAppTx(app, name, Date.now()))
  const deleteApp = (app: AppDef) => drop(deleteAppTx(app, workspace.views))

  async function createForm(app: AppDef, name: Label): Promise<FormDef> {
    const { form, tx } = createFormTx(app, name, Date.now())
    await workspace.write(tx)
    return form
  }

  const deleteForm = (app: AppDef, form: FormDef) => drop(deleteFormTx(app, form, workspace.views, Date.now()))

  return { label, createApp, renameApp, deleteApp, createForm, deleteForm }
}
