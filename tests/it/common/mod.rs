//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod app;
pub mod strategies;

use std::str::FromStr;

use keuzekaart::core::Workbook;
use rust_decimal::Decimal;

/// The rules' findings apart from the reminder that peppers are left to spend (a warning every
/// workbook in progress has): what a test means by "breaks no rule".
pub fn findings_besides_unspent(wb: &Workbook) -> Vec<keuzekaart::core::Finding> {
    keuzekaart::core::rules::check(wb)
        .into_iter()
        .filter(|f| !matches!(f.problem, keuzekaart::core::Problem::Unspent { .. }))
        .collect()
}

/// A decimal from text, for readable test data.
pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A file as an older build wrote it: the saved text with its version line set to `version`, so
/// migration tests keep meaning what they say when the current version moves on.
pub fn as_version(text: &str, version: u32) -> String {
    let current = format!("version: {},", keuzekaart::core::workbook::FORMAT_VERSION);
    assert!(text.contains(&current), "a file of the current version");
    text.replacen(&current, &format!("version: {version},"), 1)
}

/// The bundled workbook with some choices, as an official would fill it in.
pub fn filled_workbook() -> Workbook {
    use keuzekaart::core::edit::{Edit, apply};
    let mut wb = Workbook::bundled();
    let edits = [
        ("Beuningen", 4, "3"),
        ("Beuningen", 12, "2"),
        ("Heumen", 7, "2"),
        ("Heumen", 13, "3"),
        ("Nijmegen", 4, "5"),
        ("Nijmegen", 10, "7"),
        ("Mook en Middelaar", 9, "1.5"),
        ("Berg en Dal", 2, "6"),
        ("Druten", 5, "1"),
        ("Wijchen", 11, "4"),
    ];
    for (gemeente, activity, peppers) in edits {
        apply(
            &mut wb,
            &Edit::AddPeppers {
                gemeente: gemeente.into(),
                activity,
                peppers: d(peppers),
            },
        )
        .unwrap_or_else(|r| panic!("{gemeente} {activity}: {r}"));
    }
    apply(
        &mut wb,
        &Edit::SetTaken {
            gemeente: "Heumen".into(),
            activity: 1,
            taken: true,
        },
    )
    .unwrap();
    wb
}

/// The filled workbook with Beuningen's choices agreed by its college and WerkBedrijf.
pub fn agreed_workbook() -> Workbook {
    use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
    use keuzekaart::core::{Edit, Model};
    let mut model = Model::new(filled_workbook());
    let decision = |side, date: &str| Decision {
        side,
        outcome: Outcome::Akkoord,
        date: chrono::NaiveDate::parse_from_str(date, "%d-%m-%Y").unwrap(),
        number: "2021-0042".into(),
        signatory: "J. de Vries".into(),
        role: if side == Side::College {
            "wethouder Werk".into()
        } else {
            "voorzitter Dagelijks Bestuur".into()
        },
        place: "Beuningen".into(),
        version: 0,
    };
    for step in [
        SignOffStep::Submit,
        SignOffStep::Decide(decision(Side::College, "02-02-2021")),
        SignOffStep::Decide(decision(Side::WerkBedrijf, "14-03-2021")),
    ] {
        model
            .apply(Edit::SignOff {
                gemeente: "Beuningen".into(),
                step,
            })
            .unwrap();
    }
    model.workbook().clone()
}

