/* Anticipa help widget: one <script src=".../widget.js" data-server data-locale data-route
   data-token async> tag adds a help button. Opening it lists the articles for data-route
   (GET /api/v1/context); typing asks /api/v1/suggest, then /api/v1/search once the customer
   pauses. Server text goes in with textContent; only snippet_html, which the server escapes,
   is inserted as HTML. No framework, no globals besides window.AnticipaWidget. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-server][src*='widget.js']");
  if (!script || window.AnticipaWidget) return;
  var data = script.dataset;
  var server = (data.server || new URL(script.src).origin).replace(/\/+$/, "");
  var locale = data.locale || document.documentElement.lang || "en";
  var route = (data.route || location.pathname).slice(0, 200);
  var token = data.token || "";
  var SUGGEST_MS = 120, SEARCH_MS = 450;
  var TEXT = {
    en: ["Help", "Search help articles", "Suggested articles", "No articles found", "Close"],
    pt: ["Ajuda", "Buscar artigos de ajuda", "Artigos sugeridos", "Nenhum artigo encontrado", "Fechar"],
    es: ["Ayuda", "Buscar artículos de ayuda", "Artículos sugeridos", "No se encontraron artículos", "Cerrar"],
    it: ["Aiuto", "Cerca negli articoli", "Articoli suggeriti", "Nessun articolo trovato", "Chiudi"],
    zh: ["說明", "搜尋說明文章", "建議文章", "找不到文章", "關閉"]
  };
  var t = TEXT[locale.split("-")[0]] || TEXT.en;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function headers(json) {
    var h = {};
    if (token) h.Authorization = "Bearer " + token;
    if (json) h["Content-Type"] = "application/json";
    return h;
  }
  function get(path, params, signal) {
    var url = new URL(server + path);
    Object.keys(params).forEach(function (k) { url.searchParams.set(k, params[k]); });
    return fetch(url, { headers: headers(false), signal: signal }).then(function (r) {
      if (!r.ok) throw new Error("anticipa: " + path + " answered " + r.status);
      return r.json();
    });
  }
  function articleUrl(item) {
    var l = item.locale || locale;
    return server + "/" + encodeURIComponent(l) + "/articles/" + item.id.split("/").map(encodeURIComponent).join("/") +
      (item.anchor ? "#" + encodeURIComponent(item.anchor) : "");
  }
  // One search-as-you-type session: every keystroke carries it, so the content plan counts what
  // the customer finally typed once, not each prefix. A cleared box starts a new one.
  var session = "";
  function newSession() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    session = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function sendClick(searchId, item, rank, source) {
    var event = { type: "click", article_id: item.id, rank: rank, locale: locale, source: source, route: route };
    if (searchId) event.search_id = searchId;
    fetch(server + "/api/v1/events", {
      method: "POST", headers: headers(true), body: JSON.stringify(event), keepalive: true
    }).catch(function () {});
  }

  var css = el("link");
  css.rel = "stylesheet";
  css.href = server + "/widget.css";
  document.head.appendChild(css);

  var root = el("div", "anticipa-widget");
  var button = el("button", "anticipa-button", t[0]);
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "anticipa-panel");
  var panel = el("div", "anticipa-panel");
  panel.id = "anticipa-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", t[0]);
  var close = el("button", "anticipa-close", "×");
  close.type = "button";
  close.setAttribute("aria-label", t[4]);
  var input = el("input", "anticipa-input");
  input.type = "search";
  input.placeholder = t[1];
  input.setAttribute("aria-label", t[1]);
  input.setAttribute("autocomplete", "off");
  var heading = el("p", "anticipa-heading", t[2]);
  var list = el("ul", "anticipa-results");
  list.setAttribute("aria-live", "polite");
  panel.append(close, input, heading, list);
  root.append(button, panel);

  function render(items, searchId, title, source) {
    heading.textContent = title || "";
    heading.hidden = !title;
    list.textContent = "";
    if (!items.length) {
      list.appendChild(el("li", "anticipa-empty", t[3]));
      return;
    }
    items.forEach(function (item, i) {
      var li = el("li", "anticipa-result");
      var a = el("a", "anticipa-link", item.title);
      a.href = articleUrl(item);
      a.target = "_blank";
      a.rel = "noopener";
      a.addEventListener("click", function () { sendClick(searchId, item, i + 1, source); });
      li.appendChild(a);
      if (item.section && item.section !== item.title) li.appendChild(el("span", "anticipa-section", item.section));
      if (item.snippet_html) {
        var p = el("p", "anticipa-snippet");
        p.innerHTML = item.snippet_html; // escaped by the server; only <mark> is markup
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  var contextItems = null, controller = null, suggestTimer = 0, searchTimer = 0;
  function showContext() {
    session = "";
    if (contextItems) return render(contextItems, null, t[2], "context");
    get("/api/v1/context", { route: route, locale: locale }).then(function (body) {
      contextItems = body.articles;
      if (!input.value.trim()) render(contextItems, null, t[2], "context");
    }).catch(function (e) { console.warn(e); });
  }
  function ask(path, q, pick) {
    if (controller) controller.abort();
    controller = new AbortController();
    if (!session) newSession();
    get(path, { q: q, locale: locale, session: session, route: route }, controller.signal).then(function (body) {
      if (input.value.trim() === q.trim()) pick(body);
    }).catch(function (e) { if (e.name !== "AbortError") console.warn(e); });
  }
  input.addEventListener("input", function () {
    clearTimeout(suggestTimer);
    clearTimeout(searchTimer);
    var q = input.value;
    if (!q.trim()) return showContext();
    suggestTimer = setTimeout(function () {
      ask("/api/v1/suggest", q, function (body) { render(body.suggestions, body.search_id, "", "suggest"); });
    }, SUGGEST_MS);
    searchTimer = setTimeout(function () {
      ask("/api/v1/search", q, function (body) { render(body.results, body.search_id, "", "search"); });
    }, SEARCH_MS);
  });

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    if (!input.value.trim()) showContext();
    input.focus();
  }
  function hide() {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  button.addEventListener("click", function () { panel.hidden ? open() : hide(); });
  close.addEventListener("click", hide);
  root.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) {
      e.preventDefault();
      hide();
    }
  });

  function mount() { document.body.appendChild(root); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
  window.AnticipaWidget = { open: open, close: hide };
})();
