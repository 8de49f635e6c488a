//! What goes out: the finished report as paragraphs and text (`render`), the GB/T 9704 page
//! both print and Word follow (`layout`), and the .docx file (`docx`).
pub mod docx;
pub mod layout;
pub mod render;
