// Shared by both loaders: base64 to bytes, and the packed .wasm unpacked by the decoder module
// in the page's data block (unpack/). Raw WebAssembly passes as it is. The decoder's text is kept
// at once: the app, once started, replaces the page's body and its data blocks, and 模板制作's
// module (workshop_*.js) is unpacked later. (xtask/src/boot.rs)
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
const decoder = document.getElementById('{{DECODER_ID}}');
const decoderText = decoder && decoder.textContent.trim();
const unpacked = (packed) => {
  if (packed[0] === 0 && packed[1] === 0x61 && packed[2] === 0x73 && packed[3] === 0x6d) return packed;
  if (!decoderText) throw new Error('{{DECODER_ID}} missing');
  return WebAssembly.instantiate(bytesOf(decoderText)).then(({ instance }) => {
    const e = instance.exports;
    const at = e.alloc(packed.length);
    new Uint8Array(e.memory.buffer, at, packed.length).set(packed);
    const n = e.unpack(at, packed.length);
    if (!n) throw new Error('the .wasm does not unpack (damaged or cut short)');
    return new Uint8Array(e.memory.buffer, e.unpacked(), n).slice();
  });
};
