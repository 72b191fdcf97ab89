//! Why an edit was refused, as a value: the app shows it at the pointer, the command line prints
//! it, and tests match on the variant rather than on the wording. `Display` gives the one Dutch
//! sentence both show.
//!
//! Each kind of edit has its own enum in the module that applies it (options, Beheer, sign-off);
//! [`Refusal`] wraps them, so those modules need not know about [`super::edit`].

use rust_decimal::Decimal;

use super::limits::OutOfRange;
use super::money::format_number;
use super::options::OptionRefusal;
use super::region::PepperColour;
use super::rules::{coloured_peppers_label, peppers_label};
use super::setup::SetupRefusal;
use super::signoff::{SignOffRefusal, Status};

/// Why an edit was refused. A refused edit changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The edit names a gemeente the region does not have.
    #[error("Onbekende gemeente: {0}.")]
    UnknownGemeente(String),
    /// The gemeente's choices are agreed; only an amendment opens them again.
    #[error(
        "De keuzes van {gemeente} zijn vastgesteld; start een tussentijdse wijziging om ze te veranderen."
    )]
    Agreed {
        /// The gemeente.
        gemeente: String,
    },
    /// The gemeente's choices wait for a decision and cannot change meanwhile.
    #[error(
        "De keuzes van {gemeente} liggen vast ({}); zet ze eerst terug naar concept.",
        .status.label().to_lowercase()
    )]
    Locked {
        /// The gemeente.
        gemeente: String,
        /// Where the sign-off stands.
        status: Status,
    },
    /// Only choice edits (peppers, taken, notes, Vul aan) can be aimed at an option.
    #[error("{0} kan niet in een optie.")]
    NotForAnOption(String),
    /// The activity is not on the card.
    #[error("Activiteit {0} staat niet op de keuzekaart.")]
    NotOnCard(u32),
    /// The activity costs peppers; it is chosen by placing them, not with "Kiezen".
    #[error("Activiteit {0} kiest u door er pepers op te leggen.")]
    ChosenByPeppers(u32),
    /// The activity has no offer in the gemeente's colour.
    #[error("Activiteit {activity} heeft geen aanbod voor {} pepers.", .colour.adjective())]
    NoOffer {
        /// The activity.
        activity: u32,
        /// The gemeente's colour.
        colour: PepperColour,
    },
    /// The activity costs no peppers; it is chosen with "Kiezen".
    #[error("Activiteit {0} kost geen pepers; kies hem met ‘Kiezen’.")]
    Free(u32),
    /// Peppers taken off an activity that has none left.
    #[error("Er liggen geen pepers meer op activiteit {0}.")]
    NoneToTakeOff(u32),
    /// More peppers than the offer's maximum.
    #[error(
        "Activiteit {activity} heeft een maximum van {}.",
        coloured_peppers_label(*.maximum, *.colour)
    )]
    AboveMaximum {
        /// The activity.
        activity: u32,
        /// The maximum, in peppers.
        maximum: Decimal,
        /// The gemeente's colour.
        colour: PepperColour,
    },
    /// A count that is not a whole number of steps (or half steps where those are allowed).
    #[error("Op activiteit {activity} gaan pepers per {}.", peppers_label(*.step))]
    NotAStep {
        /// The activity.
        activity: u32,
        /// The step, in peppers.
        step: Decimal,
    },
    /// Every pepper of the budget is placed.
    #[error(
        "Geen pepers meer over: {gemeente} heeft alle {} geplaatst.",
        peppers_label(*.budget)
    )]
    BudgetSpent {
        /// The gemeente.
        gemeente: String,
        /// Its budget in peppers.
        budget: Decimal,
    },
    /// Fewer peppers left than the edit needs.
    #[error("{gemeente} heeft nog maar {} over.", peppers_label(*.left))]
    NotEnoughLeft {
        /// The gemeente.
        gemeente: String,
        /// The peppers left.
        left: Decimal,
    },
    /// A count no budget can hold (an edit made by a script, never by a button).
    #[error("Zoveel pepers passen in geen enkel budget.")]
    BeyondAnyBudget,
    /// A note longer than a note may be.
    #[error(
        "De notitie is te lang: {} tekens, hoogstens {}.",
        format_number(Decimal::from(*.chars)),
        format_number(Decimal::from(*.max))
    )]
    NoteTooLong {
        /// The note's length in characters.
        chars: usize,
        /// The most a note may hold.
        max: usize,
    },
    /// The edit would put a value out of its range.
    #[error(transparent)]
    OutOfRange(#[from] OutOfRange),
    /// An option could not be made, renamed, deleted or proposed.
    #[error(transparent)]
    Option(#[from] OptionRefusal),
    /// A change of the card, region or term (Beheer) was refused.
    #[error(transparent)]
    Setup(#[from] SetupRefusal),
    /// A change of the realisation was refused.
    #[error(transparent)]
    Progress(#[from] super::progress::ProgressRefusal),
    /// A sign-off step does not fit where the sign-off stands.
    #[error(transparent)]
    SignOff(#[from] SignOffRefusal),
}
