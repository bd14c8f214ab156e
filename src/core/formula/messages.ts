/** The zh-CN and en texts of every formula diagnostic code. */
import type { Locale } from '../schema/types'
import type { FormulaErrorParams } from './errors'

type MessageFn = (p: FormulaErrorParams) => string

/** Message builders per code and locale. */
export const FORMULA_MESSAGES = {
  EMPTY_FORMULA: { 'zh-CN': () => '公式为空', 'en': () => 'The formula is empty' },
  UNEXPECTED_CHAR: {
    'zh-CN': p => `无法识别的字符“${p.char}”`,
    'en': p => `Unexpected character "${p.char}"`,
  },
  UNTERMINATED_STRING: { 'zh-CN': () => '文本缺少结束引号', 'en': () => 'Text is missing its closing quote' },
  UNTERMINATED_REF: { 'zh-CN': () => '字段引用缺少“}”', 'en': () => 'Field reference is missing "}"' },
  EMPTY_REF: { 'zh-CN': () => '字段引用为空', 'en': () => 'Empty field reference' },
  BAD_NUMBER: { 'zh-CN': p => `数字“${p.text}”超出范围`, 'en': p => `Number "${p.text}" is out of range` },
  UNEXPECTED_TOKEN: {
    'zh-CN': p => `此处不应出现“${p.token}”`,
    'en': p => `Unexpected "${p.token}"`,
  },
  UNEXPECTED_END: { 'zh-CN': () => '公式不完整', 'en': () => 'The formula is incomplete' },
  MISSING_CLOSE_PAREN: { 'zh-CN': () => '缺少右括号“)”', 'en': () => 'Missing closing parenthesis ")"' },
  UNKNOWN_NAME: {
    'zh-CN': p => `未知名称“${p.name}”；字段请写成 {${p.name}}，函数后需加括号`,
    'en': p => `Unknown name "${p.name}"; write fields as {${p.name}} and call functions with parentheses`,
  },
  TOO_DEEP: {
    'zh-CN': p => `公式嵌套层数或连续运算过多（最多 ${p.max} 层）`,
    'en': p => `The formula is nested or chained too deeply (at most ${p.max} levels)`,
  },
  TOO_LONG: {
    'zh-CN': p => `公式过长（最多 ${p.max} 个字符）`,
    'en': p => `The formula is too long (at most ${p.max} characters)`,
  },
  UNKNOWN_FIELD: { 'zh-CN': p => `字段“${p.name}”不存在`, 'en': p => `Unknown field "${p.name}"` },
  UNKNOWN_LABEL: {
    'zh-CN': p => `找不到名为“${p.name}”的字段`,
    'en': p => `No field is named "${p.name}"`,
  },
  AMBIGUOUS_LABEL: {
    'zh-CN': p => `有多个字段名为“${p.name}”，请先重命名`,
    'en': p => `Several fields are named "${p.name}"; rename them first`,
  },
  UNKNOWN_FORM: { 'zh-CN': p => `表单“${p.name}”不存在`, 'en': p => `Unknown form "${p.name}"` },
  NOT_A_SUBFORM: {
    'zh-CN': p => `字段“${p.name}”不是子表单，不能用“.”引用列`,
    'en': p => `Field "${p.name}" is not a subform; "." can only pick a subform column`,
  },
  BAD_REF: { 'zh-CN': p => `无效的字段引用“${p.name}”`, 'en': p => `Invalid field reference "${p.name}"` },
  UNKNOWN_FUNCTION: { 'zh-CN': p => `未知函数 ${p.name}`, 'en': p => `Unknown function ${p.name}` },
  TOO_FEW_ARGS: {
    'zh-CN': p => `${p.name} 至少需要 ${p.min} 个参数，实际 ${p.count} 个`,
    'en': p => `${p.name} needs at least ${p.min} argument(s), got ${p.count}`,
  },
  TOO_MANY_ARGS: {
    'zh-CN': p => `${p.name} 最多接受 ${p.max} 个参数，实际 ${p.count} 个`,
    'en': p => `${p.name} takes at most ${p.max} argument(s), got ${p.count}`,
  },
  TYPE_MISMATCH: {
    'zh-CN': p => `此处需要${zhType(p.expected)}，实际是${zhType(p.actual)}`,
    'en': p => `Expected ${p.expected} here, got ${p.actual}`,
  },
  LIST_NOT_ALLOWED: {
    'zh-CN': () => '此处需要单个值；子表单列、多选和跨表字段请用 SUM、COUNT 等函数汇总',
    'en': () => 'A single value is needed here; aggregate subform columns, multi-selects and other forms\' fields with SUM, COUNT, ...',
  },
  RANGE_REQUIRED: {
    'zh-CN': p => `${p.name} 的第 ${p.index} 个参数需要子表单列或其他表单的字段`,
    'en': p => `Argument ${p.index} of ${p.name} must be a subform column or another form's field`,
  },
  MIXED_FORMS: {
    'zh-CN': p => `${p.name} 的查找字段和返回字段必须来自同一张表单`,
    'en': p => `The search and return fields of ${p.name} must belong to the same form`,
  },
  BAD_OPTION: {
    'zh-CN': p => `${p.name} 不支持“${p.value}”，可选：${p.allowed}`,
    'en': p => `${p.name} does not accept "${p.value}"; use one of ${p.allowed}`,
  },
  SELF_REFERENCE: { 'zh-CN': () => '公式不能引用自身', 'en': () => 'A formula cannot refer to itself' },
  CYCLE: {
    'zh-CN': p => `公式循环引用：${p.cycle}`,
    'en': p => `Circular formula reference: ${p.cycle}`,
  },
  TEXT_AS_NUMBER: {
    'zh-CN': p => `文本字段“${p.name}”被当作数字使用，非数字内容将得到 #VALUE!`,
    'en': p => `Text field "${p.name}" is used as a number; non-numeric text gives #VALUE!`,
  },
} as const satisfies Readonly<Record<string, Record<Locale, MessageFn>>>

const ZH_TYPES: Record<string, string> = {
  number: '数字', text: '文本', date: '日期', boolean: '逻辑值', any: '任意值', list: '列表',
}

function zhType(t: string | number | undefined): string {
  return ZH_TYPES[String(t)] ?? String(t)
}
