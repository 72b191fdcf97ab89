//! "Realisatie importeren": a registration system's export (.xlsx, .ods, .csv) read into the
//! realisation. The user maps the columns (gemeente, activity, period, volume, note; remembered
//! for the next import), sees every row that is refused and why, and what the import replaces;
//! nothing changes until "Importeren", which enters all figures as one undoable edit.

use egui::{RichText, Ui};

use super::action::Action;
use super::design_tokens::{self as tokens, Tokens};
use crate::core::Workbook;
use crate::core::money::format_number;
use crate::spreadsheet::{ImportPreview, Mapping, RememberedMapping, RowsAre, Sheet, preview};

/// Most refused rows listed in the dialog; the count says how many there are in all.
const LISTED_REFUSALS: usize = 200;

/// The dialog's state: the sheet read, the mapping being made and its preview.
#[derive(Clone, Debug)]
pub struct RealisationImport {
    /// The file's name, for the undo menu and messages.
    pub file: String,
    /// The sheet.
    pub sheet: Sheet,
    /// The workbook the rows are checked against (as it was when the dialog opened; the dialog
    /// is modal, so it cannot change meanwhile).
    workbook: Box<Workbook>,
    /// Column per role; `None` where the user still has to choose.
    columns: [Option<usize>; 4],
    /// The note column, if any.
    note: Option<usize>,
    /// What a row is.
    rows_are: RowsAre,
    /// Why figures of closed periods change.
    reason: String,
    /// The preview of the current mapping.
    preview: Option<ImportPreview>,
}

const ROLES: [&str; 4] = [
    "Gemeente",
    "Activiteit",
    "Periode of datum",
    "Gerealiseerd volume",
];

impl RealisationImport {
    /// A dialog for this sheet, with the remembered mapping (or a guess) filled in.
    pub fn new(
        file: String,
        sheet: Sheet,
        workbook: Workbook,
        remembered: Option<&RememberedMapping>,
    ) -> Self {
        let mapping = Mapping::for_headers(&sheet.headers, remembered);
        let mut form = RealisationImport {
            file,
            workbook: Box::new(workbook),
            columns: match &mapping {
                Some(m) => [
                    Some(m.gemeente),
                    Some(m.activity),
                    Some(m.period),
                    Some(m.volume),
                ],
                None => [None; 4],
            },
            note: mapping.as_ref().and_then(|m| m.note),
            rows_are: mapping.map(|m| m.rows_are).unwrap_or_default(),
            reason: String::new(),
            preview: None,
            sheet,
        };
        form.refresh();
        form
    }

    fn mapping(&self) -> Option<Mapping> {
        let [Some(gemeente), Some(activity), Some(period), Some(volume)] = self.columns else {
            return None;
        };
        Some(Mapping {
            gemeente,
            activity,
            period,
            volume,
            note: self.note,
            rows_are: self.rows_are,
        })
    }

    fn refresh(&mut self) {
        self.preview = self
            .mapping()
            .map(|m| preview(&self.workbook, &self.sheet, &m));
    }

    fn heading(&self, column: Option<usize>) -> String {
        match column {
            Some(i) => self
                .sheet
                .headers
                .get(i)
                .filter(|h| !h.is_empty())
                .cloned()
                .unwrap_or_else(|| format!("Kolom {}", i + 1)),
            None => "Kies een kolom".to_owned(),
        }
    }
}

/// Shows the dialog's body.
pub fn show(ui: &mut Ui, form: &mut RealisationImport, actions: &mut Vec<Action>) {
    let look = Tokens::of(ui.ctx());
    ui.set_max_width(640.0);
    ui.label(format!(
        "{}: {} regels onder de kopregel. Wijs aan welke kolom wat bevat.",
        form.file,
        format_number(form.sheet.rows.len().into())
    ));
    ui.add_space(tokens::SPACE_S);
    let mut changed = column_choices(ui, form);
    for kind in RowsAre::ALL {
        changed |= ui
            .radio_value(&mut form.rows_are, kind, kind.label())
            .changed();
    }
    if changed {
        form.refresh();
    }
    ui.add_space(tokens::SPACE_M);
    let Some(result) = form.preview.take() else {
        ui.label(
            RichText::new("Kies voor gemeente, activiteit, periode en volume een kolom.")
                .color(look.weak_text),
        );
        cancel_only(ui, actions);
        return;
    };
    accounted_rows(ui, form, &result, look);
    report_button(ui, form, &result, actions);
    confirm(ui, form, &result, actions);
    form.preview = Some(result);
}

