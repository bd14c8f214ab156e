// A backup of a large workspace: 100k deals carry about 400k stage events, more than a spread
// into push() may take (RangeError: Maximum call stack size exceeded, found by the sync bench).
import { describe, expect, it } from 'vitest'
import type { FormDef, StageEvent } from '../../../../src/core/schema/types'
import { createMemoryAdapter } from '../../../../src/core/storage/memory-adapter'

const deals: FormDef = { schemaVersion: 1, id: 'deals', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1, fields: [{ id: 'f_stage', type: 'text', label: '阶段' }] }

describe('exportBackup of a large workspace', () => {
  it('should hold all 400,000 stage events', async () => {
    const adapter = createMemoryAdapter()
    const events: StageEvent[] = Array.from({ length: 400_000 }, (_, i) => ({ id: `e${i}`, formId: 'deals', recordId: `r${i % 100_000}`, fieldId: 'f_stage', from: null, to: 's1', at: i }))
    await adapter.commit({ defs: { put: [{ kind: 'form', doc: deals }] }, stageEvents: events })
    const backup = await adapter.exportBackup()
    expect(backup.stageEvents).toHaveLength(400_000)
    expect(backup.stageEvents[399_999]?.id).toBe('e399999')
  }, 60_000)
})
