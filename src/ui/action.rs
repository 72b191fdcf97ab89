//! What a screen asks the app to do, as values: an [`Action`] for anything (an edit, a command, a
//! file operation, a dialog's answer) and a [`FileAction`] once a path is known. Screens push
//! them; the app applies them after the frame's widgets are laid out. They live apart from the
//! app so that screens depend on these values, not on the shell.

use std::path::PathBuf;

use egui::Pos2;

use super::commands::UiCommand;
use super::file_commands::FileCommand;
use crate::core::Edit;
use crate::core::setup::SetupEdit;
use crate::storage::ImportPreview;
use crate::storage::recovery::RecoveryCopy;

/// A file command with the path its picker gave, or none for a command without a picker (and for
/// one whose picker is still to be asked). Tests give the path directly; the menus go through
/// the picker, so both run the same code from here on.
#[derive(Clone, Debug, PartialEq)]
pub struct FileAction {
    /// The command.
    pub command: FileCommand,
    /// The path chosen for it.
    pub path: Option<PathBuf>,
}

impl FileAction {
    /// The command on this path, as if chosen in its dialog.
    pub fn new(command: FileCommand, path: impl Into<PathBuf>) -> Self {
        FileAction {
            command,
            path: Some(path.into()),
        }
    }

    /// The command as chosen from the menu: its picker, if it has one, is asked first.
    pub fn chosen(command: FileCommand) -> Self {
        FileAction {
            command,
            path: None,
        }
    }

    /// Whether the action would replace the open workbook now, so unsaved changes must be asked
    /// about first: a command that replaces it, once its path is known (the file dialog comes
    /// before the question, so a cancelled dialog asks nothing).
    pub(crate) fn replaces_workbook(&self) -> bool {
        let spec = self.command.spec();
        spec.replaces_workbook && (self.path.is_some() || spec.picker.is_none())
    }
}

/// What a path is asked for: a file command, or a save that the unsaved-changes question's
/// "Opslaan" asked for, after which the question's command runs.
#[derive(Clone, Debug, PartialEq)]
pub struct PathFor {
    /// The command whose picker is shown (Opslaan als… for a save first).
    pub command: FileCommand,
    /// What follows a save.
    pub then: Option<Box<FileAction>>,
}

impl PathFor {
    /// The path for a command.
    pub fn command(command: FileCommand) -> Self {
        PathFor {
            command,
            then: None,
        }
    }

    /// What the app does with the chosen path.
    pub fn action(self, path: PathBuf) -> Action {
        match self.then {
            Some(then) => Action::SaveToThen(path, *then),
            None => Action::File(FileAction::new(self.command, path)),
        }
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
        /// The file, by name and SHA-256 (`Source::Imported`).
        source: crate::core::progress::Source,
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
    /// Open the form to record a decision of one side about a gemeente's choices.
    OpenDecisionForm {
        /// The gemeente.
        gemeente: String,
        /// Who decides.
        side: crate::core::Side,
    },
    /// Open this workbook read-only (another instance has it open; the user chose so).
    OpenReadOnly(PathBuf),
    /// Show what changed between two versions.
    ShowChanges {
        /// Which versions.
        title: String,
        /// The changes.
        changes: Vec<crate::core::diff::ChoiceChange>,
    },
    /// Ask before a gemeente's decision is re-recorded with the current fingerprint recipe.
    ConfirmReseal(ResealQuestion),
    /// In the signing dialog: choose the certificate file with the file dialog.
    ChooseCertificate,
    /// In the signing dialog: sign the annex with the certificate and password typed there.
    SignAnnex,
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
    /// Open *Wat als…* for the gemeente and option in view.
    OpenWhatIf,
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
        purpose: PathFor,
        /// What was asked.
        request: super::file_picker::PickRequest,
        /// The text typed.
        text: String,
    },
    /// Host a session on this port (resuming the one that was not closed, when asked).
    StartSession {
        /// The port (0: any free one).
        port: u16,
        /// Whether to resume the unfinished session.
        resume: bool,
    },
    /// Join the session at this address for this gemeente.
    JoinSession {
        /// The host's address.
        address: std::net::SocketAddr,
        /// The code as typed.
        code: String,
        /// The gemeente this laptop speaks for.
        gemeente: String,
    },
    /// The host's answer to a seat that asked to join.
    AnswerSeat {
        /// The question's number.
        ticket: u64,
        /// Whether the seat may join.
        admit: bool,
    },
    /// The host takes back a gemeente's seat.
    TakeBackSeat(String),
}

impl UiCommand {
    /// A plain button for the command (outside menus), with its tooltip; reports the command.
    pub(crate) fn button(self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if ui
            .button(self.label())
            .on_hover_text(self.tooltip())
            .clicked()
        {
            actions.push(Action::Command(self));
        }
    }
}

/// What the app asks before a decision agreed with an old fingerprint is recorded again.
#[derive(Clone, Debug, PartialEq)]
pub struct ResealQuestion {
    /// The gemeente.
    pub gemeente: String,
    /// What the old fingerprint leaves out ("met een oude vingerafdruk — …").
    pub uncovered: String,
    /// Budget, goal, date and decisions as the file has them now.
    pub lines: Vec<String>,
}
