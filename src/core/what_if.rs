//! *Wat als*: what a gemeente's choices look like if its budget changes by a percentage or an
//! amount. It shows which choices no longer fit under the rules and proposes a fit, reckoned on a
//! scratch copy of the workbook through the same edits and rules as the app: the draft is not
//! touched until the user takes the proposal over as an option.
//!
//! The price of a pepper stays what it is: a changed budget buys more or fewer peppers (whole
//! ones, or halves for a gemeente that may place halves), and the euros shown are those peppers'.
//!
//! The proposed fit, for a smaller budget: each activity keeps its share of the peppers
//! (rounded down to whole steps, and to nothing below a minimum take), the largest first; then
//! what is left goes back, step by step in the same order, up to what each had. For a larger
//! budget the choices stay and the extra peppers are spent as *Vul aan* does, on the activities
//! already chosen, the largest first.

use rust_decimal::Decimal;

use super::edit::{Edit, apply};
use super::rules::{self, Finding, Severity};
use super::workbook::{Choice, Workbook};

/// How the budget changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetChange {
    /// By a percentage of the budget: -10 is a tenth less.
    Percent(Decimal),
    /// By an amount in euros: -20000 is € 20.000 less.
    Euros(Decimal),
}

/// Why no *wat als* could be reckoned; `Display` gives the Dutch sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WhatIfRefusal {
    /// The gemeente is not in the region.
    #[error("Gemeente {0} staat niet in de regio.")]
    UnknownGemeente(String),
    /// The budget would be nothing or less.
    #[error("Met deze wijziging blijft er geen budget over; kies een kleinere verlaging.")]
    NothingLeft,
    /// The budget would grow past what the rules of a file allow (a hundred times as much).
    #[error("Zo'n grote verhoging kan Keuzekaart niet doorrekenen; kies hoogstens +10.000 %.")]
    TooLarge,
}

/// One activity whose peppers differ between the choices now and the proposed fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIfChange {
    /// The activity's number.
    pub activity: u32,
    /// Its title with the gemeente's name.
    pub title: String,
    /// Peppers on it now.
    pub from: Decimal,
    /// Peppers on it in the proposal.
    pub to: Decimal,
    /// Why, in Dutch, when it is not plain scaling ("onder de minimale afname van 2 pepers").
    pub why: String,
}

/// What a changed budget means for a gemeente's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// The gemeente.
    pub gemeente: String,
    /// Peppers now.
    pub peppers_now: Decimal,
    /// Its budget now, in euros a year.
    pub budget_now: Decimal,
    /// Peppers the changed budget buys.
    pub peppers_then: Decimal,
    /// The euros of those peppers.
    pub budget_then: Decimal,
    /// Peppers the choices use now.
    pub used_now: Decimal,
    /// What the rules say of the choices as they are, under the changed budget (errors and
    /// warnings of this gemeente only).
    pub findings: Vec<Finding>,
    /// The proposed fit.
    pub proposal: Vec<Choice>,
    /// The activities the proposal changes, in card order.
    pub changes: Vec<WhatIfChange>,
    /// Peppers the proposal leaves unspent.
    pub left: Decimal,
    /// Errors the rules still find in the proposal (none, unless the rules leave no fit at all).
    pub proposal_errors: Vec<Finding>,
}

impl WhatIf {
    /// Whether the choices as they are still fit under the changed budget.
    pub fn fits_now(&self) -> bool {
        !rules::has_errors(&self.findings)
    }
}

