// The classic boot script, first in <body> of both pages (xtask/src/boot.rs fills in the
// {{…}} placeholders). ES3 syntax only: every browser runs it, Internet Explorer too.

(function () {
var w = window, d = document, started = false, shown = false;
var tooOld = '{{TOO_OLD}}', failed = '{{FAILED}}';
function show(text) {
  if (started || shown) return;
  shown = true;
  d.documentElement.className += ' boot-failed';
  var p = d.createElement('p');
  p.className = 'boot-message';
  p.setAttribute('role', 'alert');
  p.appendChild(d.createTextNode(text));
  d.body.insertBefore(p, d.body.firstChild);
}
function explain(error) {
  var old = typeof WebAssembly === 'object' && error instanceof WebAssembly.CompileError || error instanceof SyntaxError;
  show(old ? tooOld : failed + error);
}
w.gongwenBoot = { failed: explain, build: '{{BUILD}}' };
if (typeof w.WebAssembly !== 'object' || typeof w.Promise !== 'function' || !w.addEventListener
    || !('noModule' in d.createElement('script'))) {
  show(tooOld);
  return;
}
try {
  var s = w.localStorage, own = '{{COPY_KEY_MARK}}' + w.location.host + w.location.pathname + '#';
  if (s.getItem('{{STORED_LIST}}') !== null || s.getItem('{{STORED_OLD}}') !== null
      || w.location.protocol === 'file:' && (s.getItem(own + '{{STORED_LIST}}') !== null || s.getItem(own + '{{STORED_OLD}}') !== null)) {
    d.documentElement.className += ' has-drafts';
  }
} catch (e) {}
function onError(e) {
  var from = e.target;
  if (from && from !== w && from.tagName !== 'SCRIPT') return;
  explain(e.error || (from && from.src ? 'cannot load ' + from.src : e.message));
}
w.addEventListener('error', onError, true);
w.addEventListener('TrunkApplicationStarted', function () {
  started = true;
  w.removeEventListener('error', onError, true);
});
if (w.CSS && CSS.supports && CSS.supports('container-type', 'inline-size')) {
  var strict = d.createElement('meta');
  strict.httpEquiv = 'Content-Security-Policy';
  strict.content = "script-src {{STRICT}}";
  d.head.appendChild(strict);
}
})();