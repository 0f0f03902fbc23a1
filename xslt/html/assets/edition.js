// The web edition's own script: note popovers on hover and keyboard focus, sortable and
// filterable tables. Every page works without it; it only adds to what the HTML does.
"use strict";

(function () {
  // ---- note popovers: the marker is a button with popovertarget (click and tap work
  // without this script); here they also open on hover and on keyboard focus.
  function place(marker, popover) {
    const box = marker.getBoundingClientRect();
    const width = Math.min(popover.offsetWidth || 320, window.innerWidth - 16);
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 6;
    const fitsBelow = below + popover.offsetHeight < window.innerHeight;
    popover.style.left = left + "px";
    popover.style.top = (fitsBelow ? below : Math.max(8, box.top - popover.offsetHeight - 6)) + "px";
    popover.style.bottom = "auto";
    popover.style.transform = "none";
  }

  function open(marker, popover, how) {
    if (!popover.matches(":popover-open")) {
      popover.dataset.openedBy = how;
      popover.showPopover();
    }
    place(marker, popover);
  }

  function close(popover, how) {
    if (popover.matches(":popover-open") && popover.dataset.openedBy === how) popover.hidePopover();
  }

  document.querySelectorAll(".note-marker[popovertarget]").forEach(function (marker) {
    const popover = document.getElementById(marker.getAttribute("popovertarget"));
    if (!popover || !popover.showPopover) return;
    let leaveTimer = null;
    const leave = function () { leaveTimer = setTimeout(function () { close(popover, "hover"); }, 300); };
    const stay = function () { clearTimeout(leaveTimer); };
    marker.addEventListener("pointerenter", function (event) {
      if (event.pointerType === "mouse") { stay(); open(marker, popover, "hover"); }
    });
    marker.addEventListener("pointerleave", function (event) { if (event.pointerType === "mouse") leave(); });
    popover.addEventListener("pointerenter", stay);
    popover.addEventListener("pointerleave", leave);
    marker.addEventListener("focus", function () {
      if (marker.matches(":focus-visible")) open(marker, popover, "focus");
    });
    marker.addEventListener("blur", function (event) {
      if (!popover.contains(event.relatedTarget)) close(popover, "focus");
    });
    // A click on a popover that hover or focus opened keeps it open instead of closing it.
    marker.addEventListener("click", function (event) {
      if (popover.matches(":popover-open") && popover.dataset.openedBy !== "click") {
        event.preventDefault();
        popover.dataset.openedBy = "click";
      }
    });
    popover.addEventListener("toggle", function (event) {
      if (event.newState === "open") {
        if (!popover.dataset.openedBy) popover.dataset.openedBy = "click";
        place(marker, popover);
      } else {
        delete popover.dataset.openedBy;
      }
    });
  });

  // ---- sortable tables: a button in each column head
  document.querySelectorAll("table.sortable").forEach(function (table) {
    const body = table.tBodies[0];
    table.querySelectorAll("th button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        const column = Number(button.dataset.sort);
        const numeric = button.dataset.type === "number";
        const head = button.closest("th");
        const ascending = head.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const key = function (row) {
          const cell = row.cells[column];
          const value = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
          return numeric ? Number(value) : value.toLowerCase();
        };
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // ---- filters: an input[data-filter=ID] hides the rows (or [data-filter-item]s) of #ID
  // that do not contain every word typed
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    const target = document.getElementById(input.dataset.filter);
    const count = document.querySelector('[data-count-for="' + input.dataset.filter + '"]');
    if (!target) return;
    const items = Array.from(target.tBodies ? target.tBodies[0].rows : target.querySelectorAll("[data-filter-item]"));
    const apply = function () {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      items.forEach(function (item) {
        const text = item.textContent.toLowerCase();
        const match = words.every(function (word) { return text.includes(word); });
        item.hidden = !match;
        if (match) shown += 1;
      });
      if (count) count.textContent = words.length ? shown + " of " + items.length + " shown" : "";
    };
    input.addEventListener("input", apply);
    apply();
  });
})();
