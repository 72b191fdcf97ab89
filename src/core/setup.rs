//! Beheer: the changes WerkBedrijf makes to the card, the region and the term. They are edits like
//! any other ([`super::Edit::Setup`]), so they are undoable and re-validated at once, but they touch
//! what every gemeente's choices rest on rather than one gemeente's choices.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::card::{Activity, Card, Offer, Unit};
use super::money::format_number;
use super::region::{Gemeente, PepperColour, Region};
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

/// Why a Beheer change was refused; `Display` gives the Dutch sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SetupRefusal {
    /// The card holds as many activities as it may.
    #[error("De keuzekaart heeft al {count} activiteiten; er mogen er hoogstens {max} op staan.")]
    CardFull {
        /// Activities on the card.
        count: usize,
        /// The most the card may hold.
        max: usize,
    },
    /// The activity is not on the card.
    #[error("Activiteit {0} staat niet op de keuzekaart.")]
    NotOnCard(u32),
    /// Gemeenten have chosen the activity (now or in an agreed version).
    #[error(
        "Activiteit {activity} wordt gebruikt door {}; die keuzes moeten er eerst af.",
        list(.users)
    )]
    InUse {
        /// The activity.
        activity: u32,
        /// The gemeenten that use it.
        users: Vec<String>,
    },
    /// The activity is already first or last on the card.
    #[error(
        "Activiteit {activity} staat al {} van de kaart.",
        if *.up { "bovenaan" } else { "onderaan" }
    )]
    AtEdge {
        /// The activity.
        activity: u32,
        /// Whether it was to move up.
        up: bool,
    },
    /// The activity, or a card, does not hold together.
    #[error(transparent)]
    Card(#[from] CardProblem),
    /// Another activity has this number.
    #[error("Nummer {0} is al van een andere activiteit.")]
    NumberTaken(u32),
    /// A pepper value below zero.
    #[error("Een peper kan geen negatieve waarde hebben.")]
    NegativePepperValue,
    /// The gemeente is not in the region.
    #[error("Onbekende gemeente: {0}.")]
    UnknownGemeente(String),
    /// Another gemeente has this article.
    #[error("Artikel {article} is al van {other}.")]
    ArticleTaken {
        /// The article number.
        article: u32,
        /// The gemeente that has it.
        other: String,
    },
    /// Article 0.
    #[error("Het artikelnummer moet groter zijn dan 0.")]
    ArticleZero,
    /// A negative pepper count or euro budget.
    #[error("{0}: het aantal pepers en het budget kunnen niet negatief zijn.")]
    NegativeBudget(String),
    /// The term ends before it starts.
    #[error("De einddatum van de looptijd moet na de begindatum liggen.")]
    TermBackwards,
    /// An empty citation title or card name.
    #[error("De citeertitel en de naam van de keuzekaart mogen niet leeg zijn.")]
    NamesMissing,
    /// A replacement card that does not hold together.
    #[error("De keuzekaart klopt niet: {0}")]
    NewCard(CardProblem),
    /// A replacement card lacks activities that gemeenten have chosen.
    #[error(
        "Op de nieuwe keuzekaart ontbreken activiteiten die gekozen zijn: {}.",
        list(&.missing.iter().map(|(g, a)| format!("{g} (activiteit {a})")).collect::<Vec<_>>())
    )]
    ChosenActivitiesMissing {
        /// Per gemeente, the activity it chose that the new card lacks.
        missing: Vec<(String, u32)>,
    },
}

