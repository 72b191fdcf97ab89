//! Writes the example workbook (docs/voorbeeld-2021-2022.ron) with Heumen's choices agreed by its
//! college and WerkBedrijf, through the same edits the app uses, for the annex's page images in
//! docs/: `cargo run --example voorbeeld_vastgesteld -- OUT.ron`, then `keuzekaart annex OUT.ron`.

use chrono::NaiveDate;
use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
use keuzekaart::core::{Edit, Model};

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: voorbeeld_vastgesteld OUT.ron");
    let workbook = keuzekaart::storage::read_workbook("docs/voorbeeld-2021-2022.ron".as_ref())
        .expect("the example workbook reads");
    let mut model = Model::new(workbook);
    let decision =
        |side, date: (i32, u32, u32), number: &str, who: &str, role: &str, place: &str| Decision {
            side,
            outcome: Outcome::Akkoord,
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("a date"),
            number: number.into(),
            signatory: who.into(),
            role: role.into(),
            place: place.into(),
            version: 0,
        };
    for step in [
        SignOffStep::Submit,
        SignOffStep::Decide(decision(
            Side::College,
            (2021, 2, 9),
            "B&W 2021/031",
            "M. de Boer",
            "wethouder Werk en Inkomen",
            "Malden",
        )),
        SignOffStep::Decide(decision(
            Side::WerkBedrijf,
            (2021, 3, 4),
            "DB 2021/12",
            "H.M.F. Bruls",
            "voorzitter Dagelijks Bestuur MGR Rijk van Nijmegen",
            "Nijmegen",
        )),
    ] {
        model
            .apply(Edit::SignOff {
                gemeente: "Heumen".into(),
                step,
            })
            .expect("Heumen's choices can be signed off");
    }
    keuzekaart::storage::save_workbook(out.as_ref(), model.workbook()).expect("written");
    println!("{out}");
}
