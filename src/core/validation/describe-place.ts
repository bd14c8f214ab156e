/**
 * Names a place in a document in words, in both locales: `/fields/3/options/choices/1` of a
 * form becomes "第 4 个字段（金额） › 第 2 个选项（高）" / "field #4 (金额) › option #2 (高)".
 * Positions in words are 1-based; paths stay 0-based JSON pointers.
 */
import type { Label } from '../schema/types'
import type { LocalizedMessage } from './issue'
import type { DocumentKind } from './kinds'
import { labelText } from '../utils/label'
import { KIND_WORDS } from './kinds'

const COLLECTIONS: Record<string, LocalizedMessage> = {
  fields: { 'zh-CN': '字段', 'en': 'field' },
  choices: { 'zh-CN': '选项', 'en': 'option' },
  stages: { 'zh-CN': '阶段', 'en': 'stage' },
  gate: { 'zh-CN': '门槛字段', 'en': 'gate field' },
  widgets: { 'zh-CN': '组件', 'en': 'widget' },
  columns: { 'zh-CN': '列', 'en': 'column' },
  sort: { 'zh-CN': '排序', 'en': 'sort key' },
  rules: { 'zh-CN': '规则', 'en': 'rule' },
  trash: { 'zh-CN': '已删除字段', 'en': 'deleted field' },
  members: { 'zh-CN': '成员', 'en': 'member' },
  apps: { 'zh-CN': '应用', 'en': 'app' },
  forms: { 'zh-CN': '表单', 'en': 'form' },
  views: { 'zh-CN': '视图', 'en': 'view' },
  dashboards: { 'zh-CN': '仪表盘', 'en': 'dashboard' },
  filters: { 'zh-CN': '筛选器', 'en': 'dashboard filter' },
  targets: { 'zh-CN': '作用字段', 'en': 'target' },
  and: { 'zh-CN': '条件', 'en': 'condition' },
  or: { 'zh-CN': '条件', 'en': 'condition' },
  stageEvents: { 'zh-CN': '阶段变更', 'en': 'stage event' },
  changes: { 'zh-CN': '变更', 'en': 'change' },
  formIds: { 'zh-CN': '表单引用', 'en': 'form reference' },
  dashboardIds: { 'zh-CN': '仪表盘引用', 'en': 'dashboard reference' },
  automations: { 'zh-CN': '智能助手', 'en': 'automation' },
  actions: { 'zh-CN': '动作', 'en': 'action' },
}

/** Property names that only wrap a list and say nothing on their own. */
const CONTAINERS: ReadonlySet<string> = new Set(['options', 'bundle'])

/** A Map: the names come from the document, and a plain object would answer `constructor`. */
const PROPS: ReadonlyMap<string, LocalizedMessage> = new Map([
  ['filter', { 'zh-CN': '筛选条件', 'en': 'filter' }],
  ['visibleWhen', { 'zh-CN': '显示条件', 'en': 'visibility rule' }],
  ['when', { 'zh-CN': '条件', 'en': 'condition' }],
  ['layout', { 'zh-CN': '布局', 'en': 'layout' }],
  ['bundle', { 'zh-CN': '应用包', 'en': 'bundle' }],
  ['settings', { 'zh-CN': '设置', 'en': 'settings' }],
  ['color', { 'zh-CN': '颜色', 'en': 'colour' }],
  ['trigger', { 'zh-CN': '触发条件', 'en': 'trigger' }],
  ['condition', { 'zh-CN': '执行条件', 'en': 'condition' }],
])

/** Splits a JSON pointer into unescaped segments. */
export function pointerSegments(path: string): string[] {
  if (path === '') return []
  return path.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Joins segments into a JSON pointer. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map(s => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/** The place at `path` of `doc` (a document of `kind`) in words. */
export function describePlace(doc: unknown, kind: DocumentKind, path: string): LocalizedMessage {
  const segments = pointerSegments(path)
  const parts: LocalizedMessage[] = [rootPart(doc, kind)]
  let props: string[] = []
  const flush = () => {
    if (props.length === 0) return
    const single = props.length === 1 ? PROPS.get(props[0] ?? '') : undefined
    parts.push(single ?? { 'zh-CN': props.join('.'), 'en': props.join('.') })
    props = []
  }
  let node: unknown = doc
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] ?? ''
    const next = segments[i + 1]
    const child = childOf(node, seg)
    const noun = COLLECTIONS[seg]
    if (noun && Array.isArray(child) && next !== undefined && /^\d+$/.test(next)) {
      props = props.filter(p => !CONTAINERS.has(p))
      flush()
      const item = child[Number(next)]
      parts.push(itemPart(noun, Number(next) + 1, item))
      node = item
      i++
      continue
    }
    props.push(seg)
    node = child
  }
  flush()
  return {
    'zh-CN': parts.map(p => p['zh-CN']).join(' › '),
    'en': parts.map(p => p.en).join(' › '),
  }
}

function rootPart(doc: unknown, kind: DocumentKind): LocalizedMessage {
  const word = KIND_WORDS[kind]
  const name = nameOf(doc)
  return {
    'zh-CN': name ? `${word['zh-CN']}「${name['zh-CN']}」` : word['zh-CN'],
    'en': name ? `${word.en} "${name.en}"` : word.en,
  }
}

function itemPart(noun: LocalizedMessage, position: number, item: unknown): LocalizedMessage {
  const name = nameOf(item)
  return {
    'zh-CN': `第 ${position} 个${noun['zh-CN']}${name ? `（${name['zh-CN']}）` : ''}`,
    'en': `${noun.en} #${position}${name ? ` (${name.en})` : ''}`,
  }
}

/** The label, name, title, id or field of an object, in both locales; undefined when none. */
function nameOf(value: unknown): LocalizedMessage | undefined {
  if (typeof value === 'string') return value === '' ? undefined : { 'zh-CN': value, 'en': value }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const obj = value as Record<string, unknown>
  for (const key of ['label', 'name', 'title']) {
    const l = obj[key]
    if (isLabel(l)) {
      const zh = labelText(l, 'zh-CN')
      if (zh !== '') return { 'zh-CN': zh, 'en': labelText(l, 'en') }
    }
  }
  for (const key of ['id', 'field']) {
    const v = obj[key]
    if (typeof v === 'string' && v !== '') return { 'zh-CN': v, 'en': v }
  }
  return undefined
}

function isLabel(value: unknown): value is Label {
  if (typeof value === 'string') return true
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const obj = value as Record<string, unknown>
  return Object.values(obj).every(v => typeof v === 'string')
}

function childOf(node: unknown, seg: string): unknown {
  if (node === null || typeof node !== 'object') return undefined
  if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined
  return (node as Record<string, unknown>)[seg]
}
