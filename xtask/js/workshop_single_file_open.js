// 模板制作 in the single file, in the app's loader: the workshop's code (its glue and
// workshop_single_file.js) sits in a block the browser neither runs nor compiles
// (<script type="text/plain">), so a clerk who does not open the workshop pays only for parsing
// its text. When the app opens the workshop, the code becomes a module script (allowed by its
// hash under both of the page's policies, xtask/src/single_file.rs) that hands back its `open`;
// a script the policy refuses, or that throws, fails the opening (tried again at the next).
// Both blocks are taken out of the page at once: the app, once started, replaces the body.
// (xtask/src/boot.rs)

const workshopCode = document.getElementById('{{CODE_ID}}');
const workshopData = document.getElementById('{{BLOCK_ID}}');
if (workshopCode) workshopCode.remove();
if (workshopData) workshopData.remove();
const workshopScript = () => {
  let refused = null;
  const handed = new Promise((ready, fail) => {
    refused = (e) => fail(e.error || new Error(e.message || `refused by ${e.violatedDirective}`));
    addEventListener('error', refused);
    document.addEventListener('securitypolicyviolation', refused);
    if (!workshopCode || !workshopData) throw new Error('{{CODE_ID}} missing');
    window.{{GLOBAL}}.ready = ready;
    const script = document.createElement('script');
    script.type = 'module';
    script.textContent = workshopCode.textContent;
    document.head.appendChild(script);
  });
  const settled = () => {
    removeEventListener('error', refused);
    document.removeEventListener('securitypolicyviolation', refused);
  };
  handed.then(settled, settled);
  return handed;
};
let workshopHanded = null;
window.{{GLOBAL}} = {
  open: (start) => {
    if (!workshopHanded) {
      workshopHanded = workshopScript();
      workshopHanded.catch(() => { workshopHanded = null; });
    }
    {{TOLD}};
  },
};
