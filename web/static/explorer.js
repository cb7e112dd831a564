/* Explorer: switches cluster and function filter without reloading the page; the URL keeps the state. */
(function () {
  "use strict";
  const A = window.Atlas;
  const cfg = A.config();
  const S = cfg.strings;
  const map = window[cfg.mapVar];
  const byId = {};
  const labels = L.layerGroup().addTo(map);
  const zones = L.layerGroup().addTo(map);
  let state = { cluster: cfg.cluster, function: cfg.function };
  window.atlasPageLoads = (window.atlasPageLoads || 0) + 1;
  window.atlasMap = map;

  function pageUrl(st) {
    const q = new URLSearchParams(location.search);
    if (st.function === "all") q.delete("function"); else q.set("function", st.function);
    const qs = q.toString();
    return "/map/" + cfg.city + "/" + st.cluster + (qs ? "?" + qs : "");
  }

  function dataUrl(st) {
    return "/api/v1/map/" + cfg.city + "/" + st.cluster + ".json?function=" + st.function + (cfg.crs === "gcj02" ? "&crs=gcj02" : "") + "&lang=" + cfg.lang;
  }

  function styleFor(d) {
    const cat = d.category || "none";
    return {
      fillColor: A.COLORS[cat], fillOpacity: d.category ? 0.75 : 0.3, color: "#444", weight: 1,
      dashArray: d.geometry_quality === "approximate" ? "6 4" : null,
    };
  }

  function listItem(d) {
    const link = A.el("a", { href: "/district/" + cfg.city + "/" + d.id.split("-").slice(1).join("-") + location.search }, A.unitName(d, cfg.lang));
    const roles = [...new Set(d.roles.map((r) => r.role))].join("；");
    return A.el("li", { "data-district": d.id }, A.el("span", { class: "swatch cat-" + (d.category || "none") }), link, A.el("span", { class: "roles", lang: "zh" }, roles));
  }

  function render(data) {
    labels.clearLayers();
    zones.clearLayers();
    const list = document.getElementById("districts");
    list.replaceChildren();
    const zoneById = Object.fromEntries(data.zones.map((z) => [z.name, z]));
    for (const d of data.districts) {
      const layer = byId[d.id];
      if (!layer) continue;
      layer.setStyle(styleFor(d));
      A.setClass(layer, "district district-" + d.id + " cat-" + (d.category || "none") + (d.geometry_quality === "approximate" ? " approximate" : ""));
      layer.unbindTooltip();
      layer.unbindPopup();
      const tip = A.el("div", {}, A.el("strong", {}, A.unitName(d, cfg.lang)), d.roles.length ? A.el("div", { lang: "zh" }, [...new Set(d.roles.map((r) => r.role))].join("；")) : null);
      layer.bindTooltip(tip, { sticky: true });
      layer.bindPopup(() => A.popupContent(d, S, cfg.lang, d.zones.map((n) => zoneById[n]).filter(Boolean)), { maxWidth: 340 });
      if (d.label) {
        const marker = A.label(map, [d.label[1], d.label[0]], A.unitName(d, cfg.lang));
        marker.unitLayer = layer;
        labels.addLayer(marker);
      }
      if (d.roles.length) list.append(listItem(d));
    }
    fitLabels();
    for (const z of data.zones) {
      if (!z.point) continue;
      const marker = L.circleMarker([z.point[1], z.point[0]], { radius: 6, color: "#222", weight: 1, fillColor: "#ffd92f", fillOpacity: 1, className: "zone zone-" + z.id });
      marker.bindTooltip(A.el("div", {}, A.el("strong", {}, z.name + " (" + S.zone + ")"), z.roles.length ? A.el("div", { lang: "zh" }, z.roles.map((r) => r.role).join("；")) : null));
      zones.addLayer(marker);
    }
    if (!list.children.length) list.append(A.el("li", { class: "muted" }, S.no_roles_here));
    const cityLevel = document.getElementById("city-level");
    const quiet = data.plans.filter((p) => !p.has_roles);
    cityLevel.replaceChildren();
    cityLevel.hidden = !quiet.length;
    if (quiet.length) {
      cityLevel.className = "city-level";
      cityLevel.append(A.el("strong", {}, S.city_level_title), A.el("p", {}, S.city_level_note),
        A.el("ul", {}, ...quiet.map((p) => A.el("li", {}, p.title))));
    }
    for (const a of document.querySelectorAll("#clusters a")) a.toggleAttribute("aria-current", a.dataset.cluster === data.cluster.slug);
    for (const a of document.querySelectorAll("#functions a")) a.toggleAttribute("aria-current", a.dataset.function === data.function);
    document.body.dataset.cluster = data.cluster.slug;
    document.body.dataset.function = data.function;
    document.body.dataset.ready = "true";
    if (!performance.getEntriesByName("atlas-map-painted").length) requestAnimationFrame(() => performance.mark("atlas-map-painted"));
  }

  function fitLabels() {
    /* A name is shown only where its unit is wide enough on screen to hold it. */
    labels.eachLayer((m) => {
      const b = m.unitLayer.getBounds();
      const width = map.latLngToLayerPoint(b.getNorthEast()).x - map.latLngToLayerPoint(b.getSouthWest()).x;
      const node = m.getElement();
      if (node) node.classList.toggle("hidden", width < 12 * node.textContent.length + 8);
    });
  }

  async function load(st, push) {
    document.body.dataset.ready = "false";
    const data = await A.fetchJSON(dataUrl(st));
    state = st;
    render(data);
    if (push) history.pushState(st, "", pageUrl(st));
  }

  function intercept(selector, key) {
    for (const a of document.querySelectorAll(selector)) {
      a.addEventListener("click", (e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        load({ ...state, [key]: a.dataset[key] }, true);
      });
    }
  }

  async function init() {
    const gj = await A.fetchJSON(A.districtsUrl(cfg));
    const units = L.geoJSON(gj, { onEachFeature: (f, layer) => { byId[f.properties.id] = layer; } }).addTo(map);
    map.fitBounds(units.getBounds(), { padding: [8, 8] });
    map.on("zoomend", fitLabels);
    intercept("#clusters a", "cluster");
    intercept("#functions a", "function");
    window.addEventListener("popstate", (e) => load(e.state || { cluster: cfg.cluster, function: cfg.function }, false));
    history.replaceState(state, "", location.href);
    await load(state, false);
  }

  init();
})();
