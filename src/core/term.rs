//! Starting the next DVO term from this one: same card and region to adjust, each gemeente's agreed
//! (or latest) choices as its first draft, and those choices kept as the baseline shown beside the
//! new ones ("vorige looptijd"), as the toelichting shows 2020 beside 2021.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::region::Term;
use super::workbook::{Plan, Workbook};

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

/// Moves the years of the old term in a text to the new term ("DVO … 2021-2022" → "… 2023-2024").
fn shift_years_in(text: &str, old: &Term, new: &Term) -> String {
    let span = new.start.year() - old.start.year();
    let mut text = text.to_owned();
    // Latest year first, so 2021 → 2023 never meets a 2022 that is itself about to move.
    for year in (old.start.year()..=old.end.year()).rev() {
        text = text.replace(&year.to_string(), &(year + span).to_string());
    }
    text
}

/// A workbook for the next term: same card and region (to adjust in Beheer), each gemeente's agreed
/// choices (or its latest draft when nothing was agreed) as a new draft in Concept, and those
/// choices as the baseline of the previous term.
pub fn next_term(workbook: &Workbook) -> Workbook {
    let old_term = workbook.region.term.clone();
    let new_term = following_term(&old_term);
    let mut region = workbook.region.clone();
    region.citation_title = shift_years_in(&region.citation_title, &old_term, &new_term);
    region.term = new_term.clone();
    let mut card = workbook.card.clone();
    card.name = shift_years_in(&card.name, &old_term, &new_term);

    let mut next = Workbook::new(region, card);
    let mut baseline = Vec::new();
    for gemeente in &workbook.region.gemeenten {
        let Some(plan) = workbook.plan(&gemeente.name) else {
            continue;
        };
        // Only an agreement that holds is carried over as the previous term's choices.
        let holds = super::signoff::verify_gemeente(workbook, &gemeente.name)
            .is_some_and(|c| c.is_valid() || c.old_recipe().is_some());
        let agreed = plan.sign_off.in_force().filter(|_| holds);
        let choices = agreed
            .map(|a| a.choices.clone())
            .unwrap_or_else(|| plan.choices.clone());
        // The lines as they were printed, priced on the old card.
        let lines = workbook
            .lines_for(gemeente, &choices)
            .into_iter()
            .map(|line| BaselineLine {
                activity: line.activity,
                peppers: line.peppers,
                volume: line.volume_label,
                euros: line.euros,
            })
            .collect();
        baseline.push(BaselinePlan {
            gemeente: gemeente.name.clone(),
            agreed: agreed.is_some(),
            lines,
        });
        *next.plan_mut(&gemeente.name) = Plan {
            gemeente: gemeente.name.clone(),
            choices,
            ..Plan::default()
        };
    }
    // The new term is measured the same way; its realisation starts empty.
    next.progress.settings = workbook.progress.settings.clone();
    next.previous = Some(PreviousTerm {
        term: old_term,
        plans: baseline,
    });
    next
}
