/* One cluster across China: every unit with a role, coloured by category, with the plan it comes from.
   Everything from plan text goes through textContent, never innerHTML. */
(function () {
  "use strict";
  const COLORS = { core: "#b2182b", rd: "#2166ac", manufacturing: "#e08214", service: "#1b7837", listed: "#8e6bb5" };
  const cfg = JSON.parse(document.getElementById("atlas-config").textContent);
  const map = window[cfg.mapVar];
  const en = cfg.lang === "en";

  function line(tag, text, cls) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    node.textContent = text;
    return node;
  }

  function popup(p) {
    const box = document.createElement("div");
    box.className = "popup";
    box.append(line("h3", (en && p.name_en ? p.name_en : p.name) + " · " + p.city));
    box.append(line("strong", p.roles));
    box.append(line("blockquote", p.quotes));
    box.append(line("p", p.plan_titles + (p.plan_issuer ? " · " + p.plan_issuer : "") + (p.plan_date ? " · " + p.plan_date : ""), "plan"));
    for (const url of p.plan_url ? p.plan_url.split(" ") : []) {
      const a = line("a", en ? "Original" : "原文链接");
      a.href = url;
      a.rel = "noopener noreferrer";
      box.append(a);
    }
    return box;
  }

  fetch("/api/v1/provinces.geojson").then((r) => r.json()).then((gj) => {
    L.geoJSON(gj, { style: { color: "#999", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1, className: "province" }, interactive: false })
      .addTo(map).bringToBack();
  });
  fetch(cfg.layer, { headers: { Accept: "application/geo+json" } })
    .then((r) => { if (!r.ok) throw new Error(cfg.layer + " answered " + r.status); return r.json(); })
    .then((gj) => {
      const layer = L.geoJSON(gj, {
        style: (f) => ({
          fillColor: COLORS[f.properties.category] || "#d0d0d0", fillOpacity: 0.75, color: "#444", weight: 1,
          dashArray: f.properties.geometry_quality === "approximate" ? "6 4" : null,
          className: "district cat-" + f.properties.category + " district-" + f.properties.id,
        }),
        onEachFeature: (f, l) => {
          l.bindTooltip(line("span", f.properties.name + " · " + f.properties.roles), { sticky: true });
          l.bindPopup(() => popup(f.properties), { maxWidth: 340 });
        },
      }).addTo(map);
      if (gj.features.length) map.fitBounds(layer.getBounds(), { padding: [16, 16], maxZoom: 9 });
      document.body.dataset.ready = "true";
    });
})();
