// Ashyq: click-to-play for YouTube videos. Loaded (defer) only on pages that list a YouTube video.
// Without this script every video is a plain link. With it, the hidden button next to the link is
// shown; nothing is requested from YouTube until the visitor presses it, and then only from the
// privacy-enhanced youtube-nocookie.com, in an iframe that replaces the button.
(function () {
  "use strict";
  var VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
  function play(button) {
    var id = button.getAttribute("data-youtube-id");
    if (!VIDEO_ID.test(id)) return;
    var frame = document.createElement("iframe");
    frame.src = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1";
    frame.title = button.getAttribute("data-player-title") || button.textContent;
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    var player = document.createElement("div");
    player.className = "media-player";
    player.appendChild(frame);
    button.replaceWith(player);
    frame.focus();
  }
  var buttons = document.querySelectorAll("button.media-play[data-youtube-id]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) {
      play(event.currentTarget);
    });
  }
})();
