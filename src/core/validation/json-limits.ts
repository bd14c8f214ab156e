/**
 * Depth and size limits of every JSON entry point, checked BEFORE the text is parsed (a linear
 * scan: no recursion, no allocation) or, for values that arrive already structured (another
 * tab's structured clone, a synced document), by an iterative walk where they enter. Nothing
 * downstream — ajv, the forbidden-key walk, migrations, template remapping, structuredClone —
 * then meets a document deep enough to overflow the stack.
 */
import type { ValidationIssue } from './issue'
import { lineColumn } from './line-column'

/** Where JSON enters the app; each place has its own limits and its own words in messages. */
export type JsonPlace
  = | 'form' | 'view' | 'dashboard' | 'app' | 'template' | 'backup' | 'settings'
    | 'routeFilter' | 'syncDocument' | 'tabMessage' | 'storedViews' | 'importJournal' | 'formDraft' | 'automationLog'

/** How deep and how large JSON may be at one place. */
export interface JsonLimit {
  /** Deepest nesting of objects and arrays (the top-level value is level 1). */
  maxDepth: number
  /** Largest text, in characters (UTF-16 code units; bytes for an ASCII file). A value walk counts one per value plus the length of every string and key. */
  maxSize: number
}

const KB = 1024
const MB = 1024 * KB

/**
 * The limits. Depth 64 is far beyond any document the app writes (a backup's deepest path, a
 * subform row inside a record, is under 10 levels); sizes follow what each place legitimately
 * carries: a backup holds every record and file, a link's filter may list the ids of every
 * record behind a chart bar (15 characters each).
 */
export const JSON_LIMITS: Readonly<Record<JsonPlace, JsonLimit>> = {
  backup: { maxDepth: 64, maxSize: 200 * MB },
  syncDocument: { maxDepth: 64, maxSize: 50 * MB },
  tabMessage: { maxDepth: 64, maxSize: 200 * MB },
  template: { maxDepth: 64, maxSize: 20 * MB },
  form: { maxDepth: 64, maxSize: 5 * MB },
  app: { maxDepth: 64, maxSize: 20 * MB },
  dashboard: { maxDepth: 64, maxSize: 2 * MB },
  view: { maxDepth: 64, maxSize: 1 * MB },
  settings: { maxDepth: 64, maxSize: 1 * MB },
  formDraft: { maxDepth: 64, maxSize: 5 * MB },
  routeFilter: { maxDepth: 32, maxSize: 1 * MB },
  importJournal: { maxDepth: 8, maxSize: 1 * MB },
  automationLog: { maxDepth: 12, maxSize: 4 * MB },
  storedViews: { maxDepth: 4, maxSize: 256 * KB },
}

/** The words for each place, as the subject of a message. */
export const JSON_PLACE_WORDS: Readonly<Record<JsonPlace, { 'zh-CN': string, 'en': string }>> = {
  backup: { 'zh-CN': '备份文件', 'en': 'Backup' },
  syncDocument: { 'zh-CN': '同步文档', 'en': 'Synced document' },
  tabMessage: { 'zh-CN': '其他标签页发来的更改', 'en': 'A change from another tab' },
  template: { 'zh-CN': '模板文件', 'en': 'Template' },
  form: { 'zh-CN': '表单 JSON', 'en': 'Form JSON' },
  app: { 'zh-CN': '应用 JSON', 'en': 'App JSON' },
  dashboard: { 'zh-CN': '仪表盘 JSON', 'en': 'Dashboard JSON' },
  view: { 'zh-CN': '视图 JSON', 'en': 'View JSON' },
  settings: { 'zh-CN': '工作区设置', 'en': 'Workspace settings' },
  formDraft: { 'zh-CN': '表单草稿', 'en': 'Form draft' },
  routeFilter: { 'zh-CN': '链接中的筛选条件', 'en': 'The link\'s filter' },
  importJournal: { 'zh-CN': '导入日志', 'en': 'Import journal' },
  automationLog: { 'zh-CN': '智能助手运行日志', 'en': 'Automation log' },
  storedViews: { 'zh-CN': '已记住的视图选择', 'en': 'Remembered view choice' },
}

/** Within the limits, or the one issue (`tooDeep` / `tooLarge`) that names the limit and the place. */
export type JsonLimitCheck = { ok: true } | { ok: false, issue: ValidationIssue }

const OK: JsonLimitCheck = { ok: true }

/** Refuses a file or payload of `size` characters (or bytes) before it is even read. */
export function checkJsonSize(place: JsonPlace, size: number): JsonLimitCheck {
  const { maxSize } = JSON_LIMITS[place]
  if (size <= maxSize) return OK
  const w = JSON_PLACE_WORDS[place]
  return {
    ok: false,
    issue: {
      path: '',
      code: 'tooLarge',
      params: { place, size, maxSize },
      message: {
        'zh-CN': `${zhSubject(w['zh-CN'])}超过 ${formatSize(maxSize)}（实际 ${formatSize(size)}）`,
        'en': `${w.en} is larger than ${formatSize(maxSize)} (${formatSize(size)})`,
      },
    },
  }
}

