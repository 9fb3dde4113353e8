//! The standalone `aludel` binary: hands the process arguments to `aludel_cli::run`.

use std::process::ExitCode;

fn main() -> ExitCode {
    aludel_cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )
}
