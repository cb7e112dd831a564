/* Explorer: switches cluster, function and plan without reloading the page; the URL, the title, every link
   and the embed dialog follow the state. */
(function () {
  "use strict";
  const A = window.Atlas;
  const cfg = A.config();
  const S = cfg.strings;
  const map = window[cfg.mapVar];
  const cm = new A.ClusterMap(map, cfg);
  let state = { cluster: cfg.cluster, function: cfg.function, plan: cfg.plan || "" };
  let clusterLabel = cfg.clusterLabel;
  window.atlasPageLoads = (window.atlasPageLoads || 0) + 1;
  window.atlasMap = map;

  /* The query every link carries: non-default language, basemap, function and plan. */
  function query(st, over) {
    const v = { lang: cfg.lang, basemap: cfg.basemap, function: st.function, plan: st.plan, ...over };
    const defaults = { lang: "zh", basemap: "none", function: "all", plan: "" };
    const q = new URLSearchParams();
    for (const k of ["lang", "basemap", "function", "plan"]) if (v[k] && v[k] !== defaults[k]) q.set(k, v[k]);
    const s = q.toString();
    return s ? "?" + s : "";
  }

  function pageUrl(st, over) { return "/map/" + cfg.city + "/" + st.cluster + query(st, over); }

  function listItem(d) {
    const link = A.el("a", { href: "/district/" + cfg.city + "/" + d.id.split("-").slice(1).join("-") + query(state, { plan: "" }) }, A.unitName(d, cfg.lang));
    return A.el("li", { "data-district": d.id }, A.el("span", { class: "swatch cat-" + (d.category || "none") + (d.tones.length > 1 ? " mixed" : "") }), link, A.el("span", { class: "roles", lang: "zh" }, A.roleNames(d)));
  }

  function tableRow(d) {
    const cats = d.tones.map((c) => S["cat_" + c]).join(" + ") || S.no_role;
    return A.el("tr", {}, A.el("th", { scope: "row" }, A.unitName(d, cfg.lang)), A.el("td", { lang: "zh" }, A.roleNames(d)), A.el("td", {}, cats),
      A.el("td", {}, [...new Set(d.roles.flatMap((r) => r.functions))].map((f) => A.term(f, cfg)).join(cfg.lang === "en" ? ", " : "、")));
  }

  function renderPlanSelect(view) {
    const sel = document.getElementById("plan-filter");
    const opts = [A.el("option", { value: "" }, S.all_plans)];
    for (const p of view.planOptions) opts.push(A.el("option", { value: p.plan_id }, p.title + (p.date ? "（" + p.date + "）" : "")));
    sel.replaceChildren(...opts);
    sel.value = state.plan && view.planOptions.some((p) => p.plan_id === state.plan) ? state.plan : "";
  }

  function renderTitle(view) {
    const fn = state.function !== "all" ? S["fn_" + state.function] : "";
    const sub = document.getElementById("map-sub");
    const parts = [];
    if (fn) parts.push(A.el("span", { class: "filter" }, S.filter_active + ": " + fn), " · ");
    if (view.plans.length) parts.push(S.plan + ": ", ...A.planSpans(view.plans, S));
    sub.replaceChildren(...parts);
    document.getElementById("map-title").textContent = clusterLabel + " · " + cfg.cityLabel;
    document.title = clusterLabel + " · " + cfg.cityLabel + " · " + S.app_name;
  }

  function renderLinks() {
    for (const a of document.querySelectorAll("#clusters a")) {
      a.href = pageUrl({ ...state, cluster: a.dataset.cluster });
      a.toggleAttribute("aria-current", a.dataset.cluster === state.cluster);
      const n = a.querySelector(".count");
      if (n && cfg.counts[state.function]) n.textContent = cfg.counts[state.function][a.dataset.cluster] || 0;
    }
    for (const a of document.querySelectorAll("#functions a")) {
      a.href = pageUrl({ ...state, function: a.dataset.function });
      a.toggleAttribute("aria-current", a.dataset.function === state.function);
    }
    for (const a of document.querySelectorAll("#basemaps a")) a.href = pageUrl(state, { basemap: a.dataset.basemap });
    const lang = document.getElementById("lang-link");
    if (lang) lang.href = pageUrl(state, { lang: lang.dataset.lang });
    for (const a of document.querySelectorAll("a[data-keep]")) a.href = a.dataset.keep + query(state, { plan: "" });
    for (const a of document.querySelectorAll("[data-download]")) a.href = a.dataset.download.replace("{cluster}", state.cluster).replace("{function}", state.function);
  }

  function renderSidebar(view) {
    const list = document.getElementById("districts");
    list.replaceChildren(...view.districts.filter((d) => d.roles.length).map(listItem));
    if (!list.children.length) list.append(A.el("li", { class: "muted" }, S.no_roles_here));
    document.getElementById("table-body").replaceChildren(...view.districts.map(tableRow));
    const cityLevel = document.getElementById("city-level");
    const shownKeys = new Set(view.plans.map((p) => p.title));
    const quiet = view.planOptions.filter((p) => !shownKeys.has(p.title) && (!state.plan || p.plan_id === state.plan));
    const anyColoured = view.districts.some((d) => d.category);
    cityLevel.replaceChildren();
    cityLevel.hidden = !quiet.length;
    if (quiet.length) {
      cityLevel.className = "city-level";
      cityLevel.append(A.el("strong", {}, S.city_level_title), A.el("p", {}, anyColoured ? S.quiet_plans_note : S.city_level_note),
        A.el("ul", {}, ...quiet.map((p) => A.el("li", {}, ...A.planSpans([p], S)))));
    }
  }

  function render(data, view) {
    clusterLabel = data.cluster.name === "*" ? S.general : cfg.lang === "en" && data.cluster.name_en ? data.cluster.name_en : data.cluster.name;
    renderPlanSelect(view);
    renderTitle(view);
    renderSidebar(view);
    renderLinks();
    document.dispatchEvent(new CustomEvent("atlas:state", { detail: state }));
  }

  async function load(st, push) {
    document.body.dataset.ready = "false";
    const res = await cm.load(st, false);
    state = res.st;
    render(res.data, res.view);
    if (push) history.pushState(state, "", pageUrl(state));
    else history.replaceState(state, "", pageUrl(state));
    document.body.dataset.ready = "true";
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
    await cm.init();
    intercept("#clusters a", "cluster");
    intercept("#functions a", "function");
    document.getElementById("plan-filter").addEventListener("change", (e) => load({ ...state, plan: e.target.value }, true));
    window.addEventListener("popstate", (e) => load(e.state || { cluster: cfg.cluster, function: cfg.function, plan: cfg.plan || "" }, false));
    await load(state, false);
  }

  window.atlasState = () => state;
  init();
})();
