//! The rules of the keuzekaart, as one function from a workbook to a list of findings.
//!
//! The drafting screen, the command line (`keuzekaart check`) and sign-off all ask this one
//! function, so a rule is written once and reads the same everywhere.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::money::format_number;
use super::region::{Gemeente, PepperColour};
use super::workbook::Workbook;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The choices cannot be signed off like this.
    Error,
    /// Allowed, but worth a second look (Mook en Middelaar below a minimum).
    Warning,
}

impl Severity {
    /// The Dutch word, for lists and the command line.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "fout",
            Severity::Warning => "let op",
        }
    }
}

/// One thing the rules found, with what it is about and a Dutch sentence for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The gemeente it is about, if any.
    pub gemeente: Option<String>,
    /// The activity it is about, if any.
    pub activity: Option<u32>,
    /// What is wrong, in Dutch.
    pub message: String,
}

impl Finding {
    fn error(gemeente: Option<&str>, activity: Option<u32>, message: String) -> Self {
        Finding {
            severity: Severity::Error,
            gemeente: gemeente.map(str::to_owned),
            activity,
            message,
        }
    }

    fn warning(gemeente: Option<&str>, activity: Option<u32>, message: String) -> Self {
        Finding {
            severity: Severity::Warning,
            gemeente: gemeente.map(str::to_owned),
            activity,
            message,
        }
    }
}

/// Whether any of the findings is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// "1 peper", "2,5 pepers".
pub fn peppers_label(peppers: Decimal) -> String {
    if peppers == Decimal::ONE {
        "1 peper".to_owned()
    } else {
        format!("{} pepers", format_number(peppers))
    }
}

/// "4 rode pepers", "1 groene peper".
pub fn coloured_peppers_label(peppers: Decimal, colour: PepperColour) -> String {
    let noun = if peppers == Decimal::ONE {
        "peper"
    } else {
        "pepers"
    };
    format!("{} {} {noun}", format_number(peppers), colour.adjective())
}

/// The smallest amount of peppers a gemeente may place on an offer costing `step` peppers a step:
/// whole steps, or half steps for a gemeente that may go below the minimum.
pub fn quantum(gemeente: &Gemeente, step: Decimal) -> Decimal {
    if gemeente.may_go_below_minimum {
        step / Decimal::TWO
    } else {
        step
    }
}

/// Checks the whole workbook against the rules of the card. Findings come in a stable order:
/// card and region first, then per gemeente in region order, per activity in card order.
pub fn check(workbook: &Workbook) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_card(workbook, &mut findings);
    check_region(workbook, &mut findings);
    check_plans(workbook, &mut findings);
    check_sign_offs(workbook, &mut findings);
    findings
}

fn check_sign_offs(workbook: &Workbook, findings: &mut Vec<Finding>) {
    for check in super::signoff::verify(workbook) {
        if let Some(Err(reason)) = check.holds {
            findings.push(Finding::error(
                Some(&check.gemeente),
                None,
                format!(
                    "De vaststelling van {} is ongeldig: {reason}.",
                    check.gemeente
                ),
            ));
        }
    }
}

fn check_card(workbook: &Workbook, findings: &mut Vec<Finding>) {
    let card = &workbook.card;
    if card.activities.len() > card.max_activities {
        findings.push(Finding::error(
            None,
            None,
            format!(
                "De keuzekaart heeft {} activiteiten; er mogen er hoogstens {} op staan.",
                card.activities.len(),
                card.max_activities
            ),
        ));
    }
    let mut seen = BTreeSet::new();
    for activity in &card.activities {
        if !seen.insert(activity.number) {
            findings.push(Finding::error(
                None,
                Some(activity.number),
                format!(
                    "Activiteitnummer {} staat meer dan eens op de keuzekaart.",
                    activity.number
                ),
            ));
        }
        for (colour, offer) in &activity.offers {
            if offer.peppers.is_sign_negative()
                || offer.volume.is_sign_negative()
                || offer.minimum.is_sign_negative()
            {
                findings.push(Finding::error(
                    None,
                    Some(activity.number),
                    format!(
                        "Activiteit {}: het aanbod voor {} pepers heeft een negatief getal.",
                        activity.number,
                        colour.adjective()
                    ),
                ));
            }
            if let Some(max) = offer.maximum
                && max < offer.minimum
            {
                findings.push(Finding::error(
                    None,
                    Some(activity.number),
                    format!(
                        "Activiteit {}: het maximum ({}) ligt onder het minimum ({}) voor {} pepers.",
                        activity.number,
                        format_number(max),
                        format_number(offer.minimum),
                        colour.adjective()
                    ),
                ));
            }
        }
    }
}

