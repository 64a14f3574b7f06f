import { describe, expect, it } from 'vitest';
import { londonDay, parseFixTime } from '../../../shared/dosage/fixTime';
import { detectFixMapping } from '../../../shared/dosage/fixColumns';
import { londonParts } from '../../../shared/hotspots/temporalProfile';

const utc = (s: string) => Date.parse(s);

describe('parseFixTime', () => {
  it('reads Z and offsets as instants', () => {
    expect(parseFixTime('2024-06-14T23:55:00Z').utc).toBe(utc('2024-06-14T23:55:00Z'));
    expect(parseFixTime('2024-06-14T23:55:00.250Z').utc).toBe(utc('2024-06-14T23:55:00.250Z'));
    expect(parseFixTime('2024-06-14T23:55:00+01:00').utc).toBe(utc('2024-06-14T22:55:00Z'));
    expect(parseFixTime('2024-06-14 23:55:00-0230').utc).toBe(utc('2024-06-15T02:25:00Z'));
    expect(parseFixTime('2024-06-14T23:55+01').utc).toBe(utc('2024-06-14T22:55:00Z'));
  });

  it('reads times without a zone as UK local time, GMT in winter and BST in summer', () => {
    expect(parseFixTime('2024-01-10 09:00:00').utc).toBe(utc('2024-01-10T09:00:00Z'));
    expect(parseFixTime('2024-06-14T09:00').utc).toBe(utc('2024-06-14T08:00:00Z'));
    expect(parseFixTime('14/06/2024 09:00').utc).toBe(utc('2024-06-14T08:00:00Z'));
    expect(parseFixTime('10/01/2024 09:00:30').utc).toBe(utc('2024-01-10T09:00:30Z'));
  });

  it('rejects the skipped spring hour and reads the repeated autumn hour as BST, flagged', () => {
    // 2024: clocks forward 31 March 01:00 GMT, back 27 October 02:00 BST.
    const gap = parseFixTime('2024-03-31 01:30:00');
    expect(gap.reason).toMatch(/does not exist in UK local time/);
    expect(parseFixTime('2024-03-31 00:59:59').utc).toBe(utc('2024-03-31T00:59:59Z'));
    expect(parseFixTime('2024-03-31 02:00:00').utc).toBe(utc('2024-03-31T01:00:00Z'));
    const amb = parseFixTime('2024-10-27 01:30:00');
    expect(amb.utc).toBe(utc('2024-10-27T00:30:00Z'));
    expect(amb.ambiguous).toBe(true);
    expect(parseFixTime('2024-10-27 00:59:00').ambiguous).toBe(false);
    expect(parseFixTime('2024-10-27 02:00:00').utc).toBe(utc('2024-10-27T02:00:00Z'));
  });

  it('agrees with Intl about London offsets across several years', () => {
    for (let t = utc('2019-01-01T00:30:00Z'); t < utc('2026-12-31T00:00:00Z'); t += 7 * 3_600_000 + 13 * 60_000) {
      const local = new Date(t + londonParts(t).offsetMs).toISOString().slice(0, 19).replace('T', ' ');
      const back = parseFixTime(local);
      // In the repeated autumn hour the first reading is BST; otherwise the wall time maps back exactly.
      if (back.ambiguous) expect([t, t - 3_600_000]).toContain(back.utc);
      else expect(back.utc).toBe(t);
    }
  });

  it('rejects malformed times with a reason', () => {
    for (const s of ['', 'yesterday', '2024-13-01 10:00', '2024-02-30T10:00:00Z', '2024-06-14', '2024-06-14T25:00:00Z', '2024-06-14T10:00:00X', '1718000000']) {
      expect(parseFixTime(s).reason, s).not.toBeNull();
    }
    expect(parseFixTime('2024-02-29T10:00:00Z').reason).toBeNull();
  });

  it('gives the local day of an instant with its UTC bounds', () => {
    expect(londonDay(utc('2024-06-14T23:30:00Z'))).toEqual({ date: '2024-06-15', startUtc: utc('2024-06-14T23:00:00Z'), endUtc: utc('2024-06-15T23:00:00Z') });
    // The autumn day is 25 hours long.
    const d = londonDay(utc('2024-10-27T12:00:00Z'));
    expect(d.date).toBe('2024-10-27');
    expect(d.endUtc - d.startUtc).toBe(25 * 3_600_000);
  });
});

describe('detectFixMapping', () => {
  it('finds common names whatever their case, spaces or underscores', () => {
    expect(detectFixMapping(['Device ID', 'Time Stamp', 'Latitude', 'Longitude']).mapping).toEqual({ device: 'Device ID', timestamp: 'Time Stamp', lon: 'Longitude', lat: 'Latitude' });
    expect(detectFixMapping(['callsign', 'recorded_at', 'lng', 'lat']).mapping).toEqual({ device: 'callsign', timestamp: 'recorded_at', lon: 'lng', lat: 'lat' });
    expect(detectFixMapping(['RADIO_ID', 'fix time', 'X', 'Y']).mapping).toEqual({ device: 'RADIO_ID', timestamp: 'fix time', easting: 'X', northing: 'Y' });
    expect(detectFixMapping(['unit', 'DateTime', 'Easting', 'Northing']).mapping).toEqual({ device: 'unit', timestamp: 'DateTime', easting: 'Easting', northing: 'Northing' });
  });

  it('says what is missing', () => {
    const r = detectFixMapping(['who', 'timestamp', 'latitude']);
    expect(r.mapping).toBeNull();
    expect(r.missing).toEqual(['device (e.g. device_id, callsign)', 'position (longitude and latitude, or easting and northing)']);
  });
});
