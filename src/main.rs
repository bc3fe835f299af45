//! The `spotlight` binary: everything lives in the library; this only maps the outcome to an
//! exit code (0 found, 1 nothing found, 2 error).

use std::process::ExitCode;

fn main() -> ExitCode {
    spotlight::cli::main()
}
