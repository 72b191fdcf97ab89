//! The step from one term to the next: a workbook for the new term started from this one's
//! agreed choices, with those choices kept as the baseline of the previous term.

use chrono::Datelike;

use super::region::Term;
use super::term::{BaselineLine, BaselinePlan, PreviousTerm, following_term};
use super::workbook::{Plan, Workbook};

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
