/* Spoor 2 Assistent chat widget: one tag, a launcher and a chat panel in a Shadow DOM.
   No framework; every text from users or the model is put in the DOM with textContent.

   <script src="https://HOST/widget.js" async data-title="…" data-greeting="…" data-color="#0f766e"
     data-position="right|left" data-language="nl|en" data-audience="werkgever|werknemer"
     data-contact-url="https://…"></script>
   Every visible string can be overridden: data-launcher-label, data-close-label, data-reset-label,
   data-placeholder, data-send-label, data-privacy, data-sources-label, data-thinking,
   data-kept ("{days}"), data-not-kept, data-contact-label, data-error, data-offline, data-too-long, data-log-label, data-you-label,
   data-bot-label, data-chars-left, data-chars-over and
   data-starters ("question 1|question 2|question 3").

   Site profiles: the defaults (title, greeting, colour, language, audience, contact address) come
   from the profile of the page's origin on the server (GET /api/site, SPOOR2_SITES); data-
   attributes still win. data-target="#id" renders the chat inside that element (inline mode)
   instead of a launcher. Versioned address: /widget.js?v=<version> (GET /api/site names it,
   cached for a year) or /widget.v1.js; /widget.js keeps working.

   JS API (calls made before the script loads are queued by this stub):
     <script>window.Spoor2=window.Spoor2||function(){(Spoor2.q=Spoor2.q||[]).push(arguments)};</script>
     Spoor2("open"); Spoor2("close"); Spoor2("ask", "Wanneer start spoor 2?");
   Events on the widget element, bubbling to document and window: spoor2:opened,
   spoor2:answered (detail: kind, language, question_id, citations, handoff), spoor2:handoff. */
