import { describe, expect, it } from 'vitest'
import { checkBackup, replaceTransaction, stateToBackup } from '../../../../src/core/storage/backup'
import { applyTransaction } from '../../../../src/core/storage/apply-transaction'
import { createWorkspaceState } from '../../../../src/core/storage/workspace-state'
import type { WorkspaceBackup } from '../../../../src/core/schema/types'
import { app, record, settings, stageEvent } from '../../../fixtures/storage'

function backup(): WorkspaceBackup {
  return {
    schemaVersion: 1, kind: 'funnelgrid-backup', exportedAt: 5, settings: settings(),
    apps: [app('z'), app('a')], forms: [], views: [], dashboards: [],
    records: { deals: [record(1), record(2)], leads: [] },
    trash: { deals: [record(4), record(3)], leads: [] },
    stageEvents: [stageEvent('e1', 'r1', 'won', 1)],
    changes: [],
  }
}

describe('backup', () => {
  describe('replaceTransaction', () => {
    it('should turn any workspace into exactly the backup', () => {
      const state = createWorkspaceState()
      applyTransaction(state, { records: { old: { put: [record(9)] } }, defs: { put: [{ kind: 'app', doc: app('old') }] } })
      applyTransaction(state, replaceTransaction(backup(), { forms: ['old'], defs: [{ kind: 'app', id: 'old' }] }))
      expect(stateToBackup(state, 5)).toEqual(backup())
    })
  })

  describe('checkBackup', () => {
    it('should accept a backup and explain what is wrong with other files', () => {
      expect(checkBackup(backup())).toEqual([])
      expect(checkBackup({ ...backup(), records: { deals: 'x' } } as never)).toEqual(["the backup's records must map form ids to lists of records"])
      expect(checkBackup(null as never)[0]).toContain('not a FunnelGrid backup')
    })
  })
})
