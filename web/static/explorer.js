/* Explorer: switches cluster and function filter without reloading the page; the URL keeps the state. */
(function () {
  "use strict";
  const A = window.Atlas;
  const cfg = A.config();
  const S = cfg.strings;
  const map = window[cfg.mapVar];
  const cm = new A.ClusterMap(map, cfg);
  let state = { cluster: cfg.cluster, function: cfg.function };
  window.atlasPageLoads = (window.atlasPageLoads || 0) + 1;
  window.atlasMap = map;

  function pageUrl(st) {
    const q = new URLSearchParams(location.search);
    if (st.function === "all") q.delete("function"); else q.set("function", st.function);
    const qs = q.toString();
    return "/map/" + cfg.city + "/" + st.cluster + (qs ? "?" + qs : "");
  }

  function listItem(d) {
    const link = A.el("a", { href: "/district/" + cfg.city + "/" + d.id.split("-").slice(1).join("-") + location.search }, A.unitName(d, cfg.lang));
    return A.el("li", { "data-district": d.id }, A.el("span", { class: "swatch cat-" + (d.category || "none") }), link, A.el("span", { class: "roles", lang: "zh" }, A.roleNames(d)));
  }

  function renderSidebar(data) {
    const list = document.getElementById("districts");
    list.replaceChildren(...data.districts.filter((d) => d.roles.length).map(listItem));
    if (!list.children.length) list.append(A.el("li", { class: "muted" }, S.no_roles_here));
    const cityLevel = document.getElementById("city-level");
    const quiet = data.plans.filter((p) => !p.has_roles);
    cityLevel.replaceChildren();
    cityLevel.hidden = !quiet.length;
    if (quiet.length) {
      cityLevel.className = "city-level";
      cityLevel.append(A.el("strong", {}, S.city_level_title), A.el("p", {}, S.city_level_note), A.el("ul", {}, ...quiet.map((p) => A.el("li", {}, p.title))));
    }
    for (const a of document.querySelectorAll("#clusters a")) a.toggleAttribute("aria-current", a.dataset.cluster === data.cluster.slug);
    for (const a of document.querySelectorAll("#functions a")) a.toggleAttribute("aria-current", a.dataset.function === data.function);
    for (const a of document.querySelectorAll("[data-download]")) a.href = a.dataset.download.replace("{cluster}", data.cluster.slug).replace("{function}", data.function);
    document.dispatchEvent(new CustomEvent("atlas:state", { detail: state }));
  }

  async function load(st, push) {
    document.body.dataset.ready = "false";
    const data = await cm.load(st);
    state = st;
    renderSidebar(data);
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
    await cm.init();
    intercept("#clusters a", "cluster");
    intercept("#functions a", "function");
    window.addEventListener("popstate", (e) => load(e.state || { cluster: cfg.cluster, function: cfg.function }, false));
    history.replaceState(state, "", location.href);
    await load(state, false);
  }

  window.atlasState = () => state;
  init();
})();
