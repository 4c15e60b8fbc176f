/* Spoor 2 Assistent UI: accessibility fixes around Gradio's own components (issue 16).
   - <html lang>, the page title and Gradio's built-in English/Dutch labels follow the app's
     language switch, not the browser;
   - each radio group shares one name, so arrow keys move within it and it is one tab stop;
   - arrow keys, Home and End switch tabs;
   - the question box counts down the characters left ("nog 120 tekens"), never cuts text;
   - a new answer scrolls into view at its start, and a screen reader hears it once, with who
     said it; planner results and errors are announced and get focus;
   - planner date fields of earlier periods and steps done are native date pickers. */
(function () {
  "use strict";
  var script = document.currentScript;
  var MAX = parseInt((script && script.getAttribute("data-max-chars")) || "2000", 10);
  var WARN_AT = 200;
  // Texts from the server's text catalogue (assistant/texts), filled in when /ui.js is served.
  var T = {"nl": {"labels": {}}, "en": {"labels": {}}};
  var THINKING = /^(Even nadenken|Thinking)…$/;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function lang() {
    var checked = $("#language input[type=radio]:checked");
    return checked && checked.value === "en" ? "en" : "nl";
  }
  function tr() { return T[lang()]; }
  function setAttr(node, name, value) {
    if (node && node.getAttribute(name) !== value) node.setAttribute(name, value);
  }

  var live = null;
  function announce(message) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function fixLanguage() {
    var x = tr();
    setAttr(document.documentElement, "lang", lang());
    if (document.title !== x.title) document.title = x.title;
    $$("#chatbot [aria-label], #chatbot [title]").forEach(function (node) {
      ["aria-label", "title"].forEach(function (attr) {
        var value = node.getAttribute(attr);
        if (value && x.labels[value]) node.setAttribute(attr, x.labels[value]);
      });
    });
    setAttr($("#chatbot [role=log]"), "aria-label", x.log);
  }

  function fixRadios() {
    $$("fieldset").forEach(function (group) {
      var radios = $$("input[type=radio]", group);
      if (!radios.length) return;
      radios.forEach(function (r) { setAttr(r, "name", "group-" + (group.id || "radio")); });
      var info = $("[data-testid=block-info]", group);
      if (info) {
        if (!info.id) info.id = (group.id || "radio") + "-legend";
        setAttr(group, "aria-labelledby", info.id);
      }
    });
  }

  function fixTabs() {
    $$("[role=tablist]").forEach(function (list) {
      $$("[role=tab]", list).forEach(function (tab) {
        setAttr(tab, "tabindex", tab.getAttribute("aria-selected") === "true" ? "0" : "-1");
      });
      if (list.dataset.arrows) return;
      list.dataset.arrows = "1";
      list.addEventListener("keydown", function (e) {
        var tabs = $$("[role=tab]", list);
        var i = tabs.indexOf(document.activeElement);
        if (i < 0) return;
        var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
        if (next === undefined) return;
        e.preventDefault();
        var tab = tabs[(next + tabs.length) % tabs.length];
        tab.click();
        tab.focus();
      });
    });
  }

  // Gradio marks the example questions as a list of buttons; they are a group of buttons.
  function fixExamples() {
    $$("#chatbot .examples[role=list]").forEach(function (node) {
      node.setAttribute("role", "group");
      node.setAttribute("aria-label", tr().examples);
    });
    setAttr($("#chatbot .examples"), "aria-label", tr().examples);
  }

  // The counter under the question box; nothing is cut, the server refuses what is too long.
  function fixCounter() {
    var box = $("#question textarea");
    var field = $("#question");
    if (!box || !field) return;
    var count = $("#question-count");
    if (!count) {
      count = document.createElement("p");
      count.id = "question-count";
      count.setAttribute("aria-live", "polite");
      field.parentNode.insertBefore(count, field.nextSibling);
    }
    setAttr(box, "aria-describedby", "question-count");
    if (!box.dataset.counted) {
      box.dataset.counted = "1";
      box.addEventListener("input", updateCounter);
    }
    updateCounter();
  }
  function updateCounter() {
    var box = $("#question textarea"), count = $("#question-count");
    if (!box || !count) return;
    var left = MAX - box.value.length, x = tr(), message = "";
    if (left < 0) message = x.over.replace("{n}", String(-left));
    else if (left <= WARN_AT) message = x.left.replace("{n}", String(left));
    if (count.textContent !== message) count.textContent = message;
    count.classList.toggle("over", left < 0);
    setAttr(box, "aria-invalid", left < 0 ? "true" : "false");
  }

  // Chat: our own announcement of each finished message, and scrolling to its start.
  var seenRows = 0, announced = "";
  function messageText(row) {
    var content = $(".message-content", row) || row;
    return (content.innerText || "").trim();
  }
  function fixChat() {
    var log = $("#chatbot [role=log]");
    if (!log) return;
    // Gradio's log would be read again on every streamed word; we announce each message once.
    setAttr(log, "aria-live", "off");
    var rows = $$("#chatbot .message-row");
    if (rows.length > seenRows && rows.length) {
      var firstNew = rows[seenRows] || rows[rows.length - 1];
      var scroller = log;
      if (seenRows > 0 || rows.length > 1) {
        scroller.scrollTop = Math.max(0, firstNew.offsetTop - scroller.offsetTop - 8);
      }
    }
    seenRows = rows.length;
    var busy = $("#chatbot [data-testid=status-tracker]:not(.hide)");
    var last = rows[rows.length - 1];
    if (!last || busy || !last.classList.contains("bot-row")) return;
    var text = messageText(last);
    if (!text || THINKING.test(text) || text === announced) return;
    announced = text;
    announce(tr().bot + ": " + text);
  }

  // Planner: the summary is a live region and gets focus once the results are there.
  var awaitingPlan = false;
  function fixPlanner() {
    var summary = $("#planner-summary");
    if (!summary) return;
    setAttr(summary, "role", "status");
    setAttr(summary, "tabindex", "-1");
    var calc = $("#calculate");
    if (calc && !calc.dataset.watch) {
      calc.dataset.watch = "1";
      calc.addEventListener("click", function () { awaitingPlan = true; });
    }
    var busy = $("#planner-summary [data-testid=status-tracker]:not(.hide)");
    if (awaitingPlan && !busy && summary.innerText.trim()) {
      awaitingPlan = false;
      summary.focus();
    }
  }

  // Handoff form: its outcome is a live region.
  function fixHandoff() {
    var status = $("#handoff-status");
    if (!status) return;
    setAttr(status, "role", "status");
    setAttr(status, "aria-live", "polite");
  }

  // Planner date fields marked .date-picker become the browser's own date picker (labelled,
  // keyboard usable; Gradio's DateTime has an unnamed button). The value stays YYYY-MM-DD.
  function fixDatePickers() {
    $$(".date-picker input[type=text]").forEach(function (input) { input.type = "date"; });
  }

  var scheduled = false;
  function fixAll() {
    scheduled = false;
    fixLanguage(); fixRadios(); fixTabs(); fixExamples(); fixCounter(); fixChat(); fixPlanner();
    fixDatePickers(); fixHandoff();
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(fixAll);
  }

  function start() {
    live = document.createElement("div");
    live.id = "announcer";
    live.className = "sr-only";
    live.setAttribute("aria-live", "polite");
    live.setAttribute("role", "status");
    document.body.appendChild(live);
    // Date fields are switched at once, not on the next frame: text typed into a field that
    // then turns into a date picker would be lost.
    new MutationObserver(function () { fixDatePickers(); schedule(); }).observe(document.body, {
      childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ["class", "aria-selected", "aria-label", "title", "role"]
    });
    document.addEventListener("change", schedule, true);
    schedule();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
