import type { AppDef, DashboardDef, FormDef, TemplateDef, ViewDef, WorkspaceBackup, WorkspaceSettings } from '../schema/types'

/** The persisted or imported documents that have a schema. */
export interface DocumentTypes {
  form: FormDef
  view: ViewDef
  dashboard: DashboardDef
  app: AppDef
  template: TemplateDef
  backup: WorkspaceBackup
  settings: WorkspaceSettings
}

/** A kind of document: 'form' | 'view' | 'dashboard' | 'app' | 'template' | 'backup' | 'settings'. */
export type DocumentKind = keyof DocumentTypes

/** Every document kind. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['form', 'view', 'dashboard', 'app', 'template', 'backup', 'settings']

/** Base of every schema `$id`. */
export const SCHEMA_BASE = 'https://funnelgrid.dev/schemas/'

/** The `$id` of the schema of a document kind. */
export function schemaIdOf(kind: DocumentKind): string {
  return `${SCHEMA_BASE}${kind}.schema.json`
}

/** The word for a document kind, in both locales. */
export const KIND_WORDS: Record<DocumentKind, { 'zh-CN': string, 'en': string }> = {
  form: { 'zh-CN': '表单', 'en': 'form' },
  view: { 'zh-CN': '视图', 'en': 'view' },
  dashboard: { 'zh-CN': '仪表盘', 'en': 'dashboard' },
  app: { 'zh-CN': '应用', 'en': 'app' },
  template: { 'zh-CN': '模板', 'en': 'template' },
  backup: { 'zh-CN': '备份', 'en': 'backup' },
  settings: { 'zh-CN': '工作区设置', 'en': 'workspace settings' },
}
