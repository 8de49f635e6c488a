// The served page's module loader: trunk's, without top-level await (Chrome 89), so that
// Chromium 86 parses it; it fetches, unpacks and starts the app. (xtask/src/boot.rs)

import init{{IMPORT}} from '{{GLUE}}';
const wasmFile = '{{WASM}}';
{{UNPACK}}Promise.all([fetch(wasmFile).then((response) => {
  if (!response.ok) throw new Error(`${response.status} ${wasmFile}`);
  return response.arrayBuffer();
}), firstFrame()]).then(([file]) => unpacked(new Uint8Array(file))).then((module_or_path) => init({ module_or_path })).then((wasm) => {{{EXPOSE}}
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
}, (error) => {
  window.gongwenBoot.failed(error);
  throw error;
});
{{WORKSHOP}}