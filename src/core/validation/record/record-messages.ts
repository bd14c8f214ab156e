/** What a refused value should have been, in words, per issue code and field. */
import type { ErrorObject } from 'ajv/dist/2020'
import type { FieldDef } from '../../schema/types'
import type { LocalizedMessage } from '../issue'
import type { RecordIssueCode } from './record-issue'
import { optionList } from '../../fields/shared/choice'
import { optionsOf } from '../../fields/shared/plain-text'
import { show, typeWords } from '../words'

/** The issue code of an ajv error on a field's value. */
export function codeOf(e: ErrorObject, field: FieldDef, computed: boolean): RecordIssueCode {
  switch (e.keyword) {
    case 'false schema': return computed ? 'computed' : 'required'
    case 'type': return 'type'
    case 'enum': return field.type === 'stage' ? 'stage' : 'option'
    case 'minimum': return 'min'
    case 'maximum': return 'max'
    case 'maxDecimals': return 'precision'
    case 'maxLength': return 'maxLength'
    case 'format': return 'format'
    case 'pattern': return field.type === 'text' && field.options?.format === 'regex' ? 'pattern' : 'format'
    case 'uniqueItems': return 'duplicate'
    case 'required': return 'required'
    default: return 'invalid'
  }
}

const FORMAT_WORDS: Record<string, LocalizedMessage> = {
  email: { 'zh-CN': '有效的邮箱地址', 'en': 'a valid email address' },
  phone: { 'zh-CN': '有效的电话号码', 'en': 'a valid phone number' },
  url: { 'zh-CN': '有效的网址', 'en': 'a valid web address' },
  date: { 'zh-CN': '有效日期（YYYY-MM-DD）', 'en': 'a valid date (YYYY-MM-DD)' },
  month: { 'zh-CN': '某月的第一天（YYYY-MM-01）', 'en': 'the first day of a month (YYYY-MM-01)' },
  datetime: { 'zh-CN': '有效的日期时间（ISO 8601）', 'en': 'a valid date and time (ISO 8601)' },
}

/** The message body (without the field name) of an issue. */
export function whatOf(code: RecordIssueCode, e: ErrorObject | undefined, field: FieldDef): LocalizedMessage {
  const limit = String((e?.params as { limit?: unknown } | undefined)?.limit ?? '')
  const m = (zh: string, en: string): LocalizedMessage => ({ 'zh-CN': zh, 'en': en })
  switch (code) {
    case 'required': return m('必填，不能为空', 'is required and cannot be empty')
    case 'computed': return m('是自动计算的字段，不能填写', 'is computed automatically and cannot be written')
    case 'type': { const t = typeWords((e?.params as { type?: unknown }).type); return m(`应为${t['zh-CN']}，而不是「${show(e?.data)}」`, `must be ${t.en}, not "${show(e?.data)}"`) }
    case 'option': return m(`「${show(e?.data)}」不是有效选项（可选：${optionList(optionsOf(field))}）`, `"${show(e?.data)}" is not one of its options (${optionList(optionsOf(field))})`)
    case 'stage': return m(`「${show(e?.data)}」不是有效阶段（可选：${optionList(optionsOf(field))}）`, `"${show(e?.data)}" is not one of its stages (${optionList(optionsOf(field))})`)
    case 'min': return m(`不能小于 ${limit}`, `must be at least ${limit}`)
    case 'max': return m(`不能大于 ${limit}`, `must be at most ${limit}`)
    case 'precision': return m(`最多 ${String(e?.schema)} 位小数`, `allows at most ${String(e?.schema)} decimals`)
    case 'maxLength': return m(`最多 ${limit} 个字符`, `allows at most ${limit} characters`)
    case 'pattern': return m(`不符合要求的格式（${String((e?.params as { pattern?: unknown }).pattern)}）`, `does not match the required format (${String((e?.params as { pattern?: unknown }).pattern)})`)
    case 'format': { const w = FORMAT_WORDS[formatKey(field)] ?? m('正确的格式', 'the right format'); return m(`「${show(e?.data)}」不是${w['zh-CN']}`, `"${show(e?.data)}" is not ${w.en}`) }
    case 'duplicate': return m('包含重复的值', 'contains the same value twice')
    case 'member': return m(`「${show(e?.data)}」不是工作区成员`, `"${show(e?.data)}" is not a workspace member`)
    case 'unknownField': return m('不是此表单的字段', 'is not a field of this form')
    case 'forbiddenKey': return m('是不允许的字段名', 'is a forbidden field name')
    case 'invalid': return m(`值无效（${e?.message ?? ''}）`, `has an invalid value (${e?.message ?? ''})`)
  }
}

function formatKey(field: FieldDef): string {
  if (field.type === 'text') return field.options?.format ?? ''
  if (field.type === 'date') return field.options?.granularity ?? 'date'
  return field.type
}