/// Records both agreeing decisions on a gemeente's current version (submitting it first), as a
/// college and the Dagelijks Bestuur would; dates as "dd-mm-yyyy".
pub fn agree(
    model: &mut keuzekaart::core::Model,
    gemeente: &str,
    college: &str,
    werkbedrijf: &str,
) {
    use keuzekaart::core::Edit;
    use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
    let version = model
        .workbook()
        .plan(gemeente)
        .map(|p| p.sign_off.version)
        .unwrap_or_default();
    let decision = |side, date: &str| Decision {
        side,
        outcome: Outcome::Akkoord,
        date: chrono::NaiveDate::parse_from_str(date, "%d-%m-%Y").unwrap(),
        number: format!("{gemeente}-{version}"),
        signatory: "A. Jansen".into(),
        role: if side == Side::College {
            "wethouder Werk".into()
        } else {
            "voorzitter Dagelijks Bestuur".into()
        },
        place: gemeente.into(),
        version,
    };
    for step in [
        SignOffStep::Submit,
        SignOffStep::Decide(decision(Side::College, college)),
        SignOffStep::Decide(decision(Side::WerkBedrijf, werkbedrijf)),
    ] {
        model
            .apply(Edit::SignOff {
                gemeente: gemeente.into(),
                step,
            })
            .unwrap_or_else(|r| panic!("{gemeente}: {r}"));
    }
}

/// The example workbook of docs/ with every gemeente's choices agreed in February 2021 and what
/// WerkBedrijf delivered in the four half-years entered (some activities on schedule, some
/// behind), the first three half-years closed: the Voortgang screen and report as a user sees them.
pub fn progress_workbook() -> Workbook {
    use keuzekaart::core::capacity::CapacityAssumptions;
    use keuzekaart::core::period::Period;
    use keuzekaart::core::progress::{CellValue, ProgressEdit, Source};
    use keuzekaart::core::progress_figures::region_progress;
    use keuzekaart::core::{Edit, Model};
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/voorbeeld-2021-2022.ron");
    let mut model = Model::new(keuzekaart::storage::read_workbook(&path).unwrap());
    let names: Vec<String> = model
        .workbook()
        .region
        .gemeenten
        .iter()
        .map(|g| g.name.clone())
        .collect();
    for name in &names {
        agree(&mut model, name, "01-02-2021", "15-02-2021");
    }
    let term_end = model.workbook().region.term.end;
    let progress = region_progress(model.workbook(), term_end, &CapacityAssumptions::bundled());
    // How much of the agreed volume was delivered, by turns: on schedule, ahead, behind, far behind.
    let shares = ["0.97", "1.08", "0.83", "0.55", "0.92", "1.00", "0.74"];
    let mut cells = Vec::new();
    let mut turn = 0;
    for gemeente in &progress {
        for activity in &gemeente.activities {
            for period in &activity.periods {
                let agreed = period.figure.agreed.unwrap_or_default();
                let volume = (agreed * d(shares[turn % shares.len()])).round();
                turn += 1;
                cells.push(CellValue {
                    gemeente: gemeente.gemeente.clone(),
                    activity: activity.activity,
                    period: period.period,
                    volume: Some(volume),
                    note: None,
                });
            }
        }
    }
    let at = chrono::NaiveDate::from_ymd_opt(2023, 1, 16)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap();
    model
        .apply(Edit::Progress(ProgressEdit::Enter {
            cells,
            source: Source::Imported {
                file: "registratie-2022.xlsx".into(),
                // The SHA-256 of the registration's export the example stands for.
                sha256: "4f2a9c1e7b3d5a8f0c6e2b9d4a7f1c3e5b8d0a2f4c6e8b1d3f5a7c9e0b2d4f6a".into(),
            },
            reason: String::new(),
            by: "WerkBedrijf, team Regie".into(),
            at,
        }))
        .unwrap();
    for code in ["2021-H1", "2021-H2", "2022-H1"] {
        model
            .apply(Edit::Progress(ProgressEdit::Close {
                period: Period::parse(code).unwrap(),
                by: "WerkBedrijf, controller".into(),
                at,
            }))
            .unwrap();
    }
    model.workbook().clone()
}

/// A tool a test needs is not installed. On a developer's laptop the test says so and is skipped;
/// under CI (`CI` set, as `.ci/run` does) that would hide a missing install step, so it fails and
/// names the Debian package that installs the tool.
pub fn missing_tool(tool: &str, package: &str) {
    let message = format!("{tool} is niet geïnstalleerd (apt-get install {package})");
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!(
            "{message}; onder CI mag een test niet overslaan: installeer het in scripts/test.sh"
        );
    }
    eprintln!("overgeslagen: {message}");
}
