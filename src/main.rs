//! The `keuzekaart` binary: the command line, and the app when no subcommand is given.

use std::process::ExitCode;

use clap::Parser;
use keuzekaart::cli::{Cli, main_from_args};

fn main() -> ExitCode {
    #[cfg(feature = "gui")]
    keuzekaart::ui::note_process_start();
    match main_from_args(Cli::parse()) {
        Ok(code) => code,
        #[cfg(feature = "gui")]
        Err(file) => keuzekaart::ui::run(file),
        #[cfg(not(feature = "gui"))]
        Err(_) => {
            eprintln!(
                "Deze keuzekaart is zonder app gebouwd (zonder de functie 'gui'); gebruik een opdracht, zie --help."
            );
            ExitCode::from(2)
        }
    }
}
