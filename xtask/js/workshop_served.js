// 模板制作 on the served page: workshop/start-HASH.js, a module beside the page that index.html's
// loader imports only when the app opens the workshop, with the page's `unpacked` (unpack.js,
// whose decoder it kept). It imports the workshop's glue, fetches its packed module, unpacks and
// starts it once (again after a failure), and opens the workshop. (xtask/src/boot.rs)

import init, { open_workshop } from '{{GLUE}}';
const wasmFile = new URL('{{WASM}}', import.meta.url);
let loaded = null;
export const open = (start, unpacked) => {
  if (!loaded) {
    loaded = fetch(wasmFile).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${wasmFile}`);
      return response.arrayBuffer();
    }).then((file) => unpacked(new Uint8Array(file))).then((module_or_path) => init({ module_or_path }));
    loaded.catch(() => { loaded = null; });
  }
  return loaded.then(() => open_workshop(start));
};
