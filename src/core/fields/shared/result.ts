import type { LocalizedMessage, ParseResult } from '../behaviour'

/** A successful parse/convert result. */
export function ok(value: unknown): ParseResult {
  return { ok: true, value }
}

/** A failed parse/convert result with a message in both locales. */
export function fail(zh: string, en: string): ParseResult {
  return { ok: false, error: msg(zh, en) }
}

/** A message in both locales. */
export function msg(zh: string, en: string): LocalizedMessage {
  return { 'zh-CN': zh, en }
}
