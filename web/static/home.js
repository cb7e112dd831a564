/* Home: one dot per city with plans on a map of China; the dot links to the city's explorer. Text goes
   through textContent only. */
(function () {
  "use strict";
  /* China's provinces under everything, so the map reads as China without any tile server. */
  function backdrop(map) {
    fetch("/api/v1/provinces.geojson").then((r) => r.json()).then((gj) => {
      L.geoJSON(gj, { style: { color: "#999", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1, className: "province" }, interactive: false })
        .addTo(map).bringToBack();
    });
  }
  const cfg = JSON.parse(document.getElementById("atlas-config").textContent);
  const map = window[cfg.mapVar];
  const en = cfg.lang === "en";
  const query = en ? "?lang=en" : "";
  backdrop(map);
  const dots = [];
  for (const c of cfg.cities) {
    const tip = document.createElement("div");
    const name = document.createElement("strong");
    name.textContent = c.name;
    tip.append(name, document.createTextNode(en ? ` ${c.plans} plans · ${c.roles} roles` : ` ${c.plans} 份规划 · ${c.roles} 个角色`));
    const radius = 6 + Math.min(14, Math.sqrt(c.roles));
    const dot = L.circleMarker([c.point[1], c.point[0]], { radius, color: "#7a0f1f", weight: 1, fillColor: "#b2182b", fillOpacity: 0.8, className: "city-dot city-" + c.slug });
    dot.bindTooltip(tip);
    dot.on("click", () => { window.location.href = "/map/" + c.slug + query; });
    dot.addTo(map);
    dots.push(dot);
  }
  if (dots.length) map.fitBounds(L.featureGroup(dots).getBounds().pad(0.5), { maxZoom: 6 });
  document.body.dataset.ready = "true";
})();
