// tsconfig's "node" module resolution does not read package.json "exports", so it cannot find this
// subpath of graphql-ws by itself; at run time Node resolves it through "exports" as usual.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws.cjs';
}
