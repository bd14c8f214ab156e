/** Names for demo companies and people, unique where the template demands it. */
import type { DemoContext } from './context.ts'
import { BRAND_WORDS, CITIES, GIVEN_NAMES, INDUSTRY_SUFFIX, SURNAMES } from './text.ts'

/** A generated company name with the pieces other fields reuse. */
export interface CompanyName {
  name: string
  /** Lower-case ascii slug for web and mail domains. */
  slug: string
  city: string
  areaCode: string
}

/**
 * A company name for an industry and region. `taken` counts uses per base name so names stay
 * unique (the template's name field is unique) in O(1) however many accounts there are.
 */
export function companyName(ctx: DemoContext, industry: string, region: string, taken: Map<string, number>): CompanyName {
  const { rng, t } = ctx
  const city = rng.pick(CITIES[region] ?? CITIES.reg_east ?? [['上海', 'Shanghai', '021']])
  const brand = rng.pick(BRAND_WORDS)
  const suffix = rng.pick(INDUSTRY_SUFFIX[industry] ?? [['实业', 'Industries']])
  const zh = ctx.locale !== 'en'
  const base = zh ? `${city[0]}${brand.zh}${suffix[0]}` : `${city[1]} ${brand.py} ${suffix[1]}`
  const n = (taken.get(base) ?? 0) + 1
  taken.set(base, n)
  const nth = n === 1 ? '' : zh ? `（${n}）` : ` ${n}`
  const slug = `${brand.py}${city[1].replace(/\W/g, '')}${n === 1 ? '' : n}`.toLowerCase()
  return { name: zh ? `${base}${nth}有限公司` : `${base}${nth} Co., Ltd.`, slug, city: t([city[0], city[1]]), areaCode: city[2] }
}

/** A person's display name and a mailbox-safe ascii handle. */
export function personName(ctx: DemoContext): { name: string, handle: string } {
  const surname = ctx.rng.pick(SURNAMES)
  const given = ctx.rng.pick(GIVEN_NAMES)
  const name = ctx.locale === 'en' ? `${given.py} ${surname.py}` : `${surname.zh}${given.zh}`
  return { name, handle: `${given.py}.${surname.py}`.toLowerCase() }
}

/** A mainland mobile number (11 digits starting 13x-19x). */
export function mobile(ctx: DemoContext): string {
  const { rng } = ctx
  return `1${rng.int(3, 9)}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
}
