//! Realisation (art. 14.2): entering figures, closing periods, undo, the migration of version 1
//! files, and the figures of the Voortgang screen checked against a hand calculation.

use chrono::{NaiveDate, NaiveDateTime};
use keuzekaart::core::capacity::CapacityAssumptions;
use keuzekaart::core::period::{Period, PeriodKind};
use keuzekaart::core::progress::{CellValue, ProgressEdit, ProgressRefusal, Source};
use keuzekaart::core::progress_figures::{Flag, gemeente_progress};
use keuzekaart::core::signoff::SignOffStep;
use keuzekaart::core::{Edit, Model, Refusal};

use crate::common::{agree, agreed_workbook, d};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d-%m-%Y").unwrap()
}

fn at() -> NaiveDateTime {
    day("05-07-2021").and_hms_opt(10, 0, 0).unwrap()
}

fn period(code: &str) -> Period {
    Period::parse(code).unwrap()
}

fn cell(gemeente: &str, activity: u32, code: &str, volume: &str) -> CellValue {
    CellValue {
        gemeente: gemeente.into(),
        activity,
        period: period(code),
        volume: Some(d(volume)),
        note: None,
    }
}

fn enter(cells: Vec<CellValue>, reason: &str) -> Edit {
    Edit::Progress(ProgressEdit::Enter {
        cells,
        source: Source::Typed,
        reason: reason.into(),
        by: "Toetser".into(),
        at: at(),
    })
}

/// Beuningen agreed in March 2021 (30 kandidaten screened and 30 trajecten a year); Heumen agreed
/// 6 dagdelen/week of "Heumen Werkt!" in February and raised it to 9 (one pepper moved from activity 13) by an amendment agreed on
/// 1 October 2021.
fn model_with_two_agreements() -> Model {
    let mut model = Model::new(agreed_workbook());
    agree(&mut model, "Heumen", "01-02-2021", "15-02-2021");
    model
        .apply(Edit::SignOff {
            gemeente: "Heumen".into(),
            step: SignOffStep::StartAmendment,
        })
        .unwrap();
    model
        .apply(Edit::MovePeppers {
            gemeente: "Heumen".into(),
            from: 13,
            to: 7,
            peppers: d("1"),
        })
        .unwrap();
    agree(&mut model, "Heumen", "20-09-2021", "01-10-2021");
    model
}

#[test]
fn periods_read_as_people_write_them() {
    for text in ["2021-H1", "2021 h1", "H1 2021", "h1-2021", "2021H1"] {
        assert_eq!(Period::parse(text), Some(period("2021-H1")), "{text}");
    }
    assert_eq!(period("2022-Q3"), period("2022-K3"));
    assert_eq!(period("2022-K3").label(), "3e kwartaal 2022");
    assert_eq!(period("2021-H2").start(), day("01-07-2021"));
    assert_eq!(period("2021-H2").end(), day("31-12-2021"));
    // The last two are six bytes with a character across byte 4 (the import fuzzer's find).
    for bad in [
        "2021-H3",
        "2021-K0",
        "H1",
        "2021",
        "zomer 2021",
        "1999-H1",
        "202é1",
        "20€1",
    ] {
        assert_eq!(Period::parse(bad), None, "{bad}");
    }
    let wb = agreed_workbook();
    let codes: Vec<String> = Period::of_term(&wb.region.term, PeriodKind::HalfYear)
        .iter()
        .map(Period::code)
        .collect();
    assert_eq!(codes, ["2021-H1", "2021-H2", "2022-H1", "2022-H2"]);
}

