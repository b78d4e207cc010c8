// Keyboard shortcuts of the dashboard (served from 'self'; every page works without it).
// Queue and case: N = next case, C = claim. Decision form: 1 = remove as illegal, 2 = remove as incompatible
// with the terms, 3 = no action; each fills the form and moves the focus to the explanation.
(function () {
  'use strict';
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function set(id, value) {
    var el = document.getElementById(id);
    if (el) { el.value = value; }
  }
  function preset(action, ground) {
    var form = document.getElementById('decision-form');
    if (!form) { return false; }
    var radio = document.getElementById('action-' + action);
    if (radio) { radio.checked = true; }
    set('ground', ground);
    if (ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
      set('category', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH');
    }
    var explanation = document.getElementById('explanation');
    if (explanation) { explanation.focus(); }
    return true;
  }
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var handled = false;
    switch (event.key) {
      case 'n': case 'N': {
        var next = document.getElementById('next-case-form');
        if (next) { next.submit(); handled = true; } else if (!document.getElementById('decision-form')) {
          window.location.href = '/queue'; handled = true;
        }
        break;
      }
      case 'c': case 'C': {
        var claim = document.getElementById('claim');
        if (claim) { claim.click(); handled = true; }
        break;
      }
      case '1': handled = preset('remove', 'DECISION_GROUND_ILLEGAL_CONTENT'); break;
      case '2': handled = preset('remove', 'DECISION_GROUND_INCOMPATIBLE_CONTENT'); break;
      case '3': handled = preset('no_action', ''); break;
      default: break;
    }
    if (handled) { event.preventDefault(); }
  });
}());
