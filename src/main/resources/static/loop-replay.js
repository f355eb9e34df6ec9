// The loop's replay: the passes embedded in the page (#pass-data), one at a time, with step, play, speed, a slider
// over the run's time and a clickable list of events. No framework; the table under it is the no-script version.
(function () {
  "use strict";
  var data = document.getElementById("pass-data");
  var replay = document.getElementById("replay");
  if (!data || !replay) {
    return;
  }
  var passes = JSON.parse(data.textContent);
  if (passes.length === 0) {
    return;
  }
  replay.hidden = false;
  var current = 0;
  var timer = null;
  var $ = function (id) { return document.getElementById(id); };
  var slider = $("slider");
  slider.min = passes[0].atMs;
  slider.max = passes[passes.length - 1].atMs;

  function fill(list, items, render) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      render(li, item);
      list.appendChild(li);
    });
    if (items.length === 0) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "none";
      list.appendChild(none);
    }
  }

  function text(li, value) { li.textContent = value; }

  function selectText(s) {
    if (!s) { return ""; }
    var waited = s.timeoutMs === null || s.timeoutMs === undefined ? "waited until woken"
        : s.timeoutMs === 0 ? "did not wait" : "waited at most " + s.timeoutMs + " ms";
    return waited + ", blocked " + s.blockedMs.toFixed(3) + " ms: " + s.why;
  }

  function show(i) {
    current = Math.max(0, Math.min(passes.length - 1, i));
    var p = passes[current];
    $("pass-title").textContent = "Pass " + p.index + " at " + p.atMs.toFixed(3) + " ms"
        + (p.slow ? " \u2014 a slow callback held the loop" : "");
    $("pass-title").className = p.slow ? "slow" : "";
    // The address names the pass shown, so that a link (or a reload) opens this pass.
    history.replaceState(null, "", "#pass-" + p.index);
    fill($("ready"), p.ready, text);
    $("select").textContent = selectText(p.select);
    fill($("watching"), p.select ? p.select.watching : [], text);
    fill($("reported"), p.select ? p.select.ready : [], text);
    fill($("timers"), p.timers, text);
    var slowest = p.ran.reduce(function (m, r) { return Math.max(m, r.ms); }, 0);
    fill($("ran"), p.ran, function (li, r) {
      li.textContent = r.what + " \u00b7 " + r.ms.toFixed(3) + " ms";
      if (p.slow && r.ms === slowest) { li.className = "slow"; }
    });
    if (p.moreRan > 0) {
      var more = document.createElement("li");
      more.textContent = "and " + p.moreRan + " more";
      $("ran").appendChild(more);
    }
    fill($("parked"), p.parked, function (li, k) { li.textContent = k.task + " on " + k.on; });
    fill($("woke"), p.woke, text);
    fill($("tasks"), p.tasks, function (li, t) {
      li.textContent = t.name + (t.awaiting ? " awaits " + t.awaiting : ": ready to step");
      li.className = t.state;
    });
    slider.value = p.atMs;
    $("clock").textContent = "pass " + (current + 1) + " of " + passes.length + " kept";
    var events = $("events").children;
    for (var e = 0; e < events.length; e++) {
      events[e].classList.toggle("current", Number(events[e].dataset.pass) === current);
    }
  }

  function stop() {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    $("play").innerHTML = "&#9654; play";
  }

  function tick() {
    if (current >= passes.length - 1) {
      stop();
      return;
    }
    show(current + 1);
    timer = setTimeout(tick, 600 / Number($("speed").value));
  }

  $("play").addEventListener("click", function () {
    if (timer !== null) {
      stop();
    } else {
      $("play").innerHTML = "&#10074;&#10074; pause";
      timer = setTimeout(tick, 600 / Number($("speed").value));
    }
  });
  $("forward").addEventListener("click", function () { stop(); show(current + 1); });
  $("back").addEventListener("click", function () { stop(); show(current - 1); });
  slider.addEventListener("input", function () {
    stop();
    var at = Number(slider.value);
    var i = 0;
    while (i + 1 < passes.length && passes[i + 1].atMs <= at) { i++; }
    show(i);
  });

  // The events: a line per pass that did something a learner would look for.
  passes.forEach(function (p, i) {
    var what = [];
    if (p.slow) { what.push("slow callback: " + p.ran.map(function (r) { return r.what; }).join(", ")); }
    if (p.parked.length) { what.push(p.parked.length + " parked"); }
    if (p.woke.length) { what.push("woke " + p.woke.join(", ")); }
    if (p.timers.length) { what.push("timers: " + p.timers.join(", ")); }
    if (p.select && p.select.ready.length) { what.push("the OS reported " + p.select.ready.length + " ready"); }
    if (what.length === 0) { return; }
    var li = document.createElement("li");
    li.dataset.pass = i;
    li.className = p.slow ? "slow" : "";
    li.textContent = "pass " + p.index + " \u00b7 " + p.atMs.toFixed(1) + " ms \u00b7 " + what.join("; ");
    li.addEventListener("click", function () { stop(); show(i); });
    $("events").appendChild(li);
  });
  // #pass-N opens pass N (or the first kept pass after it).
  var asked = /^#pass-(\d+)$/.exec(location.hash);
  var start = 0;
  if (asked) {
    var index = Number(asked[1]);
    start = passes.findIndex(function (p) { return p.index >= index; });
    start = start < 0 ? passes.length - 1 : start;
  }
  show(start);
}());
