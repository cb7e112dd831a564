/* An embedded cluster map: title, legend and source line like a chart embed; scroll wheel left to the host page
   (gesture handling); the frame's preferred height is posted to the host for optional auto-height. */
(function () {
  "use strict";
  const A = window.Atlas;
  const cfg = A.config();
  const S = cfg.strings;
  const map = window[cfg.mapVar];
  window.atlasMap = map;
  const cm = new A.ClusterMap(map, cfg);

  function postHeight() {
    const chrome = document.querySelector(".title-block").offsetHeight + document.querySelector(".source-line").offsetHeight;
    const mapHeight = Math.round(Math.max(240, Math.min(720, window.innerWidth * 0.8)));
    if (window.parent !== window) window.parent.postMessage({ atlasEmbedHeight: chrome + mapHeight }, "*");
  }

  cm.init().then(() => cm.load({ cluster: cfg.cluster, function: cfg.function, plan: cfg.plan || "" }, false)).then(({ st, view }) => {
    const sub = document.getElementById("map-sub");
    const parts = [];
    if (st.function !== "all") parts.push(A.el("span", { class: "filter" }, S.filter_active + ": " + S["fn_" + st.function]));
    if (st.plan && view.plans.length) parts.push((parts.length ? " · " : "") + S.plan + ": ", ...A.planSpans(view.plans, S));
    sub.prepend(...parts, sub.childNodes.length && parts.length ? " · " : "");
    const source = document.getElementById("source-plans");
    source.replaceChildren(S.source_line + ": ", ...(view.plans.length ? A.planSpans(view.plans, S) : [S.no_district_roles]));
    map.invalidateSize();
    postHeight();
    window.addEventListener("resize", postHeight);
    document.body.dataset.ready = "true";
  });
})();
