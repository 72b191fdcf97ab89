//! Every action of the app's menus and shortcuts as one enum, carrying its Dutch label, tooltip
//! and shortcut, so menus, keyboard handling and help text cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a menu or with a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    /// Start a new workbook on the bundled card.
    New,
    /// Open a workbook file.
    Open,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Write the shown gemeente's choices to a small file for exchange.
    ExportGemeente,
    /// Read a gemeente's choices from such a file.
    ImportGemeente,
    /// Show how the shown gemeente's choices differ from another workbook file.
    CompareWithFile,
    /// Print the annex (articles 5–11) of all gemeenten to PDF.
    ExportAnnex,
    /// Print the shown gemeente's article to PDF.
    ExportAnnexGemeente,
    /// Print the review copy (with a "Wijziging" column) to PDF.
    ExportReviewCopy,
    /// Take back the last change.
    Undo,
    /// Re-apply the last change taken back.
    Redo,
    /// Show the drafting screen.
    ShowDrafting,
    /// Show the region overview.
    ShowOverview,
    /// Show the compare view.
    ShowCompare,
    /// Show the capacity view.
    ShowCapacity,
    /// Show Beheer: the card, the region and the term (WerkBedrijf).
    ShowAdmin,
    /// Show Voortgang: delivered against agreed (art. 14.2).
    ShowProgress,
    /// Write the choices, budgets, overview and progress as an Excel file.
    ExportExcel,
    /// Read realisation figures from a registration system's spreadsheet.
    ImportRealisation,
    /// Make the progress report (art. 14.2) as PDF/A.
    ExportProgressReport,
    /// Write the card alone to a file to send to all gemeenten.
    ExportCard,
    /// Replace the card with one from a card file.
    ImportCard,
    /// Start a workbook for the next term from this one.
    NextTerm,
    /// Enter or leave presentation mode.
    Present,
    /// Select the previous gemeente.
    PreviousGemeente,
    /// Select the next gemeente.
    NextGemeente,
    /// Larger text and tokens.
    ZoomIn,
    /// Smaller text and tokens.
    ZoomOut,
    /// Back to normal size.
    ZoomReset,
    /// Close the app (asking about unsaved changes first).
    Quit,
}

/// The menus of the menu bar, in order, with the commands each holds: one list for the menu bar
/// and for the test that every command can be found in a menu. Separators fall between groups.
pub const MENUS: &[(&str, &[&[UiCommand]])] = &[
    (
        "Bestand",
        &[
            &[
                UiCommand::New,
                UiCommand::Open,
                UiCommand::Save,
                UiCommand::SaveAs,
            ],
            &[
                UiCommand::ExportAnnex,
                UiCommand::ExportAnnexGemeente,
                UiCommand::ExportReviewCopy,
            ],
            &[
                UiCommand::ExportGemeente,
                UiCommand::ImportGemeente,
                UiCommand::CompareWithFile,
            ],
            &[
                UiCommand::ImportRealisation,
                UiCommand::ExportExcel,
                UiCommand::ExportProgressReport,
            ],
            &[
                UiCommand::ExportCard,
                UiCommand::ImportCard,
                UiCommand::NextTerm,
            ],
            &[UiCommand::Quit],
        ],
    ),
    ("Bewerken", &[&[UiCommand::Undo, UiCommand::Redo]]),
    (
        "Beeld",
        &[
            &[
                UiCommand::ShowDrafting,
                UiCommand::ShowOverview,
                UiCommand::ShowCompare,
                UiCommand::ShowCapacity,
                UiCommand::ShowProgress,
                UiCommand::ShowAdmin,
            ],
            &[
                UiCommand::Present,
                UiCommand::PreviousGemeente,
                UiCommand::NextGemeente,
            ],
            &[UiCommand::ZoomIn, UiCommand::ZoomOut, UiCommand::ZoomReset],
        ],
    ),
];

impl UiCommand {
    /// Every command, derived from the enum so a new one cannot be left out.
    pub fn all() -> impl Iterator<Item = UiCommand> {
        <UiCommand as strum::IntoEnumIterator>::iter()
    }

