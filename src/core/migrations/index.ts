/** Document migrations: ordered pure steps per kind, up to SCHEMA_VERSION. */
export { migrateDocument, migrateTo } from './migrate'
export type { MigrateResult } from './migrate'
export { MIGRATIONS } from './registry'
export type { JsonObject, MigrateChild, MigrationStep } from './types'
