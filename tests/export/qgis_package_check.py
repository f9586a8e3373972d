"""Opens a ktmap QGIS package in QGIS: each table with its default style, then the stored project.
Usage: qgis_package_check.py PACKAGE.gpkg [PNG]   (PNG: also render the project's map there)"""
import os
import sys

from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize

package = sys.argv[1]
failures = []


def check(ok, what):
    print(("ok  " if ok else "FAIL") + " " + what)
    if not ok:
        failures.append(what)


app = QgsApplication([], False)
app.initQgis()

# A table added by hand gets its default style from layer_styles.
for table, attribute in [("sites", "kind"), ("partnerships", "kind"), ("trips", "trip"), ("stops", "trip")]:
    layer = QgsVectorLayer(package + "|layername=" + table, table, "ogr")
    check(layer.isValid(), table + " opens")
    renderer = layer.renderer()
    check(renderer.type() == "categorizedSymbol" and renderer.classAttribute() == attribute,
          table + ": categorised by " + attribute + " (" + renderer.type() + ")")
    values = {str(v) for v in layer.uniqueValues(layer.fields().indexOf(attribute))}
    categories = {str(c.value()) for c in renderer.categories()}
    check(values <= categories, table + ": a category for every " + attribute + " present")
    if table == "sites":
        city = next(c for c in renderer.categories() if c.value() == "city")
        check(city.symbol().symbolLayer(city.symbol().symbolLayerCount() - 1).color().name() == "#c81e2d", "sites: cities in the palette's red")
        check(layer.labelsEnabled(), "sites: labelled")
land = QgsVectorLayer(package + "|layername=basemap_land", "land", "ogr")
check(land.isValid() and land.renderer().type() == "singleSymbol", "the base map's land opens styled")

# The project stored in the package.
project = QgsProject.instance()
check(project.read("geopackage:" + package + "?projectName=briefing"), "the project opens from the package")
names = [node.name() for node in project.layerTreeRoot().findLayers()]
print("layers:", names)
check(names[:4] == ["stops", "sites", "trips", "partnerships"] and names[-1] == "land", "layer order")
check(all(l.isValid() for l in project.mapLayers().values()), "every layer's source found in the package")
check("Taiwan" in project.title() or "臺" in project.title(), "title: " + project.title())
check(project.crs().isValid() and "lcc" in project.crs().toProj(), "the map's projection: " + project.crs().toProj())
tree = project.layerTreeRoot()
shown = [node.name() for node in tree.findLayers() if node.isVisible()]
check(shown[:2] == ["sites", "partnerships"] and "trips" not in shown, "shown as the map opens: " + ", ".join(shown))
sites = project.mapLayersByName("sites")[0]
check(sites.renderer().type() == "categorizedSymbol", "the project's sites are categorised")
extent = project.viewSettings().defaultViewExtent()
check(extent.width() > 1e6, "an extent framing Taiwan and Kyushu")
label, _ = project.readEntry("CopyrightLabel", "/Label")
check("OpenStreetMap" in label and "Natural Earth" in label, "the attribution: " + label)

if len(sys.argv) > 2:
    settings = QgsMapSettings()
    order = [node.layer() for node in project.layerTreeRoot().findLayers() if node.isVisible()]
    settings.setLayers(order)
    settings.setDestinationCrs(project.crs())
    settings.setBackgroundColor(project.backgroundColor())
    settings.setOutputSize(QSize(1400, 1200))
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(sys.argv[2], "png")
    print("rendered", sys.argv[2])

print("%d failure(s)" % len(failures))
sys.stdout.flush()
# Leave without QGIS's teardown, which crashes in some PyQGIS versions after a project was read.
os._exit(1 if failures else 0)
