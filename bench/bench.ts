export {};

/**
 * `npm run bench -- <name> [options]`: benchmarks print figures; they never assert timings.
 * Each benchmark lives in its own file and is loaded only when asked for.
 */
const BENCHES: Record<string, () => Promise<{ run(argv: string[]): Promise<void> }>> = {
  import: () => import('./importBench'),
  hotspots: () => import('./hotspotsBench'),
  dosage: () => import('./dosageBench'),
  save: () => import('./saveBench'),
};

const [benchName, ...rest] = process.argv.slice(2);
if (!benchName || !(benchName in BENCHES)) {
  console.error(`Usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]`);
  process.exit(2);
}
const mod = await BENCHES[benchName]!();
await mod.run(rest);
