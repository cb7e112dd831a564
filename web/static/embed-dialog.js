/* The "Embed" dialog: builds the <iframe> snippet from the chosen options and the explorer's state, previews it,
   copies it; it follows every cluster, function or plan switch. */
(function () {
  "use strict";
  const cfg = window.Atlas.config();
  const dialog = document.getElementById("embed-dialog");
  const form = document.getElementById("embed-form");
  const snippet = document.getElementById("embed-snippet");
  const preview = document.getElementById("embed-preview");

  function attr(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function embedUrl() {
    const state = window.atlasState ? window.atlasState() : { cluster: cfg.cluster, function: cfg.function, plan: cfg.plan };
    const f = new FormData(form);
    const q = new URLSearchParams();
    if (f.get("lang") !== "zh") q.set("lang", f.get("lang"));
    if (f.get("basemap") !== "none") q.set("basemap", f.get("basemap"));
    if (state.function !== "all") q.set("function", state.function);
    if (state.plan) q.set("plan", state.plan);
    if (f.get("highlight")) q.set("highlight", f.get("highlight"));
    if (!f.get("legend")) q.set("legend", "0");
    if (f.get("title")) q.set("title", f.get("title"));
    const qs = q.toString();
    return location.origin + "/embed/" + cfg.city + "/" + state.cluster + (qs ? "?" + qs : "");
  }

  /* Auto height: the embed posts its height; this listener on the host page sizes the frame that sent it. */
  function resizer() {
    return "<script>window.addEventListener(\"message\",function(e){if(e.origin!==\"" + location.origin + "\"||!e.data||!e.data.atlasEmbedHeight)return;" +
      "document.querySelectorAll(\"iframe\").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.atlasEmbedHeight+\"px\";});});<\/script>";
  }

  function update() {
    const url = embedUrl();
    const f = new FormData(form);
    const height = Math.max(240, Math.min(1200, Number(f.get("height")) || 480));
    const title = f.get("title") || document.title;
    snippet.value = '<iframe src="' + attr(url) + '" width="100%" height="' + height + '" style="border:0" loading="lazy" title="' + attr(title) + '" allowfullscreen></iframe>' + (f.get("autoheight") ? "\n" + resizer() : "");
    if (dialog.open && preview.src !== url) preview.src = url;
    preview.style.height = Math.min(height, 360) + "px";
  }

  document.getElementById("embed-open").addEventListener("click", () => { dialog.showModal(); update(); });
  document.getElementById("embed-close").addEventListener("click", () => dialog.close());
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  document.addEventListener("atlas:state", update);
  document.getElementById("embed-copy").addEventListener("click", async () => {
    snippet.select();
    try { await navigator.clipboard.writeText(snippet.value); } catch (e) { document.execCommand("copy"); }
    document.getElementById("embed-copied").hidden = false;
  });
})();
