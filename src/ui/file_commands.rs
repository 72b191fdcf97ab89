//! The file commands of the menu Bestand as one table: each [`FileCommand`] carries its label,
//! tooltip, shortcut, its place in the menu, the file picker it needs (open or save, the kind of
//! file, the suggested name) and whether it replaces the open workbook. The menu, the shortcuts,
//! the unsaved-changes question, the path typed by hand when no dialog can be shown, and the
//! tests are all made from [`FileCommand::spec`]; what a command does with its path is in the
//! app's `file_ops`. A new file command is a variant and its entry here, and its run there.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::path_requests::Picker;

/// A command that works on files. The order is the order of the menu Bestand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum FileCommand {
    /// Start a new workbook on the bundled card.
    #[default]
    New,
    /// Open a workbook file.
    Open,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Print the annex (articles 5–11) of all gemeenten to PDF.
    ExportAnnex,
    /// Print the shown gemeente's article to PDF.
    ExportAnnexGemeente,
    /// Print the review copy (with a "Wijziging" column) to PDF.
    ExportReviewCopy,
    /// Print the council pages: one A4 per gemeente, in plain Dutch.
    ExportCouncil,
    /// Sign an annex PDF with a personal certificate (PAdES).
    SignAnnex,
    /// Check an annex PDF: its signatures and the workbook attached to it.
    VerifyAnnex,
    /// Write the shown gemeente's choices to a small file for exchange.
    ExportGemeente,
    /// Read a gemeente's choices from such a file.
    ImportGemeente,
    /// Show how the shown gemeente's choices differ from another workbook file.
    CompareWithFile,
    /// Read realisation figures from a registration system's spreadsheet.
    ImportRealisation,
    /// Move the realisation's history to a file of its own.
    ArchiveHistory,
    /// Write the choices, budgets, overview and progress as an Excel file.
    ExportExcel,
    /// Make the progress report (art. 14.2) as PDF/A.
    ExportProgressReport,
    /// Write the card alone to a file to send to all gemeenten.
    ExportCard,
    /// Replace the card with one from a card file.
    ImportCard,
    /// Start a workbook for the next term from this one.
    NextTerm,
    /// Close the app (asking about unsaved changes first).
    Quit,
}

/// Everything the shell knows of a file command.
#[derive(Clone, Copy, Debug)]
pub struct FileSpec {
    /// The Dutch menu label; it ends in "…" when a dialog follows.
    pub label: &'static str,
    /// The Dutch tooltip.
    pub tooltip: &'static str,
    /// The keyboard shortcut, if any.
    pub shortcut: Option<KeyboardShortcut>,
    /// The group of the menu Bestand it is in; separators fall between groups.
    pub group: u8,
    /// The file picker it asks for a path first; `None` runs at once.
    pub picker: Option<Picker>,
    /// Whether it replaces the open workbook, so unsaved changes are asked about first.
    pub replaces_workbook: bool,
}

/// A spec with no shortcut, in a group, that keeps the open workbook: most entries are this.
const fn keeps(group: u8, label: &'static str, tooltip: &'static str, picker: Picker) -> FileSpec {
    FileSpec {
        label,
        tooltip,
        shortcut: None,
        group,
        picker: Some(picker),
        replaces_workbook: false,
    }
}

const WORKBOOK: (&str, &str) = ("Werkmap", "ron");
const PDF: (&str, &str) = ("PDF", "pdf");

impl FileCommand {
    /// Every file command, in menu order.
    pub fn all() -> impl Iterator<Item = FileCommand> {
        <FileCommand as strum::IntoEnumIterator>::iter()
    }

