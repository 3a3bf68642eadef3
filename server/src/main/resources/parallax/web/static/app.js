// Progressive enhancement only: every page reads and works without this script.
(function () {
  'use strict';
  // Story list: apply the "at least N articles" filter as soon as it changes.
  var min = document.getElementById('min');
  if (min && min.form) {
    min.addEventListener('change', function () { min.form.submit(); });
  }
  // Claims matrix: the open evidence panel is the URL's #fragment (CSS :target shows it without script);
  // here the chosen cell is also marked, and Escape closes the panel.
  function markSelected() {
    var cells = document.querySelectorAll('td.cell.selected');
    for (var i = 0; i < cells.length; i++) { cells[i].classList.remove('selected'); }
    var id = window.location.hash.slice(1);
    if (!id) { return; }
    var link = document.querySelector('td.cell a[data-panel="' + CSS.escape(id) + '"]');
    if (link) { link.parentNode.classList.add('selected'); }
  }
  window.addEventListener('hashchange', markSelected);
  markSelected();
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && /^#ev-/.test(window.location.hash)) {
      window.location.hash = '#claims';
    }
  });
})();
