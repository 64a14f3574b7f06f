import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../shared/patrols/buildPlan';
import { planGeoJson, planKml, planScheduleCsv } from '../../../shared/patrols/planExports';
import { buildSchedule } from '../../../shared/patrols/schedule';
import { CENTRE_A, makeWorld } from './planWorld';

const db = await makeWorld();
const plan = buildPlan(db, {
  name: 'Alpha & Beta, winter', from: '2025-01-06', to: '2025-01-12', seed: 9, id: 'PLAN_X',
  choice: { count: 3, mergeTouching: true }, dosage: { teams: ['North team', 'South team'] },
});
const schedule = buildSchedule(plan);

describe('plan exports', () => {
  it('CSV: method lines, then one row per scheduled visit', () => {
    const csv = planScheduleCsv(plan, schedule);
    const lines = csv.trimEnd().split('\r\n');
    const comments = lines.filter((l) => l.startsWith('# '));
    expect(comments.slice(0, plan.method.length)).toEqual(plan.method.map((l) => `# ${l}`));
    expect(comments).toContain(`# target: 14 visits, 210 patrol minutes (3.5 hours) over the period`);
    expect(lines[comments.length]).toBe('date,start_local,team,hotspot_id,name,district,ward,minutes');
    const rows = lines.slice(comments.length + 1);
    expect(rows).toHaveLength(schedule.visits.length);
    expect(rows).toHaveLength(14);
    const v = schedule.visits.find((x) => x.hotspotId === plan.hotspots[0]!.id)!;
    expect(rows).toContain(`${v.date},${v.start},${v.team},${v.hotspotId},On or near High Street,North,Alpha,15`);
  });

  it('GeoJSON: valid polygons with id, name, instructions, and the method in metadata', () => {
    const fc = JSON.parse(planGeoJson(plan)) as {
      type: string; metadata: { planId: string; method: string[]; seed: number };
      features: { type: string; id: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.metadata.planId).toBe('PLAN_X');
    expect(fc.metadata.method).toEqual(plan.method);
    expect(fc.metadata.seed).toBe(9);
    expect(fc.features.map((f) => f.id)).toEqual(plan.hotspots.map((h) => h.id));
    const first = fc.features[0]!;
    expect(first.properties).toMatchObject({ id: plan.hotspots[0]!.id, name: 'On or near High Street', district: 'North', ward: 'Alpha', rank: 1, harm: 26 });
    expect(first.properties['instructions']).toBe(
      'Visible patrol of about 15 minutes, 1 time(s) a day, at random times inside the windows (every day 10:00-02:00 (ends the next day)); vary the order; at least 60 minutes between visits to the same hotspot',
    );
    const single = fc.features.find((f) => f.id !== first.id)!;
    expect(single.geometry.type).toBe('Polygon');
    const ring = (single.geometry.coordinates as number[][][])[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(-1.8);
      expect(lon).toBeLessThan(-1.6);
      expect(lat).toBeGreaterThan(53.7);
      expect(lat).toBeLessThan(53.9);
    }
  });

  it('KML: a method placemark and one named placemark per hotspot with its instructions', () => {
    const kml = planKml(plan);
    expect(kml.startsWith('<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe(true);
    expect(kml.match(/<Placemark[ >]/g)).toHaveLength(plan.hotspots.length + 1);
    expect(kml).toContain('<name>1. On or near High Street</name>');
    expect(kml).toContain('<name>2. Beta</name>');
    expect(kml).toContain(`Hotspot ${CENTRE_A === plan.hotspots[0]!.id ? CENTRE_A : plan.hotspots[0]!.id}; ward Alpha; district North.`);
    expect(kml).toContain('Plan Alpha &#x26; Beta, winter (PLAN_X)');
    expect(kml).toContain('plan id: PLAN_X');
    expect(kml.match(/<Polygon>/g)!.length).toBeGreaterThanOrEqual(plan.hotspots.length);
  });
});
