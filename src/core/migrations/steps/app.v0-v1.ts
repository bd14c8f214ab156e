/** App 0 -> 1. Pre-release apps listed their forms as `forms` and could lack the id lists and timestamps. */
import type { MigrationStep } from '../types'

/** The app migration from unversioned (0) to 1. */
export const appV0toV1: MigrationStep = {
  kind: 'app',
  from: 0,
  to: 1,
  description: 'forms -> formIds; default empty id lists and timestamps',
  up: (doc) => {
    const { forms, ...rest } = doc
    return {
      ...rest,
      schemaVersion: 1,
      formIds: rest.formIds ?? forms ?? [],
      dashboardIds: rest.dashboardIds ?? [],
      createdAt: rest.createdAt ?? 0,
      updatedAt: rest.updatedAt ?? 0,
    }
  },
}
