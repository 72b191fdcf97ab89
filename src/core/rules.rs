//! The rules of the keuzekaart, as one function from a workbook to a list of findings.
//!
//! The drafting screen, the command line (`keuzekaart check`) and sign-off all ask this one
//! function, so a rule is written once and reads the same everywhere.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::money::format_number;
use super::region::{Gemeente, PepperColour};
use super::setup::CardProblem;
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

/// One thing the rules found: what it is about, and the problem as a value whose `Display` is the
/// Dutch sentence shown in the app, printed by `keuzekaart check` and in the annex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning (follows from the problem).
    pub severity: Severity,
    /// The gemeente it is about, if any.
    pub gemeente: Option<String>,
    /// The activity it is about, if any.
    pub activity: Option<u32>,
    /// What the rules found.
    pub problem: Problem,
}

impl Finding {
    /// A finding for a problem; severity, gemeente and activity follow from it.
    pub fn new(problem: Problem) -> Self {
        Finding {
            severity: problem.severity(),
            gemeente: problem.gemeente().map(str::to_owned),
            activity: problem.activity(),
            problem,
        }
    }

    /// The Dutch sentence.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.problem.fmt(f)
    }
}

/// What the rules can find, with the data each sentence names.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// More activities on the card than it allows.
    #[error("De keuzekaart heeft {count} activiteiten; er mogen er hoogstens {max} op staan.")]
    TooManyActivities {
        /// Activities on the card.
        count: usize,
        /// The most it may hold.
        max: usize,
    },
    /// Two activities share a number.
    #[error("Activiteitnummer {0} staat meer dan eens op de keuzekaart.")]
    DuplicateActivityNumber(u32),
    /// An offer with a negative price, volume or minimum.
    #[error(
        "Activiteit {activity}: het aanbod voor {} pepers heeft een negatief getal.",
        .colour.adjective()
    )]
    NegativeOffer {
        /// The activity.
        activity: u32,
        /// The offer's colour.
        colour: PepperColour,
    },
    /// An offer whose maximum lies below its minimum: the same problem Beheer refuses an
    /// activity for ([`CardProblem::MaximumBelowMinimum`]), found here in a file.
    #[error(transparent)]
    Card(CardProblem),
    /// Two gemeenten share an article.
    #[error("Artikelnummer {article} is aan meer dan één gemeente gegeven.")]
    ArticleShared {
        /// The second gemeente with the article.
        gemeente: String,
        /// The article.
        article: u32,
    },
    /// A gemeente listed twice.
    #[error("De gemeente {0} staat meer dan eens in de regio.")]
    GemeenteTwice(String),
    /// A negative pepper count or euro budget.
    #[error("{0}: het aantal pepers of het budget is negatief.")]
    NegativeBudget(String),
    /// Choices for a gemeente the region lacks.
    #[error("Er zijn keuzes voor '{0}', maar die gemeente staat niet in de regio.")]
    PlanWithoutGemeente(String),
    /// A gemeente's choices twice in the file.
    #[error("De keuzes van {0} staan meer dan eens in het bestand.")]
    PlanTwice(String),
    /// An activity chosen twice in one plan.
    #[error("{gemeente}: activiteit {activity} is meer dan eens gekozen.")]
    ChosenTwice {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
    },
    /// A negative pepper count on a choice.
    #[error("{gemeente}: activiteit {activity} heeft een negatief aantal pepers.")]
    NegativePeppers {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
    },
    /// A choice for an activity not on the card.
    #[error("{gemeente}: activiteit {activity} staat niet op de keuzekaart.")]
    NotOnCard {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
    },
    /// A choice for an activity with no offer in the gemeente's colour.
    #[error(
        "{gemeente}: activiteit {activity} ({title}) heeft geen aanbod voor {} pepers.",
        .colour.adjective()
    )]
    NoOffer {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// Its title, the gemeente's name filled in.
        title: String,
        /// The gemeente's colour.
        colour: PepperColour,
    },
    /// Peppers on an offer that costs none.
    #[error(
        "{gemeente}: activiteit {activity} ({title}) kost geen pepers, maar er liggen er {}.",
        format_number(*.peppers)
    )]
    PeppersOnFreeOffer {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// Its title, the gemeente's name filled in.
        title: String,
        /// The peppers on it.
        peppers: Decimal,
    },
    /// A count that is not a whole number of steps.
    #[error(
        "{gemeente}: op activiteit {activity} ({title}) liggen {}; dat moet een veelvoud van {} zijn.",
        peppers_label(*.peppers),
        peppers_label(*.step)
    )]
    NotWholeSteps {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// Its title, the gemeente's name filled in.
        title: String,
        /// The peppers on it.
        peppers: Decimal,
        /// The step.
        step: Decimal,
    },
    /// Fewer peppers than the minimum take, for a gemeente that may not go below it.
    #[error(
        "{gemeente}: activiteit {activity} ({title}) heeft {}, minder dan de minimale afname van {}.",
        peppers_label(*.peppers),
        peppers_label(*.minimum)
    )]
    BelowMinimum {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// Its title, the gemeente's name filled in.
        title: String,
        /// The peppers on it.
        peppers: Decimal,
        /// The minimum take.
        minimum: Decimal,
    },
    /// Below half a step, the least even a gemeente below the minimum may take.
    #[error(
        "{gemeente}: activiteit {activity} ({title}) heeft {}; ook onder het minimum is een halve stap ({}) het kleinste.",
        peppers_label(*.peppers),
        peppers_label(*.half_step)
    )]
    BelowHalfStep {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// Its title, the gemeente's name filled in.
        title: String,
        /// The peppers on it.
        peppers: Decimal,
        /// Half a step.
        half_step: Decimal,
    },
    /// Below the minimum take, which this gemeente is allowed (a warning).
    #[error(
        "{gemeente}: activiteit {activity} ({title}) heeft {}, onder de minimale afname van {} (toegestaan voor {gemeente}).",
        peppers_label(*.peppers),
        peppers_label(*.minimum)
    )]
    BelowMinimumAllowed {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// Its title, the gemeente's name filled in.
        title: String,
        /// The peppers on it.
        peppers: Decimal,
        /// The minimum take.
        minimum: Decimal,
    },
    /// More peppers than the offer's maximum.
    #[error(
        "{gemeente}: activiteit {activity} ({title}) heeft {}; het maximum is {}.",
        peppers_label(*.peppers),
        coloured_peppers_label(*.maximum, *.colour)
    )]
    AboveMaximum {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// Its title, the gemeente's name filled in.
        title: String,
        /// The peppers on it.
        peppers: Decimal,
        /// The maximum.
        maximum: Decimal,
        /// The gemeente's colour.
        colour: PepperColour,
    },
    /// Peppers of the budget not yet placed (a warning: nothing is lost until signed).
    #[error(
        "{gemeente} heeft nog {} van de {} te besteden.",
        format_number(*.left),
        peppers_label(*.budget)
    )]
    Unspent {
        /// The gemeente.
        gemeente: String,
        /// The peppers left.
        left: Decimal,
        /// Its budget in peppers.
        budget: Decimal,
    },
    /// More peppers placed than the budget holds.
    #[error(
        "{gemeente} heeft {} geplaatst, maar heeft er maar {}: {} te veel.",
        peppers_label(*.used),
        format_number(*.budget),
        format_number(*.used - *.budget)
    )]
    Overspent {
        /// The gemeente.
        gemeente: String,
        /// The peppers placed.
        used: Decimal,
        /// Its budget in peppers.
        budget: Decimal,
    },
    /// An agreed version whose fingerprint no longer holds.
    #[error("De vaststelling van {gemeente} is ongeldig: {reason}.")]
    SignOffInvalid {
        /// The gemeente.
        gemeente: String,
        /// Why it does not hold, in Dutch.
        reason: String,
    },
    /// A decision signed by someone whose office, by the DVO, does not sign for that body.
    #[error(
        "Het besluit van {side} over de keuzes van {gemeente} is ondertekend door {signatory} ({role}); volgens de DVO tekent daarvoor {competent}."
    )]
    SignatoryNotCompetent {
        /// The gemeente.
        gemeente: String,
        /// The deciding body.
        side: &'static str,
        /// Who signed.
        signatory: String,
        /// In which role.
        role: String,
        /// Who should have, in words.
        competent: &'static str,
    },
    /// Agreed choices whose sign-off holds only with an old fingerprint recipe, which does not
    /// cover all the annex prints: they print as a concept until the decision is recorded again.
    #[error(
        "De keuzes van {gemeente} zijn vastgesteld {note}; de bijlage drukt ze af als concept tot het besluit opnieuw is vastgelegd (Besluitvorming: Besluit opnieuw vastleggen…)."
    )]
    SignOffOldRecipe {
        /// The gemeente.
        gemeente: String,
        /// What the old recipe does not cover ("met een oude vingerafdruk — …").
        note: String,
    },
}

