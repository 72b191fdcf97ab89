//! The report "Voortgang lokale keuzes (artikel 14.2)": for a period (tussenrapportage, jaarverslag)
//! or the whole term, a regional summary first and then per gemeente a table and a small chart of
//! delivered against agreed. The figures come from the core, are worded and formatted here, and go
//! to the Typst layout `assets/voortgang.typ` as JSON, like the annex.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::printable::{Coverage, printable};
use crate::core::capacity::CapacityAssumptions;
use crate::core::money::{format_number, round_shown};
use crate::core::period::{Period, PeriodKind};
use crate::core::progress_figures::{Figure, FigureState, Flag, GemeenteProgress, region_progress};
use crate::core::workbook::Workbook;

/// The Typst layout of the report.
pub const PROGRESS_TEMPLATE: &str = include_str!("../../assets/voortgang.typ");

/// What the report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The term up to and including this period, with the period's own figures beside.
    UpTo(Period),
    /// The whole term.
    Term,
}

impl Scope {
    /// The day the figures are reckoned on: the period's or the term's last day.
    pub fn as_of(&self, workbook: &Workbook) -> NaiveDate {
        match self {
            Scope::UpTo(period) => period.end().min(workbook.region.term.end),
            Scope::Term => workbook.region.term.end,
        }
    }

    /// The report the app makes on `today`: up to the last period that has ended, or over the
    /// whole term once it is over (or before any period ended).
    pub fn latest(workbook: &Workbook, today: NaiveDate) -> Scope {
        if today >= workbook.region.term.end {
            return Scope::Term;
        }
        Period::of_term(&workbook.region.term, workbook.progress.settings.periods)
            .into_iter()
            .rev()
            .find(|p| p.end() < today)
            .map_or(Scope::Term, Scope::UpTo)
    }

    /// The report's subtitle: "Tussenrapportage 2021 (1e halfjaar)", "Jaarverslag 2021",
    /// "Voortgang tot en met 3e kwartaal 2021", "Looptijd 2021–2022".
    pub fn subtitle(&self, workbook: &Workbook) -> String {
        match self {
            Scope::UpTo(p) if p.kind == PeriodKind::HalfYear && p.index == 1 => {
                format!("Tussenrapportage {} (1e halfjaar)", p.year)
            }
            Scope::UpTo(p) if p.index == p.kind.per_year() => format!("Jaarverslag {}", p.year),
            Scope::UpTo(p) => format!("Voortgang tot en met {}", p.label()),
            Scope::Term => format!("Looptijd {}", workbook.region.term.label()),
        }
    }
}

/// The report's data, as the layout reads it.
#[derive(Clone, Debug, Serialize)]
pub struct ReportData {
    /// "Voortgang lokale keuzes (artikel 14.2)".
    pub title: String,
    /// See [`Scope::subtitle`].
    pub subtitle: String,
    /// The citation title of the DVO.
    pub citation: String,
    /// "30-06-2021".
    pub as_of: String,
    /// The period's label when the report is for a period, else empty.
    pub period: String,
    /// Why the report's figures are not final, when they are not: "voorlopig: 2021-H2 is nog niet
    /// afgesloten" (empty once every period it covers is closed).
    pub provisional: String,
    /// When the report was made.
    pub produced: String,
    /// How progress is measured, in Dutch.
    pub notes: Vec<String>,
    /// One line per gemeente.
    pub summary: Vec<SummaryRow>,
    /// The region's staff on location: planned and used fte.
    pub summary_fte: (String, String),
    /// Per gemeente.
    pub gemeenten: Vec<GemeenteSection>,
    /// "Verantwoording per jaar": per gemeente and calendar year, agreed and delivered in units
    /// and euros, with totals per year, for the term and for the region.
    pub accounts: super::accounts::Accounts,
    /// The appendix: every line of the realisation's history, oldest first.
    pub history: Vec<HistoryRow>,
}

/// One line of the history in the report's appendix.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryRow {
    /// "03-04-2022 10:15".
    pub when: String,
    /// "A. de Vries (LAPTOP-7)".
    pub who: String,
    /// What changed ("Heumen, activiteit 4, 2e kwartaal 2022: 3 → 5, getypt").
    pub what: String,
}

