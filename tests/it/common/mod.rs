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
        role: "wethouder Werk".into(),
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
pub fn agree(model: &mut keuzekaart::core::Model, gemeente: &str, college: &str, werkbedrijf: &str) {
    use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
    use keuzekaart::core::Edit;
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
        role: "wethouder Werk".into(),
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
