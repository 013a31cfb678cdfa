// Pohon kinerja viewer (Rencana page): fit to the frame's width, zoom, pan by dragging, open or fold all branches.
// The tree itself is server-rendered nested lists with <details>, so it reads and folds without this script; the
// script only adds the view controls. No network, no inline script (the site's Content-Security-Policy).
(function () {
  "use strict";

  var MIN = 0.25, MAX = 2, STEP = 1.25;
  // below this a box's text is too small to read; fitting a wide tree stops here and opens on the root instead
  var READABLE = 0.6;

  function start() {
    var frame = document.getElementById("pohon");
    var tree = document.getElementById("pohon-isi");
    var tools = document.getElementById("pohon-alat");
    if (!frame || !tree || !tools) return;
    var scaleLabel = document.getElementById("pohon-skala");
    var scale = 1;

    function naturalWidth() {
      var before = tree.style.zoom;
      tree.style.zoom = "1";
      var width = tree.scrollWidth;
      tree.style.zoom = before;
      return width;
    }

    function setScale(next, keepCentre) {
      next = Math.min(MAX, Math.max(MIN, next));
      // keep the point in the middle of the frame where it was
      var cx = (frame.scrollLeft + frame.clientWidth / 2) / scale;
      var cy = (frame.scrollTop + frame.clientHeight / 2) / scale;
      scale = next;
      tree.style.zoom = String(scale);
      if (keepCentre) {
        frame.scrollLeft = cx * scale - frame.clientWidth / 2;
        frame.scrollTop = cy * scale - frame.clientHeight / 2;
      }
      if (scaleLabel) scaleLabel.textContent = "Skala " + Math.round(scale * 100) + "%";
    }

    function root() {
      return tree.querySelector(".pohon-akar > li > details > summary, .pohon-akar > li > .simpul");
    }

    // scroll so the root box is at the top, centred across
    function toRoot() {
      var box = root();
      if (!box) return;
      var f = frame.getBoundingClientRect();
      var b = box.getBoundingClientRect();
      frame.scrollLeft += b.left + b.width / 2 - (f.left + f.width / 2);
      frame.scrollTop += b.top - f.top - 8;
    }

    // the whole width when it stays readable; else the readable scale, opened on the root
    function fit() {
      var width = naturalWidth();
      var wanted = width > 0 ? (frame.clientWidth - 4) / width : 1;
      setScale(Math.min(1, Math.max(READABLE, wanted)), false);
      toRoot();
    }

    function setOpen(open) {
      tree.querySelectorAll("details").forEach(function (d) {
        // "fold to the first level": only the root's own branch stays open
        var depth = 0;
        for (var p = d.parentElement; p && p !== tree; p = p.parentElement) if (p.tagName === "DETAILS") depth++;
        d.open = open || depth === 0;
      });
      fit();
    }

    tools.hidden = false;
    tools.addEventListener("click", function (e) {
      var button = e.target.closest("button[data-pohon]");
      if (!button) return;
      switch (button.getAttribute("data-pohon")) {
        case "perbesar": setScale(scale * STEP, true); break;
        case "perkecil": setScale(scale / STEP, true); break;
        case "selebar": fit(); break;
        case "akar": toRoot(); break;
        case "buka": setOpen(true); break;
        case "lipat": setOpen(false); break;
      }
    });

    // Ctrl + wheel zooms (the plain wheel keeps scrolling the page and the frame)
    frame.addEventListener("wheel", function (e) {
      if (!e.ctrlKey) return;
      e.preventDefault();
      setScale(e.deltaY < 0 ? scale * STEP : scale / STEP, true);
    }, { passive: false });

    // drag to pan; a drag that moved is not a click on a box (so it does not fold a branch)
    var drag = null, moved = false;
    frame.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, left: frame.scrollLeft, top: frame.scrollTop };
      moved = false;
    });
    frame.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 5) return;
      if (!moved) { moved = true; frame.classList.add("menyeret"); frame.setPointerCapture(e.pointerId); }
      frame.scrollLeft = drag.left - dx;
      frame.scrollTop = drag.top - dy;
    });
    function stop(e) {
      if (drag && moved && frame.hasPointerCapture(e.pointerId)) frame.releasePointerCapture(e.pointerId);
      drag = null;
      frame.classList.remove("menyeret");
    }
    frame.addEventListener("pointerup", stop);
    frame.addEventListener("pointercancel", stop);
    frame.addEventListener("click", function (e) {
      if (moved) { e.preventDefault(); e.stopPropagation(); moved = false; }
    }, true);

    // keyboard: + and - zoom, 0 fits (arrow keys scroll the focused frame natively)
    frame.addEventListener("keydown", function (e) {
      if (e.target !== frame) return;
      if (e.key === "+" || e.key === "=") { setScale(scale * STEP, true); e.preventDefault(); }
      else if (e.key === "-") { setScale(scale / STEP, true); e.preventDefault(); }
      else if (e.key === "0") { fit(); e.preventDefault(); }
    });

    fit();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
