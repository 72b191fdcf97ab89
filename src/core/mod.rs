//! The domain core: the card, the region, the choices, the rules and money. No GUI and no file
//! dialogs in here; the UI, storage and the command line depend on this module, never the reverse.

pub mod capacity;
pub mod card;
pub mod choice;
pub mod compare;
pub mod diff;
pub mod edit;
pub mod history;
pub mod limits;
pub mod model;
pub mod money;
pub mod next_term;
pub mod options;
pub mod period;
pub mod progress;
pub mod progress_edit;
pub mod progress_figures;
pub mod range_check;
pub mod reconciliation;
pub mod refusal;
pub mod region;
pub mod rules;
pub mod setup;
pub mod sign_off_record;
pub mod signoff;
pub mod term;
pub mod what_if;
pub mod words;
pub mod workbook;

pub use card::{Activity, Card, Offer, Unit};
pub use edit::{Edit, Snapshot};
pub use model::Model;
pub use refusal::Refusal;
pub use region::{Gemeente, PepperColour, Region, Term};
pub use rules::{Finding, Problem, Severity};
pub use setup::SetupEdit;
pub use signoff::{Decision, Outcome, Side, SignOffStep, Status};
pub use workbook::{Choice, Plan, Workbook};
