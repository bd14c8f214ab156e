/** Turns a simulated funnel path into an opportunity record and its stage events. */
import type { RecordRow, StageEvent } from '../../schema/types'
import { LOSS_REASONS_BY_STAGE, type StageId, LOST_STAGE, PAYMENT_TERMS, type PaymentTermsId, STAGE_CATEGORY, STAGE_PROBABILITY, WON_STAGE } from './catalog.ts'
import type { DemoContext, DemoMember } from './context.ts'
import { firstEntry, type FunnelPath } from './funnel-model.ts'
import { COMPETITORS, NEEDS, OBJECTIONS, PROPOSAL_FEEDBACK } from './text.ts'
import { addDays, isoDate } from './time.ts'

/** Who and what a deal is about, decided before its path is simulated. */
export interface DealInput {
  title: string
  amount: number
  owner: DemoMember | undefined
  source: string
  /** Relations, filled by the full generator only. */
  accountId?: string
  contactId?: string
  campaignId?: string
  decisionMaker?: string
}

/** What later generators (activities, proposals, contracts) need to know about a deal. */
export interface DealOutcome {
  id: string
  path: FunnelPath
  input: DealInput
  paymentTerms: PaymentTermsId | undefined
}

/** Sets createdBy/updatedBy to the member, leaving the keys out when there is none. */
export function withAuthor(row: RecordRow, member: DemoMember | undefined): RecordRow {
  if (member !== undefined) {
    row.createdBy = member.id
    row.updatedBy = member.id
  }
  return row
}

const TERMS_WEIGHTS = PAYMENT_TERMS.map(p => [p.id, p.weight] as const)

/** Rounds to a multiple of `step`, at least `step`. */
export const roundTo = (x: number, step: number): number => Math.max(step, Math.round(x / step) * step)

/** The stage-event rows of a path, appended to `out` (no intermediate arrays). */
function pushEvents(ctx: DemoContext, recordId: string, path: FunnelPath, out: StageEvent[]): void {
  const formId = ctx.formId('opportunity')
  for (const step of path.steps) {
    out.push({ id: ctx.makeId('evt'), formId, recordId, fieldId: 'f_opp_stage', from: step.from, to: step.to, at: step.at })
  }
}

/**
 * The deal's forecast category and which forecast values are set by hand, as the write path
 * would keep them: the stage's category; a probability raised by hand in 方案制定 comes with
 * 承诺 and one lowered in 谈判 with 可能成交, also by hand. Decided from values already drawn, so the random stream (and every other demo
 * figure) stays as it was.
 */
function forecastOf(v: Record<string, unknown>, stage: StageId, overridden: boolean): void {
  const delta = overridden ? (v.f_opp_probability as number) - STAGE_PROBABILITY[stage] : 0
  const moved = stage === 'stage_proposal' && delta > 0 ? 'commit' : stage === 'stage_negotiation' && delta < 0 ? 'bestCase' : undefined
  v.f_opp_forecast = moved ?? STAGE_CATEGORY[stage]
  if (overridden) v.f_opp_forecast_manual = moved ? ['probability', 'category'] : ['probability']
}

function expectedClose(ctx: DemoContext, path: FunnelPath, createdAt: number): string {
  if (path.closedAt !== null) return isoDate(addDays(path.closedAt, ctx.rng.range(-20, 10)))
  const planned = addDays(createdAt, ctx.rng.range(45, 120))
  return isoDate(planned > ctx.now ? planned : addDays(ctx.now, ctx.rng.range(7, 45)))
}

/**
 * Appends the opportunity record of `path` to `records` and its events to `events`.
 * `detail` adds the texts of the needs/proposal/negotiation sections; relations come from `input`.
 */
export function emitOpportunity(
  ctx: DemoContext, input: DealInput, path: FunnelPath, detail: boolean, records: RecordRow[], events: StageEvent[],
): DealOutcome {
  const { rng, t } = ctx
  const id = ctx.makeId('opp')
  const createdAt = path.steps[0]?.at ?? ctx.now
  const last = path.steps[path.steps.length - 1]?.at ?? createdAt
  const reached = (k: number): boolean => path.highest >= k
  const v: Record<string, unknown> = { f_opp_title: input.title, f_opp_stage: path.stage }
  const base = STAGE_PROBABILITY[path.stage]
  const overridden = path.closedAt === null && rng.chance(0.15)
  v.f_opp_probability = overridden ? Math.min(95, Math.max(5, base + rng.pick([-10, 10]))) : base
  forecastOf(v, path.stage, overridden)
  if (reached(3) || rng.chance(0.55)) v.f_opp_amount = input.amount
  v.f_opp_expected_close = expectedClose(ctx, path, createdAt)
  if (path.closedAt !== null) v.f_opp_closed_date = isoDate(path.closedAt)
  if (input.owner !== undefined) v.f_opp_owner = input.owner.id
  v.f_opp_source = input.source
  if (input.accountId !== undefined) v.f_opp_account = input.accountId
  if (input.contactId !== undefined && (reached(2) || rng.chance(0.6))) v.f_opp_contact = input.contactId
  if (input.campaignId !== undefined) v.f_opp_campaign = input.campaignId
  if (reached(2)) {
    if (reached(3) || rng.chance(0.85)) v.f_opp_needs = t(rng.pick(NEEDS))
    if (detail && rng.chance(0.7)) v.f_opp_budget = roundTo(input.amount * rng.range(0.8, 1.3), 1000)
    if (detail && rng.chance(0.6)) v.f_opp_competitors = t(rng.pick(COMPETITORS))
    if (detail && input.decisionMaker !== undefined) v.f_opp_decision_maker = input.decisionMaker
  }
  if (reached(3) && detail) {
    const demoAt = addDays(firstEntry(path, 3) ?? createdAt, rng.range(2, 8))
    if (demoAt <= (path.closedAt ?? ctx.now)) v.f_opp_demo_date = isoDate(demoAt)
    if (reached(4) || rng.chance(0.5)) v.f_opp_feedback = t(rng.pick(PROPOSAL_FEEDBACK))
  }
  let paymentTerms: PaymentTermsId | undefined
  if (reached(4)) {
    v.f_opp_quote_price = roundTo(input.amount * (path.stage === WON_STAGE ? rng.range(1.03, 1.2) : rng.range(1, 1.1)), 1000)
    paymentTerms = rng.weighted(TERMS_WEIGHTS)
    v.f_opp_payment_terms = paymentTerms
    if (detail && rng.chance(0.6)) v.f_opp_objections = t(rng.pick(OBJECTIONS))
  }
  if (path.stage === LOST_STAGE) {
    v.f_opp_loss_reason = rng.weighted(LOSS_REASONS_BY_STAGE[path.lostFrom] ?? LOSS_REASONS_BY_STAGE[0] ?? [['loss_other', 1]])
  }
  records.push(withAuthor({ id, values: v, createdAt, updatedAt: last, rev: path.steps.length }, input.owner))
  pushEvents(ctx, id, path, events)
  return { id, path, input, paymentTerms }
}
