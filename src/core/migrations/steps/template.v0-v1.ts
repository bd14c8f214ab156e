/**
 * Template 0 -> 1. Pre-release templates held `app`, `forms`, `views` and `dashboards` at
 * the top level instead of inside `bundle`; each contained document migrates to 1 as well.
 */
import type { MigrationStep } from '../types'
import { asArray, isObject } from '../types'

/** The template migration from unversioned (0) to 1. */
export const templateV0toV1: MigrationStep = {
  kind: 'template',
  from: 0,
  to: 1,
  description: 'app/forms/views/dashboards -> bundle; contained documents migrated to 1',
  up: (doc, child) => {
    const { app, forms, views, dashboards, ...rest } = doc
    const bundle = isObject(rest.bundle) ? rest.bundle : { app, forms, views, dashboards }
    return {
      ...rest,
      schemaVersion: 1,
      bundle: {
        ...bundle,
        app: child('app', bundle.app, 1),
        forms: asArray(bundle.forms).map(f => child('form', f, 1)),
        views: asArray(bundle.views).map(v => child('view', v, 1)),
        dashboards: asArray(bundle.dashboards).map(d => child('dashboard', d, 1)),
      },
    }
  },
}