/// One gemeente in the regional summary.
#[derive(Clone, Debug, Serialize)]
pub struct SummaryRow {
    /// The gemeente.
    pub gemeente: String,
    /// "3 van 4 op schema" or "geen vastgestelde keuzes".
    pub standing: String,
    /// The most serious flag: "op schema", "achter", "ver achter" or "".
    pub flag: String,
    /// "on", "behind", "far" or "" for the layout's colour.
    pub flag_key: String,
    /// Planned fte on location.
    pub fte_planned: String,
    /// Used fte on location, or "—".
    pub fte_used: String,
}

/// One gemeente's section.
#[derive(Clone, Debug, Serialize)]
pub struct GemeenteSection {
    /// The gemeente.
    pub name: String,
    /// The agreed versions measured against.
    pub measured_against: Vec<String>,
    /// The activities.
    pub rows: Vec<ReportRow>,
}

/// One activity's line.
#[derive(Clone, Debug, Serialize)]
pub struct ReportRow {
    /// "4. Screenen kandidaten".
    pub title: String,
    /// "kandidaten".
    pub unit: String,
    /// In the period (empty for a term report).
    pub period_agreed: String,
    /// In the period: the figure, or "niet aangeleverd" (never a zero for a missing figure).
    pub period_delivered: String,
    /// Where the period's figure stands: "voorlopig", "vastgesteld", "gecorrigeerd" or empty.
    pub period_state: String,
    /// To date.
    pub agreed: String,
    /// To date.
    pub delivered: String,
    /// "93%" or "—".
    pub percent: String,
    /// The percentage as a number for the chart (capped at 150), or none.
    pub bar: Option<f64>,
    /// The flag's words.
    pub flag: String,
    /// "on", "behind", "far" or "".
    pub flag_key: String,
}

fn amount(value: Option<Decimal>) -> String {
    value.map_or("—".to_owned(), |v| format_number(round_shown(v, 1)))
}

fn flag_key(flag: Option<Flag>) -> String {
    match flag {
        Some(Flag::OnTrack) => "on",
        Some(Flag::Behind) => "behind",
        Some(Flag::FarBehind) => "far",
        Some(Flag::NotDelivered) => "missing",
        None => "",
    }
    .to_owned()
}

fn percent_text(figure: &Figure) -> String {
    figure.percent().map_or("—".to_owned(), |p| {
        format!("{}%", format_number(round_shown(p, 0)))
    })
}

/// Gathers the report's data.
pub fn report_data(
    workbook: &Workbook,
    scope: Scope,
    assumptions: &CapacityAssumptions,
    produced: &str,
    covers: &dyn Coverage,
) -> ReportData {
    let as_of = scope.as_of(workbook);
    let progress = region_progress(workbook, as_of, assumptions);
    let period = match scope {
        Scope::UpTo(p) => Some(p),
        Scope::Term => None,
    };
    let text = |s: &str| printable(s, covers).0;
    let summary = progress.iter().map(|g| summary_row(g, &text)).collect();
    let planned: Decimal = progress.iter().map(|g| g.fte_planned).sum();
    let used: Option<Decimal> = progress
        .iter()
        .filter_map(|g| g.fte_used)
        .fold(None, |a, b| Some(a.unwrap_or_default() + b));
    ReportData {
        title: "Voortgang lokale keuzes (artikel 14.2)".into(),
        subtitle: scope.subtitle(workbook),
        citation: text(&workbook.region.citation_title),
        as_of: as_of.format("%d-%m-%Y").to_string(),
        period: period.map(|p| p.label()).unwrap_or_default(),
        provisional: provisional(workbook, as_of),
        produced: produced.to_owned(),
        notes: workbook
            .progress
            .settings
            .notes
            .iter()
            .map(|n| text(n))
            .collect(),
        summary,
        summary_fte: (
            format_number(planned),
            used.map_or("—".into(), format_number),
        ),
        gemeenten: progress
            .iter()
            .map(|g| GemeenteSection {
                name: text(&g.gemeente),
                measured_against: g.measured_against.clone(),
                rows: g
                    .activities
                    .iter()
                    .map(|a| report_row(a, period, &text))
                    .collect(),
            })
            .collect(),
        accounts: super::accounts::accounts(
            &crate::core::reconciliation::reconcile(workbook, as_of, assumptions),
            &text,
        ),
        history: crate::core::history::all_lines(&workbook.progress.history)
            .iter()
            .map(|line| HistoryRow {
                when: line.change.at.format("%d-%m-%Y %H:%M").to_string(),
                who: text(&line.change.who()),
                what: text(&line.change.description(line.file)),
            })
            .collect(),
    }
}

