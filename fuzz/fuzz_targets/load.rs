//! Fuzz target: any bytes as a workbook file, through everything a file reaches without a window:
//! load → check → verify → summary → next term → the annex's data (and, for files that load,
//! the command line's own commands on them). A panic anywhere is a bug: `check` exit 0 must mean
//! every command works, and a file that does not load must be refused with a message.

#![no_main]

use keuzekaart::annex::{AnnexOptions, annex_data};
use keuzekaart::cli::{Command, run_command};
use keuzekaart::core::{rules, signoff, term};
use keuzekaart::storage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(workbook) = storage::parse_workbook_bytes(data) else {
        return;
    };
    let findings = rules::check(&workbook);
    let _ = signoff::verify(&workbook);
    for gemeente in &workbook.region.gemeenten {
        let _ = workbook.budget(gemeente);
        let _ = workbook.choice_lines(gemeente);
    }
    let next = term::next_term(&workbook);
    let _ = storage::to_ron(&next);
    let annex = annex_data(&workbook, &AnnexOptions::default());
    assert!(serde_json::to_vec(&annex).is_ok());
    // The command line's summary and check, on the file as a user would pass it.
    let path = std::env::temp_dir().join(format!("keuzekaart-fuzz-{}.ron", std::process::id()));
    if std::fs::write(&path, data).is_ok() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_command(Command::Check { file: path.clone() }, &mut out, &mut err);
        assert_eq!(code != 2, true, "a file that loads is never 'unreadable' to check");
        assert_eq!(code == 1, rules::has_errors(&findings));
        assert_eq!(run_command(Command::Summary { file: path.clone() }, &mut out, &mut err), 0);
    }
});
