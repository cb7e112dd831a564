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
      box.append(el("p", {}, S.zones_hosted + ": " + d.zones.join("、")));
      for (const z of zoneRoles || []) for (const r of z.roles) box.append(roleBlock({ ...r, via: z.name }, S, lang));
    }
    return box;
  }

  function label(map, latlng, text) {
    const span = el("span", {}, text);
    return L.marker(latlng, { icon: L.divIcon({ className: "unit-label", html: span, iconSize: null }), interactive: false, keyboard: false });
  }

  window.Atlas = { COLORS, el, config, fetchJSON, districtsUrl, setClass, unitName, popupContent, label };
})();
