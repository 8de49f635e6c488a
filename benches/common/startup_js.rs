//! The start-up measurement's scripts, shared by `startup.rs` (current Chromium) and `engines.rs`
//! (Chromium 86 and 109, Firefox ESR): see `startup.rs` for what the figures mean.

/// Installed before any of the page's own scripts: on every animation frame from the start of
/// navigation, the times (performance.now()) when the form is shown, the app started, and a text
/// box takes typing, in `window.__gongwenTimes`.
pub const TIMES: &str = "(() => {
  const t = window.__gongwenTimes = {};
  const EDITABLE = '.step-view input[type=text]:not([readonly]):not([disabled]), .step-view textarea:not([readonly]):not([disabled])';
  const visible = (sel) => Array.from(document.querySelectorAll(sel)).some(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility === 'visible';
  });
  const tick = () => {
    const now = performance.now();
    if (t.shown === undefined && visible('.step-view input, .step-view textarea')) t.shown = now;
    if (t.typing === undefined && visible(EDITABLE)) t.typing = now;
    if (t.started === undefined && visible('body > .app .step-view input, body > .app .step-view textarea')) t.started = now;
    if (t.shown === undefined || t.started === undefined || t.typing === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();";

/// The page as rendered now, without its scripts: text boxes keep what they show (a textarea's
/// value is a property, not markup), the html element loses the boot script's classes.
pub const STATIC_COPY: &str = "const page = document.documentElement.cloneNode(true);
  const live = Array.from(document.querySelectorAll('input, textarea'));
  Array.from(page.querySelectorAll('input, textarea')).forEach((copy, i) => {
    if (copy.tagName === 'TEXTAREA') copy.textContent = live[i].value; else copy.setAttribute('value', live[i].value);
  });
  page.querySelectorAll('script').forEach(s => s.remove());
  page.querySelectorAll('link[rel=modulepreload], link[rel=preload]').forEach(l => l.remove());
  page.removeAttribute('class');
  return '<!doctype html>' + page.outerHTML;";