/// Reckons the choices `choices` of `gemeente` under a budget changed by `change`.
pub fn what_if(
    workbook: &Workbook,
    gemeente: &str,
    choices: &[Choice],
    change: BudgetChange,
) -> Result<WhatIf, WhatIfRefusal> {
    let unknown = || WhatIfRefusal::UnknownGemeente(gemeente.to_owned());
    let g = workbook.region.gemeente(gemeente).ok_or_else(unknown)?;
    let per_pepper = workbook.euro_per_pepper(g);
    let budget_then = changed_budget(g, change)?;
    let part = if g.may_go_below_minimum {
        Decimal::new(5, 1)
    } else {
        Decimal::ONE
    };
    let peppers_then = if per_pepper.is_zero() {
        Decimal::ZERO
    } else {
        ((budget_then / per_pepper) / part).floor() * part
    };
    if peppers_then <= Decimal::ZERO {
        return Err(WhatIfRefusal::NothingLeft);
    }
    let mut scratch = scratch(workbook, gemeente, choices, peppers_then, per_pepper);
    let budget_then = scratch
        .region
        .gemeente(gemeente)
        .map_or(Decimal::ZERO, |s| s.budget);
    let of_gemeente = |findings: Vec<Finding>| -> Vec<Finding> {
        findings
            .into_iter()
            .filter(|f| f.gemeente.as_deref() == Some(gemeente))
            .collect()
    };
    let findings = of_gemeente(rules::check(&scratch));
    let used_now: Decimal = choices.iter().map(|c| c.peppers).sum();
    let priority = priority(choices);
    if used_now <= peppers_then {
        let _ = apply(
            &mut scratch,
            &Edit::Fill {
                gemeente: gemeente.to_owned(),
                priority: priority.clone(),
            },
        );
    } else {
        scale_down(
            &mut scratch,
            gemeente,
            choices,
            &priority,
            peppers_then / used_now,
        );
    }
    let proposal = scratch
        .plan(gemeente)
        .map(|p| p.choices.clone())
        .unwrap_or_default();
    let left = peppers_then - proposal.iter().map(|c| c.peppers).sum::<Decimal>();
    let proposal_errors: Vec<Finding> = of_gemeente(rules::check(&scratch))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    Ok(WhatIf {
        gemeente: gemeente.to_owned(),
        peppers_now: g.peppers,
        budget_now: g.budget,
        peppers_then,
        budget_then,
        used_now,
        findings,
        changes: changes(workbook, g, choices, &proposal),
        proposal,
        left,
        proposal_errors,
    })
}

/// The budget after the change; checked, since a typed percentage can be as large as a Decimal
/// holds.
fn changed_budget(
    g: &super::region::Gemeente,
    change: BudgetChange,
) -> Result<Decimal, WhatIfRefusal> {
    let budget_then = match change {
        BudgetChange::Percent(p) => (p / Decimal::ONE_HUNDRED)
            .checked_mul(g.budget)
            .and_then(|delta| g.budget.checked_add(delta)),
        BudgetChange::Euros(e) => g.budget.checked_add(e),
    };
    let limit = g.budget.max(Decimal::ONE) * Decimal::from(101);
    match budget_then {
        Some(b) if b <= limit => Ok(b),
        Some(b) if b.is_sign_negative() => Err(WhatIfRefusal::NothingLeft),
        _ => Err(WhatIfRefusal::TooLarge),
    }
}

/// A copy of the workbook where the gemeente has `peppers` peppers at the same price each, and a
/// concept plan with only `choices`, so the edits of the fit are allowed whatever the real
/// plan's sign-off.
fn scratch(
    workbook: &Workbook,
    gemeente: &str,
    choices: &[Choice],
    peppers: Decimal,
    per_pepper: Decimal,
) -> Workbook {
    let mut scratch = workbook.clone();
    if let Some(g) = scratch
        .region
        .gemeenten
        .iter_mut()
        .find(|s| s.name == gemeente)
    {
        g.peppers = peppers;
        g.budget = super::money::round_cents(peppers * per_pepper);
    }
    let plan = scratch.plan_mut(gemeente);
    plan.sign_off = Default::default();
    plan.alternatives.clear();
    plan.choices = choices.to_vec();
    scratch
}

/// The activities with peppers, the largest first (card order among equals).
fn priority(choices: &[Choice]) -> Vec<u32> {
    let mut placed: Vec<&Choice> = choices.iter().filter(|c| !c.peppers.is_zero()).collect();
    placed.sort_by_key(|c| std::cmp::Reverse(c.peppers));
    placed.iter().map(|c| c.activity).collect()
}

