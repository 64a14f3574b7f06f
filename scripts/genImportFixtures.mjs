#!/usr/bin/env node
/**
 * Writes the small, hand-designed import test files in fixtures/import/ (see fixtures/README.md).
 * Each file exercises one way real files go wrong; the exact bytes matter (BOMs, Windows-1252,
 * CRLF), so they are generated here rather than edited by hand. Run: node scripts/genImportFixtures.mjs
 */
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
mkdirSync(dir, { recursive: true });
const id = (label) => createHash('sha256').update(label).digest('hex');
const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const WYP = 'West Yorkshire Police,West Yorkshire Police';
// Ward centroids from the ONS ward layer: Baildon, Headingley & Hyde Park; and central London (outside the force).
const BAILDON = '-1.771591,53.85303';
const HEADINGLEY = '-1.567274,53.81534';
const LONDON = '-0.127600,51.507200';
const write = (name, data) => writeFileSync(path.join(dir, name), data);
const lines = (rows, nl = '\n') => rows.join(nl) + nl;

// 1-3. Encodings: the same three rows with "Café" and "£" in locations.
const encRows = [
  HEADER,
  `${id('enc1')},2025-02,${WYP},${BAILDON},On or near Café Royal,E01010568,Bradford 016A,Burglary,Under investigation,`,
  `${id('enc2')},2025-02,${WYP},${BAILDON},On or near £1 Shop,E01010568,Bradford 016A,Shoplifting,Under investigation,`,
  `${id('enc3')},2025-02,${WYP},${HEADINGLEY},On or near Otley Road,E01011700,Leeds 050A,Robbery,Under investigation,`,
];
const text = lines(encRows);
write('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
write('utf8-no-bom.csv', Buffer.from(text, 'utf8'));
write('windows-1252.csv', Buffer.from(text, 'latin1')); // é and £ have the same code points in Latin-1 and Windows-1252

// 4. CRLF, quoted commas, a quoted newline and escaped quotes; physical lines differ from rows.
write('crlf-quoted.csv', lines([
  HEADER,
  `${id('q1')},2025-02,${WYP},${BAILDON},"On or near Smith, Jones Road",E01010568,Bradford 016A,Drugs,Local resolution,`,
  `${id('q2')},2025-02,${WYP},${BAILDON},"On or near ""The Swan"" pub",E01010568,Bradford 016A,Public order,Local resolution,"line one\r\nline two"`,
  `${id('q3')},2025-02,${WYP},${BAILDON},On or near Station Road,E01010568,Bradford 016A,Not a month row,Local resolution,`,
  `${id('q4')},Febtober,${WYP},${BAILDON},On or near Station Road,E01010568,Bradford 016A,Drugs,Local resolution,`,
], '\r\n'));

// 5. Months as Excel writes them back, and coordinates that lost trailing zeros.
write('excel-months.csv', lines([
  HEADER,
  `${id('m1')},Feb-25,${WYP},-1.771591,53.85303,On or near A Road,E01010568,Bradford 016A,Burglary,,`,
  `${id('m2')},01/02/2025,${WYP},-1.7715910,53.853030,On or near A Road,E01010568,Bradford 016A,Burglary,,`,
  `${id('m3')},2025-02-01,${WYP},-1.771591,53.85303,On or near A Road,E01010568,Bradford 016A,Burglary,,`,
  `${id('m4')},2025-02,${WYP},-1.771591,53.85303,On or near A Road,E01010568,Bradford 016A,Burglary,,`,
  `${id('m5')},31/02/2025,${WYP},-1.771591,53.85303,On or near A Road,E01010568,Bradford 016A,Burglary,,`,
]));

// 6. Anti-social behaviour: no Crime IDs. Rows 2 and 3 are identical (two real incidents at one
//    snap point); the overlap file repeats row 1 with coordinates that lost trailing zeros.
const asb = (lon, lat, where) => `,2025-03,${WYP},${lon},${lat},On or near ${where},E01010568,Bradford 016A,Anti-social behaviour,,`;
write('asb-blank-ids.csv', lines([HEADER, asb('-1.77', '53.85', 'Park'), asb('-1.771591', '53.85303', 'High Street'), asb('-1.771591', '53.85303', 'High Street')]));
write('asb-overlap.csv', lines([HEADER, asb('-1.770000', '53.850000', 'Park'), asb('-1.771591', '53.85303', 'Church Lane')]));

// 7. Missing and 0,0 coordinates: LSOA 2011 fallback, LSOA 2021-only code, unknown LSOA, nothing, and a bad number.
write('missing-coords.csv', lines([
  HEADER,
  `${id('c1')},2018-05,${WYP},,,No location,E01010568,Bradford 016A,Burglary,,`,
  `${id('c2')},2024-05,${WYP},0,0,No location,E01033898,Bradford 030E,Burglary,,`,
  `${id('c3')},2018-05,${WYP},0.0,0.00,No location,E01010677,Bradford 030C,Burglary,,`,
  `${id('c4')},2018-05,${WYP},,,No location,E01999999,Nowhere 001A,Burglary,,`,
  `${id('c5')},2018-05,${WYP},,,No location,,,Burglary,,`,
  `${id('c6')},2018-05,${WYP},abc,53.8,No location,E01010568,Bradford 016A,Burglary,,`,
  `${id('c7')},2018-05,${WYP},${LONDON},On or near Whitehall,E01004736,Westminster 018C,Robbery,,`,
]));

// 8. Crime types: a pre-2013 police.uk name, lower-case spelling of a real one, an empty one,
//    and a row broken by an unquoted comma.
write('crime-types.csv', lines([
  HEADER,
  `${id('t1')},2012-05,${WYP},${BAILDON},On or near A Road,E01010568,Bradford 016A,Violent crime,,`,
  `${id('t2')},2012-05,${WYP},${BAILDON},On or near A Road,E01010568,Bradford 016A,Violent crime,,`,
  `${id('t3')},2012-05,${WYP},${BAILDON},On or near A Road,E01010568,Bradford 016A,violence and sexual offences,,`,
  `${id('t4')},2012-05,${WYP},${BAILDON},On or near A Road,E01010568,Bradford 016A,,,`,
  `${id('t5')},2012-05,${WYP},${BAILDON},On or near Smith, Jones Road,E01010568,Bradford 016A,Drugs,,`,
]));

// 9. Semicolon-delimited (a "CSV" saved by Excel in a comma-decimal locale).
write('semicolon.csv', lines(encRows.map((r) => r.replace(/,/g, ';'))));

// 10. Empty, whitespace-only, header-only, and a binary file renamed .csv (an xlsx starts PK\3\4).
write('empty.csv', '');
write('blank-lines.csv', '\n\r\n  \n');
write('header-only.csv', HEADER + '\n');
write('binary.csv', Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(64, 0), Buffer.from('[Content_Types].xml')]));

