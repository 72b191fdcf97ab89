//! The reconciliation of the art. 14.2 report (issue 34, "the report a controller signs"): per
//! calendar year and for the term, agreed and realised in units and euros, with totals per
//! gemeente and for the region that are exactly the sums of their printed lines.

use chrono::NaiveDate;
use keuzekaart::core::capacity::CapacityAssumptions;
use keuzekaart::core::progress_figures::FigureState;
use keuzekaart::core::reconciliation::{EuroTotal, reconcile, region_totals, unit_price};
use rust_decimal::Decimal;

use crate::cli::{keuzekaart, text};
use crate::common::{d, progress_workbook};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d-%m-%Y").unwrap()
}

#[test]
fn every_total_is_the_sum_of_its_lines_and_every_line_is_within_a_euro_of_volume_times_price() {
    let workbook = progress_workbook();
    let assumptions = CapacityAssumptions::bundled();
    // Mid-period, at a year's end and at the term's end: pro rata volumes are repeating decimals
    // on the first day, whole numbers on the others.
    for as_of in ["17-05-2021", "31-12-2021", "03-03-2022", "31-12-2022"] {
        let accounts = reconcile(&workbook, day(as_of), &assumptions);
        assert_eq!(accounts.len(), 7, "{as_of}");
        let mut region = EuroTotal::default();
        for account in &accounts {
            let gemeente = workbook.region.gemeente(&account.gemeente).unwrap();
            let mut exact_term = Decimal::ZERO;
            let mut lines = EuroTotal::default();
            for activity in &account.activities {
                let price = unit_price(&workbook, gemeente, activity.activity);
                assert_eq!(price, activity.price);
                let term = activity.term();
                let years =
                    |f: fn(&keuzekaart::core::reconciliation::YearLine) -> Option<Decimal>| {
                        activity.years.iter().filter_map(f).sum::<Decimal>()
                    };
                // The term's line is the sum of the year lines, in units and in euros.
                assert_eq!(term.agreed.unwrap_or_default(), years(|y| y.agreed));
                assert_eq!(term.delivered.unwrap_or_default(), years(|y| y.delivered));
                assert_eq!(
                    term.euros_agreed.unwrap_or_default(),
                    years(|y| y.euros_agreed)
                );
                for year in &activity.years {
                    for (volume, euros) in [
                        (year.agreed, year.euros_agreed),
                        (year.delivered, year.euros_realised),
                    ] {
                        match (volume, price) {
                            (Some(v), Some(p)) => {
                                let euros = euros.expect("a priced volume has euros");
                                assert_eq!(euros, euros.trunc(), "whole euros");
                                // A reader multiplying the printed volume by the price
                                // lands within a euro of the printed amount.
                                assert!(
                                    (euros - v * p).abs() < Decimal::ONE,
                                    "{as_of} {} {}: {euros} for {v} × {p}",
                                    account.gemeente,
                                    activity.activity
                                );
                            }
                            // A free offer or a figure never delivered has no euros: not € 0.
                            _ => assert_eq!(euros, None, "{as_of} {}", activity.activity),
                        }
                    }
                    if year.delivered.is_none() && year.agreed.is_some_and(|a| !a.is_zero()) {
                        assert_eq!(year.state, Some(FigureState::NotDelivered));
                    }
                    lines = lines
                        + EuroTotal {
                            agreed: year.euros_agreed.unwrap_or_default(),
                            realised: year.euros_realised.unwrap_or_default(),
                        };
                }
                exact_term += activity
                    .years
                    .iter()
                    .filter_map(|y| Some(y.agreed? * price?))
                    .sum::<Decimal>();
            }
            let years_sum = account
                .years
                .iter()
                .map(|y| account.year_total(*y))
                .fold(EuroTotal::default(), |a, b| a + b);
            assert_eq!(account.term_total(), lines, "{as_of} {}", account.gemeente);
            assert_eq!(account.term_total(), years_sum);
            // Spreading keeps the gemeente's total true: the sum of printed volume × price,
            // rounded.
            assert!(
                (account.term_total().agreed - exact_term).abs() <= d("0.5"),
                "{as_of} {}: {} against {exact_term}",
                account.gemeente,
                account.term_total().agreed
            );
            region = region + account.term_total();
        }
        let (per_year, term) = region_totals(&accounts);
        assert_eq!(term, region, "{as_of}");
        assert_eq!(
            per_year
                .iter()
                .map(|(_, t)| *t)
                .fold(EuroTotal::default(), |a, b| a + b),
            term
        );
    }
}

#[test]
fn a_full_year_agreed_is_the_euros_of_the_peppers_the_annex_prints() {
    // Over a whole year the agreed euros of a gemeente are its peppers' euros, as the annex
    // prints them per year: Beuningen's € 78.395, Nijmegen's € 1.172.413.
    let workbook = progress_workbook();
    let accounts = reconcile(
        &workbook,
        day("31-12-2022"),
        &CapacityAssumptions::bundled(),
    );
    for account in &accounts {
        let gemeente = workbook.region.gemeente(&account.gemeente).unwrap();
        let budget = workbook.budget(gemeente);
        for year in [2021, 2022] {
            let agreed = account.year_total(year).agreed;
            assert!(
                (agreed - budget.used_eur).abs() <= Decimal::ONE,
                "{} {year}: {agreed} against {}",
                account.gemeente,
                budget.used_eur
            );
        }
        assert!((account.term_total().agreed - budget.used_eur * d("2")).abs() <= Decimal::ONE);
    }
}

#[test]
fn the_report_prints_the_reconciliation_and_its_region_line_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("werkmap.ron"),
        keuzekaart::storage::to_ron(&progress_workbook()),
    )
    .unwrap();
    let out = keuzekaart(
        &["voortgang", "werkmap.ron", "--out", "rapport.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(dir.path().join("rapport.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let report = text(&pdf.stdout);
    let section = report
        .split("Verantwoording per jaar")
        .nth(1)
        .expect("the report has a reconciliation");
    // The region table: seven gemeenten and the region, each six amounts (2021, 2022, the term;
    // agreed and realised), as a reader adds them with a pencil.
    let amounts = |line: &str| -> Vec<Decimal> {
        line.split('€')
            .skip(1)
            .map(|a| {
                let digits: String = a
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                digits.replace('.', "").parse().unwrap()
            })
            .collect()
    };
    let names = [
        "Berg en Dal",
        "Beuningen",
        "Druten",
        "Heumen",
        "Mook en Middelaar",
        "Nijmegen",
        "Wijchen",
    ];
    let mut sums = vec![Decimal::ZERO; 6];
    for name in names {
        let line = section
            .lines()
            .find(|l| l.trim_start().starts_with(name) && l.contains('€'))
            .unwrap_or_else(|| panic!("{name} in the region table"));
        let row = amounts(line);
        assert_eq!(row.len(), 6, "{line}");
        assert_eq!(row[4], row[0] + row[2], "{line}: the term is the two years");
        assert_eq!(row[5], row[1] + row[3], "{line}");
        for (sum, a) in sums.iter_mut().zip(row) {
            *sum += a;
        }
    }
    let region = section
        .lines()
        .find(|l| l.trim_start().starts_with("Regio"))
        .expect("the region's line");
    assert_eq!(amounts(region), sums, "{region}");
    // Each gemeente's table closes with its totals, and a free offer has no price.
    assert!(section.contains("Totaal Beuningen"), "{section}");
    assert!(section.contains("€ 979,94 per kandidaat"), "{section}");
    assert!(section.contains("geen"), "{section}");
    assert!(section.contains("voorlopig") && section.contains("vastgesteld"));
}
