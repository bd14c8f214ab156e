/**
 * The option ids and weights the demo generator draws from. Every id here must exist in
 * templates/sales-funnel.json (tests check it), so demo records always hold valid choices.
 */

/** A choice with its relative weight. */
export type Weighted<T> = readonly (readonly [T, number])[]

/** The open stages S1..S5 in order. */
export const OPEN_STAGES = ['stage_lead', 'stage_contact', 'stage_needs', 'stage_proposal', 'stage_negotiation'] as const
/** The won outcome's option id. */
export const WON_STAGE = 'stage_won'
/** The lost outcome's option id. */
export const LOST_STAGE = 'stage_lost'
/** Any option id of the stage field. */
export type StageId = typeof OPEN_STAGES[number] | typeof WON_STAGE | typeof LOST_STAGE

/** Default win probability (0..100) per stage, as in the template's stage options. */
export const STAGE_PROBABILITY: Readonly<Record<StageId, number>> = {
  stage_lead: 10, stage_contact: 20, stage_needs: 40, stage_proposal: 60, stage_negotiation: 80, stage_won: 100, stage_lost: 0,
}

/** Default forecast category per stage, as in the template's stage options (won: closed, lost: omitted). */
export const STAGE_CATEGORY: Readonly<Record<StageId, string>> = {
  stage_lead: 'pipeline', stage_contact: 'pipeline', stage_needs: 'pipeline', stage_proposal: 'bestCase', stage_negotiation: 'commit', stage_won: 'closed', stage_lost: 'omitted',
}

/** Option ids of the account industry field. */
export type IndustryId = 'ind_manufacturing' | 'ind_it' | 'ind_finance' | 'ind_retail' | 'ind_healthcare' | 'ind_education'
  | 'ind_realestate' | 'ind_logistics' | 'ind_energy' | 'ind_government' | 'ind_other'

/** Industry: share of accounts and a deal-size multiplier. */
export const INDUSTRIES: readonly { id: IndustryId, weight: number, dealFactor: number }[] = [
  { id: 'ind_manufacturing', weight: 20, dealFactor: 1.1 },
  { id: 'ind_it', weight: 18, dealFactor: 1 },
  { id: 'ind_finance', weight: 9, dealFactor: 1.5 },
  { id: 'ind_retail', weight: 12, dealFactor: 0.8 },
  { id: 'ind_healthcare', weight: 8, dealFactor: 1.2 },
  { id: 'ind_education', weight: 8, dealFactor: 0.7 },
  { id: 'ind_realestate', weight: 6, dealFactor: 1.1 },
  { id: 'ind_logistics', weight: 7, dealFactor: 0.9 },
  { id: 'ind_energy', weight: 5, dealFactor: 1.3 },
  { id: 'ind_government', weight: 4, dealFactor: 1.3 },
  { id: 'ind_other', weight: 3, dealFactor: 0.8 },
]

/** Option ids of the company size field. */
export type ScaleId = 'scale_s' | 'scale_m' | 'scale_l' | 'scale_xl'
/** Company size: share, median deal size (CNY), win-rate factor, account tier weights, opportunity weight. */
export const SCALES: readonly { id: ScaleId, weight: number, baseAmount: number, winFactor: number, oppWeight: number }[] = [
  { id: 'scale_s', weight: 35, baseAmount: 30_000, winFactor: 1.04, oppWeight: 1 },
  { id: 'scale_m', weight: 33, baseAmount: 80_000, winFactor: 1, oppWeight: 1.3 },
  { id: 'scale_l', weight: 21, baseAmount: 250_000, winFactor: 0.96, oppWeight: 1.8 },
  { id: 'scale_xl', weight: 11, baseAmount: 800_000, winFactor: 0.92, oppWeight: 2.4 },
]

/** Option ids of the lead source field (also the campaign channels). */
export type SourceId = 'src_exhibition' | 'src_website' | 'src_referral' | 'src_telemarketing' | 'src_social' | 'src_ads' | 'src_partner' | 'src_other'
/** Lead source: share of new leads and how well its leads convert (multiplies stage pass rates). */
export const SOURCES: readonly { id: SourceId, weight: number, quality: number }[] = [
  { id: 'src_website', weight: 22, quality: 0.97 },
  { id: 'src_exhibition', weight: 15, quality: 1.02 },
  { id: 'src_telemarketing', weight: 15, quality: 0.86 },
  { id: 'src_social', weight: 13, quality: 0.9 },
  { id: 'src_ads', weight: 12, quality: 0.84 },
  { id: 'src_referral', weight: 11, quality: 1.18 },
  { id: 'src_partner', weight: 9, quality: 1.12 },
  { id: 'src_other', weight: 3, quality: 0.95 },
]

/** Channels that run campaigns (a subset of the lead sources). */
export const CAMPAIGN_CHANNELS: Weighted<SourceId> = [
  ['src_exhibition', 4], ['src_website', 2], ['src_social', 3], ['src_ads', 3], ['src_telemarketing', 2], ['src_partner', 1],
]