#[test]
fn figures_match_a_hand_calculation_for_two_gemeenten() {
    let mut model = model_with_two_agreements();
    model
        .apply(enter(
            vec![
                cell("Beuningen", 4, "2021-H1", "12"),
                cell("Beuningen", 4, "2021-H2", "16"),
                cell("Beuningen", 12, "2021-H1", "9"),
                cell("Heumen", 7, "2021-H1", "150"),
                cell("Heumen", 7, "2021-H2", "160"),
            ],
            "",
        ))
        .unwrap();
    let wb = model.workbook();
    let assumptions = CapacityAssumptions::bundled();

    // Beuningen, 31 December 2021: 3 red peppers on activity 4 buy 30 kandidaten a year, so 15
    // per half-year; delivered 12 + 16 = 28 of 30: 93 1/3 %, on track.
    let beuningen = wb.region.gemeente("Beuningen").unwrap();
    let progress = gemeente_progress(wb, beuningen, day("31-12-2021"), &assumptions);
    let screening = progress
        .activities
        .iter()
        .find(|a| a.activity == 4)
        .unwrap();
    assert_eq!(screening.periods[0].figure.agreed, Some(d("15")));
    assert_eq!(screening.periods[1].figure.agreed, Some(d("15")));
    assert_eq!(
        screening.periods[2].figure.agreed,
        Some(d("0")),
        "not begun"
    );
    assert_eq!(screening.to_date.agreed, Some(d("30")));
    assert_eq!(screening.to_date.delivered, Some(d("28")));
    assert_eq!(
        screening.to_date.percent().unwrap().round_dp(4),
        d("93.3333")
    );
    assert_eq!(screening.flag, Some(Flag::OnTrack));
    assert_eq!(screening.term_agreed, Some(d("60")));
    assert_eq!(screening.unit.many, "kandidaten");
    // Activity 12: 2 peppers × 15 trajecten = 30 a year; 9 of 30 to date is 30 %: far behind.
    let trajects = progress
        .activities
        .iter()
        .find(|a| a.activity == 12)
        .unwrap();
    assert_eq!(trajects.to_date.agreed, Some(d("30")));
    assert_eq!(trajects.flag, Some(Flag::FarBehind));

    // Pro rata on 31 March 2021: 90 of H1's 181 days elapsed: 15 × 90 / 181 = 7,4586 agreed;
    // the 12 delivered in H1 are 160,9 % of that.
    let march = gemeente_progress(wb, beuningen, day("31-03-2021"), &assumptions);
    let screening = march.activities.iter().find(|a| a.activity == 4).unwrap();
    let expected = d("15") * d("90") / d("181");
    assert_eq!(screening.to_date.agreed, Some(expected));
    assert_eq!(screening.periods[0].elapsed, d("90") / d("181"));
    assert_eq!(screening.to_date.percent().unwrap().round_dp(1), d("160.9"));

    // Heumen, activity 7: 2 peppers × 3 dagdelen/week = 6 a week × 52 weeks = 312 dagdelen a
    // year, 156 a half-year. From 1 October 2021 9 a week: 468 a year. H2 2021 has 184 days, 92
    // before the amendment and 92 from it: 156 × 92/184 + 234 × 92/184 = 78 + 117 = 195.
    let heumen = wb.region.gemeente("Heumen").unwrap();
    let progress = gemeente_progress(wb, heumen, day("31-12-2021"), &assumptions);
    let werkt = progress
        .activities
        .iter()
        .find(|a| a.activity == 7)
        .unwrap();
    assert_eq!(werkt.unit.many, "dagdelen");
    assert_eq!(werkt.periods[0].figure.agreed, Some(d("156")));
    assert_eq!(werkt.periods[1].figure.agreed, Some(d("195")));
    // 310 of 351: 88,3 %: behind (below 90, at least 70).
    assert_eq!(werkt.to_date.delivered, Some(d("310")));
    assert_eq!(werkt.to_date.percent().unwrap().round_dp(1), d("88.3"));
    assert_eq!(werkt.flag, Some(Flag::Behind));
    // Both versions are named, each with the day it holds from.
    assert_eq!(progress.measured_against.len(), 2);
    assert!(progress.measured_against[1].contains("vanaf 01-10-2021"));
    // Staff on location: 9 dagdelen a week of Heumen Werkt! and the 1 of the werkintake (taken,
    // free) planned now = 10 = 1 fte; delivered 310 dagdelen over the 52 weeks of 2021 = 5,96 a
    // week = 0,6 fte.
    assert_eq!(progress.fte_planned, d("1"));
    assert_eq!(progress.fte_used, Some(d("0.6")));
    // Heumen's activity 13 (3 × 15 kandidaten) was agreed but no figure was delivered: that is
    // not 0 % and "ver achter" but "niet aangeleverd".
    let samen = progress
        .activities
        .iter()
        .find(|a| a.activity == 13)
        .unwrap();
    assert_eq!(samen.to_date.percent(), None);
    assert_eq!(samen.flag, Some(Flag::NotDelivered));
}

#[test]
fn without_agreed_choices_there_is_nothing_to_measure_against() {
    let mut model = Model::new(agreed_workbook());
    model
        .apply(enter(vec![cell("Druten", 5, "2021-H1", "1")], ""))
        .unwrap();
    let wb = model.workbook();
    let druten = wb.region.gemeente("Druten").unwrap();
    let progress = gemeente_progress(
        wb,
        druten,
        day("31-12-2021"),
        &CapacityAssumptions::bundled(),
    );
    assert!(progress.measured_against.is_empty());
    let events = &progress.activities[0];
    assert_eq!(events.to_date.agreed, None);
    assert_eq!(events.to_date.delivered, Some(d("1")));
    assert_eq!(events.flag, None, "no flag without an agreement");
}

