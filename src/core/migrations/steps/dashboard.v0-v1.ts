/**
 * Dashboard 0 -> 1. Pre-release widgets kept their grid box in `position` and could omit
 * `config`; dashboards could lack timestamps (set to 0: unknown).
 */
import type { MigrationStep } from '../types'
import { asArray, isObject } from '../types'

/** The dashboard migration from unversioned (0) to 1. */
export const dashboardV0toV1: MigrationStep = {
  kind: 'dashboard',
  from: 0,
  to: 1,
  description: 'widget position -> layout; missing config -> {}',
  up: doc => ({
    ...doc,
    schemaVersion: 1,
    widgets: asArray(doc.widgets).map((w) => {
      if (!isObject(w)) return w
      const { position, ...rest } = w
      return { ...rest, layout: rest.layout ?? position, config: rest.config ?? {} }
    }),
    createdAt: doc.createdAt ?? 0,
    updatedAt: doc.updatedAt ?? 0,
  }),
}