/// One activity's line of the report; `period` is the report's own period, if any.
fn report_row(
    a: &crate::core::progress_figures::ActivityProgress,
    period: Option<Period>,
    text: &dyn Fn(&str) -> String,
) -> ReportRow {
    let in_period = period
        .and_then(|p| a.periods.iter().find(|f| f.period == p))
        .map(|f| (f.figure.clone(), f.state));
    let missing = a.flag == Some(Flag::NotDelivered);
    ReportRow {
        title: text(&format!("{}. {}", a.activity, a.title)),
        unit: text(&a.unit.many),
        period_agreed: in_period
            .as_ref()
            .map_or(String::new(), |(f, _)| amount(f.agreed)),
        period_delivered: in_period
            .as_ref()
            .map_or(String::new(), |(f, state)| match state {
                Some(FigureState::NotDelivered) => FigureState::NotDelivered.label().to_owned(),
                _ => amount(f.delivered),
            }),
        period_state: in_period
            .and_then(|(_, state)| state)
            .filter(|s| *s != FigureState::NotDelivered)
            .map(|s| s.label().to_owned())
            .unwrap_or_default(),
        agreed: amount(a.to_date.agreed),
        delivered: if missing {
            Flag::NotDelivered.label().to_owned()
        } else {
            amount(a.to_date.delivered)
        },
        percent: percent_text(&a.to_date),
        bar: a.to_date.percent().map(|p| {
            use rust_decimal::prelude::ToPrimitive;
            p.min(Decimal::from(150)).to_f64().unwrap_or_default()
        }),
        flag: a.flag.map(Flag::label).unwrap_or_default().to_owned(),
        flag_key: flag_key(a.flag),
    }
}

/// "voorlopig: 2021-H2 is nog niet afgesloten" when a period the report covers (begun by `as_of`)
/// is open; empty when all are closed.
pub(super) fn provisional(workbook: &Workbook, as_of: NaiveDate) -> String {
    let open: Vec<String> =
        Period::of_term(&workbook.region.term, workbook.progress.settings.periods)
            .into_iter()
            .filter(|p| p.start() <= as_of && !workbook.progress.is_closed(*p))
            .map(|p| p.label())
            .collect();
    match open.as_slice() {
        [] => String::new(),
        [one] => format!("voorlopig: {one} is nog niet afgesloten"),
        many => format!(
            "voorlopig: {} zijn nog niet afgesloten",
            crate::core::words::list(many)
        ),
    }
}

fn summary_row(g: &GemeenteProgress, text: &dyn Fn(&str) -> String) -> SummaryRow {
    let flagged: Vec<Flag> = g.activities.iter().filter_map(|a| a.flag).collect();
    let missing = flagged.iter().filter(|f| **f == Flag::NotDelivered).count();
    let standing = if g.measured_against.is_empty() {
        "geen vastgestelde keuzes".to_owned()
    } else if flagged.is_empty() {
        "nog niets afgesproken tot nu".to_owned()
    } else {
        let on = flagged.iter().filter(|f| **f == Flag::OnTrack).count();
        let mut standing = format!("{on} van {} op schema", flagged.len());
        if missing > 0 {
            standing.push_str(&format!(", {missing} niet aangeleverd"));
        }
        standing
    };
    SummaryRow {
        gemeente: text(&g.gemeente),
        standing,
        flag: g
            .worst_flag()
            .map(Flag::label)
            .unwrap_or_default()
            .to_owned(),
        flag_key: flag_key(g.worst_flag()),
        fte_planned: format_number(g.fte_planned),
        fte_used: g.fte_used.map_or("—".into(), format_number),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_of_eight_prints_as_63_percent_not_62() {
        let figure = Figure {
            agreed: Some(Decimal::from(8)),
            delivered: Some(Decimal::from(5)),
        };
        assert_eq!(percent_text(&figure), "63%");
        assert_eq!(percent_text(&Figure::default()), "—");
        // Agreed, but never delivered: no percentage at all, not 0 %.
        let missing = Figure {
            agreed: Some(Decimal::from(8)),
            delivered: None,
        };
        assert_eq!(percent_text(&missing), "—");
    }
}