#[test]
fn entering_is_one_undoable_edit_and_refuses_what_does_not_fit() {
    let mut model = Model::new(agreed_workbook());
    let cells = vec![
        cell("Beuningen", 4, "2021-H1", "12"),
        cell("Beuningen", 4, "2021-H2", "16"),
    ];
    model.apply(enter(cells, "")).unwrap();
    assert_eq!(model.workbook().progress.delivered.len(), 2);
    assert_eq!(model.undo_label(), Some("2 realisatiecijfers"));
    model.undo();
    assert!(model.workbook().progress.delivered.is_empty());
    model.redo();
    assert_eq!(model.workbook().progress.delivered.len(), 2);

    let refused = |edit: Edit, model: &mut Model| {
        let before = model.workbook().clone();
        let refusal = model.apply(edit).unwrap_err();
        assert_eq!(*model.workbook(), before, "a refused edit changes nothing");
        refusal
    };
    // A bad cell in a block refuses the whole block.
    let block = vec![
        cell("Beuningen", 4, "2022-H1", "5"),
        cell("Beuningen", 4, "2023-H1", "5"),
    ];
    assert!(matches!(
        refused(enter(block, ""), &mut model),
        Refusal::Progress(ProgressRefusal::NotInTerm { .. })
    ));
    assert!(matches!(
        refused(
            enter(vec![cell("Beuningen", 4, "2021-H1", "-1")], ""),
            &mut model
        ),
        Refusal::Progress(ProgressRefusal::Negative(_))
    ));
    assert!(matches!(
        refused(
            enter(vec![cell("Beuningen", 44, "2021-H1", "1")], ""),
            &mut model
        ),
        Refusal::NotOnCard(44)
    ));
    assert!(matches!(
        refused(
            enter(vec![cell("Utrecht", 4, "2021-H1", "1")], ""),
            &mut model
        ),
        Refusal::UnknownGemeente(_)
    ));
    assert!(matches!(
        refused(
            enter(vec![cell("Beuningen", 4, "2021-H1", "1000001")], ""),
            &mut model
        ),
        Refusal::OutOfRange(_)
    ));
    assert!(matches!(
        refused(
            enter(vec![cell("Beuningen", 4, "2021-K1", "1")], ""),
            &mut model
        ),
        Refusal::Progress(ProgressRefusal::NotInTerm { .. })
    ));
}

#[test]
fn a_closed_period_changes_only_with_a_recorded_reason() {
    let mut model = Model::new(agreed_workbook());
    model
        .apply(enter(vec![cell("Beuningen", 4, "2021-H1", "12")], ""))
        .unwrap();
    model
        .apply(Edit::Progress(ProgressEdit::Close {
            period: period("2021-H1"),
            by: "Controller".into(),
            at: day("15-07-2021").and_hms_opt(9, 0, 0).unwrap(),
        }))
        .unwrap();
    let refusal = model
        .apply(enter(vec![cell("Beuningen", 4, "2021-H1", "14")], ""))
        .unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "1e halfjaar 2021 is afgesloten; geef een reden voor de wijziging."
    );
    model
        .apply(enter(
            vec![cell("Beuningen", 4, "2021-H1", "14")],
            "twee screenings laat geregistreerd",
        ))
        .unwrap();
    let entry = model
        .workbook()
        .progress
        .delivered("Beuningen", 4, period("2021-H1"))
        .unwrap();
    assert_eq!(entry.volume, d("14"));
    assert_eq!(entry.corrections.len(), 1);
    assert_eq!(entry.corrections[0].previous, Some(d("12")));
    assert_eq!(
        entry.corrections[0].reason,
        "twee screenings laat geregistreerd"
    );
    // An open period needs no reason and keeps no correction.
    model
        .apply(enter(vec![cell("Beuningen", 4, "2021-H2", "3")], ""))
        .unwrap();
    let open = model
        .workbook()
        .progress
        .delivered("Beuningen", 4, period("2021-H2"));
    assert!(open.unwrap().corrections.is_empty());
    // With figures entered, the term stays in half-years.
    assert!(matches!(
        model
            .apply(Edit::Progress(ProgressEdit::SetPeriods(
                PeriodKind::Quarter
            )))
            .unwrap_err(),
        Refusal::Progress(ProgressRefusal::PeriodsInUse(PeriodKind::HalfYear))
    ));
}

