//! What `gongwen check` reads, and reading it on every core: the files named on the command
//! line, `-` (standard input), and every `.txt` and `.docx` under a folder (recursively, sorted by
//! path).
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One text to check: the name printed for it, and where it comes from (or why it cannot be
/// read, in Chinese).
pub struct Input {
    pub name: String,
    pub source: Result<Source, String>,
}

pub enum Source {
    File(PathBuf),
    /// `-`: standard input.
    Stdin,
}

/// The inputs the arguments name, in argument order; a folder becomes its `.txt` and `.docx` files (any
/// depth, sorted by path). A folder with none is an input that cannot be read, so the command
/// does not pass in silence on a wrong folder.
pub fn gather(args: &[&str]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for &arg in args {
        let path = Path::new(arg);
        if arg == "-" {
            inputs.push(Input { name: arg.to_string(), source: Ok(Source::Stdin) });
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort_by(|a, b| a.0.cmp(&b.0));
            if found.is_empty() {
                inputs.push(Input {
                    name: arg.to_string(),
                    source: Err("这个文件夹里（包括下级文件夹）没有 .txt 或 .docx 文件。".to_string()),
                });
            }
            inputs.extend(found.into_iter().map(|(p, source)| Input { name: p.to_string_lossy().into_owned(), source }));
        } else {
            inputs.push(Input { name: arg.to_string(), source: Ok(Source::File(path.to_path_buf())) });
        }
    }
    inputs
}

/// A report file by its name: plain text or a Word document (Word's lock files, `~$报告.docx`,
/// are not).
fn is_report(path: &Path) -> bool {
    let lock = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("~$"));
    !lock && path.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt") || x.eq_ignore_ascii_case("docx"))
}

/// Every `.txt` and `.docx` file under `dir`, and every folder that cannot be listed (with why). Links to
/// folders are not followed (a link may point back up and never end); links to files are.
fn walk(dir: &Path, found: &mut Vec<(PathBuf, Result<Source, String>)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push((dir.to_path_buf(), Err(format!("无法打开这个文件夹（{e}）。"))));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found.push((dir.to_path_buf(), Err(format!("无法列出这个文件夹里的内容（{e}）。"))));
                continue;
            }
        };
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, found),
            Ok(_) if is_report(&path) && path.is_file() => found.push((path.clone(), Ok(Source::File(path)))),
            _ => {}
        }
    }
}

/// `f` over every item on all cores; the results in the items' order.
pub fn map_on_all_cores<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    // Each thread takes the next item until none is left, so one large file does not hold up
    // the others.
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order() {
        let items: Vec<u64> = (0..1000).collect();
        assert_eq!(map_on_all_cores(&items, |&n| n * n), items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert_eq!(map_on_all_cores(&[] as &[u64], |&n| n), Vec::<u64>::new());
    }

    #[test]
    fn a_folder_is_its_txt_and_docx_files_sorted_at_any_depth() {
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        for (name, bytes) in
            [("b.txt", "乙"), ("a/z.TXT", "甲"), ("a/b/c.txt", "丙"), ("a/notes.md", "#"), ("c.docx", "PK"), ("~$c.docx", "lock")]
        {
            let p = d.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap_or(d.path())).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(p, bytes).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::create_dir(d.path().join("empty")).unwrap_or_else(|e| panic!("{e}"));
        let root = d.path().to_string_lossy().into_owned();
        let names: Vec<String> = gather(&[&root]).into_iter().map(|i| i.name[root.len()..].to_string()).collect();
        assert_eq!(names, ["/a/b/c.txt", "/a/z.TXT", "/b.txt", "/c.docx"]);
        let empty = d.path().join("empty").to_string_lossy().into_owned();
        let inputs = gather(&[&empty, "-"]);
        assert!(inputs[0].source.as_ref().is_err_and(|why| why.contains("没有 .txt 或 .docx 文件")));
        assert!(matches!(inputs[1].source, Ok(Source::Stdin)));
    }
}
