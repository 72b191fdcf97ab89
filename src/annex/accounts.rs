//! The report's "Verantwoording per jaar": the core's reconciliation (agreed and delivered per
//! calendar year, in units and euros, with totals that are sums of the printed lines) worded and
//! formatted for the layout.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::core::money::{format_eur, format_number, round_cents};
use crate::core::progress_figures::FigureState;
use crate::core::reconciliation::{EuroTotal, GemeenteAccount, YearLine, region_totals};

/// The section's data.
#[derive(Clone, Debug, Serialize)]
pub struct Accounts {
    /// The column heads of the region table: "2021", "2022", "Looptijd".
    pub columns: Vec<String>,
    /// One line per gemeente: euros agreed and realised per column, in pairs.
    pub region: Vec<RegionLine>,
    /// The region's line: the sums of the gemeenten's.
    pub region_total: RegionLine,
    /// Per gemeente, its activities year by year.
    pub gemeenten: Vec<AccountSection>,
}

/// One line of the region table.
#[derive(Clone, Debug, Serialize)]
pub struct RegionLine {
    /// The gemeente, or "Regio".
    pub name: String,
    /// Per column: (euros agreed, euros realised).
    pub cells: Vec<(String, String)>,
}

/// One gemeente's table.
#[derive(Clone, Debug, Serialize)]
pub struct AccountSection {
    /// The gemeente.
    pub name: String,
    /// Its lines: per activity a line per year and one for the term.
    pub rows: Vec<AccountRow>,
    /// Its totals: a line per year and one for the term.
    pub totals: Vec<AccountRow>,
}

/// One line of a gemeente's table.
#[derive(Clone, Debug, Serialize)]
pub struct AccountRow {
    /// "4. Screenen kandidaten" on an activity's first line, else empty.
    pub activity: String,
    /// "2021", or "Looptijd" for the term's line.
    pub year: String,
    /// Agreed, with its unit on the first line: "40 kandidaten".
    pub agreed: String,
    /// Delivered, or "niet aangeleverd", or "—".
    pub delivered: String,
    /// "voorlopig", "vastgesteld", "gecorrigeerd", "niet aangeleverd" or empty.
    pub state: String,
    /// "€ 412,50" per unit on an activity's first line, "geen" for a free offer.
    pub price: String,
    /// Euros agreed, or "—".
    pub euros_agreed: String,
    /// Euros realised, or "—".
    pub euros_realised: String,
    /// Whether this is a term or total line (printed bold).
    pub total: bool,
}

/// Formats the reconciliation.
pub fn accounts(accounts: &[GemeenteAccount], text: &dyn Fn(&str) -> String) -> Accounts {
    let years: Vec<i32> = accounts
        .first()
        .map(|a| a.years.clone())
        .unwrap_or_default();
    let mut columns: Vec<String> = years.iter().map(i32::to_string).collect();
    columns.push("Looptijd".into());
    let pair = |t: EuroTotal| (format_eur(t.agreed), format_eur(t.realised));
    let region = accounts
        .iter()
        .map(|a| RegionLine {
            name: text(&a.gemeente),
            cells: years
                .iter()
                .map(|y| pair(a.year_total(*y)))
                .chain(std::iter::once(pair(a.term_total())))
                .collect(),
        })
        .collect();
    let (per_year, term) = region_totals(accounts);
    Accounts {
        columns,
        region,
        region_total: RegionLine {
            name: "Regio".into(),
            cells: per_year
                .iter()
                .map(|(_, t)| pair(*t))
                .chain(std::iter::once(pair(term)))
                .collect(),
        },
        gemeenten: accounts.iter().map(|a| section(a, text)).collect(),
    }
}

fn section(account: &GemeenteAccount, text: &dyn Fn(&str) -> String) -> AccountSection {
    let mut rows = Vec::new();
    for activity in &account.activities {
        let lines = activity
            .years
            .iter()
            .cloned()
            .chain(std::iter::once(activity.term()));
        for (i, line) in lines.enumerate() {
            let first = i == 0;
            let unit = |v: Decimal| {
                if first {
                    text(&activity.unit.amount(v))
                } else {
                    format_number(v)
                }
            };
            rows.push(AccountRow {
                activity: if first {
                    text(&format!("{}. {}", activity.activity, activity.title))
                } else {
                    String::new()
                },
                year: year_label(&line),
                agreed: line.agreed.map_or("—".into(), unit),
                delivered: delivered(&line, &unit),
                state: line.state.map(|s| s.label().to_owned()).unwrap_or_default(),
                price: match (first, activity.price) {
                    (false, _) => String::new(),
                    (true, None) => "geen".into(),
                    (true, Some(p)) => format!(
                        "{} per {}",
                        format_eur(round_cents(p)),
                        text(&activity.unit.one)
                    ),
                },
                euros_agreed: line.euros_agreed.map_or("—".into(), format_eur),
                euros_realised: line.euros_realised.map_or("—".into(), format_eur),
                total: line.year == 0,
            });
        }
    }
    let total_row = |year: String, t: EuroTotal| AccountRow {
        activity: String::new(),
        year,
        agreed: String::new(),
        delivered: String::new(),
        state: String::new(),
        price: String::new(),
        euros_agreed: format_eur(t.agreed),
        euros_realised: format_eur(t.realised),
        total: true,
    };
    let totals = account
        .years
        .iter()
        .map(|y| total_row(y.to_string(), account.year_total(*y)))
        .chain(std::iter::once(total_row(
            "Looptijd".into(),
            account.term_total(),
        )))
        .collect();
    AccountSection {
        name: text(&account.gemeente),
        rows,
        totals,
    }
}

fn year_label(line: &YearLine) -> String {
    if line.year == 0 {
        "Looptijd".into()
    } else {
        line.year.to_string()
    }
}

fn delivered(line: &YearLine, unit: &dyn Fn(Decimal) -> String) -> String {
    match line.delivered {
        Some(v) => unit(v),
        None if line.state == Some(FigureState::NotDelivered) => {
            FigureState::NotDelivered.label().to_owned()
        }
        None => "—".into(),
    }
}
