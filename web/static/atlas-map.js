/* Shared map helpers. Everything drawn from plan text goes through textContent, never innerHTML. */
(function () {
  "use strict";
  const CATEGORIES = ["core", "rd", "manufacturing", "service", "listed"];
  const COLORS = { core: "#b2182b", rd: "#2166ac", manufacturing: "#e08214", service: "#1b7837", listed: "#8e6bb5", none: "#ffffff" };
  const FILTER_CATEGORY = { rd: "rd", manufacturing: "manufacturing" };
  /* Touch screens get no hover tooltips: a tap opens the popup directly. */
  const HOVER = window.matchMedia("(hover: hover) and (pointer: fine)").matches;
  const SVG_NS = "http://www.w3.org/2000/svg";

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

  function term(word, cfg) { return (cfg.terms && cfg.terms[word]) || word; }
  function unitName(d, lang) { return lang === "en" && d.name_en ? d.name_en : d.name; }
  function strongest(cats) { return CATEGORIES.find((c) => cats.includes(c)) || null; }

  /* Same rule as geo.extract.categories.district_tones: strongest category, then the strongest other one named. */
  function districtTones(roles) {
    const all = roles.flatMap((r) => r.tones || [r.category]);
    const primary = strongest(roles.map((r) => r.category));
    if (!primary) return [];
    const other = CATEGORIES.find((c) => c !== primary && c !== "listed" && all.includes(c));
    return other ? [primary, other] : [primary];
  }

  /* Plans of the city; a plan bundled twice in the corpus (a file and a section of another) counts once. */
  class Plans {
    constructor(list) {
      this.byId = Object.fromEntries(list.map((p) => [p.plan_id, p]));
      this.key = (id) => (this.byId[id] ? this.byId[id].title.replace(/[\s（）()〔〕—–－\-]/g, "") : id);
    }
    info(r) {
      const p = this.byId[r.plan_id] || {};
      const url = r.plan_url || p.url || "";
      return { title: r.plan_title || p.title || r.plan_id, issuer: r.plan_issuer || p.issuer || "", date: r.plan_date || p.date || "", url: /^https?:\/\//.test(url) ? url : "" };
    }
    same(a, b) { return this.key(a) === this.key(b); }
  }

  /* Roles of one district under the plan filter, each quoted sentence once, and the tones to paint. */
  function prepare(d, st, plans) {
    const seen = new Set();
    const roles = d.roles.filter((r) => !st.plan || plans.same(r.plan_id, st.plan)).filter((r) => {
      const k = r.role + "\u0000" + r.quote;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const tones = !roles.length ? [] : FILTER_CATEGORY[st.function] ? [FILTER_CATEGORY[st.function]] : districtTones(roles);
    return { ...d, roles, tones, category: tones[0] || null };
  }

  /* The clause of the quote that gives this district its role, found by the role phrase or the district's name. */
  function clauseParts(quote, needles) {
    let i = -1, len = 0;
    for (const n of needles) { if (n && (i = quote.indexOf(n)) >= 0) { len = n.length; break; } }
    if (i < 0) return [quote, "", ""];
    const before = quote.slice(0, i), after = quote.slice(i + len);
    const start = Math.max(...["，", "。", "；", "：", ",", ";"].map((p) => before.lastIndexOf(p))) + 1;
    const ends = ["，", "。", "；", ",", ";"].map((p) => after.indexOf(p)).filter((x) => x >= 0);
    const end = i + len + (ends.length ? Math.min(...ends) : after.length);
    return [quote.slice(0, start), quote.slice(start, end), quote.slice(end)];
  }

  function quoteBlock(quote, needles) {
    const [pre, hit, post] = clauseParts(quote, needles);
    return el("blockquote", { lang: "zh" }, pre, hit ? el("mark", {}, hit) : null, post);
  }

  function citation(info, S) {
    const p = el("p", { class: "plan" }, S.plan + ": ", el("cite", { lang: "zh" }, "《" + info.title + "》"));
    const meta = [info.issuer, info.date].filter(Boolean).join(" · ");
    if (meta) p.append(" ", el("span", { lang: "zh" }, meta));
    if (info.url) p.append(" ", el("a", { href: info.url, target: "_blank", rel: "noopener" }, S.original + " ↗"));
    return p;
  }

  /* Who stands behind a role: the extractor alone, or an editor (named, with the date) who checked, corrected or added it. */
  function reviewNote(r, S) {
    const status = r.status || "extracted";
    const who = status === "extracted" ? [] : [r.reviewed_by, (r.reviewed_at || "").slice(0, 10)].filter(Boolean);
    return el("p", { class: "review review-" + status }, [S["review_" + status] || status, ...who].join(" · "));
  }

  function roleBlock(r, needles, S, cfg, plans) {
    return el("div", { class: "role" },
      el("strong", { lang: "zh" }, r.role), cfg.lang === "en" ? el("small", {}, " " + S.role_zh) : null,
      r.functions.length ? el("span", { class: "funcs" }, S.functions + ": " + r.functions.map((f) => term(f, cfg)).join(cfg.lang === "en" ? ", " : "、")) : null,
      r.via !== "direct" ? el("span", { class: "via" }, S.via + ": " + term(r.via, cfg)) : null,
      quoteBlock(r.quote, [r.role, ...needles]),
      citation(plans.info(r), S),
      reviewNote(r, S));
  }

  function popupContent(d, S, cfg, zoneRoles, plans) {
    const short = d.name.replace(/(区|县|新区)$/, "");
    const box = el("div", { class: "popup" }, el("h3", {}, unitName(d, cfg.lang)));
    if (d.geometry_quality === "approximate") box.append(el("p", { class: "note" }, S.approximate_note));
    if (!d.roles.length) box.append(el("p", { class: "muted" }, S.no_role));
    for (const r of d.roles) box.append(roleBlock(r, [d.name, short], S, cfg, plans));
    if (d.zones.length) {
      const byName = Object.fromEntries((zoneRoles || []).map((z) => [z.name, z]));
      const described = d.zones.map((n) => term(n, cfg) + " (" + (byName[n] && byName[n].geometry_quality === "none" ? S.zone_no_geometry : S.zone_point_only) + ")");
      box.append(el("p", { class: "zones" }, S.zones_hosted + ": " + described.join(cfg.lang === "en" ? ", " : "、")));
      for (const z of zoneRoles || []) for (const r of z.roles) box.append(roleBlock({ ...r, via: z.name }, [z.name], S, cfg, plans));
    }
    return box;
  }

  function labelMarker(latlng, text, cls) {
    return L.marker(latlng, { icon: L.divIcon({ className: "map-label " + (cls || ""), html: el("span", {}, text), iconSize: null }), interactive: false, keyboard: false });
  }

  function roleNames(d) { return [...new Set(d.roles.map((r) => r.role))].join("；"); }

  /* Two tones as diagonal stripes: an SVG pattern in the overlay renderer, one per pair. */
  function toneFill(map, tones) {
    if (tones.length < 2) return COLORS[tones[0] || "none"];
    const id = "tone-" + tones.join("-");
    const svg = map.getPanes().overlayPane.querySelector("svg");
    if (svg && !svg.querySelector("#" + id)) {
      let defs = svg.querySelector("defs");
      if (!defs) { defs = document.createElementNS(SVG_NS, "defs"); svg.prepend(defs); }
      const pat = document.createElementNS(SVG_NS, "pattern");
      for (const [k, v] of Object.entries({ id, width: 10, height: 10, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" })) pat.setAttribute(k, v);
      for (const [x, w, c] of [[0, 10, COLORS[tones[0]]], [0, 4, COLORS[tones[1]]]]) {
        const rect = document.createElementNS(SVG_NS, "rect");
        for (const [k, v] of Object.entries({ x, y: 0, width: w, height: 10, fill: c })) rect.setAttribute(k, v);
        pat.append(rect);
      }
      defs.append(pat);
    }
    return "url(#" + id + ")";
  }

  /* Over a basemap fills are lighter so streets show through; "no role" stays a visible pale outline either way. */
  function styleFor(map, d, highlighted, tiles) {
    return {
      fillColor: toneFill(map, d.tones), fillOpacity: d.category ? (tiles ? 0.7 : 0.85) : (tiles ? 0.35 : 0.7),
      color: highlighted ? "#000" : d.category ? "#333" : "#777", weight: highlighted ? 3 : 1,
      dashArray: d.geometry_quality === "approximate" ? "6 4" : null,
    };
  }

  /* Fit what users look at first: units whose centres lie near the others (not 深汕's exclave), or view_bounds. */
  function mainBounds(layers) {
    const centres = layers.map((l) => l.getBounds().getCenter());
    const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const mid = L.latLng(med(centres.map((c) => c.lat)), med(centres.map((c) => c.lng)));
    const dist = centres.map((c) => c.distanceTo(mid));
    const limit = 3 * med(dist);
    const near = layers.filter((l, i) => dist[i] <= limit);
    return L.featureGroup(near.length ? near : layers).getBounds();
  }

  function escapeHtml(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }

  /* Controls in the page language, data credits without a flag, the basemap added only after the page has loaded. */
  function dressMap(map, cfg) {
    const S = cfg.strings;
    map.options.zoomSnap = 0.25;
    for (const [sel, text] of [[".leaflet-control-zoom-in", S.zoom_in], [".leaflet-control-zoom-out", S.zoom_out]]) {
      const b = map.getContainer().querySelector(sel);
      if (b) { b.title = text; b.setAttribute("aria-label", text); }
    }
    map.getContainer().setAttribute("aria-label", S.map_label);
    if (map.attributionControl) {
      map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
      map.attributionControl.addAttribution(escapeHtml(S.boundaries_credit) + " · " + escapeHtml(S.places_credit));
    }
    if (!cfg.tiles) return;
    const add = () => {
      const t = cfg.tiles;
      const layer = L.tileLayer(t.url, { attribution: escapeHtml(t.attribution), subdomains: t.subdomains, maxZoom: 18 });
      let loaded = false;
      const fail = () => {
        if (loaded || map.getContainer().querySelector(".basemap-failed")) return;
        const note = el("div", { class: "basemap-failed", role: "status" }, S.basemap_failed);
        map.getContainer().append(note);
      };
      layer.on("tileload", () => { loaded = true; const n = map.getContainer().querySelector(".basemap-failed"); if (n) n.remove(); });
      layer.on("tileerror", fail);
      setTimeout(fail, 8000);
      layer.addTo(map);
    };
    if (document.readyState === "complete") setTimeout(add, 0); else window.addEventListener("load", () => setTimeout(add, 0));
  }

  /* The plan line under a map title and in an embed's source line: the plans behind the roles shown. */
  function plansShown(districts, zones, plans, st) {
    const out = new Map();
    for (const d of [...districts, ...zones]) for (const r of d.roles) {
      const k = plans.key(r.plan_id);
      if (!out.has(k)) out.set(k, plans.info(r));
    }
    if (!out.size && st.plan && plans.byId[st.plan]) out.set(st.plan, plans.info({ plan_id: st.plan }));
    return [...out.values()];
  }

  function planSpans(infos, S) {
    const nodes = [];
    infos.forEach((p, i) => {
      if (i) nodes.push("；");
      nodes.push(el("cite", { lang: "zh" }, "《" + p.title + "》"));
      const meta = [p.issuer, p.date].filter(Boolean).join("，");
      if (meta) nodes.push(el("span", { lang: "zh" }, "（" + meta + "）"));
      if (p.url) nodes.push(" ", el("a", { href: p.url, target: "_blank", rel: "noopener" }, S.original + " ↗"));
    });
    return nodes;
  }

  /* A cluster map on a Folium/Leaflet map: unit geometry fetched once, roles repainted per cluster, filter and plan. */
  class ClusterMap {
    constructor(map, cfg) {
      this.map = map;
      this.cfg = cfg;
      this.byId = {};
      this.labels = L.layerGroup().addTo(map);
      this.zones = L.layerGroup().addTo(map);
      this.highlight = cfg.highlight || null;
      this.fitted = false;
      const sub = document.getElementById("map-sub");  /* clamped to two lines on phones: a tap shows it all */
      if (sub) sub.addEventListener("click", () => sub.classList.toggle("open"));
    }

    async init() {
      dressMap(this.map, this.cfg);
      const [gj, plans] = await Promise.all([fetchJSON(districtsUrl(this.cfg)), fetchJSON("/api/v1/plans?city=" + encodeURIComponent(this.cfg.city) + "&v=" + encodeURIComponent(this.cfg.v || ""))]);
      this.plans = new Plans(plans);
      this.units = L.geoJSON(gj, { onEachFeature: (f, layer) => { this.byId[f.properties.id] = layer; } }).addTo(this.map);
      for (const layer of this.units.getLayers()) this.makeFocusable(layer);
      this.map.on("zoomend moveend", () => this.placeLabels());
      this.map.on("popupopen", (e) => { const c = e.popup.getElement().querySelector(".leaflet-popup-close-button"); if (c) c.setAttribute("aria-label", this.cfg.strings.close); });
    }

    makeFocusable(layer) {
      const node = layer.getElement();
      if (!node) return;
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.addEventListener("keydown", (e) => {
        if (e.key !== "Enter" && e.key !== " ") return;
        e.preventDefault();
        layer.openPopup(layer.labelLatLng || layer.getBounds().getCenter());
        const close = layer.getPopup() && layer.getPopup().getElement().querySelector(".leaflet-popup-close-button");
        if (close) close.focus();
        layer.once("popupclose", () => node.focus());  /* keyboard users return to the unit they opened */
      });
    }

    fit(data) {
      const m = this.map;
      const zone = this.highlight && data.zones.find((z) => z.id === this.highlight);
      const unit = this.highlight && this.byId[this.highlight];
      const vb = data.view_bounds;
      const pad = { padding: [12, 12], animate: false };
      const size = m.getSize();
      if (!size.x || !size.y) { m.once("resize", () => this.fit(data)); return; }  /* a hidden frame (the embed preview) has no size to fit yet */
      if (zone && zone.point) m.setView([zone.point[1], zone.point[0]], 11, { animate: false });
      else if (zone) m.fitBounds(L.featureGroup(zone.hosts.map((h) => this.byId[h]).filter(Boolean)).getBounds(), pad);
      else if (unit) m.fitBounds(unit.getBounds(), { ...pad, maxZoom: 11 });
      else if (vb) m.fitBounds([[vb[1], vb[0]], [vb[3], vb[2]]], pad);
      else m.fitBounds(mainBounds(this.units.getLayers()), pad);
    }

    dataUrl(st) {
      return "/api/v1/map/" + this.cfg.city + "/" + st.cluster + ".json?function=" + st.function + (this.cfg.crs === "gcj02" ? "&crs=gcj02" : "") + "&v=" + encodeURIComponent(this.cfg.v || "");
    }

    /* Fetch and paint; a plan filter that does not belong to the new cluster is dropped. */
    async load(st, markReady = true) {
      const data = await fetchJSON(this.dataUrl(st));
      const relevant = this.planOptions(data);
      if (st.plan && !relevant.some((p) => this.plans.same(p.plan_id, st.plan))) st = { ...st, plan: "" };
      this.paint(data, st);
      if (!this.fitted) { this.fit(data); this.fitted = true; this.placeLabels(); }
      if (markReady) document.body.dataset.ready = "true";
      return { data, st, view: this.view };
    }

    /* Plans a user can filter by on this cluster: those behind its roles and those of the cluster, each once. */
    planOptions(data) {
      const ids = [...new Set([...data.districts, ...data.zones].flatMap((d) => d.roles.map((r) => r.plan_id)).concat(data.plans.map((p) => p.plan_id)))];
      const seen = new Set();
      return ids.filter((id) => { const k = this.plans.key(id); if (seen.has(k)) return false; seen.add(k); return true; })
        .map((id) => ({ plan_id: id, ...this.plans.info({ plan_id: id }) }));
    }

    paint(data, st) {
      const { cfg, map } = this;
      const S = cfg.strings;
      this.labels.clearLayers();
      this.zones.clearLayers();
      const zones = data.zones.map((z) => prepare({ ...z, zones: [] }, st, this.plans));
      const zoneByName = Object.fromEntries(zones.map((z) => [z.name, z]));
      const districts = data.districts.map((d) => prepare(d, st, this.plans));
      for (const d of districts) {
        const layer = this.byId[d.id];
        if (!layer) continue;
        const hit = d.id === this.highlight;
        layer.setStyle(styleFor(map, d, hit, !!cfg.tiles));
        if (hit) layer.bringToFront();
        setClass(layer, "district district-" + d.id + " cat-" + (d.category || "none") + (d.tones.length > 1 ? " mixed" : "") + (d.geometry_quality === "approximate" ? " approximate" : "") + (hit ? " highlight" : ""));
        const node = layer.getElement();
        if (node) node.setAttribute("aria-label", unitName(d, cfg.lang) + (d.roles.length ? ": " + roleNames(d) : ": " + S.no_role));
        layer.unbindTooltip();
        layer.unbindPopup();
        if (HOVER) layer.bindTooltip(el("div", {}, el("strong", {}, unitName(d, cfg.lang)), d.roles.length ? el("div", { lang: "zh" }, roleNames(d)) : null), { sticky: true });
        layer.bindPopup(() => popupContent(d, S, cfg, d.zones.map((n) => zoneByName[n]).filter(Boolean), this.plans), this.popupOptions());
        if (d.label) {
          layer.labelLatLng = L.latLng(d.label[1], d.label[0]);
          const marker = labelMarker(layer.labelLatLng, unitName(d, cfg.lang), d.roles.length ? "has-role" : "");
          marker.unitLayer = layer;
          marker.priority = (d.roles.length ? 1e6 : 0) + (d.id === this.highlight ? 1e7 : 0) + (layer.feature.properties.area_km2 || 0);
          this.labels.addLayer(marker);
        }
      }
      let zonePoints = 0;
      for (const z of zones) {
        if (!z.point) continue;
        zonePoints++;
        const name = term(z.name, cfg);
        const hit = z.id === this.highlight;
        const icon = L.divIcon({ className: "zone-marker zone-" + z.id + (hit ? " highlight" : ""), html: el("span", { class: "zone-dot" }), iconSize: [14, 14], iconAnchor: [7, 7] });
        const marker = L.marker([z.point[1], z.point[0]], { icon, keyboard: true, title: name + " (" + S.zone + ")", alt: name, zIndexOffset: 1000 });
        marker.bindPopup(() => {
          const box = el("div", { class: "popup" }, el("h3", {}, name), el("p", { class: "muted" }, S.zone + " · " + S.zone_point_only));
          if (!z.roles.length) box.append(el("p", { class: "muted" }, S.no_role));
          for (const r of z.roles) box.append(roleBlock(r, [z.name], S, cfg, this.plans));
          return box;
        }, this.popupOptions());
        this.zones.addLayer(marker);
        const label = labelMarker([z.point[1], z.point[0]], name, "zone-label");
        label.priority = 2e7;
        this.zones.addLayer(label);
      }
      this.view = { districts, zones, plans: plansShown(districts, zones, this.plans, st), planOptions: this.planOptions(data), zonePoints };
      this.renderLegend(st);
      this.renderNotice(st);
      this.placeLabels();
      document.body.dataset.cluster = data.cluster.slug;
      document.body.dataset.function = data.function;
      document.body.dataset.plan = st.plan || "";
      if (!performance.getEntriesByName("atlas-map-painted").length) requestAnimationFrame(() => performance.mark("atlas-map-painted"));
    }

    /* Popups fit the frame and open below the zoom buttons, which Leaflet keeps above every popup. */
    popupOptions() {
      const c = this.map.getContainer();
      const zoom = c.querySelector(".leaflet-control-zoom");
      const top = zoom ? zoom.getBoundingClientRect().bottom - c.getBoundingClientRect().top + 8 : 8;
      return {
        maxWidth: Math.max(160, Math.min(340, c.clientWidth - 60)), maxHeight: Math.max(120, c.clientHeight - top - 70),
        autoPanPaddingTopLeft: [8, top], autoPanPaddingBottomRight: [8, 24], className: "atlas-popup",
      };
    }

    /* Only the classes on the map: categories (or the chosen function), two tones, no role, zones, dashed outlines. */
    renderLegend(st) {
      const S = this.cfg.strings, v = this.view;
      const items = [];
      const shown = new Set(v.districts.flatMap((d) => d.tones));
      for (const c of CATEGORIES) if (shown.has(c)) items.push(el("li", { "data-class": c }, el("span", { class: "swatch cat-" + c }), S["cat_" + c] + (FILTER_CATEGORY[st.function] ? " (" + S.fn_colour_note + ")" : "")));
      const pairs = new Set(v.districts.filter((d) => d.tones.length > 1).map((d) => d.tones.join("+")));
      for (const pair of pairs) {
        const [a, b] = pair.split("+");
        const sw = el("span", { class: "swatch mixed" });
        sw.style.background = "repeating-linear-gradient(45deg, " + COLORS[b] + " 0 3px, " + COLORS[a] + " 3px 8px)";
        items.push(el("li", { "data-class": "mixed-" + a + "-" + b }, sw, S["cat_" + a] + " + " + S["cat_" + b]));
      }
      if (v.districts.some((d) => !d.category)) items.push(el("li", { "data-class": "none" }, el("span", { class: "swatch cat-none" }), S.no_role));
      if (v.zonePoints) items.push(el("li", { "data-class": "zone" }, el("span", { class: "swatch zone-dot" }), S.zone_point));
      if (v.districts.some((d) => d.geometry_quality === "approximate")) items.push(el("li", { "data-class": "approximate" }, el("span", { class: "swatch dashed" }), S.approximate));
      const ul = document.querySelector(".legend ul");
      if (ul) ul.replaceChildren(...items);
    }

    /* A map with nothing coloured says why, in the explorer and in embeds alike. */
    renderNotice(st) {
      const S = this.cfg.strings;
      const any = this.view.districts.some((d) => d.category) || this.view.zones.some((z) => z.roles.length);
      let note = this.map.getContainer().parentElement.querySelector(".map-notice");
      if (!note) { note = el("div", { class: "map-notice", role: "status" }); this.map.getContainer().parentElement.append(note); }
      note.textContent = any ? "" : (st.function !== "all" || st.plan ? S.no_roles_filter : S.no_district_roles);
      note.hidden = any;
    }

    /* Names where they fit: no two labels overlap, role-bearing units first; zooming in reveals dense centres. */
    placeLabels() {
      const marks = [...this.labels.getLayers(), ...this.zones.getLayers().filter((l) => l.priority)];
      marks.sort((a, b) => b.priority - a.priority);
      const placed = [];
      const box = this.map.getContainer().getBoundingClientRect();
      for (const m of marks) {
        const node = m.getElement();
        if (!node) continue;
        node.classList.remove("hidden");
        const span = node.firstElementChild;
        const r = span.getBoundingClientRect();
        let ok = r.width > 0 && r.left >= box.left - 2 && r.right <= box.right + 2 && r.top >= box.top - 2 && r.bottom <= box.bottom + 2;
        if (ok && m.unitLayer) {
          const b = m.unitLayer.getBounds();
          const w = this.map.latLngToContainerPoint(b.getNorthEast()).x - this.map.latLngToContainerPoint(b.getSouthWest()).x;
          ok = w >= 0.4 * r.width;
        }
        ok = ok && !placed.some((p) => r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top);
        node.classList.toggle("hidden", !ok);
        if (ok) placed.push(r);
      }
    }
  }

  window.Atlas = { CATEGORIES, COLORS, el, config, fetchJSON, districtsUrl, setClass, dressMap, term, unitName, popupContent, roleNames, planSpans, clauseParts, ClusterMap };
})();
