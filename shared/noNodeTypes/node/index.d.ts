// Deliberately empty: stands in for @types/node where shared/ and renderer/ are compiled
// (their tsconfig's typeRoots points here), so a library's `/// <reference types="node" />`
// cannot bring process, Buffer or the 'fs' module into code that must run without Node.
export {};
