/**
 * Backup 0 -> 1. Pre-release backups could lack `kind`, `changes`, `trash` and
 * `stageEvents`; every contained document migrates to 1.
 */
import type { MigrationStep } from '../types'
import { asArray } from '../types'

/** The backup migration from unversioned (0) to 1. */
export const backupV0toV1: MigrationStep = {
  kind: 'backup',
  from: 0,
  to: 1,
  description: 'default kind, changes, trash, stageEvents; contained documents migrated to 1',
  up: (doc, child) => ({
    ...doc,
    schemaVersion: 1,
    kind: doc.kind ?? 'funnelgrid-backup',
    exportedAt: doc.exportedAt ?? 0,
    settings: child('settings', doc.settings ?? {}, 1),
    apps: asArray(doc.apps).map(a => child('app', a, 1)),
    forms: asArray(doc.forms).map(f => child('form', f, 1)),
    views: asArray(doc.views).map(v => child('view', v, 1)),
    dashboards: asArray(doc.dashboards).map(d => child('dashboard', d, 1)),
    records: doc.records ?? {},
    stageEvents: doc.stageEvents ?? [],
    changes: doc.changes ?? [],
    trash: doc.trash ?? {},
  }),
}
