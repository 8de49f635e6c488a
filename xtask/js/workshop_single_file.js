// 模板制作 in the single file: after its inlined glue, in a module script of its own. The packed
// module's data block and the decoder are read now (the app replaces the page's body once
// started); the module is unpacked and started only when the app opens the workshop, once
// (again after a failure); the app is told how it went by a window event. (xtask/src/boot.rs)

{{UNPACK}}const workshopBlock = document.getElementById('{{BLOCK_ID}}');
const workshopText = workshopBlock ? workshopBlock.textContent.trim() : '';
if (workshopBlock) workshopBlock.remove();
let workshopLoaded = null;
window.{{GLOBAL}} = {
  open: (start) => {
    if (!workshopLoaded) {
      workshopLoaded = Promise.resolve().then(() => {
        if (!workshopText) throw new Error('{{BLOCK_ID}} missing');
        return unpacked(bytesOf(workshopText));
      }).then((module_or_path) => {{INIT}}({ module_or_path }));
      workshopLoaded.catch(() => { workshopLoaded = null; });
    }
    {{TOLD}};
  },
};
