// Keeps the server-rendered countdowns of Art. 14 deadlines current. Each element with a
// data-due attribute (epoch milliseconds) shows the time left, or how long it is overdue.
(function () {
  "use strict";
  function words(ms) {
    var overdue = ms < 0;
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    var text = d > 0 ? d + " d " + h + " h " + m + " min" : h > 0 ? h + " h " + m + " min " + sec + " s" : m + " min " + sec + " s";
    return overdue ? "overdue " + text : text;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var due = parseInt(el.getAttribute("data-due"), 10);
      if (!isNaN(due)) {
        el.textContent = words(due - now);
        el.classList.toggle("overdue", due < now);
      }
    });
  }
  tick();
  setInterval(tick, 1000);
})();
