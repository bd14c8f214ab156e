import { afterEach, describe, expect, it } from 'vitest'
import type { DashboardContext } from '../../../src/core/dashboard'
import { computeWidget } from '../../../src/core/dashboard'
import type { FieldDef, FormDef, WidgetDef } from '../../../src/core/schema/types'
import { WIDGET_TYPES } from '../../../src/core/validation'
import { echarts, setChartOption } from '../../../src/widgets/echarts'
import { INERT_SUFFIX, shieldChartText } from '../../../src/widgets/shared/chart-text'
import { buildWidgetOption } from '../../../src/widgets/widget-options'
import { dashCtx, widget } from '../../fixtures/dashboard'
import { EVERY_TYPE } from '../../fixtures/widgets'

/** Names that are keys of every plain object (or of its constructor). */
const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()
const hostile = (i: number) => HOSTILE[i % HOSTILE.length]!

/** The dashboard fixture with every user-visible name (options, stages, members, titles, texts) hostile. */
function hostileCtx(): DashboardContext {
  const base = dashCtx()
  const relabel = (f: FieldDef): FieldDef => {
    if (f.type === 'select') return { ...f, options: { ...f.options, choices: f.options.choices.map((c, i) => ({ ...c, label: hostile(i) })) } }
    if (f.type === 'stage') return { ...f, options: { ...f.options, stages: f.options.stages.map((s, i) => ({ ...s, label: hostile(i) })) } }
    return f
  }
  const forms: FormDef[] = base.forms.map(f => ({ ...f, fields: f.fields.map(relabel) }))
  const opps = (base.records.opps ?? []).map((r, i) => ({ ...r, values: { ...r.values, title: hostile(i) } }))
  return { ...base, forms, records: { ...base.records, opps }, members: base.members.map((m, i) => ({ ...m, name: hostile(i) })) }
}

/** Every type's fixture config; line and area split per owner, text and heading given hostile text. */
const OVERRIDES: Partial<Record<WidgetDef['type'], Record<string, unknown>>> = {
  line: { ...EVERY_TYPE.line, series: { field: 'owner' } },
  area: { ...EVERY_TYPE.area, series: { field: 'owner' } },
  text: { text: '__proto__\nconstructor\nprototype' },
  heading: { text: 'constructor' },
}
const CONFIGS: [string, Parameters<typeof widget>][] = [
  ...WIDGET_TYPES.map((t): [string, Parameters<typeof widget>] => [t, [t, OVERRIDES[t] ?? EVERY_TYPE[t]]]),
  ['bar on a text field', ['bar', { formId: 'opps', dimension: { field: 'title' } }]],
  ['column per member series', ['column', { formId: 'opps', dimension: { field: 'title' }, series: { field: 'owner' } }]],
]

function renderSvg(option: ReturnType<typeof buildWidgetOption>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 })
  try {
    setChartOption(chart, option)
    return chart.renderToSVGString()
  }
  finally {
    chart.dispose()
  }
}

describe('widgets/hostile labels', () => {
  afterEach(() => {
    // Keep later tests of this file meaningful even if one pollutes.
    for (const k of ['prev', 'next', 'key', 'value']) Reflect.deleteProperty(Object.prototype, k)
  })

  describe('setChartOption', () => {
    it.each(CONFIGS)('should draw a %s widget named __proto__ / constructor / prototype without touching Object.prototype', (_, args) => {
      const r = computeWidget(widget(...args), hostileCtx())
      expect(r.status).toBe('ok')
      if (r.status !== 'ok') return
      // The KPI draws its title (the widget's name) and figures only; the waterfall and the forecast only their own bar and month names.
      const named = HOSTILE.filter(h => JSON.stringify(r.data).includes(`"${h}`) || (r.data.type === 'kpi' && h === 'constructor'))
      if (r.data.type !== 'waterfall' && r.data.type !== 'forecast') expect(named.length).toBeGreaterThan(0)
      for (const locale of ['zh-CN', 'en'] as const) {
        const svg = renderSvg(buildWidgetOption(r.data, locale, 'constructor'))
        expect(({} as Record<string, unknown>).prev).toBeUndefined()
        expect(({} as Record<string, unknown>).next).toBeUndefined()
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS)
        expect(Object.hasOwn(Object, 'prev')).toBe(false)
        for (const h of named) expect(svg, `${args[0]} draws ${h}`).toContain(h)
      }
    })
  })

  describe('shieldChartText', () => {
    it('should suffix only inherited names, in values, keys and formatter results, and keep the rest', () => {
      const fmt = (p: { name: string }) => p.name
      const o = shieldChartText({ a: ['__proto__', 'x', 'prototype'], selected: { constructor: true }, formatter: fmt, n: 1, d: new Date(0) })
      expect(o.a).toEqual([`__proto__${INERT_SUFFIX}`, 'x', 'prototype'])
      expect(Object.keys(o.selected)).toEqual([`constructor${INERT_SUFFIX}`])
      expect(o.formatter({ name: 'toString' })).toBe(`toString${INERT_SUFFIX}`)
      expect(o.formatter({ name: 'Deal' })).toBe('Deal')
      expect(o.n).toBe(1)
      expect(o.d).toBeInstanceOf(Date)
    })
  })
})
