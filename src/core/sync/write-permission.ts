// What a role may change on this device, checked before a change is shown or stored — the same
// rule the server's validate_doc_update applies (roles.ts `mayWrite`), so a viewer's paste or a
// member's form edit is refused here with a message instead of being kept locally and then
// refused by the server. The device's own settings (language, which member is me) are not
// shared and stay writable for every role.
import type { Transaction } from '../storage/adapter'
import { mayWrite, type WorkspaceRole } from './roles'

/** Why a transaction is refused for the role: which part it touches. */
export interface WriteRefusal {
  role: WorkspaceRole
  /** `records`: records, stage events or change entries; `design`: forms, views, dashboards, apps. */
  part: 'records' | 'design'
  message: { 'zh-CN': string, 'en': string }
}

const MESSAGES = {
  records: {
    'zh-CN': '你在这个团队空间是只读成员，不能修改记录。如需修改，请让管理员把你设为成员。',
    'en': 'You are a read-only member of this team workspace and cannot change records. Ask an admin to make you a member.',
  },
  design: {
    'zh-CN': '只有管理员可以修改表单、视图、仪表盘和应用的设计。',
    'en': 'Only admins can change the design of forms, views, dashboards and apps.',
  },
} as const

/** Null when `role` may write everything `tx` holds; `role` null means team sync is off (everything allowed). */
export function writeRefusal(tx: Transaction, role: WorkspaceRole | null): WriteRefusal | null {
  if (role === null) return null
  const touchesRecords = Object.keys(tx.records ?? {}).length > 0 || !!tx.stageEvents?.length || !!tx.changes?.length
  if (touchesRecords && !mayWrite(role, 'record')) return { role, part: 'records', message: MESSAGES.records }
  const touchesDesign = !!tx.defs?.put?.length || !!tx.defs?.delete?.length || !!tx.dropForms?.length
  if (touchesDesign && !mayWrite(role, 'definition')) return { role, part: 'design', message: MESSAGES.design }
  return null
}
