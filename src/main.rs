//! The `spotlight` binary: everything lives in the library; this only maps the outcome to an
//! exit code (0 found, 1 nothing found, 2 error).

use std::process::ExitCode;

/// mimalloc: loading a corpus makes and drops millions of small strings on every core, where
/// glibc's allocator spends a third of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    spotlight::cli::main()
}
