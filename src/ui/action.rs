//! What a screen asks the app to do, as values: an [`Action`] for anything (an edit, a command, a
//! file operation, a dialog's answer) and a [`FileAction`] once a path is known. Screens push
//! them; the app applies them after the frame's widgets are laid out. They live apart from the
//! app so that screens depend on these values, not on the shell.

use std::path::PathBuf;

use egui::Pos2;

use super::commands::UiCommand;
use crate::core::Edit;
use crate::core::setup::SetupEdit;
use crate::storage::ImportPreview;
use crate::storage::recovery::RecoveryCopy;

/// A file operation, after any dialog has given its path. Tests give the path directly, so they
/// run the same code as the menus without a native dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// A new workbook on the bundled card.
    New,
    /// Open this workbook file.
    Open(PathBuf),
    /// Open this workbook file read-only (another instance has it open).
    OpenReadOnly(PathBuf),
    /// Save to the current file.
    Save,
    /// Save to this file, which becomes the current file.
    SaveAs(PathBuf),
    /// Write the shown gemeente's choices to this exchange file.
    ExportGemeente(PathBuf),
    /// Read an exchange file and show what importing it would change.
    ImportGemeente(PathBuf),
    /// Compare the shown gemeente's choices with those in another workbook file.
    CompareWith(PathBuf),
    /// Print the annex to this PDF file.
    ExportAnnex {
        /// The PDF to write.
        path: PathBuf,
        /// Only the shown gemeente's article.
        only_shown: bool,
        /// The review copy.
        review: bool,
    },
    /// Write the card alone to this file.
    ExportCard(PathBuf),
    /// Write the Excel export here.
    ExportExcel(PathBuf),
    /// Read realisation figures from this spreadsheet.
    ImportRealisation(PathBuf),
    /// Write the progress report here.
    ExportProgressReport(PathBuf),
    /// Read a card file and ask before replacing the card with it.
    ImportCard(PathBuf),
    /// Replace the open workbook with one for the next term, started from this one.
    NextTerm,
    /// Close the window.
    Quit,
}

impl FileAction {
    /// Whether the action replaces the open workbook, so unsaved changes must be asked about.
    pub(crate) fn replaces_workbook(&self) -> bool {
        matches!(
            self,
            FileAction::New
                | FileAction::Open(_)
                | FileAction::OpenReadOnly(_)
                | FileAction::NextTerm
                | FileAction::Quit
        )
    }
}

/// Something a screen asks the app to do; applied after the frame's widgets are laid out, so every
/// change goes through [`Model::apply`](crate::core::Model::apply), a [`FileAction`] or a [`UiCommand`].
#[derive(Clone, Debug)]
pub enum Action {
    /// Apply an edit; `at` is where to show a refusal (the drop point or the button).
    Edit(Edit, Option<Pos2>),
    /// Run a command.
    Command(UiCommand),
    /// Do a file operation.
    File(FileAction),
    /// Do a file operation without asking about unsaved changes (the user already answered).
    FileConfirmed(FileAction),
    /// Save (asking for a name if the workbook has none), then, only if that worked, do the file
    /// operation the unsaved-changes question was about.
    SaveThen(FileAction),
    /// Show another gemeente.
    SelectGemeente(String),
    /// Restore the recovery copy found at start.
    Restore(Box<RecoveryCopy>),
    /// Throw the recovery copy away.
    DiscardRecovery,
    /// Say something in the status bar (a pasted block that could not be read).
    Message(String),
    /// Enter the figures of a realisation import the user looked at, as one edit, and remember
    /// the column mapping.
    ImportRealisation {
        /// The file's name.
        file: String,
        /// The figures.
        cells: Vec<crate::core::progress::CellValue>,
        /// How many rows were refused (for the message).
        refused: usize,
        /// Why figures of closed periods change (empty when none does).
        reason: String,
        /// The mapping, to remember.
        mapping: crate::spreadsheet::RememberedMapping,
    },
    /// Apply an import the user has looked at.
    ConfirmImport(Box<ImportPreview>),
    /// Open the form to record a decision.
    OpenDecisionForm(super::signoff_panel::DecisionForm),
    /// Show what changed between two versions.
    ShowChanges {
        /// Which versions.
        title: String,
        /// The changes.
        changes: Vec<crate::core::diff::ChoiceChange>,
    },
    /// Open a file (the annex PDF) with the system's viewer.
    OpenExternally(PathBuf),
    /// Show another option of a gemeente's plan.
    ShowOption {
        /// The gemeente.
        gemeente: String,
        /// The option's name.
        option: String,
    },
    /// Show the next (+1) or previous (-1) option of the shown gemeente (presentation arrows).
    StepOption(i32),
    /// Open "Vul aan" for the gemeente and option in view.
    OpenFill,
    /// Undo, after the user confirmed taking back a recorded decision.
    UndoConfirmed,
    /// "Naar de kaarten": the drafting screen, keyboard focus on the first card, past the menus,
    /// the gemeente list and the sign-off panel.
    FocusCards,
    /// Open the compare view on these columns.
    Compare(Vec<crate::core::compare::Column>),
    /// Apply a Beheer edit, after warning when it breaks agreed sign-offs.
    Setup(SetupEdit),
    /// Apply a Beheer edit the user confirmed.
    ConfirmSetup(SetupEdit),
    /// Show a message (a form's complaint about what was typed).
    Notify {
        /// The message, in Dutch.
        text: String,
        /// Where to show it.
        at: Option<Pos2>,
        /// Whether it reports a problem.
        is_error: bool,
    },
    /// Close the open dialog.
    CloseDialog,
    /// Save to this path, then, only if that worked, do the file operation.
    SaveToThen(PathBuf, FileAction),
    /// A path typed by hand because no file dialog could be shown; checked, then used.
    PathTyped {
        /// What it is for.
        purpose: super::path_requests::PathUse,
        /// What was asked.
        request: super::file_picker::PickRequest,
        /// The text typed.
        text: String,
    },
}
