//! Beheer: the changes WerkBedrijf makes to the card, the region and the term. They are edits like
//! any other ([`super::Edit::Setup`]), so they are undoable and re-validated at once, but they touch
//! what every gemeente's choices rest on rather than one gemeente's choices.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::card::{Activity, Card, Offer, Unit};
use super::edit::Refusal;
use super::money::format_number;
use super::region::{Gemeente, PepperColour};
use super::words::list;
use super::workbook::Workbook;

/// One change of the card, the region or the term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupEdit {
    /// Add an empty activity at the end of the card, with the next free number.
    AddActivity,
    /// Remove an activity that no gemeente uses.
    RemoveActivity {
        /// The activity's number.
        number: u32,
    },
    /// Move an activity one place up or down the card.
    MoveActivity {
        /// The activity's number.
        number: u32,
        /// Up (towards the start of the card) or down.
        up: bool,
    },
    /// Replace an activity's number, texts and offers. A new number carries every gemeente's
    /// choices for the activity along.
    SetActivity {
        /// The activity's number before the change.
        number: u32,
        /// The activity as it should be.
        activity: Activity,
    },
    /// Set the nominal euro value of a pepper colour.
    SetPepperValue {
        /// The colour.
        colour: PepperColour,
        /// Its value in euros.
        value: Decimal,
    },
    /// Replace a gemeente's terms (article, goal, colour, peppers, budget, minimum rule), found by
    /// its name, which does not change.
    SetGemeente {
        /// The gemeente as it should be.
        gemeente: Gemeente,
    },
    /// Set the term, the DVO's citation title and the card's name.
    SetTerm {
        /// First day in force.
        start: NaiveDate,
        /// Last day in force.
        end: NaiveDate,
        /// The citation title.
        citation_title: String,
        /// The card's name.
        card_name: String,
        /// The note that the card's prices are a reading (empty once confirmed).
        reading_note: String,
    },
    /// Replace the whole card (a card file from WerkBedrijf).
    ReplaceCard {
        /// The new card.
        card: Card,
    },
}

impl SetupEdit {
    /// A short Dutch description for the undo menu.
    pub fn label(&self) -> String {
        match self {
            SetupEdit::AddActivity => "Activiteit toegevoegd".into(),
            SetupEdit::RemoveActivity { number } => format!("Activiteit {number} verwijderd"),
            SetupEdit::MoveActivity { number, .. } => format!("Activiteit {number} verplaatst"),
            SetupEdit::SetActivity { number, .. } => format!("Activiteit {number} gewijzigd"),
            SetupEdit::SetPepperValue { colour, .. } => {
                format!("Waarde van een {} peper", colour.adjective())
            }
            SetupEdit::SetGemeente { gemeente } => format!("Gegevens van {}", gemeente.name),
            SetupEdit::SetTerm { .. } => "Looptijd en citeertitel".into(),
            SetupEdit::ReplaceCard { card } => format!("Keuzekaart vervangen door {}", card.name),
        }
    }
}

/// An activity as "Nieuwe activiteit" when added: no offers yet, so nobody can spend on it until
/// WerkBedrijf fills it in.
fn new_activity(number: u32) -> Activity {
    Activity {
        number,
        title: "Nieuwe activiteit".into(),
        description: String::new(),
        offers: Default::default(),
    }
}

