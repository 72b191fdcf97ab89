//! The `keuzekaart` binary: the command line, and the app when no subcommand is given.

use std::process::ExitCode;

use clap::Parser;
use keuzekaart::cli::{Cli, main_from_args};

fn main() -> ExitCode {
    keuzekaart::ui::note_process_start();
    match main_from_args(Cli::parse()) {
        Ok(code) => code,
        Err(file) => keuzekaart::ui::run(file),
    }
}
