/** The ordered migration steps of every document kind. Add a step here when SCHEMA_VERSION is bumped. */
import type { DocumentKind } from '../validation/kinds'
import type { MigrationStep } from './types'
import { appV0toV1 } from './steps/app.v0-v1'
import { backupV0toV1 } from './steps/backup.v0-v1'
import { dashboardV0toV1 } from './steps/dashboard.v0-v1'
import { formV0toV1 } from './steps/form.v0-v1'
import { settingsV0toV1 } from './steps/settings.v0-v1'
import { templateV0toV1 } from './steps/template.v0-v1'
import { viewV0toV1 } from './steps/view.v0-v1'

/** Steps per kind, in version order: step i goes from version i to i + 1. */
export const MIGRATIONS: Record<DocumentKind, readonly MigrationStep[]> = {
  form: [formV0toV1],
  view: [viewV0toV1],
  dashboard: [dashboardV0toV1],
  app: [appV0toV1],
  settings: [settingsV0toV1],
  template: [templateV0toV1],
  backup: [backupV0toV1],
}
