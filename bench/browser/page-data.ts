/** Data and definitions the bench page writes and reads (same generator as the Node ops). */
import type { Member, RecordRow, StageEvent, WorkspaceSettings } from '@/core/schema/types'
import { SCHEMA_VERSION } from '@/core/schema/types'
import { createDemoMembers } from '@/core/template'
import { dataset } from '../lib/data'
import type { Dataset } from '../lib/data'

export const MEMBERS: Member[] = createDemoMembers('zh-CN')
export const SETTINGS: WorkspaceSettings = { schemaVersion: SCHEMA_VERSION, members: MEMBERS }

let cached: Dataset | undefined

/** The dataset of `size`, generated once per page. */
export function pageData(size: number): Dataset {
  if (cached?.size !== size) cached = dataset(size)
  return cached
}

/** Plain copies (what a fresh load from storage would give: no shared objects). */
export function copyRows(rows: readonly RecordRow[]): RecordRow[] {
  return structuredClone(rows as RecordRow[])
}

export type { RecordRow, StageEvent }
