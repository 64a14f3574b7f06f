/**
 * Writes sample dosage inputs for a stored plan, for trying the dosage return by hand:
 * GPS fixes of a few officers who patrol some of the plan's hotspots on some days (30 s
 * fixes, walking inside the cell for 8-25 minutes, driving between), and a patrol-records
 * CSV with outcomes. Seeded, so the same plan gives the same files.
 *   npx tsx scripts/sampleDosageInputs.ts PROJECT PLAN_ID OUT_DIR [DAYS]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openProjectFile } from '../cli/projectFile';
import { bngToLonLat } from '../shared/geo/bng';
import { loadPlan } from '../shared/patrols/planStore';
import { rng } from '../bench/rng';

const [project, planId, outDir, daysArg] = process.argv.slice(2);
if (!project || !planId || !outDir) throw new Error('usage: PROJECT PLAN_ID OUT_DIR [DAYS]');
const db = await openProjectFile(project);
const plan = loadPlan(db, planId);
if (!plan) throw new Error(`no plan ${planId}`);
const rand = rng(plan.seed);
const days = Number(daysArg ?? 14);
const fixes: string[] = ['callsign,timestamp,latitude,longitude'];
const records: string[] = ['Hotspot ID,Start,End,Officers,Arrests,Stop & Searches,Weapons Seized,Intel Submissions'];
const start = Date.parse(`${plan.from}T10:00:00Z`);
for (let d = 0; d < days; d++) {
  for (let officer = 1; officer <= 4; officer++) {
    let t = start + d * 86_400_000 + officer * 600_000 + Math.floor(rand() * 3_600_000);
    for (const h of plan.hotspots) {
      if (rand() > 0.45) continue;
      const minutes = 8 + rand() * 17;
      const end = t + minutes * 60_000;
      for (; t < end; t += 30_000) {
        const [lon, lat] = bngToLonLat(h.centre.e + (rand() - 0.5) * 120, h.centre.n + (rand() - 0.5) * 120);
        fixes.push(`PC${officer},${new Date(t).toISOString()},${lat.toFixed(6)},${lon.toFixed(6)}`);
      }
      // Drive away: a few fixes outside the hotspot, then a gap before the next.
      for (let k = 0; k < 4; k++, t += 30_000) {
        const [lon, lat] = bngToLonLat(h.centre.e + 400 + k * 300, h.centre.n + 400);
        fixes.push(`PC${officer},${new Date(t).toISOString()},${lat.toFixed(6)},${lon.toFixed(6)}`);
      }
      if (officer === 1 && rand() < 0.3) {
        const iso = (x: number) => new Date(x).toISOString().slice(0, 16).replace('T', ' ');
        records.push(`${h.id},${iso(end - minutes * 60_000)},${iso(end)},2,${rand() < 0.2 ? 1 : 0},${rand() < 0.3 ? 1 : 0},0,${rand() < 0.5 ? 1 : 0}`);
      }
      t += 20 * 60_000;
    }
  }
}
writeFileSync(path.join(outDir, 'fixes.csv'), fixes.join('\n') + '\n');
writeFileSync(path.join(outDir, 'patrols.csv'), records.join('\n') + '\n');
console.log(`Wrote ${fixes.length - 1} fixes and ${records.length - 1} patrol records for plan ${planId} (${days} days from ${plan.from}).`);
db.close();
