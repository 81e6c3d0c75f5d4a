// Progressive enhancement only: every page reads fully without this file.
(function () {
  "use strict";

  // Two-click video: nothing is requested from the video host until the reader asks for it.
  document.querySelectorAll(".video-consent").forEach(function (box) {
    var button = box.querySelector(".video-consent-button");
    var url = box.getAttribute("data-video-url");
    if (!button || !url) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "video-frame";
      frame.src = embedUrl(url);
      frame.title = box.getAttribute("data-video-title") || box.querySelector(".video-consent-title").textContent;
      frame.allow = "fullscreen";
      frame.setAttribute("referrerpolicy", "no-referrer");
      box.replaceWith(frame);
      frame.focus();
    });
  });

  function embedUrl(url) {
    var youtube = url.match(/(?:youtube\.com\/watch\?v=|youtu\.be\/)([\w-]+)/);
    if (youtube) { return "https://www.youtube-nocookie.com/embed/" + youtube[1]; }
    var vimeo = url.match(/vimeo\.com\/(\d+)/);
    if (vimeo) { return "https://player.vimeo.com/video/" + vimeo[1] + "?dnt=1"; }
    return url;
  }

  // Static search over the Pagefind index that the build writes to /pagefind/.
  var form = document.querySelector("[data-search]");
  if (!form) { return; }
  var input = form.querySelector("input");
  var results = document.getElementById("search-results");
  var pagefind = null;

  async function search(query) {
    try {
      pagefind = pagefind || await import("/pagefind/pagefind.js");
      var found = await pagefind.search(query);
      var items = await Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
      results.replaceChildren();
      if (items.length === 0) { results.textContent = results.getAttribute("data-none"); return; }
      var list = document.createElement("ol");
      items.forEach(function (item) {
        var entry = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.meta.title || item.url;
        var excerpt = document.createElement("p");
        excerpt.textContent = item.excerpt.replace(/<[^>]+>/g, "");
        entry.append(link, excerpt);
        list.append(entry);
      });
      results.append(list);
    } catch (e) {
      results.textContent = results.getAttribute("data-unavailable");
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    if (query) {
      history.replaceState(null, "", "?q=" + encodeURIComponent(query));
      search(query);
    }
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
})();
