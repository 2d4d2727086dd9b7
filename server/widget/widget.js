/* Anticipa help widget: one <script src=".../widget.js" data-server data-locale data-route
   data-token async> tag adds a help button. Its words and the contact step of the token's tier
   come from the server (GET /api/v1/widget/text: the help center's messages.yaml), so this file
   holds no language. Opening it lists the articles for data-route (GET /api/v1/context); typing
   asks /api/v1/suggest, then /api/v1/search once the customer pauses. A search that dead-ends
   still leads on: the corrected words, the other-language notice, all results on the help
   center, and the contact step. Server text goes in with textContent; only snippet_html, which
   the server escapes, is inserted as HTML. No framework, no globals besides window.AnticipaWidget. */
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

  // The button appears once the words have arrived: a widget that cannot reach the server could
  // not search either.
  get("/api/v1/widget/text", { locale: locale }).then(build).catch(function (e) { console.warn(e); });

  function build(words) {
    var t = words.text;
    var root = el("div", "anticipa-widget");
    root.lang = words.lang; // the language of the words ("en" for a German page without its own)
    var button = el("button", "anticipa-button", t.button);
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "anticipa-panel");
    var panel = el("div", "anticipa-panel");
    panel.id = "anticipa-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", t.button);
    var close = el("button", "anticipa-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", t.close);
    var input = el("input", "anticipa-input");
    input.type = "search";
    input.placeholder = t.placeholder;
    input.setAttribute("aria-label", t.placeholder);
    input.setAttribute("autocomplete", "off");
    var heading = el("p", "anticipa-heading", t.suggested);
    var notice = el("div", "anticipa-notices"); // what the spelling and the language fallback did
    var list = el("ul", "anticipa-results");
    var more = el("div", "anticipa-more"); // all results on the help center, the contact step
    [notice, list, more].forEach(function (node) { node.setAttribute("aria-live", "polite"); });
    panel.append(close, input, heading, notice, list, more);
    root.append(button, panel);

    function render(items, searchId, title, source) {
      heading.textContent = title || "";
      heading.hidden = !title;
      notice.textContent = more.textContent = list.textContent = "";
      if (!items.length) {
        list.appendChild(el("li", "anticipa-empty", t.none));
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

    function link(cls, label, href) {
      var a = el("a", cls, label);
      a.href = href.charAt(0) === "/" ? server + href : href;
      if (!/^tel:/.test(href)) {
        a.target = "_blank";
        a.rel = "noopener";
      }
      var p = el("p");
      p.appendChild(a);
      return p;
    }
    // A correction is a button: it searches those words here ("Search instead for" without
    // correcting them again), as the help center's search page does with its links.
    function wordsButton(text, correct) {
      var b = el("button", "anticipa-words", text);
      b.type = "button";
      b.addEventListener("click", function () {
        input.value = text;
        input.focus();
        search(text, correct);
      });
      return b;
    }
    function said(cls, label, node) {
      var p = el("p", cls, label + " ");
      p.appendChild(node);
      return p;
    }
    // The contact step of the token's tier, as the server described it: only the ways the plan has.
    function contactStep(q) {
      var c = words.contact, box = el("section", "anticipa-contact");
      box.append(el("p", "anticipa-heading", c.heading), el("p", "anticipa-contact-text", c.text));
      if (c.representative) box.appendChild(el("p", "anticipa-representative", c.representative));
      if (c.phone) box.appendChild(link("anticipa-phone", c.phone.label, c.phone.link));
      if (c.form) box.appendChild(link("anticipa-form", c.form.label, c.form.link + "?subject=" + encodeURIComponent(q)));
      if (c.forum) box.appendChild(link("anticipa-forum", c.forum.label, c.forum.link));
      return box;
    }
    function showSearch(body, q, correct) {
      render(body.results, body.search_id, "", "search");
      if (body.showing_results_for) {
        notice.append(said("anticipa-corrected", t.showing_for, wordsButton(body.showing_results_for, true)),
          said("anticipa-instead", t.instead_for, wordsButton(body.search_instead_for, false)));
      } else if (body.did_you_mean) {
        notice.appendChild(said("anticipa-did-you-mean", t.did_you_mean, wordsButton(body.did_you_mean, true)));
      }
      if (body.fallback && body.results.length) notice.appendChild(el("p", "anticipa-fallback", t.fallback));
      more.appendChild(link("anticipa-all", t.see_all,
        words.search_page + "?q=" + encodeURIComponent(q) + (correct ? "" : "&correct=false")));
      if (!body.results.length) more.appendChild(contactStep(q));
    }

    var contextItems = null, controller = null, suggestTimer = 0, searchTimer = 0;
    function showContext() {
      session = "";
      if (contextItems) return render(contextItems, null, t.suggested, "context");
      get("/api/v1/context", { route: route, locale: locale }).then(function (body) {
        contextItems = body.articles;
        if (!input.value.trim()) render(contextItems, null, t.suggested, "context");
      }).catch(function (e) { console.warn(e); });
    }
    function ask(path, params, pick) {
      if (controller) controller.abort();
      controller = new AbortController();
      if (!session) newSession();
      params.locale = locale;
      params.session = session;
      params.route = route;
      get(path, params, controller.signal).then(function (body) {
        if (input.value.trim() === params.q.trim()) pick(body);
      }).catch(function (e) { if (e.name !== "AbortError") console.warn(e); });
    }
    function search(q, correct) {
      var params = { q: q };
      if (!correct) params.correct = "false";
      ask("/api/v1/search", params, function (body) { showSearch(body, q, correct); });
    }
    input.addEventListener("input", function () {
      clearTimeout(suggestTimer);
      clearTimeout(searchTimer);
      var q = input.value;
      if (!q.trim()) return showContext();
      suggestTimer = setTimeout(function () {
        ask("/api/v1/suggest", { q: q }, function (body) { render(body.suggestions, body.search_id, "", "suggest"); });
      }, SUGGEST_MS);
      searchTimer = setTimeout(function () { search(q, true); }, SEARCH_MS);
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
    window.AnticipaWidget.open = open;
    window.AnticipaWidget.close = hide;
  }
  // Set at once, so a second copy of the script does nothing; open and close work once built.
  window.AnticipaWidget = { open: function () {}, close: function () {} };
})();