    // A table: one entry per file command.
    /// The command's label, tooltip, shortcut, menu group, picker and effect on the workbook.
    pub fn spec(self) -> FileSpec {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            FileCommand::New => FileSpec {
                label: "Nieuw",
                tooltip: "Begin een nieuwe werkmap op de keuzekaart 2021-2022",
                shortcut: cmd(Key::N),
                group: 0,
                picker: None,
                replaces_workbook: true,
            },
            FileCommand::Open => FileSpec {
                label: "Openen…",
                tooltip: "Open een werkmap (.ron)",
                shortcut: cmd(Key::O),
                group: 0,
                picker: Some(Picker::open("Werkmap openen", WORKBOOK)),
                replaces_workbook: true,
            },
            FileCommand::Save => FileSpec {
                label: "Opslaan",
                tooltip: "Sla de werkmap op",
                shortcut: cmd(Key::S),
                group: 0,
                // Asks for a name through Opslaan als… when the workbook has none.
                picker: None,
                replaces_workbook: false,
            },
            FileCommand::SaveAs => FileSpec {
                shortcut: Some(KeyboardShortcut::new(
                    Modifiers::COMMAND | Modifiers::SHIFT,
                    Key::S,
                )),
                ..keeps(
                    0,
                    "Opslaan als…",
                    "Sla de werkmap op onder een nieuwe naam",
                    Picker::save("Opslaan als", WORKBOOK, |n| n.workbook_file()),
                )
            },
            FileCommand::ExportAnnex => FileSpec {
                shortcut: cmd(Key::P),
                ..keeps(
                    1,
                    "Bijlage exporteren…",
                    "Maak de bijlage met de artikelen 5 tot en met 11 als PDF om te printen en te archiveren",
                    Picker::save("Bijlage exporteren", PDF, |n| n.annex(false)),
                )
            },
            FileCommand::ExportAnnexGemeente => keeps(
                1,
                "Bijlage van deze gemeente…",
                "Maak alleen het artikel van deze gemeente als PDF",
                Picker::save("Bijlage exporteren", PDF, |n| n.annex(true)),
            ),
            FileCommand::ExportReviewCopy => keeps(
                1,
                "Exemplaar voor de raad (met kolom Wijziging)…",
                "Bijlage met een lege kolom ‘Wijziging’, voor raadsleden die op papier lezen",
                Picker::save("Bijlage exporteren", PDF, |n| {
                    format!("Exemplaar voor de raad DVO {}.pdf", n.term())
                }),
            ),
            FileCommand::ExportCouncil => keeps(
                1,
                "Raadsinformatie…",
                "Maak per gemeente één A4 voor de gemeenteraad: de keuzes, wat ze kosten, de vergelijking met de regio en de vorige looptijd, en wat er tot nu is gerealiseerd",
                Picker::save("Raadsinformatie maken", PDF, |n| {
                    format!("Raadsinformatie DVO {}.pdf", n.term())
                }),
            ),
            FileCommand::SignAnnex => keeps(
                1,
                "Bijlage ondertekenen…",
                "Onderteken een bijlage (PDF) digitaal met uw persoonlijke certificaat (.p12 of .pfx); PDF-lezers tonen wie ondertekende en of de PDF sindsdien veranderd is",
                Picker::open("Bijlage ondertekenen", PDF),
            ),
            FileCommand::VerifyAnnex => keeps(
                1,
                "Bijlage controleren…",
                "Controleer een bijlage (PDF): wie haar ondertekende, of ze sindsdien veranderd is, en of de werkmap erin de werkmap is waar de pagina's bij horen",
                Picker::open("Bijlage controleren", PDF),
            ),
            FileCommand::ExportGemeente => keeps(
                2,
                "Keuzes van deze gemeente exporteren…",
                "Schrijf alleen de keuzes van deze gemeente naar een klein bestand om te mailen",
                Picker::save("Keuzes van {gemeente} exporteren", ("Keuzes", "ron"), |n| {
                    format!("Keuzes {} DVO {}.ron", n.gemeente, n.term())
                }),
            ),
            FileCommand::ImportGemeente => keeps(
                2,
                "Keuzes van een gemeente importeren…",
                "Lees de keuzes van een gemeente uit zo'n bestand; u ziet eerst wat er verandert",
                Picker::open("Keuzes van een gemeente importeren", ("Keuzes", "ron")),
            ),
            FileCommand::CompareWithFile => keeps(
                2,
                "Vergelijken met ander bestand…",
                "Toon wat de keuzes van deze gemeente verschillen van die in een ander bestand",
                Picker::open("Vergelijken met ander bestand", WORKBOOK),
            ),
            FileCommand::ImportRealisation => keeps(
                3,
                "Realisatie importeren…",
                "Lees gerealiseerde volumes uit een export van de registratie (.xlsx, .ods of .csv); u ziet eerst wat er verandert",
                Picker::open("Realisatie importeren", ("Spreadsheet", "xlsx")),
            ),
            FileCommand::ArchiveHistory => keeps(
                3,
                "Geschiedenis archiveren…",
                "Zet de geschiedenis van de realisatiecijfers in een eigen bestand; in de werkmap blijft één regel die naar dat bestand wijst",
                Picker::save("Geschiedenis archiveren", ("Geschiedenis", "ron"), |n| {
                    format!("Geschiedenis voortgang DVO {}.ron", n.term())
                }),
            ),
            FileCommand::ExportExcel => keeps(
                3,
                "Exporteren naar Excel…",
                "Schrijf de keuzes, budgetten, het regio-overzicht en de voortgang als Excel-bestand, met formules voor de totalen",
                Picker::save("Exporteren naar Excel", ("Excel-werkmap", "xlsx"), |n| {
                    format!("Lokale keuzes DVO {}.xlsx", n.term())
                }),
            ),
            FileCommand::ExportProgressReport => keeps(
                3,
                "Voortgangsrapport maken…",
                "Maak het voortgangsrapport (artikel 14.2) als PDF: tot en met de laatste afgelopen periode",
                Picker::save("Voortgangsrapport maken", PDF, |n| {
                    format!("Voortgang lokale keuzes DVO {}.pdf", n.term())
                }),
            ),
            FileCommand::ExportCard => keeps(
                4,
                "Keuzekaart exporteren…",
                "Schrijf alleen de keuzekaart naar een bestand om naar alle gemeenten te sturen",
                Picker::save("Keuzekaart exporteren", ("Keuzekaart", "ron"), |n| {
                    format!("{}.ron", n.workbook.card.name)
                }),
            ),
            FileCommand::ImportCard => keeps(
                4,
                "Keuzekaart importeren…",
                "Vervang de keuzekaart door die uit een kaartbestand; het bestand wordt eerst gecontroleerd",
                Picker::open("Keuzekaart importeren", ("Keuzekaart", "ron")),
            ),
            FileCommand::NextTerm => FileSpec {
                label: "Nieuwe looptijd starten…",
                tooltip: "Maak een werkmap voor de volgende looptijd, met de vastgestelde keuzes als beginpunt",
                shortcut: None,
                group: 4,
                picker: None,
                replaces_workbook: true,
            },
            FileCommand::Quit => FileSpec {
                label: "Afsluiten",
                tooltip: "Sluit Keuzekaart; niet-opgeslagen wijzigingen worden eerst gevraagd",
                shortcut: cmd(Key::Q),
                group: 5,
                picker: None,
                replaces_workbook: true,
            },
        }
    }

    /// What the unsaved-changes question asks before this command.
    pub fn unsaved_question(self) -> &'static str {
        match self {
            FileCommand::Quit => "Wilt u de wijzigingen opslaan voordat u afsluit?",
            FileCommand::New => {
                "Wilt u de wijzigingen opslaan voordat u een nieuwe werkmap begint?"
            }
            FileCommand::NextTerm => {
                "Wilt u de wijzigingen opslaan voordat u een werkmap voor de volgende looptijd begint?"
            }
            _ => "Wilt u de wijzigingen opslaan voordat u een ander bestand opent?",
        }
    }
}
