//! Files: asking for paths, opening (with the lock of a shared folder), saving (refusing to
//! save over someone else's save), the recent list, the autosaved recovery copy, and the file
//! operations of the menus.

use super::*;

impl KeuzekaartApp {
    /// Asks the picker for a path for `purpose`; a chosen path goes on to its action, a cancelled
    /// dialog says nothing, and a dialog that could not be shown opens the app's own path entry.
    pub(super) fn ask_path(&mut self, purpose: PathUse) {
        let request = purpose.request(
            self.model.workbook(),
            self.selected_gemeente(),
            self.file.as_deref(),
            self.last_folder.clone(),
        );
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

    pub(super) fn run_file(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::New => {
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
            FileAction::Open(path) => self.open_now(ctx, &path, false),
            FileAction::OpenReadOnly(path) => self.open_now(ctx, &path, true),
            FileAction::Save => match self.file.clone() {
                Some(path) => self.save_to(ctx, &path),
                None => self.run_command(ctx, UiCommand::SaveAs),
            },
            FileAction::SaveAs(path) => self.save_to(ctx, &path),
            FileAction::ExportGemeente(path) => {
                let name = self.selected_gemeente().to_owned();
                let Some(export) = storage::export_gemeente(self.model.workbook(), &name) else {
                    return;
                };
                match self.write_output(&path, storage::to_ron_pretty(&export).as_bytes()) {
                    Ok(()) => self.show_message(
                        ctx,
                        format!("De keuzes van {name} staan in {}.", path.display()),
                        None,
                        false,
                    ),
                    Err(e) => {
                        self.dialog = Some(Dialog::Error {
                            title: "Exporteren mislukt".into(),
                            text: e.to_string(),
                        })
                    }
                }
            }
            FileAction::ImportGemeente(path) => match storage::read_exchange(&path) {
                Ok(file) => match storage::preview_import(self.model.workbook(), &file) {
                    Ok(preview) => self.dialog = Some(Dialog::Import(Box::new(preview))),
                    Err(text) => {
                        self.dialog = Some(Dialog::Error {
                            title: "Importeren kan niet".into(),
                            text,
                        })
                    }
                },
                Err(e) => {
                    self.dialog = Some(Dialog::Error {
                        title: format!("{} is niet te lezen", display_name(&path)),
                        text: e.to_string(),
                    })
                }
            },
            FileAction::ImportRealisation(path) => match self.read_sheet(&path) {
                Ok(sheet) => {
                    let form = crate::ui::import_dialog::RealisationImport::new(
                        display_name(&path),
                        sheet,
                        self.model.workbook().clone(),
                        self.settings.import_mapping.as_ref(),
                    );
                    self.dialog = Some(Dialog::ImportRealisation(Box::new(form)));
                }
                Err(e) => {
                    self.dialog = Some(Dialog::Error {
                        title: format!("{} is niet te lezen", display_name(&path)),
                        text: e.to_string(),
                    })
                }
            },
            FileAction::ExportExcel(path) => {
                let as_of = crate::ui::progress_view::as_of(&self.model);
                let assumptions = crate::core::capacity::CapacityAssumptions::bundled();
                let made =
                    crate::spreadsheet::export_xlsx(self.model.workbook(), as_of, &assumptions)
                        .map_err(|e| e.to_string());
                let done = format!(
                    "Het Excel-bestand staat in {} (stand per {}).",
                    path.display(),
                    as_of.format("%d-%m-%Y")
                );
                self.write_document(ctx, &path, made, done, "Exporteren naar Excel mislukt");
            }
            FileAction::ExportProgressReport(path) => {
                let workbook = self.model.workbook();
                let scope = self.progress.report_scope(&self.model);
                let assumptions = crate::core::capacity::CapacityAssumptions::bundled();
                let made = crate::annex::progress_pdf(workbook, scope, &assumptions)
                    .map_err(|e| e.to_string());
                let done = format!(
                    "Het voortgangsrapport ({}) staat in {}.",
                    scope.subtitle(workbook),
                    path.display()
                );
                self.write_document(ctx, &path, made, done, "Voortgangsrapport maken mislukt");
            }
            FileAction::ExportCard(path) => {
                match storage::export_card(&path, &self.model.workbook().card) {
                    Ok(()) => self.show_message(
                        ctx,
                        format!("De keuzekaart staat in {}.", path.display()),
                        None,
                        false,
                    ),
                    Err(e) => {
                        self.dialog = Some(Dialog::Error {
                            title: "Keuzekaart exporteren mislukt".into(),
                            text: e.to_string(),
                        })
                    }
                }
            }
            FileAction::ImportCard(path) => match storage::read_card_file(&path) {
                Ok(card) => {
                    let edit = SetupEdit::ReplaceCard { card: card.clone() };
                    match self.model.sign_offs_broken_by(&Edit::Setup(edit.clone())) {
                        Ok(broken) => {
                            let lines = crate::core::diff::CardReplacement::new(
                                &self.model.workbook().card,
                                &card,
                            )
                            .lines();
                            self.dialog = Some(Dialog::ConfirmSetup {
                                title: "Keuzekaart importeren".into(),
                                lines,
                                broken,
                                edit,
                            });
                        }
                        Err(refusal) => {
                            self.dialog = Some(Dialog::Error {
                                title: "Keuzekaart importeren kan niet".into(),
                                text: refusal.to_string(),
                            })
                        }
                    }
                }
                Err(text) => {
                    self.dialog = Some(Dialog::Error {
                        title: format!("{} is niet te lezen", display_name(&path)),
                        text,
                    })
                }
            },
            FileAction::NextTerm => {
                let next = crate::core::term::next_term(self.model.workbook());
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
            FileAction::CompareWith(path) => match storage::read_workbook(&path) {
                Ok(other) => {
                    let name = self.selected_gemeente().to_owned();
                    let theirs = other
                        .plan(&name)
                        .map(|p| p.choices.as_slice())
                        .unwrap_or_default();
                    let ours = self
                        .model
                        .workbook()
                        .plan(&name)
                        .map(|p| p.choices.as_slice())
                        .unwrap_or_default();
                    let changes =
                        crate::core::diff::plan_changes(self.model.workbook(), &name, theirs, ours);
                    self.dialog = Some(Dialog::Changes {
                        title: format!(
                            "{name}: {} vergeleken met deze werkmap",
                            display_name(&path)
                        ),
                        changes,
                    });
                }
                Err(e) => {
                    self.dialog = Some(Dialog::Error {
                        title: format!("{} is niet te openen", display_name(&path)),
                        text: e.to_string(),
                    })
                }
            },
            FileAction::ExportAnnex {
                path,
                only_shown,
                review,
            } => {
                let options = crate::annex::AnnexOptions {
                    gemeente: only_shown.then(|| self.selected_gemeente().to_owned()),
                    review,
                    produced: None,
                };
                let data = crate::annex::annex_data(self.model.workbook(), &options);
                let replaced: Vec<String> =
                    data.replacements.iter().map(ToString::to_string).collect();
                let result = crate::annex::render(&data, crate::annex::TEMPLATE)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| self.write_output(&path, &bytes));
                self.dialog = Some(match result {
                    Ok(()) => Dialog::AnnexWritten { path, replaced },
                    Err(text) => Dialog::Error {
                        title: "Bijlage exporteren mislukt".into(),
                        text,
                    },
                });
            }
            FileAction::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
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
