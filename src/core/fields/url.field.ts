import type { FieldBehaviour } from './behaviour'
import { textLike, URL_PATTERN } from './shared/text-like'

/** A web address; the scheme is optional (www.example.com is accepted). */
export const urlField: FieldBehaviour<'url'> = textLike('url', () => ({ type: 'string', pattern: URL_PATTERN }))
