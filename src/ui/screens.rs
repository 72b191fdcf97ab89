//! The app's screens as one registered list: each [`View`] carries its Dutch name, tooltip,
//! shortcut and the hint the status bar gives on it, so the menu, the row of screen tabs, the
//! shortcuts, the status bar and the tests are all made from [`View::spec`].

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

/// Which screen is showing. The order is the order of the menu and of the tabs.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter,
)]
pub enum View {
    /// One gemeente's choices on the card.
    #[default]
    Drafting,
    /// All gemeenten side by side.
    Overview,
    /// Options, gemeenten or terms side by side.
    Compare,
    /// What the choices ask of WerkBedrijf in staff.
    Capacity,
    /// What WerkBedrijf delivered against the agreed choices.
    Progress,
    /// Beheer: the card, the region and the term. Never restored at start, so an official who
    /// opens the app always lands on the choices.
    Admin,
}

/// What the shell needs to know of a screen.
#[derive(Clone, Copy, Debug)]
pub struct ScreenSpec {
    /// The Dutch name, in the menu Beeld and on its tab.
    pub label: &'static str,
    /// The tooltip.
    pub tooltip: &'static str,
    /// The shortcut that shows it (Alt+number).
    pub shortcut: KeyboardShortcut,
    /// What the status bar says on this screen while there is no message.
    pub hint: &'static str,
}

impl View {
    /// Every screen, in menu order.
    pub fn all() -> impl Iterator<Item = View> {
        <View as strum::IntoEnumIterator>::iter()
    }

    // A table: one entry per screen.
    /// The screen's name, tooltip, shortcut and hint.
    pub fn spec(self) -> ScreenSpec {
        // The numbers are those users learned; Beheer came before Voortgang.
        let alt = |key| KeyboardShortcut::new(Modifiers::ALT, key);
        match self {
            View::Drafting => ScreenSpec {
                label: "Keuzes",
                tooltip: "Pepers van één gemeente verdelen over de keuzekaart",
                shortcut: alt(Key::Num1),
                hint: "Sleep een peper uit de voorraad naar een activiteit, of gebruik + en −. \
                       Ctrl+Z maakt ongedaan.",
            },
            View::Overview => ScreenSpec {
                label: "Regio-overzicht",
                tooltip: "Alle zeven gemeenten naast elkaar",
                shortcut: alt(Key::Num2),
                hint: "Regio-overzicht: klik op een gemeente om haar keuzes te openen.",
            },
            View::Compare => ScreenSpec {
                label: "Vergelijken",
                tooltip: "Opties, gemeenten of looptijden naast elkaar, met de verschillen per activiteit",
                shortcut: alt(Key::Num3),
                hint: "Vergelijken: kies per kolom een gemeente en haar keuzes; \
                       verschillen zijn geel gemarkeerd.",
            },
            View::Capacity => ScreenSpec {
                label: "Capaciteit",
                tooltip: "Wat de keuzes van WerkBedrijf vragen: dagdelen op locatie, fte en kosten, naast het regionale doel",
                shortcut: alt(Key::Num4),
                hint: "Capaciteit: de voorstellen van alle gemeenten, omgerekend naar inzet en kosten.",
            },
            View::Progress => ScreenSpec {
                label: "Voortgang",
                tooltip: "Wat WerkBedrijf leverde tegen wat is afgesproken, per gemeente, activiteit en periode (artikel 14.2)",
                shortcut: alt(Key::Num6),
                hint: "Voortgang: typ gerealiseerde volumes in de tabel, plak een blok uit Excel, \
                       of kies Bestand › Realisatie importeren…. Ctrl+Z maakt ongedaan.",
            },
            View::Admin => ScreenSpec {
                label: "Beheer",
                tooltip: "Keuzekaart, regio en looptijd aanpassen (WerkBedrijf); wijzigingen gelden voor alle gemeenten",
                shortcut: alt(Key::Num5),
                hint: "Beheer: pas de velden aan en kies ‘Toepassen’. \
                       Elke wijziging is met Ctrl+Z ongedaan te maken.",
            },
        }
    }

    /// The screen to start on when this one was last shown: Beheer is entered on purpose, never
    /// restored.
    pub fn restored(self) -> View {
        match self {
            View::Admin => View::Drafting,
            view => view,
        }
    }
}
