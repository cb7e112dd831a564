/* Locator map on a district page: the city's units, this one filled; a zone is its point (or its hosts outlined),
   never its whole host districts painted. */
(function () {
  "use strict";
  const A = window.Atlas;
  const cfg = A.config();
  const map = window[cfg.mapVar];
  A.dressMap(map, cfg);
  A.fetchJSON(A.districtsUrl(cfg)).then((gj) => {
    const hit = new Set(cfg.highlight);
    const layer = L.geoJSON(gj, {
      style: (f) => {
        const mine = hit.has(f.properties.id);
        return {
          fillColor: mine && !cfg.zone ? "#3b4b5c" : "#ffffff", fillOpacity: mine && !cfg.zone ? 0.8 : 0.6,
          color: mine ? "#000" : "#777", weight: mine ? (cfg.zone ? 2 : 1.5) : 1,
          dashArray: cfg.zone && mine ? "4 3" : f.properties.geometry_quality === "approximate" ? "6 4" : null,
        };
      },
    }).addTo(map);
    for (const l of layer.getLayers()) A.setClass(l, "district district-" + l.feature.properties.id + (hit.has(l.feature.properties.id) ? (cfg.zone ? " host" : " highlight") : ""));
    const chosen = L.featureGroup(layer.getLayers().filter((l) => hit.has(l.feature.properties.id)));
    if (cfg.point) {
      const icon = L.divIcon({ className: "zone-marker highlight", html: A.el("span", { class: "zone-dot" }), iconSize: [14, 14], iconAnchor: [7, 7] });
      L.marker([cfg.point[1], cfg.point[0]], { icon, title: cfg.name, alt: cfg.name, keyboard: false }).addTo(map);
      L.marker([cfg.point[1], cfg.point[0]], { icon: L.divIcon({ className: "map-label zone-label", html: A.el("span", {}, cfg.name), iconSize: null }), interactive: false, keyboard: false }).addTo(map);
    }
    map.fitBounds((chosen.getLayers().length ? chosen : layer).getBounds(), { padding: [16, 16], maxZoom: 11, animate: false });
    document.body.dataset.ready = "true";
  });
})();
