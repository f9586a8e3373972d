# `cpack -G DEB` in the build tree: a .deb of what `cmake --install` puts in the prefix, under
# /usr. Its Depends are Debian's runtime packages: the shared libraries' packages as
# dpkg-shlibdeps (dpkg-dev) finds them from the executable, and what ktmap needs besides
# libraries (gdal-data and proj-data come with libgdal32 and libproj25, the GL driver with
# libgl1 through SFML's window library).
set(KTMAP_PACKAGE_MAINTAINER "ktmap maintainers <maintainers@example.invalid>"
    CACHE STRING "The .deb's Maintainer: name <email>")
set(CPACK_PACKAGE_NAME ktmap)
set(CPACK_PACKAGE_VENDOR "ktmap")
set(CPACK_PACKAGE_CONTACT "${KTMAP_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "An interactive map for briefing sessions about Taiwan–Kyushu cooperation
(semiconductors, science parks, universities, sister cities): the sites of a
briefing file with their notes in Traditional Chinese, Japanese or English,
each delegation's trips day by day, the partnerships as a network, and stories
presented from a clicker on one display or on a laptop and a projector, with
PNG and PDF export.")
set(CPACK_GENERATOR DEB) # plain `cpack` makes the .deb too
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # the package without the debug info of a RelWithDebInfo build
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # ktmap_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KTMAP_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Labels and panels are drawn in Noto Sans CJK, found through fontconfig.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk")
include(CPack)
