/* Locator map on a district page: the city's units in grey, this one (or a zone's hosts) highlighted. */
(function () {
  "use strict";
  const A = window.Atlas;
  const cfg = A.config();
  const map = window[cfg.mapVar];
  A.fetchJSON(A.districtsUrl(cfg)).then((gj) => {
    const hit = new Set(cfg.highlight);
    const layer = L.geoJSON(gj, {
      style: (f) => ({
        fillColor: hit.has(f.properties.id) ? "#b2182b" : "#d0d0d0", fillOpacity: hit.has(f.properties.id) ? 0.8 : 0.3,
        color: "#444", weight: 1, dashArray: f.properties.geometry_quality === "approximate" ? "6 4" : null,
      }),
    }).addTo(map);
    const chosen = L.featureGroup(layer.getLayers().filter((l) => hit.has(l.feature.properties.id)));
    map.fitBounds((chosen.getLayers().length ? chosen : layer).getBounds(), { padding: [16, 16], maxZoom: 11 });
    document.body.dataset.ready = "true";
  });
})();
