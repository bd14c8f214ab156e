/** Settings 0 -> 1. Pre-release settings called the current member `me` and could lack `members`. */
import type { MigrationStep } from '../types'

/** The settings migration from unversioned (0) to 1. */
export const settingsV0toV1: MigrationStep = {
  kind: 'settings',
  from: 0,
  to: 1,
  description: 'me -> currentMemberId; default members []',
  up: (doc) => {
    const { me, ...rest } = doc
    return {
      ...rest,
      schemaVersion: 1,
      members: rest.members ?? [],
      ...(rest.currentMemberId === undefined && typeof me === 'string' ? { currentMemberId: me } : {}),
    }
  },
}
