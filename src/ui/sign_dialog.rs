//! *Bijlage ondertekenen…*: the official picks their personal certificate (a PKCS#12 file, as
//! exported from the browser or handed out by the gemeente's IT) and types its password; the
//! app adds a PAdES signature to the annex PDF, which keeps its pages as they were.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::action::Action;
use super::design_tokens as tokens;
use super::file_picker::display_name;

/// The form of the signing dialog.
#[derive(Clone, PartialEq, Eq)]
pub struct SignForm {
    /// The annex to sign (signed in place: the signature is appended to it).
    pub pdf: PathBuf,
    /// The certificate file as typed or chosen.
    pub certificate: String,
    /// Its password, as typed; never written anywhere, and cleared after a failed try.
    pub password: String,
    /// Why the last try failed, if it did.
    pub error: Option<String>,
}

/// Leaves the password out, so that a log of the app's state never shows it.
impl std::fmt::Debug for SignForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignForm")
            .field("pdf", &self.pdf)
            .field("certificate", &self.certificate)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

/// The accessible name of the certificate field.
pub const CERTIFICATE_FIELD: &str =
    "Certificaatbestand (.p12 of .pfx) of kaartbibliotheek (.so of .dll)";
/// The accessible name of the password field.
pub const PASSWORD_FIELD: &str = "Wachtwoord van het certificaat of pincode van de kaart";

/// The dialog's content.
pub fn show(ui: &mut Ui, form: &mut SignForm, actions: &mut Vec<Action>) {
    ui.label(format!(
        "U ondertekent {} digitaal met uw persoonlijke certificaat. De handtekening komt achter \
         in de PDF; de pagina's blijven zoals ze zijn, en wie de PDF later verandert, breekt de \
         handtekening.",
        display_name(&form.pdf)
    ));
    ui.add_space(tokens::SPACE_M);
    ui.label("Certificaat:");
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut form.certificate)
                .desired_width(360.0)
                .hint_text("bijvoorbeeld H:\\certificaat.p12"),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, CERTIFICATE_FIELD)
        });
        if ui.button("Kiezen…").clicked() {
            actions.push(Action::ChooseCertificate);
        }
    });
    ui.add_space(tokens::SPACE_S);
    ui.label("Wachtwoord:");
    let password = ui.add(
        egui::TextEdit::singleline(&mut form.password)
            .password(true)
            .desired_width(360.0),
    );
    password
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::PasswordInput, true, PASSWORD_FIELD));
    let entered = password.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if let Some(error) = &form.error {
        ui.add_space(tokens::SPACE_S);
        ui.label(RichText::new(error.as_str()).color(tokens::ERROR));
    }
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        let ready = !form.certificate.trim().is_empty();
        let sign = ui.add_enabled(ready, egui::Button::new("Ondertekenen"));
        if sign.clicked() || (entered && ready) {
            actions.push(Action::SignAnnex);
        }
        if ui.button("Annuleren").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}