/**
 * Scans JSON text once, counting nesting outside strings: refuses text longer or deeper than
 * the place allows, naming the line and column where the limit is crossed. Malformed text is
 * left to JSON.parse (which reports it); this only guarantees JSON.parse and everything after it
 * meet bounded input.
 */
export function scanJsonText(place: JsonPlace, text: string): JsonLimitCheck {
  const sized = checkJsonSize(place, text.length)
  if (!sized.ok) return sized
  const { maxDepth } = JSON_LIMITS[place]
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5C) i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
    }
    else if (c === 0x22) {
      inString = true
    }
    else if (c === 0x7B || c === 0x5B) {
      if (++depth > maxDepth) return tooDeepAt(place, text, i)
    }
    else if (c === 0x7D || c === 0x5D) {
      depth--
    }
  }
  return OK
}

/**
 * Walks a value that did not come as text (a structured clone from another tab, a synced
 * document) without recursion: refuses it when deeper or larger than the place allows, naming
 * the path where the limit is crossed. Cycles and shared objects count every time they are
 * reached, so a cyclic value is refused as too deep instead of looping.
 */
export function checkJsonValue(place: JsonPlace, value: unknown): JsonLimitCheck {
  const { maxDepth, maxSize } = JSON_LIMITS[place]
  const stack: Visit[] = [{ value, depth: 1 }]
  let size = 0
  while (stack.length > 0) {
    const top = stack.pop()!
    const v = top.value
    size += typeof v === 'string' ? v.length + 1 : 1
    if (size > maxSize) return checkJsonSize(place, size)
    if (v === null || typeof v !== 'object') continue
    if (top.depth > maxDepth) return tooDeepIn(place, pathOf(top))
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: top.depth + 1, parent: top, key: i })
      continue
    }
    for (const key of Object.keys(v)) {
      size += key.length
      stack.push({ value: (v as Record<string, unknown>)[key], depth: top.depth + 1, parent: top, key })
    }
  }
  return OK
}

/** One value still to visit; its path is kept as a link to its parent, built only when refused. */
interface Visit { value: unknown, depth: number, parent?: Visit, key?: string | number }

function pathOf(v: Visit): (string | number)[] {
  const path: (string | number)[] = []
  for (let at: Visit | undefined = v; at?.parent; at = at.parent) path.push(at.key!)
  return path.reverse()
}

/** The issue for a value of unknown shape that overflowed the stack anyway (the last guard). */
export function tooDeepIssue(place: JsonPlace): ValidationIssue {
  const { maxDepth } = JSON_LIMITS[place]
  const w = JSON_PLACE_WORDS[place]
  return {
    path: '',
    code: 'tooDeep',
    params: { place, maxDepth },
    message: { 'zh-CN': `${zhSubject(w['zh-CN'])}嵌套超过 ${maxDepth} 层`, 'en': `${w.en} nests deeper than ${maxDepth} levels` },
  }
}

function tooDeepAt(place: JsonPlace, text: string, offset: number): JsonLimitCheck {
  const { line, column } = lineColumn(text, offset)
  const base = tooDeepIssue(place)
  return {
    ok: false,
    issue: {
      ...base,
      params: { ...base.params, line, column, offset },
      message: {
        'zh-CN': `${base.message['zh-CN']}（第 ${line} 行第 ${column} 列）`,
        'en': `${base.message.en} (line ${line}, column ${column})`,
      },
    },
  }
}

function tooDeepIn(place: JsonPlace, path: readonly (string | number)[]): JsonLimitCheck {
  const base = tooDeepIssue(place)
  const shown = path.length > 8 ? `/${path.slice(0, 8).join('/')}/…` : `/${path.join('/')}`
  return {
    ok: false,
    issue: {
      ...base,
      params: { ...base.params, at: shown },
      message: { 'zh-CN': `${base.message['zh-CN']}（位置 ${shown}）`, 'en': `${base.message.en} (at ${shown})` },
    },
  }
}

/** A subject ending in a Latin word ("表单 JSON") is followed by a space, as Chinese typesetting does. */
function zhSubject(word: string): string {
  return /[A-Z]$/i.test(word) ? `${word} ` : word
}

/** 8 kB, 1.5 MB, 200 MB: binary units, one decimal below 10. */
export function formatSize(n: number): string {
  const [unit, div] = n >= MB ? ['MB', MB] : n >= KB ? ['kB', KB] : ['B', 1]
  const v = n / div
  return `${v < 10 && div > 1 ? Math.round(v * 10) / 10 : Math.round(v)} ${unit}`
}
