// The modules tools/messages-plugin.ts generates: one locale's merged UI messages each.
declare module 'virtual:locale-messages/*' {
  const messages: Record<string, unknown>
  export default messages
}