/// Why a card or one of its activities does not hold together; `Display` gives the Dutch
/// sentence. Checked for each activity saved in Beheer and for a card file on import.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CardProblem {
    /// The card has no name.
    #[error("De keuzekaart heeft geen naam.")]
    NoName,
    /// More activities than the card allows.
    #[error("Er staan {count} activiteiten op; hoogstens {max} mogen.")]
    TooManyActivities {
        /// Activities on the card.
        count: usize,
        /// The most it may hold.
        max: usize,
    },
    /// Two activities share a number.
    #[error("Nummer {0} staat meer dan eens op de kaart.")]
    DuplicateNumber(u32),
    /// Activity number 0.
    #[error("Het nummer van een activiteit moet groter zijn dan 0.")]
    NumberZero,
    /// An activity without a title.
    #[error("Activiteit {0} heeft geen titel.")]
    NoTitle(u32),
    /// An offer whose step yields nothing.
    #[error(
        "Activiteit {activity}: wat een stap voor {} pepers oplevert moet meer dan 0 zijn.",
        .colour.adjective()
    )]
    NoVolume {
        /// The activity.
        activity: u32,
        /// The offer's colour.
        colour: PepperColour,
    },
    /// An offer without a unit.
    #[error("Activiteit {activity}: de eenheid voor {} pepers ontbreekt.", .colour.adjective())]
    NoUnit {
        /// The activity.
        activity: u32,
        /// The offer's colour.
        colour: PepperColour,
    },
    /// A negative price or minimum.
    #[error(
        "Activiteit {activity}: pepers en minimum voor {} pepers kunnen niet negatief zijn.",
        .colour.adjective()
    )]
    Negative {
        /// The activity.
        activity: u32,
        /// The offer's colour.
        colour: PepperColour,
    },
    /// A maximum below the minimum.
    #[error(
        "Activiteit {activity}: het maximum ({}) ligt onder het minimum ({}) voor {} pepers.",
        format_number(*.maximum),
        format_number(*.minimum),
        .colour.adjective()
    )]
    MaximumBelowMinimum {
        /// The activity.
        activity: u32,
        /// The offer's colour.
        colour: PepperColour,
        /// The maximum.
        maximum: Decimal,
        /// The minimum.
        minimum: Decimal,
    },
}

impl CardProblem {
    /// The activity the problem is about, if it is about one.
    pub fn activity(&self) -> Option<u32> {
        match self {
            CardProblem::NoTitle(activity)
            | CardProblem::NoVolume { activity, .. }
            | CardProblem::NoUnit { activity, .. }
            | CardProblem::Negative { activity, .. }
            | CardProblem::MaximumBelowMinimum { activity, .. } => Some(*activity),
            CardProblem::DuplicateNumber(number) => Some(*number),
            CardProblem::NoName
            | CardProblem::TooManyActivities { .. }
            | CardProblem::NumberZero => None,
        }
    }
}

/// Applies a setup edit to the workbook, or refuses it and changes nothing.
pub fn apply_setup(workbook: &mut Workbook, edit: &SetupEdit) -> Result<(), SetupRefusal> {
    match edit {
        SetupEdit::AddActivity => {
            let card = &mut workbook.card;
            if card.activities.len() >= card.max_activities {
                return Err(SetupRefusal::CardFull {
                    count: card.activities.len(),
                    max: card.max_activities,
                });
            }
            let number = card.activities.iter().map(|a| a.number).max().unwrap_or(0) + 1;
            card.activities.push(new_activity(number));
        }
        SetupEdit::RemoveActivity { number } => remove_activity(workbook, *number)?,
        SetupEdit::MoveActivity { number, up } => move_activity(&mut workbook.card, *number, *up)?,
        SetupEdit::SetActivity { number, activity } => {
            let index = index_of(&workbook.card, *number)?;
            if let Some(problem) = activity_problems(activity).into_iter().next() {
                return Err(problem.into());
            }
            if activity.number != *number {
                if workbook.card.activity(activity.number).is_some() {
                    return Err(SetupRefusal::NumberTaken(activity.number));
                }
                renumber(workbook, *number, activity.number);
            }
            workbook.card.activities[index] = activity.clone();
        }
        SetupEdit::SetPepperValue { colour, value } => {
            if value.is_sign_negative() {
                return Err(SetupRefusal::NegativePepperValue);
            }
            workbook
                .region
                .pepper_values
                .insert(*colour, value.normalize());
        }
        SetupEdit::SetGemeente { gemeente } => set_gemeente(&mut workbook.region, gemeente)?,
        SetupEdit::SetTerm {
            start,
            end,
            citation_title,
            card_name,
            reading_note,
        } => {
            if end <= start {
                return Err(SetupRefusal::TermBackwards);
            }
            if citation_title.trim().is_empty() || card_name.trim().is_empty() {
                return Err(SetupRefusal::NamesMissing);
            }
            workbook.region.term.start = *start;
            workbook.region.term.end = *end;
            workbook.region.citation_title = citation_title.trim().to_owned();
            workbook.card.name = card_name.trim().to_owned();
            workbook.card.reading_note = reading_note.trim().to_owned();
        }
        SetupEdit::ReplaceCard { card } => replace_card(workbook, card)?,
    }
    Ok(())
}

/// Takes an activity off the card, unless a plan, an option or an earlier version uses it.
fn remove_activity(workbook: &mut Workbook, number: u32) -> Result<(), SetupRefusal> {
    let index = index_of(&workbook.card, number)?;
    let users = users_of(workbook, number);
    if !users.is_empty() {
        return Err(SetupRefusal::InUse {
            activity: number,
            users,
        });
    }
    workbook.card.activities.remove(index);
    Ok(())
}