/// Applies a setup edit to the workbook, or refuses it with a Dutch reason and changes nothing.
pub fn apply_setup(workbook: &mut Workbook, edit: &SetupEdit) -> Result<(), Refusal> {
    match edit {
        SetupEdit::AddActivity => {
            let card = &mut workbook.card;
            if card.activities.len() >= card.max_activities {
                return Err(Refusal(format!(
                    "De keuzekaart heeft al {} activiteiten; er mogen er hoogstens {} op staan.",
                    card.activities.len(),
                    card.max_activities
                )));
            }
            let number = card.activities.iter().map(|a| a.number).max().unwrap_or(0) + 1;
            card.activities.push(new_activity(number));
        }
        SetupEdit::RemoveActivity { number } => {
            index_of(&workbook.card, *number)?;
            let users = users_of(workbook, *number);
            if !users.is_empty() {
                return Err(Refusal(format!(
                    "Activiteit {number} wordt gebruikt door {}; die keuzes moeten er eerst af.",
                    list(&users)
                )));
            }
            let index = index_of(&workbook.card, *number)?;
            workbook.card.activities.remove(index);
        }
        SetupEdit::MoveActivity { number, up } => {
            let index = index_of(&workbook.card, *number)?;
            let other = if *up {
                index.checked_sub(1)
            } else {
                Some(index + 1).filter(|i| *i < workbook.card.activities.len())
            };
            let Some(other) = other else {
                return Err(Refusal(format!(
                    "Activiteit {number} staat al {} van de kaart.",
                    if *up { "bovenaan" } else { "onderaan" }
                )));
            };
            workbook.card.activities.swap(index, other);
        }
        SetupEdit::SetActivity { number, activity } => {
            let index = index_of(&workbook.card, *number)?;
            let problems = activity_problems(activity);
            if let Some(problem) = problems.first() {
                return Err(Refusal(problem.clone()));
            }
            if activity.number != *number {
                if workbook.card.activity(activity.number).is_some() {
                    return Err(Refusal(format!(
                        "Nummer {} is al van een andere activiteit.",
                        activity.number
                    )));
                }
                renumber(workbook, *number, activity.number);
            }
            workbook.card.activities[index] = activity.clone();
        }
        SetupEdit::SetPepperValue { colour, value } => {
            if value.is_sign_negative() {
                return Err(Refusal(
                    "Een peper kan geen negatieve waarde hebben.".into(),
                ));
            }
            workbook
                .region
                .pepper_values
                .insert(*colour, value.normalize());
        }
        SetupEdit::SetGemeente { gemeente } => {
            let region = &mut workbook.region;
            let Some(index) = region
                .gemeenten
                .iter()
                .position(|g| g.name == gemeente.name)
            else {
                return Err(Refusal(format!("Onbekende gemeente: {}.", gemeente.name)));
            };
            if let Some(other) = region
                .gemeenten
                .iter()
                .find(|g| g.article == gemeente.article && g.name != gemeente.name)
            {
                return Err(Refusal(format!(
                    "Artikel {} is al van {}.",
                    gemeente.article, other.name
                )));
            }
            if gemeente.article == 0 {
                return Err(Refusal("Het artikelnummer moet groter zijn dan 0.".into()));
            }
            if gemeente.peppers.is_sign_negative() || gemeente.budget.is_sign_negative() {
                return Err(Refusal(format!(
                    "{}: het aantal pepers en het budget kunnen niet negatief zijn.",
                    gemeente.name
                )));
            }
            region.gemeenten[index] = gemeente.clone();
            // The region lists gemeenten in article order, as the DVO does.
            region.gemeenten.sort_by_key(|g| g.article);
        }
        SetupEdit::SetTerm {
            start,
            end,
            citation_title,
            card_name,
            reading_note,
        } => {
            if end <= start {
                return Err(Refusal(
                    "De einddatum van de looptijd moet na de begindatum liggen.".into(),
                ));
            }
            if citation_title.trim().is_empty() || card_name.trim().is_empty() {
                return Err(Refusal(
                    "De citeertitel en de naam van de keuzekaart mogen niet leeg zijn.".into(),
                ));
            }
            workbook.region.term.start = *start;
            workbook.region.term.end = *end;
            workbook.region.citation_title = citation_title.trim().to_owned();
            workbook.card.name = card_name.trim().to_owned();
            workbook.card.reading_note = reading_note.trim().to_owned();
        }
        SetupEdit::ReplaceCard { card } => {
            if let Some(problem) = card_problems(card).first() {
                return Err(Refusal(format!("De keuzekaart klopt niet: {problem}")));
            }
            let mut missing = Vec::new();
            for plan in &workbook.plans {
                for choice in &plan.choices {
                    if !choice.is_empty() && card.activity(choice.activity).is_none() {
                        missing.push(format!(
                            "{} (activiteit {})",
                            plan.gemeente, choice.activity
                        ));
                    }
                }
            }
            if !missing.is_empty() {
                return Err(Refusal(format!(
                    "Op de nieuwe keuzekaart ontbreken activiteiten die gekozen zijn: {}.",
                    list(&missing)
                )));
            }
            workbook.card = card.clone();
        }
    }
    Ok(())
}

