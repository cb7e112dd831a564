/* Shared map helpers. Everything drawn from plan text goes through textContent, never innerHTML. */
(function () {
  "use strict";
  const COLORS = { core: "#b2182b", rd: "#2166ac", manufacturing: "#e08214", service: "#1b7837", listed: "#8e6bb5", none: "#d0d0d0" };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function config() { return JSON.parse(document.getElementById("atlas-config").textContent); }

  async function fetchJSON(url) {
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    if (!resp.ok) throw new Error(url + " answered " + resp.status);
    return resp.json();
  }

  function districtsUrl(cfg) {
    return "/api/v1/districts.geojson?city=" + encodeURIComponent(cfg.city) + "&variant=web" + (cfg.crs === "gcj02" ? "&crs=gcj02" : "");
  }

  function setClass(layer, classes) {
    const node = layer.getElement ? layer.getElement() : null;
    if (node) node.setAttribute("class", "leaflet-interactive " + classes);
  }

  function unitName(d, lang) { return lang === "en" && d.name_en ? d.name_en : d.name; }

  function roleBlock(r, S, lang) {
    return el("div", { class: "role" },
      el("strong", { lang: "zh" }, r.role), lang === "en" ? el("small", {}, " " + S.role_zh) : null,
      r.functions.length ? el("span", { class: "funcs" }, S.functions + ": " + r.functions.join("、")) : null,
      r.via !== "direct" ? el("span", { class: "via" }, S.via + ": " + r.via) : null,
      el("blockquote", { lang: "zh" }, r.quote),
      el("p", { class: "plan" }, S.plan + ": " + r.plan_title));
  }

  function popupContent(d, S, lang, zoneRoles) {
    const box = el("div", { class: "popup" }, el("h3", {}, unitName(d, lang)));
    if (d.geometry_quality === "approximate") box.append(el("p", { class: "note" }, S.approximate_note));
    if (!d.roles.length) box.append(el("p", { class: "muted" }, S.no_role));
    for (const r of d.roles) box.append(roleBlock(r, S, lang));
    if (d.zones.length) {
      const byName = Object.fromEntries((zoneRoles || []).map((z) => [z.name, z]));
      const described = d.zones.map((n) => n + (byName[n] && byName[n].geometry_quality === "none" ? " (" + S.zone_no_geometry + ")" : " (" + S.zone_point_only + ")"));
      box.append(el("p", { class: "zones" }, S.zones_hosted + ": " + described.join("、")));
      for (const z of zoneRoles || []) for (const r of z.roles) box.append(roleBlock({ ...r, via: z.name }, S, lang));
    }
    return box;
  }

  function label(map, latlng, text) {
    const span = el("span", {}, text);
    return L.marker(latlng, { icon: L.divIcon({ className: "unit-label", html: span, iconSize: null }), interactive: false, keyboard: false });
  }

  function styleFor(d, highlighted) {
    const cat = d.category || "none";
    return {
      fillColor: COLORS[cat], fillOpacity: d.category ? 0.75 : 0.3,
      color: highlighted ? "#000" : "#444", weight: highlighted ? 3 : 1,
      dashArray: d.geometry_quality === "approximate" ? "6 4" : null,
    };
  }

  function roleNames(d) { return [...new Set(d.roles.map((r) => r.role))].join("；"); }

  /* A cluster map on a Folium/Leaflet map: unit geometry fetched once, roles repainted per cluster. */
  class ClusterMap {
    constructor(map, cfg) {
      this.map = map;
      this.cfg = cfg;
      this.byId = {};
      this.labels = L.layerGroup().addTo(map);
      this.zones = L.layerGroup().addTo(map);
      this.highlight = cfg.highlight || null;
    }

    async init() {
      const gj = await fetchJSON(districtsUrl(this.cfg));
      this.units = L.geoJSON(gj, { onEachFeature: (f, layer) => { this.byId[f.properties.id] = layer; } }).addTo(this.map);
      const focus = this.highlight && this.byId[this.highlight];
      this.map.fitBounds((focus || this.units).getBounds(), { padding: [8, 8], maxZoom: focus ? 11 : 18 });
      this.map.on("zoomend", () => this.fitLabels());
    }

    dataUrl(st) {
      return "/api/v1/map/" + this.cfg.city + "/" + st.cluster + ".json?function=" + st.function + (this.cfg.crs === "gcj02" ? "&crs=gcj02" : "");
    }

    async load(st) { const data = await fetchJSON(this.dataUrl(st)); this.paint(data); return data; }

    paint(data) {
      const { cfg, map } = this;
      const S = cfg.strings;
      this.labels.clearLayers();
      this.zones.clearLayers();
      const zoneByName = Object.fromEntries(data.zones.map((z) => [z.name, z]));
      for (const d of data.districts) {
        const layer = this.byId[d.id];
        if (!layer) continue;
        const hit = d.id === this.highlight;
        layer.setStyle(styleFor(d, hit));
        if (hit) layer.bringToFront();
        setClass(layer, "district district-" + d.id + " cat-" + (d.category || "none") + (d.geometry_quality === "approximate" ? " approximate" : "") + (hit ? " highlight" : ""));
        layer.unbindTooltip();
        layer.unbindPopup();
        layer.bindTooltip(el("div", {}, el("strong", {}, unitName(d, cfg.lang)), d.roles.length ? el("div", { lang: "zh" }, roleNames(d)) : null), { sticky: true });
        layer.bindPopup(() => popupContent(d, S, cfg.lang, d.zones.map((n) => zoneByName[n]).filter(Boolean)), { maxWidth: 340 });
        if (d.label) {
          const marker = label(map, [d.label[1], d.label[0]], unitName(d, cfg.lang));
          marker.unitLayer = layer;
          this.labels.addLayer(marker);
        }
      }
      this.fitLabels();
      for (const z of data.zones) {
        if (!z.point) continue;
        const marker = L.circleMarker([z.point[1], z.point[0]], { radius: 6, color: "#222", weight: 1, fillColor: "#ffd92f", fillOpacity: 1, className: "zone zone-" + z.id });
        marker.bindTooltip(el("div", {}, el("strong", {}, z.name + " (" + S.zone + ", " + S.zone_point_only + ")"), z.roles.length ? el("div", { lang: "zh" }, z.roles.map((r) => r.role).join("；")) : null));
        this.zones.addLayer(marker);
      }
      document.body.dataset.cluster = data.cluster.slug;
      document.body.dataset.function = data.function;
      document.body.dataset.ready = "true";
      if (!performance.getEntriesByName("atlas-map-painted").length) requestAnimationFrame(() => performance.mark("atlas-map-painted"));
    }

    fitLabels() {
      /* A name is shown only where its unit is wide enough on screen to hold it. */
      this.labels.eachLayer((m) => {
        const b = m.unitLayer.getBounds();
        const width = this.map.latLngToLayerPoint(b.getNorthEast()).x - this.map.latLngToLayerPoint(b.getSouthWest()).x;
        const node = m.getElement();
        if (node) node.classList.toggle("hidden", width < 12 * node.textContent.length + 8);
      });
    }
  }

  window.Atlas = { COLORS, el, config, fetchJSON, districtsUrl, setClass, unitName, popupContent, label, roleNames, ClusterMap };
})();
