//! The benchmark floor: walk a repository and parse every YAML file with the same parser
//! on the same threads as `isms`, doing nothing else.
//!
//! `cargo run --release --example floor -- DIR` prints the number of files and events.

use rayon::prelude::*;

fn main() {
    let root = std::env::args().nth(1).expect("usage: floor DIR");
    let files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    let events: usize = files
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            let mut n = 0;
            for e in saphyr_parser::Parser::new_from_str(&text) {
                if e.is_err() {
                    break;
                }
                n += 1;
            }
            n
        })
        .sum();
    println!("{} files, {events} events", files.len());
}
