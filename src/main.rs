//! The `keuzekaart` binary: the command line, and the app when no subcommand is given.

// On Windows the binary is a GUI program, so starting the app from the Start menu opens no
// console window behind it; the command line attaches to the console it was started from.
#![cfg_attr(all(windows, feature = "gui"), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use keuzekaart::cli::{Cli, main_from_args};

fn main() -> ExitCode {
    #[cfg(feature = "gui")]
    keuzekaart::ui::note_process_start();
    keuzekaart::storage::lock::remove_held_locks_on_panic();
    #[cfg(all(windows, feature = "gui"))]
    attach_console();
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

/// A GUI program on Windows starts without a console: output of a command typed in cmd or
/// PowerShell goes to that window only once the program attaches to it. Without one (started from
/// the Start menu) this does nothing.
#[cfg(all(windows, feature = "gui"))]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no memory of ours; it fails
    // harmlessly when there is no parent console or one is attached already.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
