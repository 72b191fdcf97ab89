//! *Bijlage ondertekenen…* and *Bijlage controleren…*: the signing dialog's certificate picker
//! and the signing itself, which reads the chosen PDF, appends the signature and writes it back
//! atomically (the unsigned PDF stays as it was when anything fails); and the check of an annex.

use super::*;
use crate::ui::sign_dialog::SignForm;

impl KeuzekaartApp {
    /// *Bijlage controleren…*: the same report `keuzekaart verify bijlage.pdf` prints, checked
    /// against the open workbook when it has a file, in a dialog.
    pub(super) fn verify_annex(&mut self, _ctx: &egui::Context, pdf: &Path) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let outcome =
            crate::verification::verify_pdf(pdf, self.file.as_deref(), &mut out, &mut err)
                .unwrap_or(crate::verification::Outcome::Unreadable);
        let mut text = String::from_utf8_lossy(&out).into_owned();
        text.push_str(&String::from_utf8_lossy(&err));
        let verdict = match outcome {
            crate::verification::Outcome::Holds => "De bijlage klopt",
            crate::verification::Outcome::Fails => "De bijlage klopt NIET",
            crate::verification::Outcome::Unreadable => "De bijlage is niet te lezen",
            crate::verification::Outcome::OldFingerprint => {
                "De bijlage klopt, maar een vaststelling heeft een oude vingerafdruk"
            }
        };
        self.dialog = Some(Dialog::Report {
            title: verdict.to_owned(),
            text,
        });
    }

    /// Opens the signing dialog for `pdf`, with the certificate used last time.
    pub(super) fn open_sign_form(&mut self, _ctx: &egui::Context, pdf: &Path) {
        self.dialog = Some(Dialog::Sign(Box::new(SignForm {
            pdf: pdf.to_owned(),
            certificate: self
                .settings
                .certificate
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            password: String::new(),
            error: None,
        })));
    }

    /// "Kiezen…" in the signing dialog: the file dialog for the certificate; a dialog that
    /// cannot be shown leaves the field to type in, and says so.
    pub(super) fn choose_certificate(&mut self) {
        let Some(Dialog::Sign(form)) = &self.dialog else {
            return;
        };
        let request = PickRequest {
            title: "Certificaat kiezen".to_owned(),
            save: false,
            kind: "Certificaat (PKCS#12)",
            extension: "p12",
            folder: Path::new(&form.certificate)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_owned)
                .or_else(|| self.last_folder.clone()),
            file_name: String::new(),
        };
        let picked = self.picker.pick(&request);
        if let Some(Dialog::Sign(form)) = &mut self.dialog {
            match picked {
                Picked::Path(path) => {
                    form.certificate = path.display().to_string();
                    form.error = None;
                }
                Picked::Cancelled => {}
                Picked::Failed(reason) => {
                    form.error = Some(format!(
                        "Er kon geen bestandsvenster worden getoond ({reason}); typ het pad van het certificaat."
                    ))
                }
            }
        }
    }

    /// "Ondertekenen": signs the dialog's PDF; on failure the dialog stays with the reason and
    /// an empty password field, and the PDF is untouched.
    pub(super) fn sign_annex(&mut self, ctx: &egui::Context) {
        let Some(Dialog::Sign(form)) = &mut self.dialog else {
            return;
        };
        let certificate = PathBuf::from(form.certificate.trim());
        let password = std::mem::take(&mut form.password);
        let pdf = form.pdf.clone();
        match sign_file(&pdf, &certificate, &password) {
            Ok(holder) => {
                self.dialog = None;
                self.settings.certificate = Some(certificate);
                self.show_message(
                    ctx,
                    format!("{} is ondertekend door {holder}.", display_name(&pdf)),
                    None,
                    false,
                );
            }
            Err(reason) => {
                if let Some(Dialog::Sign(form)) = &mut self.dialog {
                    form.error = Some(format!("{reason}. De PDF is niet veranderd."));
                }
            }
        }
    }
}

/// Reads certificate and PDF, signs, and writes the PDF back atomically; says who signed.
fn sign_file(pdf: &Path, certificate: &Path, password: &str) -> Result<String, String> {
    let identity = if crate::signing::is_pkcs11_library(certificate) {
        crate::signing::SigningIdentity::from_token(certificate, None, password)
    } else {
        let cert_bytes = std::fs::read(certificate)
            .map_err(|e| format!("{}: {}", certificate.display(), storage::io_reason(&e)))?;
        crate::signing::load_pkcs12(&cert_bytes, password, &display_name(certificate))
    }
    .map_err(|e| e.to_string())?;
    let bytes =
        std::fs::read(pdf).map_err(|e| format!("{}: {}", pdf.display(), storage::io_reason(&e)))?;
    let details = crate::signing::SignatureDetails {
        reason: format!("Bijlage DVO ondertekend: {}", display_name(pdf)),
        location: None,
        when: chrono::Local::now().fixed_offset(),
    };
    let signed =
        crate::signing::sign_pdf(&bytes, &identity, &details).map_err(|e| e.to_string())?;
    storage::write_atomic(pdf, &signed).map_err(|e| e.to_string())?;
    Ok(identity.holder())
}
