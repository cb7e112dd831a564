/* An embedded cluster map: no sidebar, scroll wheel left to the host page (gesture handling). */
(function () {
  "use strict";
  const A = window.Atlas;
  const cfg = A.config();
  const map = window[cfg.mapVar];
  window.atlasMap = map;
  const cm = new A.ClusterMap(map, cfg);
  cm.init().then(() => cm.load({ cluster: cfg.cluster, function: cfg.function }));
})();
