// 模板制作 in the single file: after its inlined glue, the code the single file keeps in a block
// the browser does not run, which the app's loader (workshop_single_file_open.js) makes a module
// script only when the app first opens the workshop. It hands the loader its `open`, which
// unpacks and starts the module once (again after a failure) and opens the workshop, as
// workshop_served.js does on the served page. (xtask/src/boot.rs)

let workshopLoaded = null;
window.{{GLOBAL}}.ready((start, unpacked, packed) => {
  if (!workshopLoaded) {
    workshopLoaded = Promise.resolve().then(() => unpacked(packed())).then((module_or_path) => {{INIT}}({ module_or_path }));
    workshopLoaded.catch(() => { workshopLoaded = null; });
  }
  return workshopLoaded.then(() => open_workshop(start));
});
