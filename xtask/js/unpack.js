// Shared by both loaders: base64 to bytes, and the packed .wasm unpacked by the decoder module
// in the page's data block (unpack/). Raw WebAssembly passes as it is. (xtask/src/boot.rs)
// firstFrame: the heavy part of the start (decode, unpack, compile) waits for the first frame,
// so the form (live, ui::carry) is painted before it, not after; a hidden tab, which paints no
// frames, starts after a quarter of a second.

const bytesOf = (text) => {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
const firstFrame = () => new Promise((go) => {
  let done = false;
  const once = () => { if (!done) { done = true; go(); } };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
});
const unpacked = (packed) => {
  if (packed[0] === 0 && packed[1] === 0x61 && packed[2] === 0x73 && packed[3] === 0x6d) return packed;
  const block = document.getElementById('{{DECODER_ID}}');
  if (!block) throw new Error('{{DECODER_ID}} missing');
  return WebAssembly.instantiate(bytesOf(block.textContent.trim())).then(({ instance }) => {
    const e = instance.exports;
    const at = e.alloc(packed.length);
    new Uint8Array(e.memory.buffer, at, packed.length).set(packed);
    const n = e.unpack(at, packed.length);
    if (!n) throw new Error('the .wasm does not unpack (damaged or cut short)');
    return new Uint8Array(e.memory.buffer, e.unpacked(), n).slice();
  });
};