// 11. Ward counts with names written differently from the ONS layer, thousands separators and Excel months.
write('ward-counts.csv', lines([
  'Ward name,Ward code,Month,Crime type,Count',
  'BAILDON,,2025-02,Burglary,12',
  'Ardsley and Robin Hood,,Feb-25,Burglary,"1,234"',
  '"Crofton Ryhill & Walton",,01/02/2025,Violence and sexual offences,7',
  'headingley & hyde park,E05011397,2025-02,Robbery,3',
  'Nowhere Ward,,2025-02,Robbery,3',
  'Baildon,,2025-02,Drugs,lots',
  'Baildon,,2025-02,Burglary,12',
]));

// 12. A force extract in BNG with UK dates and flags, and its mapping.
write('force-extract.csv', lines([
  'Crime Ref,HO Offence Code,Offence Description,Committed From,Committed To,Easting,Northing,Ward,LSOA,Knife Enabled,Victim U25,DA Flag,OCG Linked',
  'WY/1001/25,008/01,Assault with injury,01/02/2025 21:30,01/02/2025 22:00,415123,439667,,,Y,N,N,Y',
  'WY/1002/25,005/01,Robbery of personal property,02/02/2025 14:05,,,,Baildon,,Yes,Yes,No,No',
  'WY/1003/25,008/06,Assault without injury,03/02/2025,,0,0,,E01010568,N,N,Y,N',
  'WY/1004/25,008/01,Assault with injury,04/02/2025 01:15,,,,,,Maybe,N,N,N',
  'WY/1005/25,008/01,Assault with injury,,,415123,439667,,,N,N,N,N',
  'WY/1001/25,008/01,Assault with injury,01/02/2025 21:30,01/02/2025 22:00,415123,439667,,,Y,N,N,Y',
]));
write('force-extract.mapping.json', JSON.stringify({
  crimeRef: 'Crime Ref', offenceCode: 'HO Offence Code', crimeType: 'Offence Description',
  committedFrom: 'Committed From', committedTo: 'Committed To',
  location: { kind: 'bng', easting: 'Easting', northing: 'Northing' },
  wardName: 'Ward', lsoa: 'LSOA',
  flags: { knife_enabled: 'Knife Enabled', victim_u25: 'Victim U25', domestic_abuse: 'DA Flag', ocg_linked: 'OCG Linked' },
}, null, 2) + '\n');

// 13. Boundaries in British National Grid with a crs member: two valid squares around the Baildon
//     centroid, a bow-tie, an unclosed ring and a line.
const sq = (e, n, d) => [[[e - d, n - d], [e + d, n - d], [e + d, n + d], [e - d, n + d], [e - d, n - d]]];
const feature = (code, name, geometry) => ({ type: 'Feature', properties: { code, name, district: 'Test district' }, geometry });
write('boundaries-bng.geojson', JSON.stringify({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
  features: [
    feature('T1', 'Baildon square', { type: 'Polygon', coordinates: sq(415123, 439667, 500) }),
    feature('T2', 'East square', { type: 'Polygon', coordinates: sq(417123, 439667, 500) }),
    feature('T3', 'Bow tie', { type: 'Polygon', coordinates: [[[0, 0], [1000, 1000], [1000, 0], [0, 1000], [0, 0]].map(([x, y]) => [420000 + x, 440000 + y])] }),
    feature('T4', 'Unclosed', { type: 'Polygon', coordinates: [[[421000, 440000], [422000, 440000], [422000, 441000], [421000, 441000]]] }),
    feature('T5', 'A line', { type: 'LineString', coordinates: [[423000, 440000], [424000, 441000]] }),
  ],
}, null, 1) + '\n');
console.log(`wrote fixtures to ${dir}`);
