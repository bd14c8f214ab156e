import type { ChangeEntry, StageEvent } from '@/core/schema/types'
import { describe, expect, it } from 'vitest'
import { stageMovers } from '@/core/stages'

const ev = (id: string, from: string | null, to: string, at: number, recordId = 'r1'): StageEvent => ({ id, formId: 'f', recordId, fieldId: 'stage', from, to, at })

describe('stageMovers', () => {
  it('names who moved a record into each stage from the change entry written with the event', () => {
    const events = [ev('e1', null, 's1', 100), ev('e2', 's1', 's2', 200), ev('e3', 's2', 's3', 300), ev('e4', null, 's1', 100, 'r2')]
    const changes: ChangeEntry[] = [
      { id: 'c1', formId: 'f', recordId: 'r1', at: 100, memberId: 'alice', kind: 'create' },
      { id: 'c2', formId: 'f', recordId: 'r1', at: 200, memberId: 'bob', kind: 'update', changes: [{ field: 'name', from: 'a', to: 'b' }, { field: 'stage', from: 's1', to: 's2' }] },
      // Another record changed at the same time by someone else: not the author of r1's move.
      { id: 'c3', formId: 'f', recordId: 'r2', at: 300, memberId: 'carol', kind: 'update', changes: [{ field: 'stage', from: 's2', to: 's3' }] },
      // No member known: nobody is named.
      { id: 'c4', formId: 'f', recordId: 'r2', at: 100, kind: 'create' },
    ]
    expect(Object.fromEntries(stageMovers(events, changes))).toEqual({ e1: 'alice', e2: 'bob' })
  })
})
