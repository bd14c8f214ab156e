/** Demo accounts (客户) and their contacts (联系人). */
import type { RecordRow } from '../../schema/types'
import { CONTACT_ROLES, INDUSTRIES, REGIONS, SCALES, SOURCES } from './catalog.ts'
import type { DemoContext, DemoMember } from './context.ts'
import { withAuthor } from './opportunity-record.ts'
import { companyName, type CompanyName, mobile, personName } from './names.ts'
import { DEPARTMENTS, STREETS, TITLES_BY_ROLE } from './text.ts'
import { addDays, DAY_MS } from './time.ts'

/** A contact decided up front, so deals can point at it before rows are written. */
export interface ContactPlan { id: string, name: string, handle: string, role: string }

/** An account decided up front; dates and status are settled once its deals are known. */
export interface AccountPlan {
  id: string
  company: CompanyName
  industry: typeof INDUSTRIES[number]
  scale: typeof SCALES[number]
  region: string
  source: string
  owner: DemoMember | undefined
  contacts: ContactPlan[]
  /** Earliest deal creation time, filled while deals are generated. */
  firstDealAt: number | null
  /** True once any of its deals is won. */
  won: boolean
}

const LEVEL_BY_SCALE: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  scale_s: [['lvl_c', 70], ['lvl_b', 30]],
  scale_m: [['lvl_b', 60], ['lvl_c', 30], ['lvl_a', 10]],
  scale_l: [['lvl_a', 40], ['lvl_b', 55], ['lvl_c', 5]],
  scale_xl: [['lvl_a', 75], ['lvl_b', 25]],
}

/** Decides `count` accounts with 1-4 contacts each (bigger companies have more). */
export function planAccounts(ctx: DemoContext, count: number): AccountPlan[] {
  const { rng } = ctx
  const taken = new Map<string, number>()
  const industries = INDUSTRIES.map(i => [i, i.weight] as const)
  const scales = SCALES.map(s => [s, s.weight] as const)
  const sources = SOURCES.map(s => [s.id, s.weight] as const)
  const plans: AccountPlan[] = []
  for (let i = 0; i < count; i++) {
    const industry = rng.weighted(industries)
    const scale = rng.weighted(scales)
    const region = rng.weighted(REGIONS)
    const nContacts = rng.weighted([[1, 30], [2, 40], [3, 30]] as const) + (scale.id === 'scale_xl' ? 1 : 0)
    const contacts: ContactPlan[] = []
    for (let c = 0; c < nContacts; c++) {
      const person = personName(ctx)
      const role = c === 0 && rng.chance(0.5) ? 'role_decision_maker' : rng.weighted(CONTACT_ROLES)
      contacts.push({ id: ctx.makeId('con'), ...person, role })
    }
    plans.push({
      id: ctx.makeId('acc'),
      company: companyName(ctx, industry.id, region, taken),
      industry,
      scale,
      region,
      source: rng.weighted(sources),
      owner: ctx.members.length > 0 ? rng.pick(ctx.members) : undefined,
      contacts,
      firstDealAt: null,
      won: false,
    })
  }
  return plans
}

/** Creation time of an account: shortly before its first deal, or any time in the last 13 months. */
export function accountCreatedAt(ctx: DemoContext, plan: AccountPlan): number {
  if (plan.firstDealAt !== null) return addDays(plan.firstDealAt, -ctx.rng.range(1, 30))
  return Math.round(ctx.now - ctx.rng.range(1, 400) * DAY_MS)
}

/** Writes account rows and, right after each, its contact rows. */
export function emitAccounts(ctx: DemoContext, plans: readonly AccountPlan[], accounts: RecordRow[], contacts: RecordRow[]): void {
  const { rng, t } = ctx
  for (const plan of plans) {
    const createdAt = accountCreatedAt(ctx, plan)
    const status = plan.won ? (rng.chance(0.06) ? 'acc_churned' : 'acc_active') : 'acc_prospect'
    const values: Record<string, unknown> = {
      f_acc_name: plan.company.name,
      f_acc_industry: plan.industry.id,
      f_acc_scale: plan.scale.id,
      f_acc_level: rng.weighted(LEVEL_BY_SCALE[plan.scale.id] ?? [['lvl_b', 1]]),
      f_acc_status: status,
      f_acc_region: plan.region,
      f_acc_city: plan.company.city,
      f_acc_address: `${plan.company.city} ${t(rng.pick(STREETS))} ${rng.int(1, 999)}`,
      f_acc_source: plan.source,
      f_acc_phone: `${plan.company.areaCode}-${rng.int(5_000_0000, 8_999_9999)}`,
      f_acc_website: `https://www.${plan.company.slug}.com`,
    }
    if (plan.owner !== undefined) values.f_acc_owner = plan.owner.id
    accounts.push(withAuthor({ id: plan.id, values, createdAt, updatedAt: createdAt, rev: 1 }, plan.owner))
    for (const c of plan.contacts) {
      const at = Math.round(createdAt + rng.range(0, 0.9) * DAY_MS)
      const cv: Record<string, unknown> = {
        f_con_name: c.name,
        f_con_account: plan.id,
        f_con_title: t(rng.pick(TITLES_BY_ROLE[c.role] ?? [['经理', 'Manager']])),
        f_con_department: t(rng.pick(DEPARTMENTS)),
        f_con_phone: mobile(ctx),
        f_con_email: `${c.handle}@${plan.company.slug}.com`,
        f_con_role: c.role,
      }
      if (plan.owner !== undefined) cv.f_con_owner = plan.owner.id
      contacts.push(withAuthor({ id: c.id, values: cv, createdAt: at, updatedAt: at, rev: 1 }, plan.owner))
    }
  }
}