    /// The Dutch menu label.
    pub fn label(self) -> &'static str {
        match self {
            UiCommand::New => "Nieuw",
            UiCommand::Open => "Openen…",
            UiCommand::Save => "Opslaan",
            UiCommand::SaveAs => "Opslaan als…",
            UiCommand::ExportGemeente => "Keuzes van deze gemeente exporteren…",
            UiCommand::ImportGemeente => "Keuzes van een gemeente importeren…",
            UiCommand::CompareWithFile => "Vergelijken met ander bestand…",
            UiCommand::ExportAnnex => "Bijlage exporteren…",
            UiCommand::ExportAnnexGemeente => "Bijlage van deze gemeente…",
            UiCommand::ExportReviewCopy => "Exemplaar voor de raad (met kolom Wijziging)…",
            UiCommand::Undo => "Ongedaan maken",
            UiCommand::Redo => "Opnieuw",
            UiCommand::ShowDrafting => "Keuzes",
            UiCommand::ShowOverview => "Regio-overzicht",
            UiCommand::ShowCompare => "Vergelijken",
            UiCommand::ShowCapacity => "Capaciteit",
            UiCommand::ShowProgress => "Voortgang",
            UiCommand::ExportExcel => "Exporteren naar Excel…",
            UiCommand::ImportRealisation => "Realisatie importeren…",
            UiCommand::ExportProgressReport => "Voortgangsrapport maken…",
            UiCommand::ShowAdmin => "Beheer",
            UiCommand::ExportCard => "Keuzekaart exporteren…",
            UiCommand::ImportCard => "Keuzekaart importeren…",
            UiCommand::NextTerm => "Nieuwe looptijd starten…",
            UiCommand::Present => "Presenteren",
            UiCommand::PreviousGemeente => "Vorige gemeente",
            UiCommand::NextGemeente => "Volgende gemeente",
            UiCommand::Quit => "Afsluiten",
            UiCommand::ZoomIn => "Groter",
            UiCommand::ZoomOut => "Kleiner",
            UiCommand::ZoomReset => "Normale grootte",
        }
    }

    /// The Dutch tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            UiCommand::New => "Begin een nieuwe werkmap op de keuzekaart 2021-2022",
            UiCommand::Open => "Open een werkmap (.ron)",
            UiCommand::Save => "Sla de werkmap op",
            UiCommand::SaveAs => "Sla de werkmap op onder een nieuwe naam",
            UiCommand::ExportGemeente => {
                "Schrijf alleen de keuzes van deze gemeente naar een klein bestand om te mailen"
            }
            UiCommand::ImportGemeente => {
                "Lees de keuzes van een gemeente uit zo'n bestand; u ziet eerst wat er verandert"
            }
            UiCommand::CompareWithFile => {
                "Toon wat de keuzes van deze gemeente verschillen van die in een ander bestand"
            }
            UiCommand::ExportAnnex => {
                "Maak de bijlage met de artikelen 5 tot en met 11 als PDF om te printen en te archiveren"
            }
            UiCommand::ExportAnnexGemeente => "Maak alleen het artikel van deze gemeente als PDF",
            UiCommand::ExportReviewCopy => {
                "Bijlage met een lege kolom ‘Wijziging’, voor raadsleden die op papier lezen"
            }
            UiCommand::Undo => "Maak de laatste wijziging ongedaan",
            UiCommand::Redo => "Voer de ongedaan gemaakte wijziging opnieuw uit",
            UiCommand::ShowDrafting => "Pepers van één gemeente verdelen over de keuzekaart",
            UiCommand::ShowOverview => "Alle zeven gemeenten naast elkaar",
            UiCommand::ShowCompare => {
                "Opties, gemeenten of looptijden naast elkaar, met de verschillen per activiteit"
            }
            UiCommand::ShowProgress => {
                "Wat WerkBedrijf leverde tegen wat is afgesproken, per gemeente, activiteit en periode (artikel 14.2)"
            }
            UiCommand::ImportRealisation => {
                "Lees gerealiseerde volumes uit een export van de registratie (.xlsx, .ods of .csv); u ziet eerst wat er verandert"
            }
            UiCommand::ExportExcel => {
                "Schrijf de keuzes, budgetten, het regio-overzicht en de voortgang als Excel-bestand, met formules voor de totalen"
            }
            UiCommand::ExportProgressReport => {
                "Maak het voortgangsrapport (artikel 14.2) als PDF: tot en met de laatste afgelopen periode"
            }
            UiCommand::ShowCapacity => {
                "Wat de keuzes van WerkBedrijf vragen: dagdelen op locatie, fte en kosten, naast het regionale doel"
            }
            UiCommand::ShowAdmin => {
                "Keuzekaart, regio en looptijd aanpassen (WerkBedrijf); wijzigingen gelden voor alle gemeenten"
            }
            UiCommand::ExportCard => {
                "Schrijf alleen de keuzekaart naar een bestand om naar alle gemeenten te sturen"
            }
            UiCommand::ImportCard => {
                "Vervang de keuzekaart door die uit een kaartbestand; het bestand wordt eerst gecontroleerd"
            }
            UiCommand::NextTerm => {
                "Maak een werkmap voor de volgende looptijd, met de vastgestelde keuzes als beginpunt"
            }
            UiCommand::Present => {
                "Volledig scherm, grote letters en hoog contrast voor de beamer; pijltjes links en rechts wisselen de gemeente, omhoog en omlaag de optie; Esc sluit af"
            }
            UiCommand::PreviousGemeente => "Ga naar de gemeente erboven in de lijst",
            UiCommand::NextGemeente => "Ga naar de gemeente eronder in de lijst",
            UiCommand::ZoomIn => "Maak tekst en pepers groter (voor de beamer)",
            UiCommand::ZoomOut => "Maak tekst en pepers kleiner",
            UiCommand::ZoomReset => "Zet de grootte terug",
            UiCommand::Quit => {
                "Sluit Keuzekaart; niet-opgeslagen wijzigingen worden eerst gevraagd"
            }
        }
    }

    /// The main keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let shortcut = match self {
            UiCommand::New => KeyboardShortcut::new(cmd, Key::N),
            UiCommand::Open => KeyboardShortcut::new(cmd, Key::O),
            UiCommand::Save => KeyboardShortcut::new(cmd, Key::S),
            UiCommand::SaveAs => KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::S),
            UiCommand::ExportGemeente
            | UiCommand::ImportGemeente
            | UiCommand::CompareWithFile
            | UiCommand::ExportAnnexGemeente
            | UiCommand::ExportReviewCopy => return None,
            UiCommand::ExportAnnex => KeyboardShortcut::new(cmd, Key::P),
            UiCommand::Undo => KeyboardShortcut::new(cmd, Key::Z),
            UiCommand::Redo => KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::Z),
            UiCommand::ShowDrafting => KeyboardShortcut::new(Modifiers::ALT, Key::Num1),
            UiCommand::ShowOverview => KeyboardShortcut::new(Modifiers::ALT, Key::Num2),
            UiCommand::ShowCompare => KeyboardShortcut::new(Modifiers::ALT, Key::Num3),
            UiCommand::ShowCapacity => KeyboardShortcut::new(Modifiers::ALT, Key::Num4),
            UiCommand::ShowProgress => KeyboardShortcut::new(Modifiers::ALT, Key::Num6),
            UiCommand::ExportExcel
            | UiCommand::ExportProgressReport
            | UiCommand::ImportRealisation => return None,
            UiCommand::ShowAdmin => KeyboardShortcut::new(Modifiers::ALT, Key::Num5),
            UiCommand::ExportCard | UiCommand::ImportCard | UiCommand::NextTerm => return None,
            UiCommand::Present => KeyboardShortcut::new(Modifiers::NONE, Key::F11),
            UiCommand::PreviousGemeente => KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp),
            UiCommand::NextGemeente => KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown),
            UiCommand::ZoomIn => KeyboardShortcut::new(cmd, Key::Plus),
            UiCommand::ZoomOut => KeyboardShortcut::new(cmd, Key::Minus),
            UiCommand::ZoomReset => KeyboardShortcut::new(cmd, Key::Num0),
            UiCommand::Quit => KeyboardShortcut::new(cmd, Key::Q),
        };
        Some(shortcut)
    }

    /// Further shortcuts for the same command (Ctrl+Y for redo, Ctrl+= for zoom in).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const ZOOM_IN: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)];
        match self {
            UiCommand::Redo => &REDO,
            UiCommand::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Finds the command whose shortcut was pressed this frame, consuming the key press.
    /// Shortcuts with more modifiers are tried first, so Ctrl+Shift+Z is not read as Ctrl+Z.
    pub fn from_shortcuts(ctx: &egui::Context) -> Option<UiCommand> {
        let mut candidates: Vec<(UiCommand, KeyboardShortcut)> = Vec::new();
        for command in UiCommand::all() {
            candidates.extend(command.shortcut().map(|s| (command, s)));
            candidates.extend(
                command
                    .alternative_shortcuts()
                    .iter()
                    .map(|s| (command, *s)),
            );
        }
        candidates.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        ctx.input_mut(|input| {
            candidates
                .into_iter()
                .find(|(_, shortcut)| input.consume_shortcut(shortcut))
                .map(|(c, _)| c)
        })
    }

    /// The shortcut as text for menus ("Ctrl+Z").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }
}