/// Moves an activity one place up or down the card.
fn move_activity(card: &mut Card, number: u32, up: bool) -> Result<(), SetupRefusal> {
    let index = index_of(card, number)?;
    let other = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < card.activities.len())
    };
    let Some(other) = other else {
        return Err(SetupRefusal::AtEdge {
            activity: number,
            up,
        });
    };
    card.activities.swap(index, other);
    Ok(())
}

/// Replaces a gemeente's name-keyed entry: its article unique and not zero, its budget not
/// negative.
fn set_gemeente(region: &mut Region, gemeente: &Gemeente) -> Result<(), SetupRefusal> {
    let Some(index) = region
        .gemeenten
        .iter()
        .position(|g| g.name == gemeente.name)
    else {
        return Err(SetupRefusal::UnknownGemeente(gemeente.name.clone()));
    };
    if let Some(other) = region
        .gemeenten
        .iter()
        .find(|g| g.article == gemeente.article && g.name != gemeente.name)
    {
        return Err(SetupRefusal::ArticleTaken {
            article: gemeente.article,
            other: other.name.clone(),
        });
    }
    if gemeente.article == 0 {
        return Err(SetupRefusal::ArticleZero);
    }
    if gemeente.peppers.is_sign_negative() || gemeente.budget.is_sign_negative() {
        return Err(SetupRefusal::NegativeBudget(gemeente.name.clone()));
    }
    region.gemeenten[index] = gemeente.clone();
    // The region lists gemeenten in article order, as the DVO does.
    region.gemeenten.sort_by_key(|g| g.article);
    Ok(())
}

/// Puts a new card in place of the old, when it is sound and offers every activity a plan chose.
fn replace_card(workbook: &mut Workbook, card: &Card) -> Result<(), SetupRefusal> {
    if let Some(problem) = card_problems(card).into_iter().next() {
        return Err(SetupRefusal::NewCard(problem));
    }
    let missing: Vec<(String, u32)> = workbook
        .plans
        .iter()
        .flat_map(|plan| {
            plan.choices
                .iter()
                .filter(|c| !c.is_empty() && card.activity(c.activity).is_none())
                .map(|c| (plan.gemeente.clone(), c.activity))
        })
        .collect();
    if !missing.is_empty() {
        return Err(SetupRefusal::ChosenActivitiesMissing { missing });
    }
    workbook.card = card.clone();
    Ok(())
}

/// Why a card cannot be used; empty when it is sound. Used for a card file on import and for a
/// replacement card in Beheer.
pub fn card_problems(card: &Card) -> Vec<CardProblem> {
    let mut problems = Vec::new();
    if card.name.trim().is_empty() {
        problems.push(CardProblem::NoName);
    }
    if card.activities.len() > card.max_activities {
        problems.push(CardProblem::TooManyActivities {
            count: card.activities.len(),
            max: card.max_activities,
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    for activity in &card.activities {
        if !seen.insert(activity.number) {
            problems.push(CardProblem::DuplicateNumber(activity.number));
        }
        problems.extend(activity_problems(activity));
    }
    problems
}

/// Why an activity cannot go on the card.
pub fn activity_problems(activity: &Activity) -> Vec<CardProblem> {
    let number = activity.number;
    let mut problems = Vec::new();
    if number == 0 {
        problems.push(CardProblem::NumberZero);
    }
    if activity.title.trim().is_empty() {
        problems.push(CardProblem::NoTitle(number));
    }
    for (&colour, offer) in &activity.offers {
        let Offer {
            volume,
            unit: Unit { one, many },
            peppers,
            minimum,
            maximum,
        } = offer;
        if volume.is_sign_negative() || volume.is_zero() {
            problems.push(CardProblem::NoVolume {
                activity: number,
                colour,
            });
        }
        if one.trim().is_empty() || many.trim().is_empty() {
            problems.push(CardProblem::NoUnit {
                activity: number,
                colour,
            });
        }
        if peppers.is_sign_negative() || minimum.is_sign_negative() {
            problems.push(CardProblem::Negative {
                activity: number,
                colour,
            });
        }
        if let Some(max) = maximum
            && max < minimum
        {
            problems.push(CardProblem::MaximumBelowMinimum {
                activity: number,
                colour,
                maximum: *max,
                minimum: *minimum,
            });
        }
    }
    problems
}

fn index_of(card: &Card, number: u32) -> Result<usize, SetupRefusal> {
    card.activities
        .iter()
        .position(|a| a.number == number)
        .ok_or(SetupRefusal::NotOnCard(number))
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
