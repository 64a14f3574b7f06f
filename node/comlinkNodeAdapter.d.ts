// comlink ships the Node adapter as node-adapter.mjs with its types in node-adapter.d.ts; Node
// (the CLI bundle keeps packages external) needs the .mjs name, so the types are pointed at it.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
