// The atomic write moved to node/ (shared by main/ and cli/); this re-export keeps older imports compiling.
export { atomicWrite, beginAtomicWrite, type AtomicWriter } from '../../node/atomicWrite';
