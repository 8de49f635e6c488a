//! `gongwen check 报告.txt`, `gongwen render --docx 草稿.json`: the web page's checks and Word file from the command line (see `gongwen::cli`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Result<Vec<String>, _> = std::env::args_os().skip(1).map(|a| a.into_string()).collect();
    let code = match args {
        Ok(args) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            gongwen::cli::run(&args, &mut out, &mut std::io::stderr().lock())
        }
        Err(bad) => {
            let _ = writeln!(std::io::stderr(), "gongwen：参数“{}”不是有效的文字编码，请改用其他文件名。", bad.to_string_lossy());
            2
        }
    };
    std::process::exit(code);
}

// The command line reads files: in the browser there is nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}
