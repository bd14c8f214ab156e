/** The seeded sales-funnel demo: every form of the template, filled consistently. */
import type { RecordRow, StageEvent } from '../../schema/types'
import { emitAccounts, planAccounts } from './accounts.ts'
import { emitActivities } from './activities.ts'
import { emitCampaigns, planCampaigns } from './campaigns.ts'
import { createDemoContext, DEMO_FORMS, type DemoContextOptions, type DemoFormKey } from './context.ts'
import { emitContracts } from './contracts.ts'
import { generateDeals } from './deals.ts'
import { createDemoMembers } from './members.ts'
import { emitProposals } from './proposals.ts'
import { assignSerials, sortByCreatedAt } from './serials.ts'
import { emitService } from './service.ts'
import { emitTargets } from './targets.ts'

/** Name of this generator in a template's `demo.generator`. */
export const SALES_DEMO_GENERATOR = 'sales-demo'

/** Record counts at scale 1 (activities, proposals, contracts and the rest follow from the deals). */
export const SALES_DEMO_COUNTS = { accounts: 200, opportunities: 600, campaigns: 16 } as const

/** Options of generateSalesDemo. */
export interface SalesDemoOptions extends DemoContextOptions {
  /** Multiplies every count (members and months stay as they are). @default 1 */
  scale?: number
}

/** Demo records per form id, and the opportunities' stage events ordered by time. */
export interface SalesDemo {
  records: Record<string, RecordRow[]>
  stageEvents: StageEvent[]
}

/**
 * Generates the demo workspace data: ~200 accounts, ~400 contacts, 600 opportunities over the
 * 12 months before `now` with stage events, and their activities, proposals, contracts,
 * payments, tickets, feedback, campaigns and monthly targets. Same options -> deep-equal output.
 */
export function generateSalesDemo(options: SalesDemoOptions): SalesDemo {
  const ctx = createDemoContext(options, createDemoMembers(options.locale))
  const scale = options.scale ?? 1
  const count = (base: number): number => Math.max(1, Math.round(base * scale))
  const rows = Object.fromEntries(Object.keys(DEMO_FORMS).map(k => [k, [] as RecordRow[]])) as Record<DemoFormKey, RecordRow[]>
  const stageEvents: StageEvent[] = []

  const campaigns = planCampaigns(ctx, count(SALES_DEMO_COUNTS.campaigns))
  const accounts = planAccounts(ctx, count(SALES_DEMO_COUNTS.accounts))
  const deals = generateDeals(ctx, count(SALES_DEMO_COUNTS.opportunities), accounts, campaigns.index, rows.opportunity, stageEvents)
  emitAccounts(ctx, accounts, rows.account, rows.contact)
  emitActivities(ctx, deals, rows.activity)
  emitProposals(ctx, deals, rows.proposal)
  const contracts = emitContracts(ctx, deals, rows.contract, rows.payment)
  emitService(ctx, contracts, rows.ticket, rows.feedback)
  emitCampaigns(ctx, campaigns.plans, rows.campaign)
  emitTargets(ctx, deals, rows.target)

  for (const list of Object.values(rows)) sortByCreatedAt(list)
  assignSerials(rows.proposal, 'f_prop_no', 'BJ')
  assignSerials(rows.contract, 'f_ct_no', 'HT')
  assignSerials(rows.payment, 'f_pay_no', 'HK')
  assignSerials(rows.ticket, 'f_tk_no', 'SH')
  stageEvents.sort((a, b) => a.at - b.at)

  const records: Record<string, RecordRow[]> = {}
  for (const key of Object.keys(rows) as DemoFormKey[]) records[ctx.formId(key)] = rows[key]
  return { records, stageEvents }
}