/// The choice of a column for each role (and the note); says whether one changed.
fn column_choices(ui: &mut Ui, form: &mut RealisationImport) -> bool {
    let mut changed = false;
    egui::Grid::new("import-kolommen")
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            for (role, name) in ROLES.iter().enumerate() {
                ui.label(*name);
                let selected = form.heading(form.columns[role]);
                egui::ComboBox::from_id_salt(("import-kolom", role))
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for (i, _) in form.sheet.headers.iter().enumerate() {
                            let text = form.heading(Some(i));
                            changed |= ui
                                .selectable_value(&mut form.columns[role], Some(i), text)
                                .changed();
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            format!("Kolom voor {name}"),
                        )
                    });
                ui.end_row();
            }
            ui.label("Notitie (mag leeg)");
            let selected = form
                .note
                .map_or("Geen".to_owned(), |i| form.heading(Some(i)));
            egui::ComboBox::from_id_salt("import-notitie")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    changed |= ui.selectable_value(&mut form.note, None, "Geen").changed();
                    for (i, _) in form.sheet.headers.iter().enumerate() {
                        let text = form.heading(Some(i));
                        changed |= ui.selectable_value(&mut form.note, Some(i), text).changed();
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Kolom voor de notitie")
                });
            ui.end_row();
        });
    changed
}

/// What became of every row: read, taken, replaced, skipped empty, and each refusal with its
/// reason.
fn accounted_rows(ui: &mut Ui, form: &RealisationImport, result: &ImportPreview, look: &Tokens) {
    ui.label(format!(
        "{} regels gelezen tot {} realisatiecijfers; {} bestaande cijfers worden vervangen.",
        format_number(result.rows_read.into()),
        format_number(result.cells.len().into()),
        format_number(result.replaced.into()),
    ));
    if form.sheet.skipped_empty > 0 {
        ui.label(format!(
            "{} lege regels overgeslagen.",
            format_number(form.sheet.skipped_empty.into())
        ));
    }
    if result.refused.is_empty() {
        ui.label("Geen regels geweigerd.");
    } else {
        ui.label(
            RichText::new(format!(
                "{} regels geweigerd (die worden niet geïmporteerd):",
                format_number(result.refused.len().into())
            ))
            .color(tokens::ERROR),
        );
        egui::ScrollArea::vertical()
            .max_height(180.0)
            .show(ui, |ui| {
                for refused in result.refused.iter().take(LISTED_REFUSALS) {
                    ui.label(format!("Regel {}: {}", refused.row, refused.problem));
                }
                if result.refused.len() > LISTED_REFUSALS {
                    ui.label(
                        RichText::new(format!(
                            "… en nog {} regels.",
                            result.refused.len() - LISTED_REFUSALS
                        ))
                        .color(look.weak_text),
                    );
                }
            });
    }
}

/// *Verslag kopiëren*: every row with what became of it, on the clipboard to paste into Excel.
fn report_button(
    ui: &mut Ui,
    form: &RealisationImport,
    result: &ImportPreview,
    actions: &mut Vec<Action>,
) {
    ui.add_space(tokens::SPACE_S);
    if ui
        .button("Verslag kopiëren")
        .on_hover_text(
            "Elke regel van het bestand met wat ermee gebeurt (overgenomen, of geweigerd en waarom), om in Excel te plakken",
        )
        .clicked()
    {
        let report = crate::spreadsheet::import_report::import_report(&form.sheet, result);
        ui.ctx().copy_text(report);
        actions.push(Action::Message(format!(
            "Verslag van {} regels gekopieerd; plak het in Excel of LibreOffice.",
            format_number(form.sheet.rows.len().into())
        )));
    }
}

/// The reason a change of closed periods needs, and the buttons.
fn confirm(
    ui: &mut Ui,
    form: &mut RealisationImport,
    result: &ImportPreview,
    actions: &mut Vec<Action>,
) {
    let needs_reason = !result.closed.is_empty();
    if needs_reason {
        let closed: Vec<String> = result.closed.iter().map(|p| p.label()).collect();
        ui.add_space(tokens::SPACE_S);
        ui.label(format!(
            "De import raakt afgesloten perioden ({}); geef een reden.",
            closed.join(", ")
        ));
        ui.add(egui::TextEdit::singleline(&mut form.reason).desired_width(420.0))
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Reden van de import")
            });
    }
    ui.add_space(tokens::SPACE_M);
    let can_import = !result.cells.is_empty() && (!needs_reason || !form.reason.trim().is_empty());
    ui.horizontal(|ui| {
        if ui
            .add_enabled(can_import, egui::Button::new("Importeren"))
            .on_disabled_hover_text("Er is niets te importeren, of de reden ontbreekt")
            .clicked()
            && let Some(mapping) = form.mapping()
        {
            actions.push(Action::CloseDialog);
            actions.push(Action::ImportRealisation {
                source: crate::core::progress::Source::Imported {
                    file: form.file.clone(),
                    sha256: form.sheet.sha256.clone(),
                },
                cells: result.cells.clone(),
                refused: result.refused.len(),
                reason: form.reason.trim().to_owned(),
                mapping: mapping.remember(&form.sheet.headers),
            });
        }
        if ui.button("Annuleren").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}

fn cancel_only(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.add_space(tokens::SPACE_M);
    if ui.button("Annuleren").clicked() {
        actions.push(Action::CloseDialog);
    }
}
