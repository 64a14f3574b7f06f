"""Independent reference figures for the bundled demo (fixtures/west-yorkshire-demo-police-uk.zip).

Reads the zip with Python's zipfile and csv, places each located row in a 2025 ward by its own
ray-casting point-in-polygon test (no turf, no flatbush, none of the app's code), and prints the
figures the demo tests assert. Run: python3 tests/golden/demo_ward_counts.py
"""
import csv, io, json, zipfile, collections, os

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures')
wards = json.load(open(os.path.join(ROOT, 'wy_wards_2025_bgc.geojson')))['features']

def rings(geom):
    polys = geom['coordinates'] if geom['type'] == 'MultiPolygon' else [geom['coordinates']]
    return polys

def in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside

def in_polys(x, y, polys):
    for poly in polys:
        if in_ring(x, y, poly[0]) and not any(in_ring(x, y, h) for h in poly[1:]):
            return True
    return False

index = []
for f in wards:
    polys = rings(f['geometry'])
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    index.append((f['properties']['WD25CD'], f['properties']['WD25NM'], f['properties']['LAD25NM'], min(xs), min(ys), max(xs), max(ys), polys))

cache = {}
def ward_of(x, y):
    k = (x, y)
    if k in cache:
        return cache[k]
    hit = None
    for code, name, lad, x0, y0, x1, y1, polys in index:
        if x0 <= x <= x1 and y0 <= y <= y1 and in_polys(x, y, polys):
            hit = code
            break
    cache[k] = hit
    return hit

z = zipfile.ZipFile(os.path.join(ROOT, 'west-yorkshire-demo-police-uk.zip'))
per_ward = collections.Counter()
per_ward_month = collections.Counter()
newsome = collections.defaultdict(collections.Counter)
totals = collections.Counter()
for name in sorted(z.namelist()):
    if not name.endswith('.csv'):
        continue
    rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding='utf-8-sig')))
    kind = 'search' if 'stop-and-search' in name else 'street'
    totals[kind + ' rows'] += len(rows)
    for r in rows:
        lon, lat = r['Longitude'].strip(), r['Latitude'].strip()
        if not lon or not lat or (float(lon) == 0 and float(lat) == 0):
            totals[kind + ' no location'] += 1
            continue
        w = ward_of(float(lon), float(lat))
        if w is None:
            totals[kind + ' outside every ward'] += 1
            continue
        totals[kind + ' in a ward'] += 1
        if kind == 'street':
            per_ward[w] += 1
            per_ward_month[(w, r['Month'])] += 1
            if w == 'E05001410':
                newsome[r['Month']][r['Crime type']] += 1

print(json.dumps(totals, indent=1))
print('wards with street records:', len(per_ward), 'of', len(index))
print('fewest:', per_ward.most_common()[-3:], 'most:', per_ward.most_common(3))
for m in sorted(newsome):
    print('Newsome', m, sum(newsome[m].values()), dict(sorted(newsome[m].items())))
print('Newsome Aug-Nov:', dict(sorted((sum((newsome[m] for m in newsome), collections.Counter())).items())))
by_month = collections.Counter()
for (w, m), n in per_ward_month.items():
    by_month[m] += n
print('in-ward street records by month:', dict(sorted(by_month.items())))
lad = {c: l for c, n, l, *_ in index}
by_lad = collections.Counter()
for w, n in per_ward.items():
    by_lad[lad[w]] += n
print('by district:', dict(sorted(by_lad.items())))
