/* Review screen: a selection in the plan text fills the add form with its span (code points, as the
   server counts them); highlights and role cards point at each other. */
(function () {
  "use strict";
  const text = document.getElementById("plan-text");
  if (!text) return;
  const start = document.getElementById("add-start"), end = document.getElementById("add-end");
  const preview = document.getElementById("selection-preview");

  /* Code points, not UTF-16 units: characters outside the BMP (rare CJK) count once, as in Python. */
  const points = (s) => Array.from(s).length;

  /* The offset in the whole text of a (node, offset) position inside one segment element. */
  function offsetOf(node, offset) {
    const seg = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!seg || !seg.dataset || seg.dataset.start === undefined || !text.contains(seg)) return null;
    const inner = node.nodeType === Node.TEXT_NODE ? points(node.data.slice(0, offset)) : (offset ? points(seg.textContent) : 0);
    return Number(seg.dataset.start) + inner;
  }

  function onSelect() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const r = sel.getRangeAt(0);
    if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return;
    const a = offsetOf(r.startContainer, r.startOffset), b = offsetOf(r.endContainer, r.endOffset);
    if (a === null || b === null || b <= a) return;
    start.value = a;
    end.value = b;
    preview.textContent = sel.toString();
    preview.classList.remove("muted");
  }
  document.addEventListener("selectionchange", onSelect);
  text.addEventListener("mouseup", onSelect);

  function focusRole(id) {
    document.querySelectorAll(".focus").forEach((e) => e.classList.remove("focus"));
    const card = document.getElementById("role-" + id);
    const marks = Array.from(text.querySelectorAll("mark")).filter((m) => m.dataset.roles.split(" ").includes(id));
    marks.forEach((m) => m.classList.add("focus"));
    if (card) card.classList.add("focus");
    return { card, marks };
  }
  text.addEventListener("click", (e) => {
    const m = e.target.closest("mark");
    if (!m || !window.getSelection().isCollapsed) return;
    const { card } = focusRole(m.dataset.roles.split(" ")[0]);
    if (card) card.scrollIntoView({ block: "nearest" });
  });
  document.querySelectorAll(".show-in-text").forEach((a) => a.addEventListener("click", (e) => {
    e.preventDefault();
    const { marks } = focusRole(a.dataset.roleId);
    if (marks[0]) marks[0].scrollIntoView({ block: "center" });
  }));
})();
