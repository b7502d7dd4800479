// Export-MjGallery: the page's only script. It filters, moves between cards and copies commands. It reads text
// only through textContent and never writes markup, so nothing a server sent can become HTML or script here.
(function () {
  'use strict';

  var cards = Array.prototype.slice.call(document.querySelectorAll('.card'));
  var query = document.getElementById('q');
  var status = document.getElementById('status');
  var shown = document.getElementById('shown');
  var index = cards.map(function (card) {
    var parts = card.querySelectorAll('.status, .prompt, .params, .facts, .reason');
    var text = '';
    for (var i = 0; i < parts.length; i++) { text += ' ' + parts[i].textContent; }
    return text.toLowerCase();
  });

  function visible() {
    return cards.filter(function (card) { return !card.hidden; });
  }

  function apply() {
    var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var count = 0;
    cards.forEach(function (card, i) {
      var match = (!wanted || card.getAttribute('data-status') === wanted) &&
        words.every(function (word) { return index[i].indexOf(word) >= 0; });
      card.hidden = !match;
      if (match) { count++; }
    });
    shown.textContent = count + ' of ' + cards.length + ' shown';
  }

  var pending = 0;
  query.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(apply, 80);
  });
  status.addEventListener('change', apply);

  function copy(button) {
    var code = button.parentNode.querySelector('code');
    var text = code.textContent;
    function said(word) {
      button.textContent = word;
      setTimeout(function () { button.textContent = 'Copy'; }, 1500);
    }
    function select() {
      // Older browsers and pages the clipboard API refuses: select the text and copy it the old way.
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      said(ok ? 'Copied' : 'Press Ctrl+C');
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { said('Copied'); }, select);
    } else {
      select();
    }
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target && target.classList && target.classList.contains('copy')) {
      copy(target);
    }
  });

  // Cards per row: how many visible cards share the first one's top.
  function columns(list) {
    if (list.length === 0) { return 1; }
    var top = list[0].offsetTop;
    var n = 0;
    while (n < list.length && list[n].offsetTop === top) { n++; }
    return Math.max(1, n);
  }

  function move(card, step) {
    var list = visible();
    var at = list.indexOf(card);
    var next = list[Math.min(list.length - 1, Math.max(0, at + step))];
    if (next) { next.focus(); }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var typing = target === query || target === status;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      query.focus();
      query.select();
      return;
    }
    if (event.key === 'Escape' && typing) {
      query.value = '';
      apply();
      query.blur();
      var first = visible()[0];
      if (first) { first.focus(); }
      return;
    }
    if (!target || !target.classList || !target.classList.contains('card')) { return; }
    var list = visible();
    switch (event.key) {
      case 'ArrowRight': case 'l': move(target, 1); break;
      case 'ArrowLeft': case 'h': move(target, -1); break;
      case 'ArrowDown': case 'j': move(target, columns(list)); break;
      case 'ArrowUp': case 'k': move(target, -columns(list)); break;
      case 'Home': move(target, -list.length); break;
      case 'End': move(target, list.length); break;
      case 'Enter':
        var link = target.querySelector('figure a');
        if (link) { link.click(); }
        break;
      case 'c':
        var button = target.querySelector('.copy');
        if (button) { copy(button); }
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  apply();
  // Tells a test (and a curious reader) that the page's own script ran under its Content-Security-Policy.
  document.documentElement.setAttribute('data-gallery-ready', String(cards.length));
})();
