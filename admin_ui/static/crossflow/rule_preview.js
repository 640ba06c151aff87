// Posts the warning-rule form as it stands to the preview endpoint; nothing is saved.
(function () {
  "use strict";
  var button = document.getElementById("rule-preview-button");
  if (!button) return;
  var result = document.getElementById("rule-preview-result");
  button.addEventListener("click", async function () {
    var form = button.closest("form");
    button.disabled = true;
    try {
      var response = await fetch(button.dataset.url, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-CSRFToken": (window.Cookies && Cookies.get("starlette_admin_csrftoken")) || "" },
        credentials: "same-origin",
      });
      result.innerHTML = await response.text(); // rendered and escaped by the server
    } catch (error) {
      result.textContent = String(error);
    } finally {
      button.disabled = false;
    }
  });
})();
