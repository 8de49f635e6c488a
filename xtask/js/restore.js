// The returning clerk's first screen (xtask/src/boot.rs fills in the {{…}} placeholders), a
// classic script right after the prerendered first screen. When the page is hidden or left,
// the app saves what was typed and then calls gongwenBoot.keep(id, rev) (ui::autosave,
// Action::KeepScreen: only when all is saved and no conflict waits), which keeps what the app
// shows with the build, the draft and the stored revision it shows. On the
// next visit it takes the prerendered new draft's place before any module has loaded, only if
// it is of this build, of the draft the app will open, at the revision stored now; the clerk
// sees and types into their own draft at once (ui::carry hands that to the app). It is read
// once and removed, so it takes no room while a page is open, and a page that crashed leaves none.
// Kept: each box showing its value (a typed value is a property, not markup); no dialog and no
// notice (the app tells its own); the boxes carry cannot hand over shown fixed; nothing larger
// than MAX_CHARS (a draft of about 100,000 characters), which would take the drafts' room.

(function () {
var w = window, d = document, s, key;
try {
  if (!w.gongwenBoot || / boot-failed/.test(d.documentElement.className)) return;
  s = w.localStorage;
  key = (w.location.protocol === 'file:' ? '{{COPY_KEY_MARK}}' + w.location.host + w.location.pathname + '#' : '') + '{{SNAPSHOT_KEY}}';
  var snap = JSON.parse(s.getItem(key) || 'null');
  s.removeItem(key);
  var list = JSON.parse(s.getItem(key.replace('{{SNAPSHOT_KEY}}', '{{STORED_LIST}}')) || 'null');
  var shell = d.getElementById('{{SHELL_ID}}'), listed = null, i;
  if (snap && list && shell && snap.build === w.gongwenBoot.build && snap.rev && snap.id === list.active) {
    for (i = 0; i < list.drafts.length; i++) if (list.drafts[i].id === snap.id) listed = list.drafts[i];
    if (listed && listed.rev === snap.rev) {
      shell.innerHTML = snap.html;
      shell.setAttribute('data-draft', snap.id);
      shell.setAttribute('data-rev', snap.rev);
      d.documentElement.className = d.documentElement.className.replace(/ has-drafts/g, '');
    }
  }
} catch (e) {}
if (!s) return;
function all(root, selector, each) {
  var found = root.querySelectorAll(selector);
  for (var i = 0; i < found.length; i++) each(found[i], i);
}
w.gongwenBoot.keep = function (id, rev) {
  try {
    s.removeItem(key);
    var app = d.querySelector('body > .app');
    if (!app || !id || !rev) return;
    var copy = app.cloneNode(true), live = app.querySelectorAll('input, textarea');
    all(copy, 'input, textarea', function (box, i) {
      if (box.tagName === 'TEXTAREA') box.textContent = live[i].value;
      else box.setAttribute('value', live[i].value);
      if (live[i].checked) box.setAttribute('checked', '');
      else box.removeAttribute('checked');
    });
    all(copy, '.dialog-backdrop, .notice', function (e) { e.parentNode.removeChild(e); });
    all(copy, 'select, input[type=file], input[type=checkbox], input[type=radio]', function (e) { e.setAttribute('disabled', ''); });
    var html = copy.outerHTML;
    if (html.length <= {{MAX_CHARS}}) s.setItem(key, JSON.stringify({ build: w.gongwenBoot.build, id: id, rev: rev, html: html }));
  } catch (e) {
    try { s.removeItem(key); } catch (e2) {}
  }
};
})();