impl UiCommand {
    /// A plain button for the command (outside menus), with its tooltip; reports the command.
    pub(crate) fn button(self, ui: &mut egui::Ui, actions: &mut Vec<super::action::Action>) {
        if ui
            .button(self.label())
            .on_hover_text(self.tooltip())
            .clicked()
        {
            actions.push(super::action::Action::Command(self));
        }
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command) + u8::from(m.shift) + u8::from(m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_exactly_one_menu() {
        for command in UiCommand::all() {
            let places: Vec<&str> = MENUS
                .iter()
                .filter(|(_, groups)| groups.iter().any(|g| g.contains(&command)))
                .map(|(menu, _)| *menu)
                .collect();
            assert_eq!(places.len(), 1, "{command:?} is in {places:?}");
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
        for command in UiCommand::all() {
            let shortcuts = command
                .shortcut()
                .into_iter()
                .chain(command.alternative_shortcuts().iter().copied());
            for shortcut in shortcuts {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((shortcut, command));
            }
        }
    }

    #[test]
    fn labels_are_unique_and_say_when_a_dialog_follows() {
        let labels: Vec<&str> = UiCommand::all().map(UiCommand::label).collect();
        let mut unique = labels.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), labels.len(), "{labels:?}");
        for command in [
            UiCommand::Open,
            UiCommand::SaveAs,
            UiCommand::ExportAnnex,
            UiCommand::ExportAnnexGemeente,
            UiCommand::ExportReviewCopy,
        ] {
            assert!(command.label().ends_with('…'), "{}", command.label());
        }
    }
}
