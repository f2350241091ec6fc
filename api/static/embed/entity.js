// "Copy embed snippet" on the entity page: copies the <iframe> tag from its textarea.
(function () {
  "use strict";
  var button = document.getElementById("copy-snippet");
  if (!button) return;
  var status = document.getElementById("copy-status");
  button.addEventListener("click", function () {
    var area = document.getElementById(button.getAttribute("data-target"));
    var text = area.value;
    function done(message) { if (status) status.textContent = message; }
    function fallback() {
      area.focus();
      area.select();
      try {
        done(document.execCommand("copy") ? "copied" : "select the text and copy it");
      } catch (e) {
        done("select the text and copy it");
      }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done("copied"); }, fallback);
    } else {
      fallback();
    }
  });
})();
