// Small enhancements; every page works without this file.
(function () {
    "use strict";

    // Focus the error summary so screen readers announce the problems first.
    var summary = document.querySelector("[data-focus]");
    if (summary) {
        summary.focus();
    }

    // Confirm destructive actions (delete, unpublish, take theirs).
    document.addEventListener("submit", function (event) {
        var submitter = event.submitter;
        var message = (submitter && submitter.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });

    // Markdown live preview through the server's renderer (the same one that stores the HTML).
    var token = document.querySelector("input[name='__RequestVerificationToken']");
    document.querySelectorAll("textarea[data-preview]").forEach(function (area) {
        var target = document.getElementById(area.getAttribute("data-preview"));
        if (!target || !token) {
            return;
        }

        var timer = null;
        var render = function () {
            var body = new URLSearchParams();
            body.set("markdown", area.value);
            body.set("__RequestVerificationToken", token.value);
            fetch("/admin/markdown-preview", { method: "POST", body: body, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
                .then(function (html) { target.innerHTML = html; })
                .catch(function () { /* the preview stays as it was; saving still works */ });
        };
        area.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(render, 300);
        });
        var button = document.querySelector("[data-preview-button='" + area.id + "']");
        if (button) {
            button.addEventListener("click", function (event) {
                event.preventDefault();
                render();
            });
        }
    });
    // Media fields: a file dropped anywhere on the upload area goes into its file input, as if it had been chosen.
    document.querySelectorAll("[data-media-drop]").forEach(function (zone) {
        var input = zone.querySelector("input[type=file]");
        if (!input) {
            return;
        }
        zone.addEventListener("dragover", function (event) {
            event.preventDefault();
            zone.classList.add("dragging");
        });
        zone.addEventListener("dragleave", function () { zone.classList.remove("dragging"); });
        zone.addEventListener("drop", function (event) {
            event.preventDefault();
            zone.classList.remove("dragging");
            if (event.dataTransfer && event.dataTransfer.files.length > 0) {
                input.files = event.dataTransfer.files;
            }
        });
    });
})();
