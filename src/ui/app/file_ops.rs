//! Files: asking for paths, opening (with the lock of a shared folder), saving (refusing to
//! save over someone else's save), the recent list, the autosaved recovery copy, and the file
//! operations of the menus.

use super::*;

impl KeuzekaartApp {
    /// Asks the picker for a path for `purpose`; a chosen path goes on to its action, a cancelled
    /// dialog says nothing, and a dialog that could not be shown opens the app's own path entry.
    pub(super) fn ask_path(&mut self, purpose: PathFor) {
        let Some(picker) = purpose.command.spec().picker else {
            return;
        };
        let naming = Naming {
            workbook: self.model.workbook(),
            gemeente: self.selected_gemeente(),
            current: self.file.as_deref(),
        };
        let request = picker.request(&naming, self.last_folder.clone());
        match self.picker.pick(&request) {
            Picked::Path(path) => {
                self.remember_folder(&path);
                self.queued.push(purpose.action(path));
            }
            Picked::Cancelled => {}
            Picked::Failed(reason) => {
                self.dialog = Some(Dialog::PathEntry {
                    text: request.suggested_path(),
                    purpose,
                    request,
                    reason,
                    error: None,
                    focus: true,
                });
            }
        }
    }

    pub(super) fn remember_folder(&mut self, path: &Path) {
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.last_folder = Some(folder.to_owned());
        }
    }

    /// Runs a file command: asks its picker first when it has one and no path was given.
    pub(super) fn run_file(&mut self, ctx: &egui::Context, action: FileAction) {
        let FileAction { command, path } = action;
        let path = match (command.spec().picker, path) {
            (Some(_), None) => return self.ask_path(PathFor::command(command)),
            (_, path) => path,
        };
        // A command with a picker always has its path here; one without never needs it.
        let on_path = |app: &mut Self, run: fn(&mut Self, &egui::Context, &Path)| {
            if let Some(path) = &path {
                run(app, ctx, path);
            }
        };
        match command {
            FileCommand::New => self.new_workbook(ctx),
            FileCommand::Open => on_path(self, |app, ctx, path| app.open_now(ctx, path, false)),
            FileCommand::Save => match self.file.clone() {
                Some(path) => self.save_to(ctx, &path),
                None => self.ask_path(PathFor::command(FileCommand::SaveAs)),
            },
            FileCommand::SaveAs => on_path(self, Self::save_to),
            FileCommand::ExportGemeente => on_path(self, Self::export_gemeente),
            FileCommand::ImportGemeente => on_path(self, Self::import_gemeente),
            FileCommand::ImportRealisation => on_path(self, Self::import_realisation_file),
            FileCommand::ArchiveHistory => on_path(self, Self::archive_history),
            FileCommand::ExportExcel => on_path(self, Self::export_excel),
            FileCommand::ExportProgressReport => on_path(self, Self::export_progress_report),
            FileCommand::ExportCard => on_path(self, Self::export_card),
            FileCommand::ImportCard => on_path(self, Self::import_card),
            FileCommand::NextTerm => self.next_term(ctx),
            FileCommand::CompareWithFile => on_path(self, Self::compare_with_file),
            FileCommand::ExportAnnex => on_path(self, |app, ctx, path| {
                app.export_annex(ctx, path, false, false)
            }),
            FileCommand::ExportAnnexGemeente => on_path(self, |app, ctx, path| {
                app.export_annex(ctx, path, true, false)
            }),
            FileCommand::ExportCouncil => on_path(self, Self::export_council),
            FileCommand::SignAnnex => on_path(self, Self::open_sign_form),
            FileCommand::VerifyAnnex => on_path(self, Self::verify_annex),
            FileCommand::ExportReviewCopy => on_path(self, |app, ctx, path| {
                app.export_annex(ctx, path, false, true)
            }),
            FileCommand::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Shows an error dialog: what could not be done, and why, in Dutch.
    fn error(&mut self, title: impl Into<String>, text: impl Into<String>) {
        self.dialog = Some(Dialog::Error {
            title: title.into(),
            text: text.into(),
        });
    }

    fn new_workbook(&mut self, ctx: &egui::Context) {
        let mut workbook = Workbook::bundled();
        workbook.metadata.created = Some(chrono::Local::now().naive_local());
        self.replace_model(Model::new(workbook), None);
        self.show_message(
            ctx,
            "Nieuwe werkmap op de keuzekaart 2021-2022.".into(),
            None,
            false,
        );
    }

    fn export_gemeente(&mut self, ctx: &egui::Context, path: &Path) {
        let name = self.selected_gemeente().to_owned();
        let Some(export) = storage::export_gemeente(self.model.workbook(), &name) else {
            return;
        };
        match self.write_output(path, storage::to_ron_pretty(&export).as_bytes()) {
            Ok(()) => self.show_message(
                ctx,
                format!("De keuzes van {name} staan in {}.", path.display()),
                None,
                false,
            ),
            Err(e) => self.error("Exporteren mislukt", e),
        }
    }

    fn import_gemeente(&mut self, _ctx: &egui::Context, path: &Path) {
        match storage::read_exchange(path) {
            Ok(file) => match storage::preview_import(self.model.workbook(), &file) {
                Ok(preview) => self.dialog = Some(Dialog::Import(Box::new(preview))),
                Err(text) => self.error("Importeren kan niet", text),
            },
            Err(e) => self.error(
                format!("{} is niet te lezen", display_name(path)),
                e.to_string(),
            ),
        }
    }

    fn import_realisation_file(&mut self, _ctx: &egui::Context, path: &Path) {
        match self.read_sheet(path) {
            Ok(sheet) => {
                let form = crate::ui::import_dialog::RealisationImport::new(
                    display_name(path),
                    sheet,
                    self.model.workbook().clone(),
                    self.settings.import_mapping.as_ref(),
                );
                self.dialog = Some(Dialog::ImportRealisation(Box::new(form)));
            }
            Err(e) => self.error(
                format!("{} is niet te lezen", display_name(path)),
                e.to_string(),
            ),
        }
    }

    fn export_excel(&mut self, ctx: &egui::Context, path: &Path) {
        let as_of = crate::ui::progress_view::as_of(&self.model);
        let assumptions = crate::core::capacity::CapacityAssumptions::bundled();
        let made = crate::spreadsheet::export_xlsx(self.model.workbook(), as_of, &assumptions)
            .map_err(|e| e.to_string());
        let done = format!(
            "Het Excel-bestand staat in {} (stand per {}).",
            path.display(),
            as_of.format("%d-%m-%Y")
        );
        self.write_document(ctx, path, made, done, "Exporteren naar Excel mislukt");
    }

    fn export_progress_report(&mut self, ctx: &egui::Context, path: &Path) {
        let workbook = self.model.workbook();
        let scope = self.progress.report_scope(&self.model);
        let assumptions = crate::core::capacity::CapacityAssumptions::bundled();
        let made =
            crate::annex::progress_pdf(workbook, scope, &assumptions).map_err(|e| e.to_string());
        let done = format!(
            "Het voortgangsrapport ({}) staat in {}.",
            scope.subtitle(workbook),
            path.display()
        );
        self.write_document(ctx, path, made, done, "Voortgangsrapport maken mislukt");
    }

    /// The council pages of every gemeente, one A4 each, with the realisation as the Voortgang
    /// screen reckons it.
    fn export_council(&mut self, ctx: &egui::Context, path: &Path) {
        let as_of = crate::ui::progress_view::as_of(&self.model);
        let options = self.print_options(None, false);
        let made = crate::annex::council_pdf(self.model.workbook(), &options, as_of)
            .map_err(|e| e.to_string());
        let done = format!(
            "De raadsinformatie ({} pagina's, één per gemeente; realisatie per {}) staat in {}.",
            self.model.workbook().region.gemeenten.len(),
            as_of.format("%d-%m-%Y"),
            path.display()
        );
        self.write_document(ctx, path, made, done, "Raadsinformatie maken mislukt");
    }

    fn export_card(&mut self, ctx: &egui::Context, path: &Path) {
        match storage::export_card(path, &self.model.workbook().card) {
            Ok(()) => self.show_message(
                ctx,
                format!("De keuzekaart staat in {}.", path.display()),
                None,
                false,
            ),
            Err(e) => self.error("Keuzekaart exporteren mislukt", e.to_string()),
        }
    }

    /// Writes the realisation's history to its own file, then leaves in the workbook one line
    /// that names it (one undoable edit; the file stays when it is undone).
    fn archive_history(&mut self, ctx: &egui::Context, path: &Path) {
        let lines = self.model.workbook().progress.history.len();
        if lines == 0 {
            return self.show_message(
                ctx,
                "Er is nog geen geschiedenis om te archiveren.".into(),
                None,
                false,
            );
        }
        let sha256 = match storage::export_history(path, self.model.workbook()) {
            Ok(sha256) => sha256,
            Err(e) => return self.error("Geschiedenis archiveren mislukt", e.to_string()),
        };
        let edit = Edit::Progress(crate::core::progress::ProgressEdit::ArchiveHistory {
            file: display_name(path),
            sha256,
            by: self.author(),
            at: chrono::Local::now().naive_local(),
        });
        match self.model.apply(edit) {
            Ok(()) => self.show_message(
                ctx,
                format!(
                    "De geschiedenis ({} regels) staat in {}; de werkmap houdt één regel die ernaar wijst. Sla de werkmap op.",
                    crate::core::money::format_number(lines.into()),
                    path.display()
                ),
                None,
                false,
            ),
            Err(refusal) => self.show_message(ctx, refusal.to_string(), None, true),
        }
    }

    /// Reads a card file and asks before the card is replaced, naming what changes and which
    /// sign-offs would no longer hold.
    fn import_card(&mut self, _ctx: &egui::Context, path: &Path) {
        let card = match storage::read_card_file(path) {
            Ok(card) => card,
            Err(text) => {
                return self.error(format!("{} is niet te lezen", display_name(path)), text);
            }
        };
        let edit = SetupEdit::ReplaceCard { card: card.clone() };
        match self.model.sign_offs_broken_by(&Edit::Setup(edit.clone())) {
            Ok(broken) => {
                let lines =
                    crate::core::diff::CardReplacement::new(&self.model.workbook().card, &card)
                        .lines();
                self.dialog = Some(Dialog::ConfirmSetup {
                    title: "Keuzekaart importeren".into(),
                    lines,
                    broken,
                    edit,
                });
            }
            Err(refusal) => self.error("Keuzekaart importeren kan niet", refusal.to_string()),
        }
    }

    fn next_term(&mut self, ctx: &egui::Context) {
        let next = crate::core::next_term::next_term(self.model.workbook());
        let label = next.region.term.label();
        self.replace_model(Model::new(next), None);
        self.model.mark_unsaved();
        self.show_message(
            ctx,
            format!(
                "Nieuwe werkmap voor {label}: de keuzes staan als concept klaar. Pas zo nodig kaart en budgetten aan en sla de werkmap op onder een nieuwe naam."
            ),
            None,
            false,
        );
    }

    fn compare_with_file(&mut self, _ctx: &egui::Context, path: &Path) {
        let other = match storage::read_workbook(path) {
            Ok(other) => other,
            Err(e) => {
                return self.error(
                    format!("{} is niet te openen", display_name(path)),
                    e.to_string(),
                );
            }
        };
        let name = self.selected_gemeente().to_owned();
        let choices = |w: &Workbook| w.plan(&name).map(|p| p.choices.clone()).unwrap_or_default();
        let changes = crate::core::diff::plan_changes(
            self.model.workbook(),
            &name,
            &choices(&other),
            &choices(self.model.workbook()),
        );
        self.dialog = Some(Dialog::Changes {
            title: format!("{name}: {} vergeleken met deze werkmap", display_name(path)),
            changes,
        });
    }

    /// Prints the annex (all gemeenten, or only the shown one; or the council's review copy).
    /// What every printed document of the open workbook says of it: its file name, and whether
    /// the footer's controlegetal is not that of the file on disk.
    fn print_options(&self, gemeente: Option<String>, review: bool) -> crate::annex::AnnexOptions {
        crate::annex::AnnexOptions {
            gemeente,
            review,
            produced: None,
            source: self
                .file
                .as_ref()
                .and_then(|f| f.file_name())
                .map(|n| n.to_string_lossy().into_owned()),
            // Also when the file on disk is not what the app would write for it (migrated
            // from an older version, edited by hand): its sha256sum is not the footer's number.
            unsaved: self.model.is_dirty()
                || self
                    .file
                    .as_ref()
                    .is_some_and(|f| !crate::storage::file_matches(self.model.workbook(), f)),
        }
    }

    fn export_annex(&mut self, _ctx: &egui::Context, path: &Path, only_shown: bool, review: bool) {
        let shown = only_shown.then(|| self.selected_gemeente().to_owned());
        let options = self.print_options(shown, review);
        let data = crate::annex::annex_data(self.model.workbook(), &options);
        let replaced: Vec<String> = data.replacements.iter().map(ToString::to_string).collect();
        let result = crate::annex::render(&data, crate::annex::TEMPLATE)
            .map_err(|e| e.to_string())
            .and_then(|bytes| self.write_output(path, &bytes));
        match result {
            Ok(()) => {
                self.dialog = Some(Dialog::AnnexWritten {
                    path: path.to_owned(),
                    replaced,
                })
            }
            Err(text) => self.error("Bijlage exporteren mislukt", text),
        }
    }

    /// Reads a spreadsheet to import: in a process of its own where the app has a reader program.
    fn read_sheet(
        &self,
        path: &Path,
    ) -> Result<crate::spreadsheet::Sheet, crate::spreadsheet::import::SheetError> {
        match &self.sheet_reader {
            Some(program) => crate::spreadsheet::Sheet::read_isolated(path, program),
            None => crate::spreadsheet::Sheet::read(path),
        }
    }

    /// Writes a document made from the open workbook, atomically; never over the workbook's own
    /// file, through a link or into a device (the same guard as the command line's).
    fn write_output(&self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        let inputs: Vec<&Path> = self.file.as_deref().into_iter().collect();
        storage::check_output(path, &inputs).map_err(|refusal| refusal.to_string())?;
        storage::write_atomic(path, bytes).map_err(|e| e.to_string())
    }

    /// Writes a document the user asked for (the Excel export, the progress report) and says
    /// where it is, or shows why it could not be made or written.
    fn write_document(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        made: Result<Vec<u8>, String>,
        done: String,
        failed: &str,
    ) {
        let written = made.and_then(|bytes| self.write_output(path, &bytes));
        match written {
            Ok(()) => self.show_message(ctx, done, None, false),
            Err(text) => {
                self.dialog = Some(Dialog::Error {
                    title: failed.to_owned(),
                    text,
                })
            }
        }
    }

    /// Opens a workbook file; on any error the open workbook stays as it was. A file another
    /// instance has open is only opened read-only, after asking.
    pub(super) fn open_now(&mut self, ctx: &egui::Context, path: &Path, read_only: bool) {
        use storage::lock::{self, LockState};
        let mut cleared = None;
        match lock::inspect(path) {
            LockState::Held(owner) if !read_only => {
                self.dialog = Some(Dialog::InUse {
                    path: path.to_owned(),
                    owner: owner.describe(),
                });
                return;
            }
            LockState::Stale(owner) => cleared = Some(owner.describe()),
            _ => {}
        }
        match storage::read_workbook_stamped(path) {
            Ok((workbook, stamp)) => {
                self.replace_model(Model::new(workbook), Some(path.to_owned()));
                self.stamp = Some(stamp);
                if read_only {
                    self.read_only = Some(match lock::inspect(path) {
                        LockState::Held(owner) => owner.describe(),
                        _ => "iemand anders".to_owned(),
                    });
                } else {
                    // Where the folder cannot be written the lock is missing, and so is saving.
                    self.lock = storage::lock::Lock::take(path).ok();
                }
                self.remember_recent(path);
                let findings = self.model.findings();
                let errors = findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                let mut text = if has_errors(findings) {
                    format!(
                        "{} geopend; de controle vond {errors} fout(en), zie links.",
                        display_name(path)
                    )
                } else {
                    format!("{} geopend.", display_name(path))
                };
                if let Some(who) = &self.read_only {
                    text.push_str(&format!(
                        " Alleen-lezen: {who} heeft het bestand open; bewaar wijzigingen met Opslaan als…"
                    ));
                }
                if let Some(who) = cleared {
                    text.push_str(&format!(
                        " Een achtergebleven vergrendeling van {who} is opgeruimd."
                    ));
                }
                self.show_message(ctx, text, None, has_errors(findings));
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("{} is niet te openen", display_name(path)),
                    text: format!(
                        "{e}\n\nDe werkmap die open was, blijft open; het bestand is niet veranderd."
                    ),
                });
            }
        }
    }

    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: &Path) {
        let same_file = self.file.as_deref() == Some(path);
        if same_file && let Some(who) = &self.read_only {
            self.dialog = Some(Dialog::Error {
                title: "Alleen-lezen geopend".into(),
                text: format!(
                    "{who} heeft dit bestand open, daarom is het alleen-lezen geopend en is er niets \
                     opgeslagen. Bewaar uw wijzigingen onder een andere naam met Opslaan als… in het menu Bestand."
                ),
            });
            return;
        }
        let expected = if same_file { self.stamp.clone() } else { None };
        let mut metadata = self.model.workbook().metadata.clone();
        let previous = metadata.clone();
        metadata.last_saved = Some(chrono::Local::now().naive_local());
        metadata
            .created
            .get_or_insert(metadata.last_saved.unwrap_or_default());
        if !self.settings.author.is_empty() {
            metadata.author = self.settings.author.clone();
        }
        self.model.set_metadata(metadata);
        match storage::save_workbook_checked(path, self.model.workbook(), expected.as_ref()) {
            Ok(stamp) => {
                self.model.mark_saved();
                self.stamp = Some(stamp);
                if !same_file {
                    self.read_only = None;
                    self.lock = storage::lock::Lock::take(path).ok();
                }
                self.file = Some(path.to_owned());
                self.remember_recent(path);
                if let Some(autosaver) = &mut self.autosaver {
                    autosaver.discard();
                }
                self.show_message(
                    ctx,
                    format!("Opgeslagen in {}.", display_name(path)),
                    None,
                    false,
                );
            }
            Err(storage::SaveFailure::ChangedOnDisk { path }) => {
                self.model.set_metadata(previous);
                self.dialog = Some(Dialog::ChangedOnDisk { path });
            }
            Err(e) => {
                self.model.set_metadata(previous);
                self.dialog = Some(Dialog::Error {
                    title: "Opslaan mislukt".into(),
                    text: e.to_string(),
                });
            }
        }
    }

    pub(super) fn replace_model(&mut self, model: Model, file: Option<PathBuf>) {
        self.model = model;
        self.file = file;
        self.stamp = None;
        self.lock = None;
        self.read_only = None;
        self.drafting.reset_notes();
        self.navigation.keep_to(&self.model.workbook().region);
        if let Some(autosaver) = &mut self.autosaver {
            autosaver.discard();
        }
    }

    pub(super) fn remember_recent(&mut self, path: &Path) {
        remember(&mut self.recent, path);
        if let Some(paths) = &self.paths {
            // The recent list is a convenience; failing to write it must not disturb the user.
            let _ = paths.write_recent(&self.recent);
        }
    }

    /// Waits until the recovery copies handed to the background writer are on disk: a test (or
    /// a caller about to stop the process) can then rely on the file without polling for it.
    pub fn flush_recovery(&self) {
        if let Some(autosaver) = &self.autosaver {
            autosaver.flush();
        }
    }

    /// Writes a recovery copy when due, and makes sure a frame comes when the next one is due.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(autosaver) = &mut self.autosaver else {
            return;
        };
        let model = &self.model;
        let file = &self.file;
        // egui's frame time: the real clock in the app, a stepped one in tests.
        let now = Duration::from_secs_f64(ctx.input(|i| i.time).max(0.0));
        let next = autosaver.tick(now, model.is_dirty(), model.generation(), || RecoveryCopy {
            written: chrono::Local::now().naive_local(),
            file: file.clone(),
            workbook: model.workbook().clone(),
        });
        if let Some(wait) = next {
            ctx.request_repaint_after(wait);
        }
    }
}
