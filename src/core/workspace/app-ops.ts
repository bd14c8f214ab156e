import type { AppDef, DashboardDef, FieldDef, FormDef, Label, ViewDef } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import { SCHEMA_VERSION } from '../schema/types'
import { newFieldId, newId } from '../utils/id'

/** A transaction creating an empty app. */
export function createAppTx(name: Label, now: number): { app: AppDef, tx: Transaction } {
  const app: AppDef = { schemaVersion: SCHEMA_VERSION, id: newId(), name, formIds: [], dashboardIds: [], createdAt: now, updatedAt: now }
  return { app, tx: { defs: { put: [{ kind: 'app', doc: app }] } } }
}

export function renameAppTx(app: AppDef, name: Label, now: number): Transaction {
  return { defs: { put: [{ kind: 'app', doc: { ...app, name, updatedAt: now } }] } }
}

/** Deletes an app with its forms (and their records, events, logs), views and dashboards, atomically. */
export function deleteAppTx(app: AppDef, views: ViewDef[]): Transaction {
  const formIds = new Set(app.formIds)
  return {
    defs: {
      delete: [
        { kind: 'app', id: app.id },
        ...app.formIds.map(id => ({ kind: 'form' as const, id })),
        ...app.dashboardIds.map(id => ({ kind: 'dashboard' as const, id })),
        ...views.filter(v => formIds.has(v.formId)).map(v => ({ kind: 'view' as const, id: v.id })),
      ],
    },
    dropForms: app.formIds,
  }
}

/** A new form with one title field, added to the end of the app's sidebar, plus its default grid view. */
export function createFormTx(app: AppDef, name: Label, now: number, fields?: FieldDef[]): { form: FormDef, tx: Transaction } {
  const titleField: FieldDef = { id: newFieldId(), type: 'text', label: { 'zh-CN': '标题', 'en': 'Title' } }
  const formFields = fields && fields.length ? fields : [titleField]
  const form: FormDef = {
    schemaVersion: SCHEMA_VERSION,
    id: newId(),
    appId: app.id,
    name,
    fields: formFields,
    titleField: formFields[0]?.id,
    createdAt: now,
    updatedAt: now,
  }
  const view: ViewDef = { schemaVersion: SCHEMA_VERSION, id: newId(), formId: form.id, name: { 'zh-CN': '全部数据', 'en': 'All records' }, kind: 'grid' }
  const nextApp: AppDef = { ...app, formIds: [...app.formIds, form.id], updatedAt: now }
  return {
    form,
    tx: { defs: { put: [{ kind: 'form', doc: form }, { kind: 'view', doc: view }, { kind: 'app', doc: nextApp }] } },
  }
}

/** Deletes one form and everything stored for it; the app's sidebar drops it. */
export function deleteFormTx(app: AppDef, form: FormDef, views: ViewDef[], now: number): Transaction {
  return {
    defs: {
      put: [{ kind: 'app', doc: { ...app, formIds: app.formIds.filter(id => id !== form.id), updatedAt: now } }],
      delete: [{ kind: 'form', id: form.id }, ...views.filter(v => v.formId === form.id).map(v => ({ kind: 'view' as const, id: v.id }))],
    },
    dropForms: [form.id],
  }
}

/** Saves a changed form definition (fields, name, settings). */
export function saveFormTx(form: FormDef, now: number): Transaction {
  return { defs: { put: [{ kind: 'form', doc: { ...form, updatedAt: now } }] } }
}

export function saveDashboardTx(dashboard: DashboardDef, now: number): Transaction {
  return { defs: { put: [{ kind: 'dashboard', doc: { ...dashboard, updatedAt: now } }] } }
}