impl Problem {
    /// Error or warning.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::BelowMinimumAllowed { .. }
            | Problem::Unspent { .. }
            | Problem::SignOffOldRecipe { .. }
            | Problem::SignatoryNotCompetent { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The gemeente the problem is about, if any.
    pub fn gemeente(&self) -> Option<&str> {
        match self {
            Problem::TooManyActivities { .. }
            | Problem::DuplicateActivityNumber(_)
            | Problem::NegativeOffer { .. }
            | Problem::Card(_) => None,
            Problem::GemeenteTwice(gemeente)
            | Problem::NegativeBudget(gemeente)
            | Problem::PlanWithoutGemeente(gemeente)
            | Problem::PlanTwice(gemeente)
            | Problem::ArticleShared { gemeente, .. }
            | Problem::ChosenTwice { gemeente, .. }
            | Problem::NegativePeppers { gemeente, .. }
            | Problem::NotOnCard { gemeente, .. }
            | Problem::NoOffer { gemeente, .. }
            | Problem::PeppersOnFreeOffer { gemeente, .. }
            | Problem::NotWholeSteps { gemeente, .. }
            | Problem::BelowMinimum { gemeente, .. }
            | Problem::BelowHalfStep { gemeente, .. }
            | Problem::BelowMinimumAllowed { gemeente, .. }
            | Problem::AboveMaximum { gemeente, .. }
            | Problem::Unspent { gemeente, .. }
            | Problem::Overspent { gemeente, .. }
            | Problem::SignOffInvalid { gemeente, .. }
            | Problem::SignOffOldRecipe { gemeente, .. }
            | Problem::SignatoryNotCompetent { gemeente, .. } => Some(gemeente),
        }
    }

    /// The activity the problem is about, if any.
    pub fn activity(&self) -> Option<u32> {
        match self {
            Problem::DuplicateActivityNumber(activity)
            | Problem::NegativeOffer { activity, .. }
            | Problem::ChosenTwice { activity, .. }
            | Problem::NegativePeppers { activity, .. }
            | Problem::NotOnCard { activity, .. }
            | Problem::NoOffer { activity, .. }
            | Problem::PeppersOnFreeOffer { activity, .. }
            | Problem::NotWholeSteps { activity, .. }
            | Problem::BelowMinimum { activity, .. }
            | Problem::BelowHalfStep { activity, .. }
            | Problem::BelowMinimumAllowed { activity, .. }
            | Problem::AboveMaximum { activity, .. } => Some(*activity),
            Problem::Card(problem) => problem.activity(),
            _ => None,
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
    check_signatories(workbook, &mut findings);
    findings
}

/// The decisions on each gemeente's current version, signed by someone whose office does not sign
/// for that body (the example once had an alderman sign for the MGR).
fn check_signatories(workbook: &Workbook, findings: &mut Vec<Finding>) {
    // A gemeente whose seal is broken has an error saying so; what its invalid record claims
    // (an invented signatory) is not repeated.
    let broken: Vec<String> = super::signoff::verify(workbook)
        .into_iter()
        .filter(|check| check.problem().is_some())
        .map(|check| check.gemeente)
        .collect();
    for plan in workbook
        .plans
        .iter()
        .filter(|p| !broken.contains(&p.gemeente))
    {
        let current = plan.sign_off.version;
        for decision in plan
            .sign_off
            .decisions
            .iter()
            .filter(|d| d.version == current)
        {
            if !decision.side.may_sign(&decision.role) {
                findings.push(Finding::new(Problem::SignatoryNotCompetent {
                    gemeente: plan.gemeente.clone(),
                    side: decision.side.label(),
                    signatory: decision.signatory.clone(),
                    role: decision.role.clone(),
                    competent: decision.side.competent_signatory(),
                }));
            }
        }
    }
}

fn check_sign_offs(workbook: &Workbook, findings: &mut Vec<Finding>) {
    for check in super::signoff::verify(workbook) {
        if let Some(reason) = check.problem() {
            findings.push(Finding::new(Problem::SignOffInvalid {
                gemeente: check.gemeente.clone(),
                reason: reason.to_owned(),
            }));
        } else if let Some(recipe) = check.old_recipe()
            && check.status == super::signoff::Status::Vastgesteld
        {
            findings.push(Finding::new(Problem::SignOffOldRecipe {
                gemeente: check.gemeente.clone(),
                note: super::signoff::old_recipe_note(recipe),
            }));
        }
    }
}

fn check_card(workbook: &Workbook, findings: &mut Vec<Finding>) {
    let card = &workbook.card;
    if card.activities.len() > card.max_activities {
        findings.push(Finding::new(Problem::TooManyActivities {
            count: card.activities.len(),
            max: card.max_activities,
        }));
    }
    let mut seen = BTreeSet::new();
    for activity in &card.activities {
        if !seen.insert(activity.number) {
            findings.push(Finding::new(Problem::DuplicateActivityNumber(
                activity.number,
            )));
        }
        for (&colour, offer) in &activity.offers {
            if offer.peppers.is_sign_negative()
                || offer.volume.is_sign_negative()
                || offer.minimum.is_sign_negative()
            {
                findings.push(Finding::new(Problem::NegativeOffer {
                    activity: activity.number,
                    colour,
                }));
            }
            if let Some(maximum) = offer.maximum
                && maximum < offer.minimum
            {
                findings.push(Finding::new(Problem::Card(
                    CardProblem::MaximumBelowMinimum {
                        activity: activity.number,
                        colour,
                        maximum,
                        minimum: offer.minimum,
                    },
                )));
            }
        }
    }
}

fn check_region(workbook: &Workbook, findings: &mut Vec<Finding>) {
    let mut articles = BTreeSet::new();
    let mut names = BTreeSet::new();
    for gemeente in &workbook.region.gemeenten {
        if !articles.insert(gemeente.article) {
            findings.push(Finding::new(Problem::ArticleShared {
                gemeente: gemeente.name.clone(),
                article: gemeente.article,
            }));
        }
        if !names.insert(gemeente.name.as_str()) {
            findings.push(Finding::new(Problem::GemeenteTwice(gemeente.name.clone())));
        }
        if gemeente.peppers.is_sign_negative() || gemeente.budget.is_sign_negative() {
            findings.push(Finding::new(Problem::NegativeBudget(gemeente.name.clone())));
        }
    }
    let mut planned = BTreeSet::new();
    for plan in &workbook.plans {
        if workbook.region.gemeente(&plan.gemeente).is_none() {
            findings.push(Finding::new(Problem::PlanWithoutGemeente(
                plan.gemeente.clone(),
            )));
        }
        if !planned.insert(plan.gemeente.as_str()) {
            findings.push(Finding::new(Problem::PlanTwice(plan.gemeente.clone())));
        }
    }
}

fn check_plans(workbook: &Workbook, findings: &mut Vec<Finding>) {
    for gemeente in &workbook.region.gemeenten {
        let Some(plan) = workbook.plan(&gemeente.name) else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for choice in &plan.choices {
            if !seen.insert(choice.activity) {
                findings.push(Finding::new(Problem::ChosenTwice {
                    gemeente: gemeente.name.clone(),
                    activity: choice.activity,
                }));
            }
            check_choice(workbook, gemeente, choice, findings);
        }
        check_spent(gemeente, plan.peppers_used(), findings);
    }
}

/// One choice against the card: an activity it offers this gemeente's colour, no peppers on a
/// free offer, and the steps and bounds of a priced one.
fn check_choice(
    workbook: &Workbook,
    gemeente: &Gemeente,
    choice: &super::workbook::Choice,
    findings: &mut Vec<Finding>,
) {
    let name = || gemeente.name.clone();
    let (activity, peppers) = (choice.activity, choice.peppers);
    if peppers.is_sign_negative() {
        findings.push(Finding::new(Problem::NegativePeppers {
            gemeente: name(),
            activity,
        }));
        return;
    }
    let Some(card_activity) = workbook.card.activity(activity) else {
        findings.push(Finding::new(Problem::NotOnCard {
            gemeente: name(),
            activity,
        }));
        return;
    };
    let title = || card_activity.title_for(&gemeente.name);
    let Some(offer) = card_activity.offer(gemeente.colour) else {
        if !peppers.is_zero() || choice.taken {
            findings.push(Finding::new(Problem::NoOffer {
                gemeente: name(),
                activity,
                title: title(),
                colour: gemeente.colour,
            }));
        }
        return;
    };
    if offer.is_free() {
        if !peppers.is_zero() {
            findings.push(Finding::new(Problem::PeppersOnFreeOffer {
                gemeente: name(),
                activity,
                title: title(),
                peppers,
            }));
        }
        return;
    }
    if !peppers.is_zero() {
        check_priced(gemeente, (activity, title()), offer, peppers, findings);
    }
}

/// Peppers on a priced offer: whole steps, not below its minimum (or, where the gemeente may go
/// below it, not below half a step), not above its maximum.
fn check_priced(
    gemeente: &Gemeente,
    (activity, title): (u32, String),
    offer: &super::card::Offer,
    peppers: Decimal,
    findings: &mut Vec<Finding>,
) {
    let name = || gemeente.name.clone();
    let step = quantum(gemeente, offer.peppers);
    if !(peppers % step).is_zero() {
        findings.push(Finding::new(Problem::NotWholeSteps {
            gemeente: name(),
            activity,
            title: title.clone(),
            peppers,
            step,
        }));
    }
    if peppers < offer.minimum {
        let half_step = offer.peppers / Decimal::TWO;
        let problem = if !gemeente.may_go_below_minimum {
            Problem::BelowMinimum {
                gemeente: name(),
                activity,
                title: title.clone(),
                peppers,
                minimum: offer.minimum,
            }
        } else if peppers < half_step {
            Problem::BelowHalfStep {
                gemeente: name(),
                activity,
                title: title.clone(),
                peppers,
                half_step,
            }
        } else {
            Problem::BelowMinimumAllowed {
                gemeente: name(),
                activity,
                title: title.clone(),
                peppers,
                minimum: offer.minimum,
            }
        };
        findings.push(Finding::new(problem));
    }
    if let Some(maximum) = offer.maximum
        && peppers > maximum
    {
        findings.push(Finding::new(Problem::AboveMaximum {
            gemeente: name(),
            activity,
            title,
            peppers,
            maximum,
            colour: gemeente.colour,
        }));
    }
}

/// A budget is spent exactly: neither peppers left nor more used than there are.
fn check_spent(gemeente: &Gemeente, used: Decimal, findings: &mut Vec<Finding>) {
    if used < gemeente.peppers {
        findings.push(Finding::new(Problem::Unspent {
            gemeente: gemeente.name.clone(),
            left: gemeente.peppers - used,
            budget: gemeente.peppers,
        }));
    }
    if used > gemeente.peppers {
        findings.push(Finding::new(Problem::Overspent {
            gemeente: gemeente.name.clone(),
            used,
            budget: gemeente.peppers,
        }));
    }
}
