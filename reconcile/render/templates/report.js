// reconcile's report page: choose a finding (or a timeline event) to see its
// sentences in every source; filter the findings by kind, type and source.
(() => {
  "use strict";
  const form = document.querySelector("form.filters");
  const status = document.getElementById("status");
  const items = [...document.querySelectorAll("nav.findings li.finding")];
  const byId = new Map(items.map((li) => [li.dataset.finding, li]));
  const rank = form.dataset.rank.split(" ");

  function clear() {
    document.querySelectorAll(".chosen, .disputed").forEach((el) => el.classList.remove("chosen", "disputed"));
    document.querySelectorAll("[aria-pressed=true]").forEach((b) => b.setAttribute("aria-pressed", "false"));
  }

  function mark(selector, ...classes) {
    document.querySelectorAll(selector).forEach((el) => el.classList.add(...classes));
  }

  // Scroll each source's text to the first chosen stretch in it, and the first
  // such source into the window if it is out of sight (a narrow screen).
  function reveal() {
    let first = true;
    document.querySelectorAll("article.source").forEach((article) => {
      const box = article.querySelector(".text");
      const target = box.querySelector(".chosen");
      if (!target || article.hidden) return;
      const offset = target.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTop = Math.max(0, offset - box.clientHeight / 4);
      if (first) {
        const place = box.getBoundingClientRect();
        if (place.bottom < 0 || place.top > window.innerHeight) article.scrollIntoView({ block: "start" });
        first = false;
      }
    });
  }

  function choose(button) {
    clear();
    button.setAttribute("aria-pressed", "true");
    const { finding, event } = button.dataset;
    if (finding !== undefined) {
      mark(`.text [data-f~="${finding}"]`, "chosen");
      mark(`.text [data-h~="${finding}"]`, "disputed");
      history.replaceState(null, "", `#finding-${finding}`);
    } else {
      mark(`.text [data-e~="${event}"]`, "chosen", "disputed");
    }
    document.body.classList.add("choosing");
    const sources = [...document.querySelectorAll("article.source")].filter((a) => a.querySelector(".chosen")).length;
    status.textContent = `Chosen: ${button.dataset.label}, marked in ${sources} source${sources === 1 ? "" : "s"}.`;
    reveal();
  }

  function checked(name) {
    return new Set([...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value));
  }

  // Show the findings every filter lets through; the sources' highlights and
  // icons follow, each stretch taking the most serious kind still listed.
  function filter() {
    const kinds = checked("kind");
    const types = checked("type");
    const sources = checked("source");
    const listed = new Set();
    items.forEach((li) => {
      const shown = kinds.has(li.dataset.kind) && types.has(li.dataset.type) &&
        li.dataset.sources.split(" ").some((s) => sources.has(s));
      li.hidden = !shown;
      if (shown) listed.add(li.dataset.finding);
    });
    document.querySelectorAll("nav.findings section.group").forEach((group) => {
      group.hidden = !group.querySelector("li.finding:not([hidden])") && group.querySelector("li.finding") !== null;
    });
    document.querySelectorAll("article.source, section.lane").forEach((el) => {
      el.hidden = !sources.has(el.dataset.source);
    });
    document.querySelectorAll(".text [data-f]").forEach((span) => {
      const left = span.dataset.f.split(" ").filter((id) => listed.has(id)).map((id) => byId.get(id).dataset.kind);
      span.dataset.kind = rank.find((kind) => left.includes(kind)) || "";
    });
    document.querySelectorAll(".text a.icon").forEach((a) => {
      a.hidden = !listed.has(a.dataset.finding);
    });
    status.textContent = `Showing ${listed.size} of ${items.length} findings.`;
  }

  document.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-finding], button[data-event]");
    if (button) choose(button);
    const icon = e.target.closest(".text a.icon");
    if (icon) choose(byId.get(icon.dataset.finding).querySelector("button"));
  });

  // Up and down arrows move between the listed findings.
  document.querySelector("nav.findings").addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const buttons = [...document.querySelectorAll("nav.findings li.finding:not([hidden]) > button")];
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const next = buttons[at + (e.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  });

  form.addEventListener("change", filter);
  form.addEventListener("submit", (e) => e.preventDefault());
  const linked = /^#finding-(\d+)$/.exec(window.location.hash);
  if (linked && byId.has(linked[1])) choose(byId.get(linked[1]).querySelector("button"));
})();
