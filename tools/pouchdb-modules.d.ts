// PouchDB packages as the project's tsconfig sees them (see src/sync/pouch-types.ts for why).
declare const pouchModule: unknown
export default pouchModule
