// Full-text search over every turn of the edition, from the prebuilt index in
// search-index.js (window.teiSearchIndex): words, speaker and date range.
"use strict";

(function () {
  const index = window.teiSearchIndex;
  const form = document.getElementById("search-form");
  const status = document.getElementById("search-status");
  const results = document.getElementById("search-results");
  if (!index || !form) return;

  const names = new Map(index.persons);
  const speaker = document.getElementById("search-speaker");
  index.persons.forEach(function (person) {
    const option = document.createElement("option");
    option.value = person[0];
    option.textContent = person[1];
    speaker.appendChild(option);
  });
  const lowered = index.turns.map(function (turn) { return turn[3].toLowerCase(); });
  const LIMIT = 200;

  // The text around the first word found, with every word found marked.
  function snippet(text, words) {
    const lower = text.toLowerCase();
    const first = words.length ? Math.max(0, lower.indexOf(words[0])) : 0;
    let start = Math.max(0, first - 120);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;  // begin at a word
    const piece = (start > 0 ? "…" : "") + text.slice(start, start + 320) + (start + 320 < text.length ? "…" : "");
    const fragment = document.createDocumentFragment();
    if (!words.length) { fragment.append(piece); return fragment; }
    const pattern = new RegExp("(" + words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "gi");
    piece.split(pattern).forEach(function (part, i) {
      if (i % 2) { const mark = document.createElement("mark"); mark.textContent = part; fragment.append(mark); }
      else fragment.append(part);
    });
    return fragment;
  }

  function search() {
    const words = form.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    const who = form.speaker.value;
    const from = form.from.value;
    const to = form.to.value;
    results.replaceChildren();
    if (!words.length && !who && !from && !to) {
      status.textContent = "Type words to search " + index.turns.length + " turns.";
      return;
    }
    let found = 0;
    index.turns.forEach(function (turn, i) {
      const doc = index.docs[turn[0]];
      if (who && turn[2].split(" ").indexOf(who) < 0) return;
      if (from && (!doc.date || doc.date < from)) return;
      if (to && (!doc.date || doc.date.slice(0, to.length) > to)) return;
      if (!words.every(function (word) { return lowered[i].includes(word); })) return;
      found += 1;
      if (found > LIMIT) return;
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = doc.page + "#" + turn[1];
      link.textContent = doc.title || doc.page;
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = [doc.date, turn[2].split(" ").filter(Boolean).map(function (key) { return names.get(key) || key; }).join(", ")]
        .filter(Boolean).join(" · ");
      const text = document.createElement("p");
      text.append(snippet(turn[3], words));
      item.append(link, meta, text);
      results.append(item);
    });
    status.textContent = found === 0 ? "No turn found."
      : found + (found === 1 ? " turn found" : " turns found") + (found > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  form.addEventListener("input", search);
  const query = new URLSearchParams(window.location.search);
  ["q", "speaker", "from", "to"].forEach(function (name) { if (query.get(name)) form[name].value = query.get(name); });
  search();
})();
