// kg embed: draws the view's JSON (from <script type="application/json" id="kg-data">) with
// Cytoscape.js. Every text from an article is put on screen with textContent, never innerHTML.
(function () {
  "use strict";
  var POSITIVE = "#0072B2";
  var HOSTILE = "#D55E00";
  var GEOGRAPHY = "#888888";
  var CAMPS = ["#56B4E9", "#E69F00", "#009E73", "#F0E442", "#CC79A7", "#0072B2", "#D55E00"];
  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function safeUrl(url) {
    // only http(s) links and paths on this host, never javascript: or data:
    if (typeof url !== "string") return null;
    if (/^https?:\/\//i.test(url)) return url;
    if (/^\/(?!\/)/.test(url)) return url;
    return null;
  }

  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({
      group: "nodes",
      data: {
        id: n.id, label: n.label, type: n.type, shape: n.shape, url: n.url,
        focus: n.focus ? 1 : 0,
        colour: n.camp === null || n.camp === undefined ? "#F2F2F2" : CAMPS[n.camp % CAMPS.length]
      },
      position: { x: n.x, y: n.y }
    });
  });
  data.edges.forEach(function (e) {
    elements.push({
      group: "edges",
      data: {
        id: e.id, source: e.source, target: e.target, relation: e.relation,
        sign: e.sign, width: e.width, weight: e.weight,
        arrow: e.relation === "alliedWith" ? "none" : "triangle",
        colour: e.sign > 0 ? POSITIVE : (e.sign < 0 ? HOSTILE : GEOGRAPHY),
        line: e.sign > 0 ? "solid" : (e.sign < 0 ? "dashed" : "dotted")
      }
    });
  });

  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      { selector: "node", style: {
        "shape": "data(shape)", "background-color": "data(colour)",
        "border-color": "#333333", "border-width": 1.5,
        "width": 30, "height": 30,
        "label": "data(label)", "font-size": 11, "color": "#111111",
        "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "ellipsis", "text-max-width": 140,
        "text-background-color": "#ffffff", "text-background-opacity": 0.7, "text-background-padding": 1
      } },
      { selector: "node[focus = 1]", style: { "border-width": 4, "font-weight": "bold" } },
      { selector: "edge", style: {
        "curve-style": "bezier", "width": "data(width)",
        "line-color": "data(colour)", "line-style": "data(line)",
        "target-arrow-color": "data(colour)", "target-arrow-shape": "data(arrow)",
        "arrow-scale": 1.1,
        "label": "data(relation)", "font-size": 9, "color": "#444444",
        "text-rotation": "autorotate", "text-background-color": "#ffffff",
        "text-background-opacity": 0.8, "text-background-padding": 1
      } },
      { selector: "edge[sign < 0]", style: { "line-dash-pattern": [8, 5] } },
      { selector: "edge[sign = 0]", style: { "line-dash-pattern": [2, 4] } },
      { selector: ":selected", style: { "overlay-color": "#000000", "overlay-opacity": 0.15 } }
    ],
    layout: { name: "cose", animate: false, randomize: false, fit: true, padding: 40,
              nodeDimensionsIncludeLabels: true,
              nodeRepulsion: function () { return 12000; },
              idealEdgeLength: function () { return 70; },
              edgeElasticity: function () { return 100; },
              nodeOverlap: 20, gravity: 0.8, numIter: 1000 }
  });
  // a small graph is not blown up to fill the frame
  if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }
  window.kgCy = cy;  // for scripted checks (tests, the host page's own scripts)

  var panel = document.getElementById("kg-evidence");
  var titleEl = document.getElementById("kg-evidence-title");
  var metaEl = document.getElementById("kg-evidence-meta");
  var listEl = document.getElementById("kg-evidence-list");
  var byId = {};
  data.edges.forEach(function (e) { byId[e.id] = e; });
  var names = {};
  data.nodes.forEach(function (n) { names[n.id] = n.label; });

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function span(cls, text) {
    var s = document.createElement("span");
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function showEdge(id) {
    var e = byId[id];
    if (!e) return;
    clear(listEl);
    titleEl.textContent = names[e.source] + " " + e.relation + " " + names[e.target];
    var meta = e.evidence_total + " evidence · confidence " + e.confidence.toFixed(2);
    if (e.first_seen) meta += " · " + e.first_seen + (e.last_seen && e.last_seen !== e.first_seen ? " to " + e.last_seen : "");
    if (e.contested) meta += " · contested";
    metaEl.textContent = meta;
    e.evidence.forEach(function (ev) {
      var li = document.createElement("li");
      var q = document.createElement("blockquote");
      q.className = "kg-sentence";
      q.textContent = ev.sentence;
      li.appendChild(q);
      var src = document.createElement("div");
      src.className = "kg-source";
      var href = safeUrl(ev.url);
      if (href) {
        var a = document.createElement("a");
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = ev.title;
        src.appendChild(a);
      } else {
        src.appendChild(span("kg-title", ev.title));
      }
      if (ev.date) src.appendChild(span("kg-date", " · " + ev.date));
      if (ev.claimed_by) src.appendChild(span("kg-flag", " · claimed by " + ev.claimed_by));
      if (ev.hedged) src.appendChild(span("kg-flag", " · hedged"));
      if (ev.negated) src.appendChild(span("kg-flag", " · denied"));
      li.appendChild(src);
      listEl.appendChild(li);
    });
    if (e.evidence_total > e.evidence.length) {
      var more = document.createElement("li");
      more.className = "kg-more";
      more.textContent = "+ " + (e.evidence_total - e.evidence.length) + " more in kg";
      listEl.appendChild(more);
    }
    panel.hidden = false;
  }

  cy.on("tap", "edge", function (evt) { showEdge(evt.target.id()); });
  cy.on("tap", function (evt) { if (evt.target === cy) panel.hidden = true; });
  cy.on("dbltap", "node", function (evt) {
    var url = safeUrl(evt.target.data("url"));
    if (url) window.open(url, "_blank", "noopener");
  });
  document.getElementById("kg-evidence-close").addEventListener("click", function () {
    panel.hidden = true;
  });
  document.documentElement.setAttribute("data-kg-ready", "1");
})();
