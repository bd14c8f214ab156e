/** Field behaviours: one module per type, joined in the registry. */
export type { FieldBehaviour, FieldTraits, InputKind, FormatContext, JsonSchema, LocalizedMessage, ParseContext, ParseResult, DateOrder } from './behaviour'
export { behaviourOf, FIELD_TYPES, fieldRegistry, holdsNoValue, NUMERIC_TYPES, typesWhere } from './registry'
export { convertValue, parseFieldText } from './convert-value'
export type { AddressValue } from './address.field'
export type { FileValue } from './shared/files'
export { DEFAULT_RATING_MAX } from './rating.field'
export type { MissingCause } from './shared/missing'
export { hasMissingText, LOADING_TEXT, missingText } from './shared/missing'
