/** Checks of views, dashboards, apps and settings that JSON Schema cannot express. */
import type { AppDef, DashboardDef, ViewDef, WorkspaceSettings } from '../../schema/types'
import type { IssueSink } from '../compose'
import { report } from '../compose'

/** Reports items of a list whose key repeats an earlier item's. */
export function checkUnique<T>(sink: IssueSink, items: readonly T[] | undefined, base: string, key: (item: T) => string, suffix: string, zh: string, en: string): void {
  const seen = new Map<string, number>()
  items?.forEach((item, i) => {
    const k = key(item)
    const first = seen.get(k)
    if (first === undefined) {
      seen.set(k, i)
      return
    }
    report(sink, `${base}/${i}${suffix}`, 'duplicateId', { id: k, first }, {
      'zh-CN': `${zh}「${k}」与第 ${first + 1} 项重复`,
      'en': `${en} "${k}" duplicates item #${first + 1}`,
    }, `${base}/${i}`)
  })
}

/** A view: each column and sort key names a field once. */
export function checkView(sink: IssueSink, view: ViewDef, at = ''): void {
  checkUnique(sink, view.columns, `${at}/columns`, c => c.field, '/field', '列字段', 'column field')
  checkUnique(sink, view.sort, `${at}/sort`, s => s.field, '/field', '排序字段', 'sort field')
}

/** A dashboard: widget ids and filter ids are unique. */
export function checkDashboard(sink: IssueSink, dashboard: DashboardDef, at = ''): void {
  checkUnique(sink, dashboard.widgets, `${at}/widgets`, w => w.id, '/id', '组件 id', 'widget id')
  checkUnique(sink, dashboard.filters, `${at}/filters`, f => f.id, '/id', '筛选器 id', 'filter id')
}

/** An app: its sidebar lists each form and dashboard once. */
export function checkApp(sink: IssueSink, app: AppDef, at = ''): void {
  checkUnique(sink, app.formIds, `${at}/formIds`, id => id, '', '表单', 'form')
  checkUnique(sink, app.dashboardIds, `${at}/dashboardIds`, id => id, '', '仪表盘', 'dashboard')
}

/** Settings: member ids are unique and the current member exists. */
export function checkSettings(sink: IssueSink, settings: WorkspaceSettings, at = ''): void {
  checkUnique(sink, settings.members, `${at}/members`, m => m.id, '/id', '成员 id', 'member id')
  const current = settings.currentMemberId
  if (current !== undefined && !settings.members.some(m => m.id === current)) {
    report(sink, `${at}/currentMemberId`, 'danglingReference', { id: current }, {
      'zh-CN': `当前成员「${current}」不在成员列表中`,
      'en': `the current member "${current}" is not in the member list`,
    })
  }
}
