// The staff app's only script (CSP: no inline script). Patient text is never put into the page
// as HTML here: the queue list comes from the server's autoescaped template, and everything
// else is set with textContent.
"use strict";

(function () {
  // ---------------------------------------------------------------- SMS segments
  // The same rules as gateway/segments.py: GSM-7 (160 / 153 per part, extension characters
  // count two and never split) or, with any other character, UCS-2 (70 / 67 per part, a
  // character outside the BMP counts two and never splits).
  var GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var GSM7_EXTENSION = "\f^{}\\[~]|€";

  function segmentInfo(text) {
    var chars = Array.from(text);
    if (chars.length === 0) return { encoding: "GSM-7", segments: 0, chars: 0 };
    var gsm = chars.every(function (c) {
      return GSM7_BASIC.indexOf(c) !== -1 || GSM7_EXTENSION.indexOf(c) !== -1;
    });
    var units = chars.map(function (c) {
      if (gsm) return GSM7_EXTENSION.indexOf(c) !== -1 ? 2 : 1;
      return c.codePointAt(0) > 0xffff ? 2 : 1;
    });
    var single = gsm ? 160 : 70;
    var part = gsm ? 153 : 67;
    var total = units.reduce(function (a, b) { return a + b; }, 0);
    var segments = 1;
    if (total > single) {
      var used = 0;
      units.forEach(function (size) {
        if (used + size > part) { segments += 1; used = 0; }
        used += size;
      });
    }
    return { encoding: gsm ? "GSM-7" : "UCS-2", segments: segments, chars: chars.length };
  }
  window.staffSegments = segmentInfo;

  function setUpReply() {
    var body = document.getElementById("reply-body");
    var counter = document.getElementById("segment-counter");
    if (!body || !counter) return;
    function update() {
      var info = segmentInfo(body.value);
      counter.textContent = info.chars + " characters · " + info.segments + " segment" +
        (info.segments === 1 ? "" : "s") + " · " + info.encoding;
      counter.dataset.segments = String(info.segments);
      counter.dataset.encoding = info.encoding;
    }
    body.addEventListener("input", update);
    document.querySelectorAll(".quick-reply").forEach(function (button) {
      button.addEventListener("click", function () {
        body.value = button.dataset.text || "";
        update();
        body.focus();
      });
    });
    update();
  }

  // ---------------------------------------------------------------- queue polling + alerts
  var audio = null;

  function beep() {
    try {
      if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume();
      [0, 0.45, 0.9].forEach(function (offset) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.type = "square";
        osc.frequency.value = 880;
        gain.gain.value = 0.15;
        osc.connect(gain);
        gain.connect(audio.destination);
        osc.start(audio.currentTime + offset);
        osc.stop(audio.currentTime + offset + 0.3);
      });
      document.body.dataset.beeps = String(Number(document.body.dataset.beeps || "0") + 1);
    } catch (error) {
      // No audio device (or blocked until a click): the visible alert still shows.
    }
  }

  function setUpQueue() {
    var pollUrl = document.body.dataset.pollUrl;
    var listUrl = document.body.dataset.listUrl;
    if (!pollUrl) return;
    var alertBox = document.getElementById("emergency-alert");
    var alertCount = document.getElementById("emergency-count");
    var soundOn = document.getElementById("sound-on");
    var baseTitle = document.title;
    var known = null;
    var stamp = null;

    if (soundOn) soundOn.addEventListener("click", function () { beep(); soundOn.hidden = true; });

    function showEmergencies(ids) {
      alertBox.hidden = ids.length === 0;
      alertCount.textContent = String(ids.length);
      document.title = ids.length ? "(" + ids.length + ") EMERGENCY · " + baseTitle : baseTitle;
      var fresh = known === null ? ids : ids.filter(function (id) { return known.indexOf(id) === -1; });
      if (fresh.length) {
        document.body.dataset.alerted = fresh.join(",");
        beep();
      }
      known = ids;
    }

    function updateCounts(counts) {
      Object.keys(counts).forEach(function (queue) {
        var chip = document.querySelector('.count-chip[data-queue="' + queue + '"] .n');
        if (chip) chip.textContent = String(counts[queue]);
      });
    }

    function refreshList() {
      return fetch(listUrl, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("list " + r.status);
        return r.text();
      }).then(function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var target = document.getElementById("queue-list");
        target.replaceChildren.apply(target, Array.from(parsed.body.childNodes).map(function (n) {
          return document.importNode(n, true);
        }));
      });
    }

    function poll() {
      fetch(pollUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) {
          if (r.status === 401) { window.location.reload(); throw new Error("signed out"); }
          return r.json();
        })
        .then(function (data) {
          updateCounts(data.counts);
          showEmergencies(data.emergencies);
          if (stamp !== null && data.stamp !== stamp) refreshList();
          stamp = data.stamp;
        })
        .catch(function () { /* try again at the next poll */ })
        .finally(function () { window.setTimeout(poll, 2000); });
    }
    poll();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpReply();
    setUpQueue();
  });
})();
