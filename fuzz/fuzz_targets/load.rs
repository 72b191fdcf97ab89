//! Fuzz target: any bytes as a workbook file, through everything a file reaches without a window:
//! load → check → verify → summary → next term → the annex's data → the progress figures (on
//! every period's last day), the progress report's data and the Excel export (and, for files
//! that load, the command line's own commands on them). A panic anywhere is a bug: `check` exit 0 must mean
//! every command works, and a file that does not load must be refused with a message.

#![no_main]

use keuzekaart::annex::{AnnexOptions, Coverage, Scope, annex_data, report_data};
use keuzekaart::cli::{Command, run_command};
use keuzekaart::core::capacity::CapacityAssumptions;
use keuzekaart::core::period::Period;
use keuzekaart::core::progress_figures::{cumulative, region_progress};
use keuzekaart::core::{rules, signoff};
use keuzekaart::storage;
use libfuzzer_sys::fuzz_target;

/// Fonts that draw ASCII only: the report's text then goes through the replacement path too.
struct AsciiFonts;

impl Coverage for AsciiFonts {
    fn any(&self, c: char) -> bool {
        c.is_ascii()
    }
    fn body(&self, c: char) -> bool {
        c.is_ascii()
    }
}

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
    let next = keuzekaart::core::next_term::next_term(&workbook);
    let _ = storage::to_ron(&next);
    let annex = annex_data(&workbook, &AnnexOptions::default());
    assert!(serde_json::to_vec(&annex).is_ok());
    // Realisation: the figures as the Voortgang screen shows them on each period's last day and
    // on the term's first, the report over each period and the term, and the Excel export.
    let assumptions = CapacityAssumptions::bundled();
    let periods = Period::of_term(&workbook.region.term, workbook.progress.settings.periods);
    let mut days: Vec<_> = periods.iter().map(|p| p.end()).collect();
    days.push(workbook.region.term.start);
    for day in days {
        for gemeente in region_progress(&workbook, day, &assumptions) {
            for activity in &gemeente.activities {
                let _ = cumulative(activity);
                let _ = activity.to_date.percent();
            }
        }
    }
    for scope in periods
        .iter()
        .copied()
        .map(Scope::UpTo)
        .chain([Scope::Term])
    {
        let data = report_data(&workbook, scope, &assumptions, "01-01-2021", &AsciiFonts);
        assert!(serde_json::to_vec(&data).is_ok());
    }
    let xlsx =
        keuzekaart::spreadsheet::export_xlsx(&workbook, workbook.region.term.end, &assumptions);
    assert!(
        xlsx.is_ok(),
        "the Excel export of a file that loads: {:?}",
        xlsx.err()
    );
    // The command line's summary and check, on the file as a user would pass it.
    let path = std::env::temp_dir().join(format!("keuzekaart-fuzz-{}.ron", std::process::id()));
    if std::fs::write(&path, data).is_ok() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_command(Command::Check { file: path.clone() }, &mut out, &mut err);
        assert_eq!(
            code != 2,
            true,
            "a file that loads is never 'unreadable' to check"
        );
        assert_eq!(code == 1, rules::has_errors(&findings));
        assert_eq!(
            run_command(Command::Summary { file: path.clone() }, &mut out, &mut err),
            0
        );
    }
});