/// Takes every activity down to its share (`ratio`) in whole steps, nothing below a minimum
/// take, then gives back step by step, in priority order, up to what each had.
fn scale_down(
    scratch: &mut Workbook,
    gemeente: &str,
    choices: &[Choice],
    priority: &[u32],
    ratio: Decimal,
) {
    let Some(g) = scratch.region.gemeente(gemeente).cloned() else {
        return;
    };
    let had = |n: u32| {
        choices
            .iter()
            .find(|c| c.activity == n)
            .map_or(Decimal::ZERO, |c| c.peppers)
    };
    let set = |scratch: &mut Workbook, n: u32, peppers: Decimal| -> bool {
        let now = scratch
            .plan(gemeente)
            .map_or(Decimal::ZERO, |p| p.peppers_on(n));
        peppers == now
            || apply(
                scratch,
                &Edit::AddPeppers {
                    gemeente: gemeente.to_owned(),
                    activity: n,
                    peppers: peppers - now,
                },
            )
            .is_ok()
    };
    // Everything off first, so that putting the shares back is checked against the new budget.
    for &n in priority {
        set(scratch, n, Decimal::ZERO);
    }
    let card = scratch.card.clone();
    let offer = |n: u32| card.activity(n).and_then(|a| a.offer(g.colour)).cloned();
    for &n in priority {
        let Some(offer) = offer(n) else { continue };
        let step = rules::quantum(&g, offer.peppers);
        if step <= Decimal::ZERO {
            continue;
        }
        let mut target = (had(n) * ratio / step).floor() * step;
        while target > Decimal::ZERO && !set(scratch, n, target) {
            target -= step;
        }
    }
    for &n in priority {
        let Some(offer) = offer(n) else { continue };
        let step = rules::quantum(&g, offer.peppers);
        if step <= Decimal::ZERO {
            continue;
        }
        loop {
            let now = scratch
                .plan(gemeente)
                .map_or(Decimal::ZERO, |p| p.peppers_on(n));
            let mut next = now + step;
            if now.is_zero() && !g.may_go_below_minimum && next < offer.minimum {
                next = (offer.minimum / step).ceil() * step;
            }
            if next > had(n) || !set(scratch, n, next) {
                break;
            }
        }
    }
}

/// Per activity whose peppers differ, from the choices now to the proposal, with why where it
/// is more than a plain share.
fn changes(
    workbook: &Workbook,
    gemeente: &super::region::Gemeente,
    now: &[Choice],
    proposal: &[Choice],
) -> Vec<WhatIfChange> {
    let peppers = |choices: &[Choice], n: u32| {
        choices
            .iter()
            .find(|c| c.activity == n)
            .map_or(Decimal::ZERO, |c| c.peppers)
    };
    workbook
        .card
        .activities
        .iter()
        .filter_map(|a| {
            let (from, to) = (peppers(now, a.number), peppers(proposal, a.number));
            if from == to {
                return None;
            }
            let minimum = a
                .offer(gemeente.colour)
                .map(|o| o.minimum)
                .unwrap_or_default();
            let why = if to.is_zero() && !gemeente.may_go_below_minimum && !minimum.is_zero() {
                format!(
                    "valt af (minimale afname: {})",
                    rules::peppers_label(minimum)
                )
            } else if to.is_zero() {
                "valt af".to_owned()
            } else if to > from {
                "aangevuld".to_owned()
            } else {
                String::new()
            };
            Some(WhatIfChange {
                activity: a.number,
                title: a.title_for(&gemeente.name),
                from,
                to,
                why,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(activity: u32, peppers: i64) -> Choice {
        Choice {
            peppers: Decimal::from(peppers),
            ..Choice::empty(activity)
        }
    }

    #[test]
    fn the_largest_choice_comes_first_and_equals_keep_card_order() {
        let choices = [choice(2, 1), choice(4, 3), choice(7, 1), choice(12, 3)];
        assert_eq!(priority(&choices), [4, 12, 2, 7]);
    }
}