#[test]
fn a_version_1_file_opens_as_the_current_version_without_figures_and_keeps_its_choices() {
    let wb = agreed_workbook();
    let mut text = keuzekaart::storage::to_ron(&wb);
    // The same workbook as a version 1 file holds it: no realisation.
    let start = text
        .find("    progress: (")
        .expect("the current version writes its realisation");
    let end = start + text[start..].find("\n    ),\n").unwrap() + "\n    ),\n".len();
    text.replace_range(start..end, "");
    text = crate::common::as_version(&text, 1);
    assert!(!text.contains("progress"));
    let read = keuzekaart::storage::parse_workbook(&text).unwrap();
    assert_eq!(read.version, keuzekaart::core::workbook::FORMAT_VERSION);
    assert_eq!(read.plans, wb.plans);
    assert!(read.progress.delivered.is_empty());
    assert_eq!(read.progress.settings.periods, PeriodKind::HalfYear);
    // Its sign-offs still hold: the realisation is not part of what was signed.
    let checks = keuzekaart::core::signoff::verify(&read);
    assert!(checks.iter().all(|c| c.problem().is_none()));
    // And a file of the current version with figures (and their history) reads back equal.
    let mut model = Model::new(read);
    model
        .apply(enter(vec![cell("Beuningen", 4, "2021-H1", "12.5")], ""))
        .unwrap();
    let text = keuzekaart::storage::to_ron(model.workbook());
    assert!(text.contains("\"2021-H1\""), "periods are written as codes");
    assert_eq!(
        keuzekaart::storage::parse_workbook(&text).unwrap(),
        *model.workbook()
    );
}

/// The example with realisation in docs/ (opened in the README, the screenshots and the frame
/// benchmark) is the one these tests build; `KEUZEKAART_BLESS=1` writes it anew after a change.
#[test]
fn the_progress_example_in_docs_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/voortgang-voorbeeld-2021-2022.ron");
    let text = keuzekaart::storage::to_ron(&crate::common::progress_workbook());
    if std::env::var_os("KEUZEKAART_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == text,
        "{} is out of date; run the tests with KEUZEKAART_BLESS=1 to write it",
        path.display()
    );
    let read = keuzekaart::storage::read_workbook(&path).unwrap();
    assert_eq!(read.progress.closed.len(), 3);
}

#[test]
fn a_figure_says_whether_it_was_delivered_and_whether_its_period_is_closed() {
    use keuzekaart::core::progress_figures::FigureState;
    let mut model = Model::new(agreed_workbook());
    let figures = |model: &Model, activity: u32| {
        let wb = model.workbook();
        let beuningen = wb.region.gemeente("Beuningen").unwrap();
        gemeente_progress(
            wb,
            beuningen,
            day("30-09-2021"),
            &CapacityAssumptions::bundled(),
        )
        .activities
        .into_iter()
        .find(|a| a.activity == activity)
        .unwrap()
    };
    // Agreed, nothing delivered: not 0 % and "ver achter", but "niet aangeleverd".
    let screening = figures(&model, 4);
    assert_eq!(screening.flag, Some(Flag::NotDelivered));
    assert_eq!(screening.to_date.percent(), None);
    assert_eq!(screening.periods[0].state, Some(FigureState::NotDelivered));
    assert_eq!(screening.periods[2].state, None, "2022-H1 has not begun");

    // Entered in an open period: voorlopig; once the period is closed: vastgesteld; changed
    // after closing: gecorrigeerd.
    model
        .apply(enter(vec![cell("Beuningen", 4, "2021-H1", "12")], ""))
        .unwrap();
    let screening = figures(&model, 4);
    assert_eq!(screening.periods[0].state, Some(FigureState::Provisional));
    assert_ne!(screening.flag, Some(Flag::NotDelivered));
    assert!(screening.to_date.percent().is_some());
    assert_eq!(
        screening.periods[1].state,
        Some(FigureState::NotDelivered),
        "2021-H2 has begun without a figure"
    );
    model
        .apply(Edit::Progress(ProgressEdit::Close {
            period: period("2021-H1"),
            by: "Controller".into(),
            at: day("15-07-2021").and_hms_opt(9, 0, 0).unwrap(),
        }))
        .unwrap();
    assert_eq!(
        figures(&model, 4).periods[0].state,
        Some(FigureState::Final)
    );
    model
        .apply(enter(
            vec![cell("Beuningen", 4, "2021-H1", "14")],
            "twee screenings laat geregistreerd",
        ))
        .unwrap();
    let state = figures(&model, 4).periods[0].state.unwrap();
    assert_eq!(state, FigureState::Corrected);
    assert_eq!(
        [
            FigureState::NotDelivered,
            FigureState::Provisional,
            FigureState::Final,
            state
        ]
        .map(FigureState::label),
        [
            "niet aangeleverd",
            "voorlopig",
            "vastgesteld",
            "gecorrigeerd"
        ]
    );
}
