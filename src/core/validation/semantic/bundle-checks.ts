/** Cross-document checks of a template bundle or a backup: every id a document names resolves. */
import type { AppDef, DashboardDef, FieldDef, FormDef, ViewDef } from '../../schema/types'
import type { IssueSink } from '../compose'
import { report } from '../compose'
import { checkApp, checkDashboard, checkUnique, checkView } from './doc-checks'
import { checkForm } from './form-checks'
import { checkFilterRefs, dangling } from './refs'
import { SYSTEM_COLUMNS, walkFields } from './walk'

/** A set of definitions, with the pointer of each list inside the root document. */
export interface DefinitionSet {
  /** `single`: the list is one object at `at` (a template's app), not an array. */
  apps: { items: readonly AppDef[], at: string, single?: boolean }
  forms: { items: readonly FormDef[], at: string }
  views: { items: readonly ViewDef[], at: string }
  dashboards: { items: readonly DashboardDef[], at: string }
}

/** Runs the per-document checks and the cross-document ones. */
export function checkDefinitions(sink: IssueSink, set: DefinitionSet): void {
  const { apps, forms, views, dashboards } = set
  for (const [list, word] of [[apps, ['应用 id', 'app id']], [forms, ['表单 id', 'form id']], [views, ['视图 id', 'view id']], [dashboards, ['仪表盘 id', 'dashboard id']]] as const) {
    checkUnique(sink, list.items as readonly { id: string }[], list.at, d => d.id, '/id', word[0], word[1])
  }
  const formById = new Map(forms.items.map(f => [f.id, f]))
  const appIds = new Set(apps.items.map(a => a.id))
  const ref = (path: string, id: string, ok: boolean, zh: string, en: string) => {
    if (!ok) missing(sink, path, id, zh, en)
  }
  apps.items.forEach((app, i) => {
    const at = apps.single ? apps.at : `${apps.at}/${i}`
    checkApp(sink, app, at)
    app.formIds.forEach((id, j) => ref(`${at}/formIds/${j}`, id, formById.has(id), '表单', 'form'))
    app.dashboardIds.forEach((id, j) => ref(`${at}/dashboardIds/${j}`, id, dashboards.items.some(d => d.id === id), '仪表盘', 'dashboard'))
  })
  forms.items.forEach((form, i) => {
    const at = `${forms.at}/${i}`
    checkForm(sink, form, at)
    ref(`${at}/appId`, form.appId, appIds.has(form.appId), '应用', 'app')
    walkFields(form.fields, `${at}/fields`, (field, path) => checkCrossField(sink, field, path, form, formById))
  })
  views.items.forEach((view, i) => checkViewRefs(sink, view, `${views.at}/${i}`, formById))
  dashboards.items.forEach((d, i) => {
    const at = `${dashboards.at}/${i}`
    checkDashboard(sink, d, at)
    ref(`${at}/appId`, d.appId, appIds.has(d.appId), '应用', 'app')
    d.filters?.forEach((f, j) => f.targets.forEach((t, k) => {
      const form = formById.get(t.formId)
      if (!form) missing(sink, `${at}/filters/${j}/targets/${k}/formId`, t.formId, '表单', 'form')
      else if (!hasField(form, t.field)) dangling(sink, `${at}/filters/${j}/targets/${k}/field`, t.field, '字段', 'field')
    }))
  })
}

function checkCrossField(sink: IssueSink, field: FieldDef, path: string, form: FormDef, formById: ReadonlyMap<string, FormDef>): void {
  if (field.type === 'relation' && !formById.has(field.options.formId)) {
    missing(sink, `${path}/options/formId`, field.options.formId, '关联表单', 'related form')
  }
  if ((field.type === 'lookup' || field.type === 'rollup') && field.options.targetField !== undefined) {
    const rel = form.fields.find(f => f.id === field.options.relationField)
    const target = rel?.type === 'relation' ? formById.get(rel.options.formId) : undefined
    if (target && !hasField(target, field.options.targetField)) {
      dangling(sink, `${path}/options/targetField`, field.options.targetField, '目标字段', 'target field')
    }
  }
}

function checkViewRefs(sink: IssueSink, view: ViewDef, at: string, formById: ReadonlyMap<string, FormDef>): void {
  checkView(sink, view, at)
  const form = formById.get(view.formId)
  if (!form) {
    missing(sink, `${at}/formId`, view.formId, '表单', 'form')
    return
  }
  const ids = new Set<string>()
  walkFields(form.fields, '', f => ids.add(f.id))
  const check = (path: string, id: string | undefined) => {
    if (id !== undefined && !ids.has(id) && !SYSTEM_COLUMNS.has(id)) dangling(sink, path, id, '字段', 'field')
  }
  view.columns?.forEach((c, i) => check(`${at}/columns/${i}/field`, c.field))
  view.sort?.forEach((s, i) => check(`${at}/sort/${i}/field`, s.field))
  check(`${at}/groupBy`, view.groupBy)
  check(`${at}/kanban/field`, view.kanban?.field)
  check(`${at}/kanban/amountField`, view.kanban?.amountField)
  view.kanban?.cardFields?.forEach((f, i) => check(`${at}/kanban/cardFields/${i}`, f))
  checkFilterRefs(sink, view.filter, `${at}/filter`, ids)
}

function hasField(form: FormDef, id: string): boolean {
  if (SYSTEM_COLUMNS.has(id)) return true
  let found = false
  walkFields(form.fields, '', (f) => { found ||= f.id === id })
  return found
}

function missing(sink: IssueSink, path: string, id: string, zh: string, en: string): void {
  report(sink, path, 'danglingReference', { id }, {
    'zh-CN': `${zh}「${id}」不存在`,
    'en': `the ${en} "${id}" does not exist`,
  })
}