/** Region option ids with their share of accounts. */
export const REGIONS: Weighted<string> = [
  ['reg_east', 30], ['reg_north', 20], ['reg_south', 20], ['reg_central', 10], ['reg_southwest', 10],
  ['reg_northwest', 4], ['reg_northeast', 4], ['reg_overseas', 2],
]

/** Option ids of the loss reason field. */
export type LossReasonId = 'loss_price' | 'loss_competitor' | 'loss_needs_changed' | 'loss_budget' | 'loss_no_authority'
  | 'loss_timing' | 'loss_no_response' | 'loss_other'
/** Loss reasons by the open stage a deal was lost from (index 0..4): early deals fade, late ones lose on price. */
export const LOSS_REASONS_BY_STAGE: readonly Weighted<LossReasonId>[] = [
  [['loss_no_response', 30], ['loss_timing', 20], ['loss_budget', 20], ['loss_needs_changed', 15], ['loss_no_authority', 10], ['loss_other', 5]],
  [['loss_budget', 20], ['loss_no_authority', 20], ['loss_timing', 20], ['loss_needs_changed', 15], ['loss_no_response', 15], ['loss_competitor', 5], ['loss_other', 5]],
  [['loss_needs_changed', 20], ['loss_budget', 20], ['loss_competitor', 20], ['loss_no_authority', 15], ['loss_price', 10], ['loss_timing', 10], ['loss_other', 5]],
  [['loss_price', 30], ['loss_competitor', 30], ['loss_budget', 15], ['loss_needs_changed', 10], ['loss_timing', 10], ['loss_other', 5]],
  [['loss_price', 40], ['loss_competitor', 30], ['loss_budget', 10], ['loss_timing', 10], ['loss_no_authority', 5], ['loss_other', 5]],
]

/** Decision-role option ids with their share of contacts. */
export const CONTACT_ROLES: Weighted<string> = [
  ['role_decision_maker', 20], ['role_influencer', 30], ['role_gatekeeper', 15], ['role_user', 25], ['role_procurement', 10],
]

/** Option ids of the activity type field. */
export type ActivityTypeId = 'act_call' | 'act_email' | 'act_meeting' | 'act_visit'
/** Activity type mix by open stage index: calls and emails early, meetings and visits later. */
export const ACTIVITY_TYPES_BY_STAGE: readonly Weighted<ActivityTypeId>[] = [
  [['act_call', 50], ['act_email', 35], ['act_meeting', 10], ['act_visit', 5]],
  [['act_call', 40], ['act_email', 30], ['act_meeting', 18], ['act_visit', 12]],
  [['act_call', 28], ['act_email', 22], ['act_meeting', 30], ['act_visit', 20]],
  [['act_call', 22], ['act_email', 28], ['act_meeting', 30], ['act_visit', 20]],
  [['act_call', 25], ['act_email', 15], ['act_meeting', 35], ['act_visit', 25]],
]

/** Option ids of the payment terms field. */
export type PaymentTermsId = 'pay_once' | 'pay_3070' | 'pay_milestone' | 'pay_annual'
/** Payment terms with their instalments: share of the amount and days after signing. */
export const PAYMENT_TERMS: readonly { id: PaymentTermsId, weight: number, parts: readonly { share: number, afterDays: readonly [number, number] }[] }[] = [
  { id: 'pay_once', weight: 35, parts: [{ share: 1, afterDays: [10, 40] }] },
  { id: 'pay_3070', weight: 35, parts: [{ share: 0.3, afterDays: [5, 20] }, { share: 0.7, afterDays: [60, 120] }] },
  { id: 'pay_milestone', weight: 15, parts: [{ share: 0.4, afterDays: [10, 30] }, { share: 0.4, afterDays: [80, 120] }, { share: 0.2, afterDays: [170, 220] }] },
  { id: 'pay_annual', weight: 15, parts: [{ share: 1, afterDays: [7, 25] }] },
]

/** Payment method option ids with their share of payments. */
export const PAYMENT_METHODS: Weighted<string> = [
  ['method_transfer', 70], ['method_acceptance', 12], ['method_online', 12], ['method_check', 4], ['method_cash', 2],
]

/** Ticket type option ids with their share of tickets. */
export const TICKET_TYPES: Weighted<string> = [['tk_question', 35], ['tk_fault', 30], ['tk_request', 20], ['tk_complaint', 8], ['tk_install', 7]]
/** Ticket priority option ids with their share of tickets. */
export const TICKET_PRIORITIES: Weighted<string> = [['prio_low', 25], ['prio_medium', 45], ['prio_high', 22], ['prio_urgent', 8]]
/** Feedback category option ids with their share of feedback. */
export const FEEDBACK_CATEGORIES: Weighted<string> = [['fb_product', 40], ['fb_service', 30], ['fb_implementation', 20], ['fb_sales', 10]]
/** Satisfaction 1..5 for a customer without complaints. */
export const RATINGS: Weighted<number> = [[5, 34], [4, 40], [3, 17], [2, 6], [1, 3]]
