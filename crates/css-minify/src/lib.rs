//! The page's stylesheet minified with lightningcss's defaults, as trunk did (`xtask/src/page.rs`
//! calls it). A crate of its own so that the parser and printer, generic code, are compiled once
//! here and not again in xtask after each of its changes (121 s against 36 s for xtask alone).

/// The stylesheet minified; an error (in English, from lightningcss) when it cannot be read.
pub fn minify(css: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet.minify(MinifyOptions::default()).map_err(|e| e.to_string())?;
    let printed = sheet.to_css(PrinterOptions { minify: true, ..Default::default() }).map_err(|e| e.to_string())?;
    Ok(printed.code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rules_lose_their_spaces_and_colours_their_long_forms() {
        assert_eq!(super::minify("a {\n  color: #ff0000;\n}\n\n/* note */\nb { margin: 0px 0px; }\n").unwrap(), "a{color:red}b{margin:0}");
    }
}