fn check_region(workbook: &Workbook, findings: &mut Vec<Finding>) {
    let mut articles = BTreeSet::new();
    let mut names = BTreeSet::new();
    for gemeente in &workbook.region.gemeenten {
        if !articles.insert(gemeente.article) {
            findings.push(Finding::error(
                Some(&gemeente.name),
                None,
                format!(
                    "Artikelnummer {} is aan meer dan één gemeente gegeven.",
                    gemeente.article
                ),
            ));
        }
        if !names.insert(gemeente.name.as_str()) {
            findings.push(Finding::error(
                Some(&gemeente.name),
                None,
                format!(
                    "De gemeente {} staat meer dan eens in de regio.",
                    gemeente.name
                ),
            ));
        }
        if gemeente.peppers.is_sign_negative() || gemeente.budget.is_sign_negative() {
            findings.push(Finding::error(
                Some(&gemeente.name),
                None,
                format!(
                    "{}: het aantal pepers of het budget is negatief.",
                    gemeente.name
                ),
            ));
        }
    }
    let mut planned = BTreeSet::new();
    for plan in &workbook.plans {
        if workbook.region.gemeente(&plan.gemeente).is_none() {
            findings.push(Finding::error(
                Some(&plan.gemeente),
                None,
                format!(
                    "Er zijn keuzes voor '{}', maar die gemeente staat niet in de regio.",
                    plan.gemeente
                ),
            ));
        }
        if !planned.insert(plan.gemeente.as_str()) {
            findings.push(Finding::error(
                Some(&plan.gemeente),
                None,
                format!(
                    "De keuzes van {} staan meer dan eens in het bestand.",
                    plan.gemeente
                ),
            ));
        }
    }
}

fn check_plans(workbook: &Workbook, findings: &mut Vec<Finding>) {
    for gemeente in &workbook.region.gemeenten {
        let Some(plan) = workbook.plan(&gemeente.name) else {
            continue;
        };
        let name = gemeente.name.as_str();
        let mut seen = BTreeSet::new();
        for choice in &plan.choices {
            let number = choice.activity;
            if !seen.insert(number) {
                findings.push(Finding::error(
                    Some(name),
                    Some(number),
                    format!("{name}: activiteit {number} is meer dan eens gekozen."),
                ));
            }
            if choice.peppers.is_sign_negative() {
                findings.push(Finding::error(
                    Some(name),
                    Some(number),
                    format!("{name}: activiteit {number} heeft een negatief aantal pepers."),
                ));
                continue;
            }
            let Some(activity) = workbook.card.activity(number) else {
                findings.push(Finding::error(
                    Some(name),
                    Some(number),
                    format!("{name}: activiteit {number} staat niet op de keuzekaart."),
                ));
                continue;
            };
            let title = activity.title_for(name);
            let Some(offer) = activity.offer(gemeente.colour) else {
                if !choice.peppers.is_zero() || choice.taken {
                    findings.push(Finding::error(
                        Some(name),
                        Some(number),
                        format!(
                            "{name}: activiteit {number} ({title}) heeft geen aanbod voor {} pepers.",
                            gemeente.colour.adjective()
                        ),
                    ));
                }
                continue;
            };
            if offer.is_free() {
                if !choice.peppers.is_zero() {
                    findings.push(Finding::error(
                        Some(name),
                        Some(number),
                        format!("{name}: activiteit {number} ({title}) kost geen pepers, maar er liggen er {}.", format_number(choice.peppers)),
                    ));
                }
                continue;
            }
            if choice.peppers.is_zero() {
                continue;
            }
            let step = quantum(gemeente, offer.peppers);
            if !(choice.peppers % step).is_zero() {
                findings.push(Finding::error(
                    Some(name),
                    Some(number),
                    format!(
                        "{name}: op activiteit {number} ({title}) liggen {}; dat moet een veelvoud van {} zijn.",
                        peppers_label(choice.peppers),
                        peppers_label(step)
                    ),
                ));
            }
            if choice.peppers < offer.minimum {
                let half_step = offer.peppers / Decimal::TWO;
                if !gemeente.may_go_below_minimum {
                    findings.push(Finding::error(
                        Some(name),
                        Some(number),
                        format!(
                            "{name}: activiteit {number} ({title}) heeft {}, minder dan de minimale afname van {}.",
                            peppers_label(choice.peppers),
                            peppers_label(offer.minimum)
                        ),
                    ));
                } else if choice.peppers < half_step {
                    findings.push(Finding::error(
                        Some(name),
                        Some(number),
                        format!(
                            "{name}: activiteit {number} ({title}) heeft {}; ook onder het minimum is een halve stap ({}) het kleinste.",
                            peppers_label(choice.peppers),
                            peppers_label(half_step)
                        ),
                    ));
                } else {
                    findings.push(Finding::warning(
                        Some(name),
                        Some(number),
                        format!(
                            "{name}: activiteit {number} ({title}) heeft {}, onder de minimale afname van {} (toegestaan voor {name}).",
                            peppers_label(choice.peppers),
                            peppers_label(offer.minimum)
                        ),
                    ));
                }
            }
            if let Some(max) = offer.maximum
                && choice.peppers > max
            {
                findings.push(Finding::error(
                    Some(name),
                    Some(number),
                    format!(
                        "{name}: activiteit {number} ({title}) heeft {}; het maximum is {}.",
                        peppers_label(choice.peppers),
                        coloured_peppers_label(max, gemeente.colour)
                    ),
                ));
            }
        }
        let used = plan.peppers_used();
        if used < gemeente.peppers {
            findings.push(Finding::warning(
                Some(name),
                None,
                format!(
                    "{name} heeft nog {} van de {} te besteden.",
                    format_number(gemeente.peppers - used),
                    peppers_label(gemeente.peppers)
                ),
            ));
        }
        if used > gemeente.peppers {
            findings.push(Finding::error(
                Some(name),
                None,
                format!(
                    "{name} heeft {} geplaatst, maar heeft er maar {}: {} te veel.",
                    peppers_label(used),
                    format_number(gemeente.peppers),
                    format_number(used - gemeente.peppers)
                ),
            ));
        }
    }
}