(function () {
  "use strict";
  var script = document.currentScript || (function () {
    var all = document.querySelectorAll("script[src*='/widget.']");
    return all[all.length - 1];
  })();
  if (!script || !window.customElements || customElements.get("spoor2-widget")) return;
  var API = new URL(script.src, location.href).origin;
  var data = script.dataset;

  // Default texts from the server's text catalogue (assistant/texts), filled in when /widget.js
  // is served: {main: {nl, en}, handoff: {u, je, en}}.
  var CATALOGUE = {"main": {"nl": {}, "en": {}}, "handoff": {"u": {}, "je": {}, "en": {}}};
  var TEXTS = CATALOGUE.main;
  var LANG, ANSWER_LANG, COLOR, AUDIENCE, CONTACT, PROFILE = null;  // set by configure()
  function text(key) {
    var attr = "data-" + key.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); });
    if (script.hasAttribute(attr)) return script.getAttribute(attr);
    var own = (key === "title" || key === "greeting") && PROFILE && PROFILE[key] && PROFILE[key][LANG];
    return own || TEXTS[LANG][key];
  }
  // The site profile's values are the defaults; the script tag's data- attributes win.
  function configure(profile) {
    PROFILE = profile || null;
    var p = PROFILE || {};
    function pick(own, site, ok) { return ok(own) ? own : ok(site) ? site : null; }
    var language = pick(data.language, p.language, function (v) { return v === "nl" || v === "en"; });
    LANG = language === "en" ? "en" : "nl";
    ANSWER_LANG = language;
    COLOR = pick(data.color, p.colour, function (v) { return /^#[0-9a-fA-F]{3,8}$/.test(v || ""); }) || "#1d4ed8";
    AUDIENCE = pick(data.audience, p.audience, function (v) { return v === "werkgever" || v === "werknemer"; });
    CONTACT = pick(data.contactUrl, p.contact_url, function (v) { return /^(https?:|mailto:|tel:)/i.test(v || ""); }) || "";
  }
  configure(null);
  var LEFT = data.position === "left";
  // Thumbs under an answer (issue 14: site profiles and the JS API).
  var SITE_CSS = [
    ".rate{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:6px}",
    ".rate button{background:#fff;border:1px solid #6b7280;border-radius:6px;padding:2px 8px;min-height:32px;",
    "min-width:44px;cursor:pointer;font-size:13px;color:#1f2937}",
    ".rate button[aria-pressed=true]{background:#e5e7eb;border-color:#111827;font-weight:600}",
    ".rate svg{width:16px;height:16px;fill:currentColor;vertical-align:-3px;margin-right:4px}",
    ".thumb-down svg{transform:rotate(180deg)}",
    ".rated{font-size:13px;color:#374151}",
    ":host([mode=inline]){position:relative;display:block;z-index:auto;bottom:auto;left:auto;right:auto}",
    ":host([mode=inline]) .launcher,:host([mode=inline]) .close{display:none}",
    ":host([mode=inline]) .panel{position:relative;bottom:auto;left:auto;right:auto;inset:auto;width:100%;",
    "max-width:none;height:560px;max-height:none;border:1px solid #d1d5db;box-shadow:none}"
  ].join("");
  var THUMB = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 " +
    "7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
  function thumbIcon() {  // built with DOM calls, like every node made from data
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), path = document.createElementNS(ns, "path");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    path.setAttribute("d", THUMB);
    svg.appendChild(path);
    return svg;
  }
  var MAX_CHARS = 2000;
  var RETENTION_DAYS = 0;  // set by the server: days questions are kept; 0 = not kept
  var WARN_AT = 200;  // the counter appears this many characters before the limit
  var KEY = "spoor2-widget:" + API;

  // Built when the widget mounts: the colour may come from the site profile.
  function css() { return [
    ":host{all:initial;position:fixed;z-index:2147483000;bottom:0;" + (LEFT ? "left" : "right") + ":0}",
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;",
    "letter-spacing:normal;line-height:1.45;font-size:15px;color:#1f2937}",
    ".launcher{position:fixed;bottom:20px;" + (LEFT ? "left" : "right") + ":20px;width:60px;height:60px;",
    "border-radius:50%;border:0;background:" + COLOR + ";color:#fff;cursor:pointer;",
    "box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}",
    ".launcher svg{width:28px;height:28px;fill:#fff}",
    // Two-tone ring: dark on a white halo, visible (3:1 or more) on any host and header colour.
    "button:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #111827;outline-offset:2px;",
    "box-shadow:0 0 0 2px #fff}",
    ".panel{position:fixed;bottom:92px;" + (LEFT ? "left" : "right") + ":20px;width:380px;max-width:calc(100vw - 40px);",
    "height:560px;max-height:calc(100vh - 112px);background:#fff;border-radius:12px;",
    "box-shadow:0 10px 40px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}",
    ".panel[hidden]{display:none}",
    ".head{background:" + COLOR + ";padding:10px 12px;display:flex;align-items:center;gap:6px}",
    ".head h2{flex:1;margin:0;font-size:16px;font-weight:600;color:#fff}",
    ".head button{background:transparent;border:1px solid rgba(255,255,255,.6);color:#fff;",
    "border-radius:6px;padding:4px 8px;min-height:32px;min-width:32px;cursor:pointer;font-size:13px}",
    ".log{flex:1;overflow-y:auto;padding:12px;background:#f9fafb}",
    ".msg{margin:0 0 10px;padding:8px 11px;border-radius:10px;max-width:92%;word-wrap:break-word;white-space:normal}",
    ".user{background:" + COLOR + ";margin-left:auto;width:fit-content}",
    ".user,.user *{color:#fff}",
    ".bot{background:#fff;border:1px solid #e5e7eb}",
    ".bot p{margin:0 0 6px}.bot ul,.bot ol{margin:0 0 6px;padding-left:20px}",
    ".bot a{color:#1d4ed8}.notice{background:#fef3c7;border-color:#f59e0b}",
    ".sources{margin-top:6px;border-top:1px solid #e5e7eb;padding-top:4px;font-size:13px}",
    ".sources h3{margin:0 0 2px;font-size:13px}.sources li,.sources a{font-size:13px}",
    ".starters{display:flex;flex-direction:column;gap:6px;margin:0 0 10px}",
    ".starters button{text-align:left;background:#fff;border:1px solid " + COLOR + ";color:#1f2937;",
    "border-radius:8px;padding:6px 10px;min-height:32px;cursor:pointer}",
    ".sources li{margin:4px 0}",
    ".count{margin:0;padding:2px 12px;font-size:12px;color:#374151;background:#fff}.count:empty{display:none}",
    ".count.over{color:#b91c1c;font-weight:600}",
    ".contact{display:block;margin-top:6px}",
    ".privacy{margin:0;padding:6px 12px;font-size:12px;color:#6b7280;background:#fff;border-top:1px solid #e5e7eb}",
    "form{display:flex;gap:6px;padding:8px;border-top:1px solid #e5e7eb;background:#fff}",
    "textarea{flex:1;resize:none;height:44px;border:1px solid #d1d5db;border-radius:8px;padding:8px}",
    "form button{background:" + COLOR + ";color:#fff;border:0;border-radius:8px;padding:0 14px;cursor:pointer}",
    "form button:disabled{opacity:.5;cursor:default}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    "@media (max-width:480px){.panel{inset:0;width:100vw;height:100vh;height:100dvh;max-width:none;",
    "max-height:none;border-radius:0}}"
  ].join("") + SITE_CSS; }

  /* ---- Handoff to a person -------------------------------------------------------------------
     When an answer comes with `handoff: true` (the assistant did not know, declined the subject, or
     the visitor asked for a person), its bubble offers "Stel uw vraag aan een adviseur": a short form
     (question prefilled from the visitor's last message, e-mail or phone, consent) that POSTs to
     /api/handoff. Results are announced through the widget's live region. Texts can be overridden
     with data-handoff-* attributes (data-handoff-offer, data-handoff-submit, ...). */
  function handoffText(key) {
    var attr = "data-handoff-" + key.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); });
    var voice = LANG === "en" ? "en" : AUDIENCE === "werknemer" ? "je" : "u";
    return script.hasAttribute(attr) ? script.getAttribute(attr) : CATALOGUE.handoff[voice][key];
  }
  CSS += [
    ".handoff-offer{margin-top:8px;background:#fff;color:#1f2937;border:1px solid " + COLOR + ";",
    "border-radius:8px;padding:6px 10px;min-height:36px;cursor:pointer;font-weight:600}",
    ".handoff{margin-top:8px;display:flex;flex-direction:column;gap:6px;padding:8px;border:1px solid #d1d5db;",
    "border-radius:8px;background:#f9fafb}",
    ".handoff label{font-size:13px;font-weight:600}",
    ".handoff textarea,.handoff input[type=text]{width:100%;border:1px solid #6b7280;border-radius:6px;padding:6px;",
    "min-height:36px;height:auto;flex:none;resize:vertical;background:#fff}",
    ".handoff .consent{display:flex;gap:8px;align-items:flex-start;font-weight:400}",
    ".handoff .consent input{width:24px;height:24px;margin:0;flex:none}",
    ".handoff .hint{margin:0;font-size:12px;color:#374151}",
    ".handoff .problem{margin:0;font-size:13px;color:#b91c1c;font-weight:600}.handoff .problem:empty{display:none}",
    ".handoff .buttons{display:flex;gap:6px;flex-wrap:wrap}",
    ".handoff .buttons button{min-height:36px;border-radius:8px;padding:0 12px;cursor:pointer}",
    ".handoff button.submit{background:" + COLOR + ";color:#fff;border:0}",
    ".handoff button.cancel{background:#fff;color:#1f2937;border:1px solid #6b7280}",
    ".handoff-done{margin-top:8px;font-weight:600}",
    "input:focus-visible{outline:3px solid #111827;outline-offset:2px;box-shadow:0 0 0 2px #fff}"
  ].join("");
  var handoffCount = 0;

  // The visitor's last question before answer `m` (not a bare "can I talk to someone?").
  function handoffQuestion(widget, m) {
    var messages = widget.state.messages, i = messages.indexOf(m) - 1, users = [];
    for (; i >= 0 && users.length < 2; i--) if (messages[i].role === "user") users.push(messages[i].text);
    if (m.kind === "handoff") return users[1] || "";
    return users[0] || "";
  }

  function attachHandoff(widget, node, m) {
    if (m.handoffDone) { node.appendChild(el("p", { "class": "handoff-done" }, m.handoffDone)); return; }
    var offer = el("button", { type: "button", "class": "handoff-offer" }, handoffText("offer"));
    offer.addEventListener("click", function () {
      offer.hidden = true;
      node.appendChild(handoffForm(widget, node, m, offer));
    });
    node.appendChild(offer);
  }

  function handoffForm(widget, node, m, offer) {
    var n = ++handoffCount, id = function (x) { return "spoor2-handoff-" + x + "-" + n; };
    var form = el("form", { "class": "handoff", "aria-label": handoffText("offer"), novalidate: "" });
    var question = el("textarea", { id: id("q"), rows: "3", "aria-describedby": id("hint") });
    question.value = handoffQuestion(widget, m);
    var contact = el("input", { id: id("c"), type: "text", autocomplete: "email", inputmode: "email" });
    var consent = el("input", { id: id("ok"), type: "checkbox" });
    var consentLabel = el("label", { "for": id("ok"), "class": "consent" });
    consentLabel.appendChild(consent);
    consentLabel.appendChild(document.createTextNode(handoffText("consent")));
    var problem = el("p", { "class": "problem", id: id("p") });
    var submit = el("button", { type: "submit", "class": "submit" }, handoffText("submit"));
    var cancel = el("button", { type: "button", "class": "cancel" }, handoffText("cancel"));
    var buttons = el("div", { "class": "buttons" });
    buttons.appendChild(submit);
    buttons.appendChild(cancel);
    [el("label", { "for": id("q") }, handoffText("question")), question,
      el("p", { "class": "hint", id: id("hint") }, handoffText("hint")),
      el("label", { "for": id("c") }, handoffText("contact")), contact, consentLabel, problem, buttons
    ].forEach(function (x) { form.appendChild(x); });
    function say(message) {
      widget.live.textContent = "";
      setTimeout(function () { widget.live.textContent = message; }, 50);
    }
    function fail(message, field) {
      problem.textContent = message;
      [question, contact, consent].forEach(function (f) {
        f.removeAttribute("aria-invalid");
        if (f === question) f.setAttribute("aria-describedby", id("hint"));
        else f.removeAttribute("aria-describedby");
      });
      if (field) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", (field === question ? id("hint") + " " : "") + id("p"));
        field.focus();
      }
      say(message);
    }
    cancel.addEventListener("click", function () { form.remove(); offer.hidden = false; offer.focus(); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!question.value.trim()) return fail(handoffText("needQuestion"), question);
      if (!contact.value.trim()) return fail(handoffText("needContact"), contact);
      if (!consent.checked) return fail(handoffText("needConsent"), consent);
      submit.disabled = true;
      problem.textContent = "";
      say(handoffText("sending"));
      var body = JSON.stringify({ question: question.value, contact: contact.value.trim(), consent: true,
        language: LANG, audience: AUDIENCE });
      fetch(API + "/api/handoff", { method: "POST", body: body,
        headers: { "Content-Type": "application/json", "Accept-Language": LANG } })
        .then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { return [r, j]; }); })
        .then(function (rj) {
          var r = rj[0], j = rj[1];
          if (!r.ok) {
            submit.disabled = false;
            var code = j.error && j.error.code;
            var field = code === "invalid_contact" ? contact : code === "consent_required" ? consent : question;
            return fail((j.error && j.error.message) || text("error"), field);
          }
          m.handoffDone = j.message;
          widget.save();
          var done = el("p", { "class": "handoff-done", tabindex: "-1" }, j.message);
          form.replaceWith(done);
          offer.remove();
          done.focus();
          say(j.message);
          if (widget.emit) widget.emit("handoff", { id: j.id, language: LANG });
        })
        .catch(function () { submit.disabled = false; fail(text("offline"), null); });
    });
    setTimeout(function () { question.focus(); }, 0);
    return form;
  }
  /* ---- end of handoff ---- */

  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (content != null) node.textContent = content;
    return node;
  }

  function safeUrl(url) {
    url = String(url || "").trim();
    if (/^https?:\/\//i.test(url)) return url;
    if (url.charAt(0) === "/" && url.charAt(1) !== "/") return API + url;
    return null;
  }

  function link(href, label) {
    // A source page of this server learns the site's origin (never the page's path), so it
    // shows that site's own documents; other links send no referrer at all.
    var own = href.indexOf(API + "/bron/") === 0;
    var a = el("a", { href: href, target: "_blank", rel: own ? "noopener" : "noopener noreferrer" },
               label);
    if (own) a.referrerPolicy = "origin";
    return a;
  }

  // Answer text arrives with HTML escaped; it goes into the DOM as text, so undo that first.
  function unescapeHtml(str) {
    return String(str || "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  // Inline Markdown subset: **bold**, [text](http… or /path); everything else is text.
  function inline(parent, str) {
    var re = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g, last = 0, m;
    while ((m = re.exec(str))) {
      if (m.index > last) parent.appendChild(document.createTextNode(str.slice(last, m.index)));
      if (m[1] != null) parent.appendChild(el("strong", null, m[1]));
      else {
        var href = safeUrl(m[3]);
        parent.appendChild(href ? link(href, m[2]) : document.createTextNode(m[0]));
      }
      last = re.lastIndex;
    }
    if (last < str.length) parent.appendChild(document.createTextNode(str.slice(last)));
  }

  // Block Markdown subset: paragraphs and bullet/numbered lists.
  function markdown(parent, str) {
    String(str || "").split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n").filter(function (l) { return l.trim(); });
      if (!lines.length) return;
      var item = /^\s*(?:[-*]|\d+[.)])\s+/;
      if (lines.every(function (l) { return item.test(l); })) {
        var list = el(/^\s*\d/.test(lines[0]) ? "ol" : "ul");
        lines.forEach(function (l) { var li = el("li"); inline(li, l.replace(item, "")); list.appendChild(li); });
        parent.appendChild(list);
      } else {
        var p = el("p");
        lines.forEach(function (l, i) { if (i) p.appendChild(el("br")); inline(p, l.replace(/^#+\s*/, "")); });
        parent.appendChild(p);
      }
    });
  }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || { open: false, messages: [] }; }
    catch (e) { return { open: false, messages: [] }; }
  }

  class Spoor2Widget extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.state = load();
      this.busy = false;
      var root = this.attachShadow({ mode: "open" });
      root.appendChild(el("style", null, css()));
      this.launcher = el("button", { "class": "launcher", type: "button", "aria-label": text("launcherLabel"),
        "aria-expanded": "false", "aria-controls": "spoor2-panel", title: text("title") });
      this.launcher.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16v12H7l-3 3z"/></svg>';
      this.panel = el("section", { "class": "panel", id: "spoor2-panel", role: "dialog",
        "aria-labelledby": "spoor2-title", hidden: "" });
      var header = el("div", { "class": "head" });
      header.appendChild(el("h2", { id: "spoor2-title" }, text("title")));
      this.resetBtn = el("button", { type: "button", "class": "reset" }, text("resetLabel"));
      this.closeBtn = el("button", { type: "button", "class": "close", "aria-label": text("closeLabel") }, "✕");
      header.appendChild(this.resetBtn);
      header.appendChild(this.closeBtn);
      // The log is not live: streamed words would be read again and again. Each finished message is
      // announced once, with who said it, through `this.live`.
      this.log = el("div", { "class": "log", role: "log", "aria-live": "off", "aria-label": text("logLabel"),
        tabindex: "0" });
      this.live = el("div", { "class": "sr", role: "status", "aria-live": "polite" });
      this.nodes = [];
      this.form = el("form");
      var label = el("label", { "class": "sr", "for": "spoor2-input" }, text("placeholder"));
      // No maxlength: a pasted text is never cut; the counter says how much is too long.
      this.input = el("textarea", { id: "spoor2-input", placeholder: text("placeholder"), rows: "1",
        "aria-describedby": "spoor2-count" });
      this.count = el("p", { "class": "count", id: "spoor2-count", "aria-live": "polite" });
      this.sendBtn = el("button", { type: "submit", "class": "send" }, text("sendLabel"));
      this.form.appendChild(label);
      this.form.appendChild(this.input);
      this.form.appendChild(this.sendBtn);
      this.panel.appendChild(header);
      this.panel.appendChild(this.log);
      var kept = RETENTION_DAYS ? text("kept").replace("{days}", String(RETENTION_DAYS)) : text("notKept");
      this.panel.appendChild(el("p", { "class": "privacy" }, text("privacy") + " " + kept));
      this.panel.appendChild(this.count);
      this.panel.appendChild(this.form);
      this.panel.appendChild(this.live);
      root.appendChild(this.launcher);
      root.appendChild(this.panel);
      this.bind();
      this.render();
      this.inline = this.getAttribute("mode") === "inline";
      if (this.inline || this.state.open) this.open(false);
    }

    bind() {
      var self = this;
      this.launcher.addEventListener("click", function () { self.panel.hidden ? self.open(true) : self.close(); });
      this.closeBtn.addEventListener("click", function () { self.close(); });
      this.resetBtn.addEventListener("click", function () { self.reset(); });
      this.form.addEventListener("submit", function (e) { e.preventDefault(); self.send(self.input.value); });
      this.input.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); self.send(self.input.value); }
      });
      this.input.addEventListener("input", function () { self.updateCount(); });
      this.panel.addEventListener("keydown", function (e) { if (e.key === "Escape") self.close(); });
    }

    save() {
      try { sessionStorage.setItem(KEY, JSON.stringify(this.state)); } catch (e) { /* private mode */ }
    }

    open(focus) {
      this.panel.hidden = false;
      this.launcher.setAttribute("aria-expanded", "true");
      this.state.open = true;
      this.save();
      if (focus) this.input.focus();
      this.check();
      this.emit("opened", {});
    }

    close() {
      if (this.inline) return;  // an inline chat is part of the page: it stays
      this.panel.hidden = true;
      this.launcher.setAttribute("aria-expanded", "false");
      this.state.open = false;
      this.save();
      this.launcher.focus();
    }

    reset() {
      this.state.messages = [];
      this.save();
      this.render();
      this.input.value = "";
      this.updateCount();
      this.input.focus();
    }

    updateCount() {
      var left = MAX_CHARS - this.input.value.length, message = "";
      if (left < 0) message = text("charsOver").replace("{n}", String(-left));
      else if (left <= WARN_AT) message = text("charsLeft").replace("{n}", String(left));
      if (this.count.textContent !== message) this.count.textContent = message;
      this.count.className = "count" + (left < 0 ? " over" : "");
      this.input.setAttribute("aria-invalid", left < 0 ? "true" : "false");
    }

    // Ask the server once whether this site may use the chat; show why not when refused.
    check() {
      if (this.checked) return;
      this.checked = true;
      var self = this;
      fetch(API + "/api/health", { headers: { "Accept-Language": LANG } }).then(function (r) {
        if (r.status === 403) return r.json().then(function (j) { self.refuse(j.error && j.error.message); });
      }).catch(function () { /* reported when a question is sent */ });
    }

    refuse(message) {
      this.refused = message || text("offline");
      this.input.disabled = true;
      this.sendBtn.disabled = true;
      this.render();
    }

    // Brings the log in line with the messages, touching only what changed: the greeting and the
    // starters are made once, each message's bubble is kept until that message changes.
    render() {
      var self = this;
      if (!this.greet) {
        this.greet = el("div", { "class": "msg bot" });
        markdown(this.greet, text("greeting"));
        this.log.appendChild(this.greet);
      }
      if (this.refused) {
        this.nodes.forEach(function (n) { n.node.remove(); });
        this.nodes = [];
        if (this.starters) { this.starters.remove(); this.starters = null; }
        if (!this.refusal) {
          this.refusal = el("div", { "class": "msg bot notice", role: "alert" }, this.refused);
          this.log.appendChild(this.refusal);
        }
        return;
      }
      if (!this.state.messages.length && !this.starters) {
        this.starters = el("div", { "class": "starters" });
        text("starters").split("|").filter(Boolean).slice(0, 3).forEach(function (q) {
          var b = el("button", { type: "button" }, q.trim());
          // The chosen button disappears with the starters: keep the keyboard in the question box.
          b.addEventListener("click", function () { self.input.focus(); self.send(q.trim()); });
          self.starters.appendChild(b);
        });
        this.log.appendChild(this.starters);
      } else if (this.state.messages.length && this.starters) {
        this.starters.remove();
        this.starters = null;
      }
      var messages = this.state.messages, first = null;
      this.nodes = this.nodes.filter(function (n) {
        if (messages.indexOf(n.message) >= 0) return true;
        n.node.remove();
        return false;
      });
      messages.forEach(function (m, i) {
        var key = self.key(m), known = self.nodes[i];
        if (known && known.message === m && known.key === key) return;
        var node = self.bubble(m);
        if (known && known.message === m) {
          self.log.replaceChild(node, known.node);
          self.nodes[i] = { message: m, key: key, node: node };
        } else {
          self.log.appendChild(node);
          self.nodes.splice(i, 0, { message: m, key: key, node: node });
        }
        if (!first || (!self.shown && m.role === "user")) first = node;
        if (m.role !== "user" && !m.pending && self.shown) self.announce(m);
      });
      this.shown = true;
      // A new answer is shown from its start (its first sentence is the direct answer).
      if (first) this.log.scrollTop = Math.max(0, first.offsetTop - this.log.offsetTop - 8);
    }

    key(m) {
      return [m.text, m.pending ? 1 : 0, m.notice ? 1 : 0, (m.citations || []).length].join("\u0000");
    }

    announce(m) {
      var live = this.live, message = text("botLabel") + ": " + String(m.text || "");
      live.textContent = "";
      setTimeout(function () { live.textContent = message; }, 50);
    }

    bubble(m) {
      var node = el("div", { "class": "msg " + (m.role === "user" ? "user" : "bot") + (m.notice ? " notice" : "") });
      node.appendChild(el("span", { "class": "sr" }, text(m.role === "user" ? "youLabel" : "botLabel") + ": "));
      if (m.role === "user" || m.pending) { node.appendChild(document.createTextNode(m.text)); return node; }
      markdown(node, m.text);
      if (m.citations && m.citations.length) {
        var box = el("div", { "class": "sources" });
        box.appendChild(el("h3", null, text("sourcesLabel")));
        var list = el("ol");
        m.citations.forEach(function (c) {
          var li = el("li", { value: String(c.number) });
          var href = safeUrl(c.url);
          var label = c.title + (c.section ? " – " + c.section : "");
          li.appendChild(href ? link(href, label) : document.createTextNode(label));
          list.appendChild(li);
        });
        box.appendChild(list);
        node.appendChild(box);
      }
      if (m.handoff) attachHandoff(this, node, m);
      if (CONTACT && (m.kind === "refusal" || m.notice)) {
        node.appendChild(el("a", { "class": "contact", href: CONTACT, target: "_blank", rel: "noopener" },
          text("contactLabel")));
      }
      if (m.role !== "user" && !m.notice && m.kind) node.appendChild(this.thumbs(m));
      return node;
    }

    history() {
      return this.state.messages.filter(function (m) { return !m.notice && !m.pending; }).slice(-10)
        .map(function (m) { return { role: m.role, content: String(m.text).slice(0, MAX_CHARS) }; });
    }

    send(question) {
      question = String(question || "").trim();
      if (!question || this.busy || this.refused) return;
      if (question.length > MAX_CHARS) {
        this.state.messages.push({ role: "assistant", notice: true, text: text("tooLong").replace("{max}", MAX_CHARS) });
        this.render();
        return;
      }
      this.updateCount();
      var history = this.history();
      var reply = { role: "assistant", text: text("thinking"), pending: true };
      this.state.messages.push({ role: "user", text: question }, reply);
      this.input.value = "";
      this.updateCount();
      this.setBusy(true);
      this.render();
      this.save();
      var self = this;
      var body = JSON.stringify({ message: question, history: history, audience: AUDIENCE, language: ANSWER_LANG });
      fetch(API + "/api/chat/stream", { method: "POST", body: body,
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream", "Accept-Language": LANG } })
        .then(function (r) {
          if (!r.ok) {
            return r.json().catch(function () { return {}; }).then(function (j) {
              self.fail(reply, (j.error && j.error.message) || text("error"));
            });
          }
          return self.read(r, reply);
        })
        .catch(function () { self.diagnose(reply); })
        .then(function () { self.setBusy(false); self.save(); self.render(); })
        .then(function () { self.answered(reply); });
    }

    // The request failed without a readable answer: find out whether this site is refused.
    diagnose(reply) {
      var self = this;
      return fetch(API + "/api/health", { headers: { "Accept-Language": LANG } }).then(function (r) {
        if (r.status === 403) {
          return r.json().then(function (j) {
            self.state.messages.splice(self.state.messages.indexOf(reply) - 1, 2);
            self.refuse(j.error && j.error.message);
          });
        }
        self.fail(reply, text("offline"));
      }).catch(function () { self.fail(reply, text("offline")); });
    }

    read(response, reply) {
      var self = this, reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "", streamed = "";
      function handle(frame) {
        var event = "message", payload = "";
        frame.split("\n").forEach(function (line) {
          if (line.indexOf("event:") === 0) event = line.slice(6).trim();
          else if (line.indexOf("data:") === 0) payload += line.slice(5).trim();
        });
        if (!payload) return;
        var d = JSON.parse(payload);
        if (event === "delta") { streamed += d.text; reply.text = unescapeHtml(streamed); self.updateLast(reply); }
        else if (event === "reset") { streamed = ""; reply.text = text("thinking"); self.updateLast(reply); }
        else if (event === "done") {
          delete reply.pending;
          reply.text = unescapeHtml(d.answer); reply.citations = d.citations; reply.kind = d.kind;
          reply.language = d.language; reply.questionId = d.question_id == null ? null : d.question_id;
          reply.handoff = !!d.handoff;
        } else if (event === "error") self.fail(reply, d.message || text("error"));
      }
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            if (reply.pending) self.fail(reply, text("error"));
            return;
          }
          buffer += decoder.decode(chunk.value, { stream: true });
          var parts = buffer.split("\n\n");
          buffer = parts.pop();
          parts.forEach(handle);
          return pump();
        });
      }
      return pump();
    }

    // Streamed words go into the reply's bubble as they come; the log is not live, so they are
    // read once, when the answer is complete.
    updateLast(reply) {
      var entry = this.nodes[this.nodes.length - 1];
      if (!entry || entry.message !== reply) return;
      entry.node.lastChild.textContent = reply.text;
    }

    fail(reply, message) {
      delete reply.pending;
      reply.notice = true;
      reply.text = message;
      reply.citations = [];
    }

    setBusy(busy) {
      this.busy = busy;
      this.sendBtn.disabled = busy;
      this.log.setAttribute("aria-busy", busy ? "true" : "false");
    }

    // -- site profiles, JS API and thumbs (issue 14) ------------------------------------------
    // A DOM event on the widget element; it bubbles to document and window.
    emit(name, detail) {
      this.dispatchEvent(new CustomEvent("spoor2:" + name, { detail: detail, bubbles: true, composed: true }));
    }

    answered(reply) {
      if (reply.pending || reply.notice) return;
      this.emit("answered", { kind: reply.kind, language: reply.language || LANG, question_id: reply.questionId,
        citations: (reply.citations || []).length, handoff: !!reply.handoff });
    }

    // Thumbs up/down under an answer: POST /api/feedback (with question_id when the server gave one).
    thumbs(m) {
      var self = this, box = el("div", { "class": "rate", role: "group", "aria-label": text("rateLabel") });
      var status = el("span", { "class": "rated", role: "status" }, m.rating ? text("thanks") : "");
      [["up", "thumbsUp"], ["down", "thumbsDown"]].forEach(function (r) {
        var b = el("button", { type: "button", "class": "thumb-" + r[0], "aria-pressed": m.rating === r[0] ? "true" : "false" });
        b.appendChild(thumbIcon());
        b.appendChild(document.createTextNode(text(r[1])));
        b.addEventListener("click", function () { self.rate(m, r[0], box, status); });
        box.appendChild(b);
      });
      box.appendChild(status);
      return box;
    }

    rate(m, rating, box, status) {
      if (m.rating === rating) return;
      m.rating = rating;
      this.save();
      Array.prototype.forEach.call(box.querySelectorAll("button"), function (b) {
        b.setAttribute("aria-pressed", b.className === "thumb-" + rating ? "true" : "false");
      });
      var body = { rating: rating, answer_kind: m.kind, language: m.language || LANG, source: "widget" };
      if (m.questionId != null) body.question_id = m.questionId;
      fetch(API + "/api/feedback", { method: "POST", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", "Accept-Language": LANG } })
        .then(function (r) { status.textContent = r.ok ? text("thanks") : text("error"); })
        .catch(function () { status.textContent = text("offline"); });
    }
  }

  customElements.define("spoor2-widget", Spoor2Widget);

  // The JS API: window.Spoor2("open" | "close" | "ask", text); calls made before the widget is
  // mounted (the snippet's queue `Spoor2.q`, or while the profile loads) run once it is.
  var widget = null, queued = [].slice.call((window.Spoor2 && window.Spoor2.q) || []);
  function command(name, arg) {
    if (!widget) { queued.push([name, arg]); return; }
    if (name === "open") widget.open(true);
    else if (name === "close") widget.close();
    else if (name === "ask") { widget.open(false); widget.send(arg); }
  }
  window.Spoor2 = function (name, arg) { command(name, arg); };

  function mount() {
    var host = document.createElement("spoor2-widget");
    var target = null;
    try { target = data.target ? document.querySelector(data.target) : null; } catch (e) { target = null; }
    if (target) { host.setAttribute("mode", "inline"); target.appendChild(host); }
    else document.body.appendChild(host);
    widget = host;
    queued.splice(0).forEach(function (args) { command(args[0], args[1]); });
  }
  // The profile of this page's origin first (a few seconds at most), then the widget.
  function start() {
    var done = false;
    function go(profile) { if (done) return; done = true; configure(profile); mount(); }
    setTimeout(function () { go(null); }, 3000);
    fetch(API + "/api/site", { headers: { "Accept-Language": LANG }, credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (j) { go(j && j.site); }, function () { go(null); });
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