/// Why a card cannot be used, as Dutch sentences; empty when it is sound. Used for a card file on
/// import and for each activity saved in Beheer.
pub fn card_problems(card: &Card) -> Vec<String> {
    let mut problems = Vec::new();
    if card.name.trim().is_empty() {
        problems.push("de keuzekaart heeft geen naam.".to_owned());
    }
    if card.activities.len() > card.max_activities {
        problems.push(format!(
            "er staan {} activiteiten op; hoogstens {} mogen.",
            card.activities.len(),
            card.max_activities
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for activity in &card.activities {
        if !seen.insert(activity.number) {
            problems.push(format!(
                "nummer {} staat meer dan eens op de kaart.",
                activity.number
            ));
        }
        problems.extend(activity_problems(activity));
    }
    problems
}

/// Why an activity cannot go on the card, as Dutch sentences.
pub fn activity_problems(activity: &Activity) -> Vec<String> {
    let number = activity.number;
    let mut problems = Vec::new();
    if number == 0 {
        problems.push("Het nummer van een activiteit moet groter zijn dan 0.".to_owned());
    }
    if activity.title.trim().is_empty() {
        problems.push(format!("Activiteit {number} heeft geen titel."));
    }
    for (colour, offer) in &activity.offers {
        let colour = colour.adjective();
        let Offer {
            volume,
            unit: Unit { one, many },
            peppers,
            minimum,
            maximum,
        } = offer;
        if volume.is_sign_negative() || volume.is_zero() {
            problems.push(format!(
                "Activiteit {number}: wat een stap voor {colour} pepers oplevert moet meer dan 0 zijn."
            ));
        }
        if one.trim().is_empty() || many.trim().is_empty() {
            problems.push(format!(
                "Activiteit {number}: de eenheid voor {colour} pepers ontbreekt."
            ));
        }
        if peppers.is_sign_negative() || minimum.is_sign_negative() {
            problems.push(format!(
                "Activiteit {number}: pepers en minimum voor {colour} pepers kunnen niet negatief zijn."
            ));
        }
        if let Some(max) = maximum
            && max < minimum
        {
            problems.push(format!(
                "Activiteit {number}: het maximum ({}) ligt onder het minimum ({}) voor {colour} pepers.",
                format_number(*max),
                format_number(*minimum)
            ));
        }
    }
    problems
}

fn index_of(card: &Card, number: u32) -> Result<usize, Refusal> {
    card.activities
        .iter()
        .position(|a| a.number == number)
        .ok_or_else(|| Refusal(format!("Activiteit {number} staat niet op de keuzekaart.")))
}

/// The gemeenten that have chosen an activity now or in an agreed version.
pub fn users_of(workbook: &Workbook, number: u32) -> Vec<String> {
    workbook
        .plans
        .iter()
        .filter(|plan| {
            let uses = |choices: &[super::Choice]| {
                choices
                    .iter()
                    .any(|c| c.activity == number && !c.is_empty())
            };
            uses(&plan.choices) || plan.sign_off.agreed.iter().any(|a| uses(&a.choices))
        })
        .map(|plan| plan.gemeente.clone())
        .collect()
}

/// Gives an activity a new number in every current draft and in the previous term's baseline.
/// Agreed versions keep the number they were signed under, so their fingerprint shows the change.
fn renumber(workbook: &mut Workbook, from: u32, to: u32) {
    for plan in &mut workbook.plans {
        for choice in &mut plan.choices {
            if choice.activity == from {
                choice.activity = to;
            }
        }
        plan.choices.sort_by_key(|c| c.activity);
    }
    if let Some(previous) = &mut workbook.previous {
        for plan in &mut previous.plans {
            for line in &mut plan.lines {
                if line.activity == from {
                    line.activity = to;
                }
            }
        }
    }
}
