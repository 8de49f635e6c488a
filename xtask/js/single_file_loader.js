// The single file's loader, after the inlined glue in the same module script: the embedded
// .wasm decoded, unpacked and started, no fetch at all. (xtask/src/boot.rs)


{{UNPACK}}(async () => {
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly missing');
  await firstFrame();
  const block = document.getElementById('{{WASM_BLOCK_ID}}');
  const text = block.textContent.trim();
  block.remove();
  const bytes = await unpacked(bytesOf(text));
  const wasm = await {{INIT}}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
})().catch((error) => {
  // The bytes unpacked whole (the decoder checks their length) but do not compile: the engine
  // lacks a WebAssembly feature the module uses; the boot script says the browser is too old.
  window.gongwenBoot.failed(error);
  throw error;
});
{{WORKSHOP}}