/**
 * Installing a template: plan a fresh copy of its app (and optional demo data), then write
 * it in one atomic transaction, so a cut-off install leaves no half app behind.
 */
import type { AppBundle, Locale, Member, RecordRow, StageEvent, TemplateDef } from '../schema/types'
import type { DefinitionKind, DefinitionKinds, Transaction } from '../storage/adapter'
import { newId } from '../utils/id.ts'
import { relatedRowsOf } from '../records/related-rows.ts'
import { fillDerived } from '../records/recompute.ts'
import { generateSalesDemo, SALES_DEMO_GENERATOR, type SalesDemo, type SalesDemoOptions } from './demo/generate.ts'
import { createDemoMembers } from './demo/members.ts'
import { remapBundle } from './remap.ts'

/** Demo generators by the name a template gives in `demo.generator`. */
export const DEMO_GENERATORS: Readonly<Record<string, (options: SalesDemoOptions) => SalesDemo>> = {
  [SALES_DEMO_GENERATOR]: generateSalesDemo,
}

/** Options of planTemplateInstall. */
export interface InstallOptions {
  /** Fill the new forms with the template's seeded demo data. */
  withDemo: boolean
  /** Epoch ms stamped on the new documents; demo dates lie in the year before it. */
  now: number
  /** Workspace members demo records are assigned to. When empty, demo reps are made (see `InstallPlan.newMembers`). */
  members: readonly Member[]
  /** Language of demo names and texts. @default 'zh-CN' */
  locale?: Locale
  /** Overrides the template's demo seed. */
  seed?: number
  /** Multiplies demo record counts. @default 1 */
  scale?: number
}

/** Everything an install will write, computed without touching storage. */
export interface InstallPlan {
  /** The new app, its forms, views and dashboards, under fresh ids. */
  bundle: AppBundle
  /** Template form id -> new form id. */
  formIds: Record<string, string>
  /** Demo records per new form id (empty without demo). */
  records: Record<string, RecordRow[]>
  /** Stage events of the demo records, ordered by time. */
  stageEvents: StageEvent[]
  /** Demo reps the records are assigned to that are not workspace members yet: add them to the settings. */
  newMembers: Member[]
}

/** Plans a fresh, independent install of `template`: new ids everywhere, existing data untouched. */
export function planTemplateInstall(template: TemplateDef, options: InstallOptions): InstallPlan {
  const { bundle, formIds } = remapBundle(template.bundle, newId, options.now)
  bundle.app.templateId = template.id
  const plan: InstallPlan = { bundle, formIds, records: {}, stageEvents: [], newMembers: [] }
  if (!options.withDemo || template.demo === undefined) return plan
  const generate = DEMO_GENERATORS[template.demo.generator]
  if (generate === undefined) throw new Error(`unknown demo generator "${template.demo.generator}" in template ${template.id}`)
  const newMembers = options.members.length > 0 ? [] : createDemoMembers(options.locale, newId)
  const demo = generate({
    seed: options.seed ?? template.demo.seed,
    now: options.now,
    members: options.members.length > 0 ? options.members : newMembers,
    locale: options.locale,
    scale: options.scale,
    makeId: () => newId(),
    formIds,
  })
  // Lookups, rollups and formulas are computed like on any write, across the new forms.
  const records = fillDerived(bundle.forms, demo.records, relatedRowsOf({}), { forms: bundle.forms, now: options.now })
  return { ...plan, records, stageEvents: demo.stageEvents, newMembers }
}

type DefPut = { kind: DefinitionKind, doc: DefinitionKinds[DefinitionKind] }

/**
 * One transaction creating the whole app: definitions, records and stage events. It only
 * puts new documents (no deletes, no settings), so it cannot overwrite anything.
 */
export function installTransaction(plan: InstallPlan): Transaction {
  const { app, forms, views, dashboards } = plan.bundle
  const put: DefPut[] = [
    { kind: 'app', doc: app },
    ...forms.map((doc): DefPut => ({ kind: 'form', doc })),
    ...views.map((doc): DefPut => ({ kind: 'view', doc })),
    ...dashboards.map((doc): DefPut => ({ kind: 'dashboard', doc })),
  ]
  const tx: Transaction = { defs: { put } }
  const records = Object.entries(plan.records).filter(([, rows]) => rows.length > 0)
  if (records.length > 0) tx.records = Object.fromEntries(records.map(([formId, rows]) => [formId, { put: rows }]))
  if (plan.stageEvents.length > 0) tx.stageEvents = plan.stageEvents
  return tx
}

/** How much an install writes: definition documents, records and stage events. */
export function installSize(plan: InstallPlan): { definitions: number, records: number, stageEvents: number } {
  const { forms, views, dashboards } = plan.bundle
  let records = 0
  for (const rows of Object.values(plan.records)) records += rows.length
  return { definitions: 1 + forms.length + views.length + dashboards.length, records, stageEvents: plan.stageEvents.length }
}
