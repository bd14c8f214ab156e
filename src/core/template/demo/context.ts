/** Shared state of one demo generation run: random stream, clock, ids, members, locale. */
import type { Locale, Member } from '../../schema/types'
import { createRng, type Rng } from './prng.ts'
import type { Bi } from './text.ts'

/** Template form ids of the sales-funnel app; the demo fills these forms. */
export const DEMO_FORMS = {
  account: 'form_account',
  contact: 'form_contact',
  opportunity: 'form_opportunity',
  activity: 'form_activity',
  proposal: 'form_proposal',
  contract: 'form_contract',
  payment: 'form_payment',
  ticket: 'form_ticket',
  feedback: 'form_feedback',
  campaign: 'form_campaign',
  target: 'form_target',
} as const
/** Short name of a demo form. */
export type DemoFormKey = keyof typeof DEMO_FORMS

/** The people demo records are assigned to: an id and a display name. */
export type DemoMember = Pick<Member, 'id' | 'name'>

/** Shared state of one generation run, passed to every demo generator. */
export interface DemoContext {
  rng: Rng
  now: number
  /** Makes a record or event id. */
  makeId: (kind: string) => string
  members: readonly DemoMember[]
  locale: Locale
  /** Picks the text of the run's locale from a [zh, en] pair. */
  t: (text: Bi) => string
  /** The actual form id of each demo form (the template's, or the installed copy's). */
  formId: (key: DemoFormKey) => string
}

/** Options shared by the demo generators. */
export interface DemoContextOptions {
  seed: number
  /** "Now" in epoch ms: every date of the demo lies in the 12 months before it (a few plans after it). */
  now: number
  members?: readonly DemoMember[]
  /** Language of generated names and texts. @default 'zh-CN' */
  locale?: Locale
  /** Id factory; the default gives deterministic ids (`opp_1a`, ...). Pass newId for installs. */
  makeId?: (kind: string) => string
  /** Template form id -> actual form id, for forms that were re-mapped on install. */
  formIds?: Readonly<Record<string, string>>
}

/** Deterministic ids `<kind>_<counter in base 36>`, unique within one run. */
export function counterIds(): (kind: string) => string {
  const counters = new Map<string, number>()
  return (kind) => {
    const n = (counters.get(kind) ?? 0) + 1
    counters.set(kind, n)
    return `${kind}_${n.toString(36)}`
  }
}

/** Builds the context of one run; `salt` derives an independent random stream from the seed. */
export function createDemoContext(options: DemoContextOptions, defaultMembers: readonly DemoMember[], salt = 0): DemoContext {
  const locale = options.locale ?? 'zh-CN'
  const formIds = options.formIds ?? {}
  return {
    rng: createRng(options.seed, salt),
    now: options.now,
    makeId: options.makeId ?? counterIds(),
    members: options.members !== undefined && options.members.length > 0 ? options.members : defaultMembers,
    locale,
    t: locale === 'en' ? text => text[1] : text => text[0],
    formId: key => formIds[DEMO_FORMS[key]] ?? DEMO_FORMS[key],
  }
}
