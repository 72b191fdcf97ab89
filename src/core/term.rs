//! Starting the next DVO term from this one: same card and region to adjust, each gemeente's agreed
//! (or latest) choices as its first draft, and those choices kept as the baseline shown beside the
//! new ones ("vorige looptijd"), as the toelichting shows 2020 beside 2021.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::region::Term;

/// What the gemeenten chose in the previous term, frozen as it was printed then, so it still reads
/// correctly after the new card's prices change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousTerm {
    /// The previous term.
    pub term: Term,
    /// Per gemeente, its choices in that term.
    pub plans: Vec<BaselinePlan>,
}

/// One gemeente's choices in the previous term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselinePlan {
    /// The gemeente, by name.
    pub gemeente: String,
    /// Whether these were agreed choices (else the latest draft).
    pub agreed: bool,
    /// The chosen activities.
    pub lines: Vec<BaselineLine>,
}

/// One chosen activity of the previous term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineLine {
    /// The activity's number (kept in step when Beheer renumbers it).
    pub activity: u32,
    /// Peppers placed then.
    pub peppers: Decimal,
    /// What they bought then, as text ("30 kandidaten").
    pub volume: String,
    /// Their euro equivalent then.
    #[serde(default)]
    pub euros: Decimal,
}

impl PreviousTerm {
    /// A gemeente's baseline line for an activity, if it chose it then.
    pub fn line(&self, gemeente: &str, activity: u32) -> Option<&BaselineLine> {
        self.plans
            .iter()
            .find(|p| p.gemeente == gemeente)?
            .lines
            .iter()
            .find(|l| l.activity == activity)
    }
}

/// The term after this one: it starts the day after this one ends and lasts as many years.
pub fn following_term(term: &Term) -> Term {
    let years = term.end.year() - term.start.year() + 1;
    let start = term.end.succ_opt().unwrap_or(term.end);
    let end = shift_year(term.end, years);
    Term { start, end }
}

fn shift_year(date: NaiveDate, years: i32) -> NaiveDate {
    // 29 February falls back to the 28th in a year that has none.
    date.with_year(date.year() + years)
        .or_else(|| {
            date.with_day(28)
                .and_then(|d| d.with_year(date.year() + years))
        })
        .unwrap_or(date)
}
