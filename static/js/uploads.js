/* Progressive enhancement of evidence upload forms: drag and drop, and a progress bar per file.
   Without JavaScript the form posts normally; with it, the same form is sent by XHR so upload
   progress can be shown. The server answers XHR with JSON: {redirect} or {errors}. */
(function () {
  "use strict";

  function fmtBytes(n) {
    var units = ["bytes", "KB", "MB", "GB"], i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i ? n.toFixed(1) : n) + " " + units[i];
  }

  function enhance(form) {
    var input = form.querySelector("input[type=file][data-upload-input]");
    if (!input || !window.FormData || !window.XMLHttpRequest) { return; }
    var zone = input.closest("[data-dropzone]");
    var list = zone ? zone.querySelector("[data-upload-list]") : null;
    var errors = form.querySelector("[data-upload-errors]");
    var submit = form.querySelector("[data-upload-submit]");
    var maxBytes = zone ? parseInt(zone.getAttribute("data-max-bytes"), 10) || 0 : 0;
    var rows = [];

    if (zone) {
      zone.classList.add("upload-zone-enhanced");
      var hint = zone.querySelector(".upload-drop-hint");
      if (hint) { hint.hidden = false; }
      ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("is-dragging"); });
      });
      ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove("is-dragging"); });
      });
      zone.addEventListener("drop", function (e) {
        if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
        var dt = new DataTransfer();
        Array.prototype.forEach.call(input.files, function (f) { dt.items.add(f); });
        Array.prototype.forEach.call(e.dataTransfer.files, function (f) { dt.items.add(f); });
        input.files = dt.files;
        render();
      });
    }
    input.addEventListener("change", render);

    function showErrors(messages) {
      if (!errors) { window.alert(messages.join("\n")); return; }
      errors.innerHTML = "";
      messages.forEach(function (m) { var p = document.createElement("p"); p.className = "mb-0"; p.textContent = m; errors.appendChild(p); });
      errors.hidden = messages.length === 0;
      if (messages.length) { errors.scrollIntoView({ block: "center" }); }
    }

    function render() {
      rows = [];
      if (!list) { return; }
      list.innerHTML = "";
      var tooBig = [];
      Array.prototype.forEach.call(input.files, function (file, i) {
        var li = document.createElement("li");
        li.className = "upload-item";
        var id = "upload-progress-" + form.id + "-" + i;
        var label = document.createElement("label");
        label.setAttribute("for", id);
        label.className = "upload-name";
        label.textContent = file.name + " (" + fmtBytes(file.size) + ")";
        var bar = document.createElement("progress");
        bar.id = id; bar.max = 100; bar.value = 0;
        var state = document.createElement("span");
        state.className = "upload-state small";
        state.textContent = "Ready";
        li.appendChild(label); li.appendChild(bar); li.appendChild(state);
        list.appendChild(li);
        rows.push({ file: file, bar: bar, state: state });
        if (maxBytes && file.size > maxBytes) { tooBig.push(file.name + " is " + fmtBytes(file.size) + ", over the limit of " + fmtBytes(maxBytes) + " per file; compress or split it."); }
      });
      showErrors(tooBig);
    }

    form.addEventListener("submit", function (event) {
      if (!input.files.length) { return; }  // nothing to upload: an ordinary post is fine
      event.preventDefault();
      if (maxBytes && Array.prototype.some.call(input.files, function (f) { return f.size > maxBytes; })) { render(); return; }
      if (!rows.length) { render(); }
      showErrors([]);
      var data = new FormData(form);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action") || window.location.href);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.setRequestHeader("Accept", "application/json");
      var total = rows.reduce(function (sum, r) { return sum + r.file.size; }, 0);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) { return; }
        // Files are sent in order, so the bytes sent so far fill each file's bar in turn.
        var sent = Math.max(0, e.loaded - (e.total - total));
        var offset = 0;
        rows.forEach(function (r) {
          var share = r.file.size ? Math.min(1, Math.max(0, (sent - offset) / r.file.size)) : 1;
          r.bar.value = Math.round(share * 100);
          r.state.textContent = share >= 1 ? "Uploaded, checking…" : Math.round(share * 100) + "%";
          offset += r.file.size;
        });
      });
      xhr.addEventListener("load", function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status < 400 && body && body.redirect) { window.location.assign(body.redirect); return; }
        rows.forEach(function (r) { r.state.textContent = "Not saved"; });
        showErrors(body && body.errors ? body.errors : ["The upload failed (" + xhr.status + "). Check the files and try again."]);
        if (submit) { submit.disabled = false; }
      });
      xhr.addEventListener("error", function () {
        showErrors(["The connection was lost during the upload. Check your connection and try again."]);
        if (submit) { submit.disabled = false; }
      });
      if (submit) { submit.disabled = true; }
      xhr.send(data);
    });
  }

  document.querySelectorAll("form[data-upload-form]").forEach(function (form, i) {
    if (!form.id) { form.id = "upload-form-" + i; }
    enhance(form);
  });
})();
