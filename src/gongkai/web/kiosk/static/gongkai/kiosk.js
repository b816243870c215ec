// The kiosk of a 查阅点 (kiosk/views.py), from a static file because the Content-Security-Policy
// refuses inline script.
//
// 1. After the point's time of inactivity the kiosk returns to its start, through the reset
//    address that ends the visit; a countdown shows for the last seconds (at most 20), and any
//    touch or key keeps the visitor where they are.
// 2. Links that would leave the kiosk (the 指南 links to the public site) become plain text:
//    a page outside the kiosk would never return to the start.
// 3. The on-screen keyboard: letters typed in pinyin give characters and common words from
//    kiosk-pinyin.json (built by scripts/build_kiosk_pinyin.py); letters and digits are typed as
//    they are, for 索引号 and 文号.
(function () {
  var body = document.body;
  var idle = parseInt(body.getAttribute("data-idle-seconds"), 10) || 120;
  var warning = Math.min(20, Math.floor(idle / 2));
  var home = body.getAttribute("data-kiosk-home");
  var resetUrl = body.getAttribute("data-reset-url");
  var countdown = document.getElementById("kiosk-countdown");
  var seconds = countdown.querySelector(".kiosk-seconds");
  var last = Date.now();

  function touched() {
    last = Date.now();
    countdown.hidden = true;
  }
  ["pointerdown", "keydown", "touchstart", "wheel", "input"].forEach(function (name) {
    document.addEventListener(name, touched, { passive: true, capture: true });
  });
  document.getElementById("kiosk-stay").addEventListener("click", touched);

  window.setInterval(function () {
    var left = idle - Math.floor((Date.now() - last) / 1000);
    if (left <= 0) {
      window.location.assign(resetUrl);
    } else if (left <= warning) {
      seconds.textContent = String(left);
      countdown.hidden = false;
    }
  }, 1000);

  document.querySelectorAll("main a[href]").forEach(function (link) {
    var path = link.getAttribute("href");
    if (path.charAt(0) === "#" || path.charAt(0) === "?" || path.indexOf(home) === 0) return;
    var text = document.createElement("span");
    text.className = "offsite";
    text.textContent = link.textContent;
    link.replaceWith(text);
  });

  var back = document.querySelector(".kiosk-back");
  if (back && window.history.length > 1) {
    back.hidden = false;
    back.addEventListener("click", function () { window.history.back(); });
  }

  var form = document.querySelector(".kiosk-search[data-pinyin-table]");
  if (form) window.fetch(form.getAttribute("data-pinyin-table"))
    .then(function (response) { return response.json(); })
    .then(function (table) { keyboard(form, table); });

  function keyboard(form, table) {
    var input = form.querySelector("input[name=q]");
    var pad = form.querySelector(".kiosk-keyboard");
    var keys = pad.querySelector(".kiosk-keys");
    var shown = pad.querySelector("#kiosk-pinyin");
    var list = pad.querySelector(".kiosk-candidates");
    var labels = keys.dataset;
    var mode = "pinyin";
    var typed = "";
    var LAYOUTS = {
      pinyin: ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
      letters: ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"],
      digits: ["1234567890", "-/()〔〕[]", ".·_"],
    };

    function button(text, label, action) {
      var key = document.createElement("button");
      key.type = "button";
      key.className = "kiosk-button";
      key.textContent = text;
      if (label) key.setAttribute("aria-label", label);
      key.addEventListener("click", action);
      return key;
    }

    function row(children) {
      var line = document.createElement("div");
      line.className = "kiosk-key-row";
      children.forEach(function (child) { line.appendChild(child); });
      return line;
    }

    function draw() {
      keys.textContent = "";
      LAYOUTS[mode].forEach(function (letters) {
        keys.appendChild(row(Array.prototype.map.call(letters, function (letter) {
          return button(letter, null, function () { press(letter); });
        })));
      });
      var modes = ["pinyin", "letters", "digits"].map(function (name) {
        var key = button(labels["label" + name.charAt(0).toUpperCase() + name.slice(1)], null,
                         function () { mode = name; typed = ""; draw(); });
        key.setAttribute("aria-pressed", String(mode === name));
        return key;
      });
      var space = button(labels.labelSpace, null, function () { typed ? choose(0) : insert(" "); });
      space.classList.add("wide");
      keys.appendChild(row(modes.concat([space,
        button(labels.labelDelete, null, erase), button(labels.labelClear, null, clear)])));
      compose();
    }

    function press(letter) {
      if (mode === "pinyin") { typed += letter; compose(); } else { insert(letter); }
    }

    function insert(text) {
      input.value += text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function erase() {
      if (typed) { typed = typed.slice(0, -1); compose(); } else { input.value = input.value.slice(0, -1); }
    }

    function clear() {
      typed = "";
      input.value = "";
      compose();
    }

    var found = [];
    function compose() {
      shown.textContent = typed;
      list.textContent = "";
      found = typed ? candidates(typed) : [];
      found.forEach(function (candidate, index) {
        list.appendChild(button(candidate.text, null, function () { choose(index); }));
      });
    }

    function choose(index) {
      var candidate = found[index];
      if (!candidate) return;
      insert(candidate.text);
      typed = typed.indexOf(candidate.pinyin) === 0 ? typed.slice(candidate.pinyin.length) : "";
      compose();
    }

    // Whole words first, then the characters of the first syllable typed, then words that
    // begin with what was typed or whose initials it is.
    function candidates(text) {
      var out = [], seen = {};
      function add(word, pinyin) {
        if (!seen[word] && out.length < 24) { seen[word] = true; out.push({ text: word, pinyin: pinyin }); }
      }
      table.words.forEach(function (w) { if (w[0] === text) add(w[2], w[0]); });
      var syllable = longestSyllable(text);
      if (syllable) Array.prototype.forEach.call(table.syllables[syllable].slice(0, 12),
                                                 function (c) { add(c, syllable); });
      table.words.forEach(function (w) {
        if (text.length > 1 && w[1] === text) add(w[2], text);
        if (w[0].indexOf(text) === 0) add(w[2], text);
      });
      Object.keys(table.syllables).forEach(function (s) {
        if (s.indexOf(text) === 0) add(table.syllables[s].charAt(0), text);
      });
      return out;
    }

    function longestSyllable(text) {
      for (var end = Math.min(text.length, 6); end > 0; end--) {
        if (table.syllables[text.slice(0, end)]) return text.slice(0, end);
      }
      return null;
    }

    pad.hidden = false;
    draw();
  }
})();
