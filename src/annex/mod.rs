//! The printable annex: articles 5–11 with each gemeente's choices, as an archival PDF/A-2b made
//! by the Typst compiler embedded as a library (fonts inside the binary, no network, no external
//! program). The layout lives in `assets/bijlage.typ`; the data goes in as JSON.

mod accounts;
mod council;
mod data;
mod library;
mod printable;
mod progress_report;
mod register;
mod world;

use std::sync::OnceLock;

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use accounts::{AccountRow, AccountSection, Accounts, RegionLine};
pub use council::{
    COUNCIL_TEMPLATE, CouncilData, CouncilLine, CouncilPage, RealisedLine, council_data,
};
pub use data::{AnnexData, AnnexOptions, annex_data, annex_data_with};
pub use printable::{Coverage, REPLACEMENT, Replacement, printable};
pub use progress_report::{PROGRESS_TEMPLATE, ReportData, Scope, report_data};
pub use register::{Identity, RegisterRow};
pub use world::{TEMPLATE, inflate_shipped, shipped_font_bytes};

use crate::core::Workbook;
use world::{AnnexWorld, Fonts};

/// Why an annex could not be made; its `Display` is a Dutch message.
#[derive(Debug)]
pub struct AnnexError(pub String);

impl std::fmt::Display for AnnexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "De bijlage kon niet worden gemaakt: {}", self.0)
    }
}

impl std::error::Error for AnnexError {}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::shipped)
}

/// Makes the annex of a workbook as PDF/A-3a and PDF/UA-1 bytes, with the workbook attached.
pub fn annex_pdf(workbook: &Workbook, options: &AnnexOptions) -> Result<Vec<u8>, AnnexError> {
    render(&annex_data(workbook, options), TEMPLATE)
}

/// Makes the report "Voortgang lokale keuzes (artikel 14.2)" as PDF/A-2b bytes.
pub fn progress_pdf(
    workbook: &Workbook,
    scope: Scope,
    assumptions: &crate::core::capacity::CapacityAssumptions,
) -> Result<Vec<u8>, AnnexError> {
    let produced = chrono::Local::now().format("%d-%m-%Y").to_string();
    let data = report_data(workbook, scope, assumptions, &produced, fonts());
    let json = serde_json::to_vec(&data).map_err(|e| AnnexError(e.to_string()))?;
    render_json(
        json,
        PROGRESS_TEMPLATE,
        &format!("keuzekaart-voortgang {}", data.subtitle),
        &[PdfStandard::A_2b],
    )
}

/// Makes the council pages ("Raadsinformatie", one A4 per gemeente, or only `options.gemeente`'s)
/// as PDF/A-2a and PDF/UA-1 bytes, with the realisation reckoned on `as_of`.
pub fn council_pdf(
    workbook: &Workbook,
    options: &AnnexOptions,
    as_of: chrono::NaiveDate,
) -> Result<Vec<u8>, AnnexError> {
    let data = council_data(workbook, options, as_of, fonts());
    let json = serde_json::to_vec(&data).map_err(|e| AnnexError(e.to_string()))?;
    render_json(
        json,
        COUNCIL_TEMPLATE,
        &format!("keuzekaart-raadsinformatie {}", data.term),
        // Level A and PDF/UA-1, as the annex: a council member may read it with a screen reader.
        &[PdfStandard::A_2a, PdfStandard::Ua_1],
    )
}

/// Renders annex data with a template (the bundled one, or an adjusted copy) to PDF/A-3a and
/// PDF/UA-1.
pub fn render(data: &AnnexData, template: &str) -> Result<Vec<u8>, AnnexError> {
    let json = serde_json::to_vec(data).map_err(|e| AnnexError(e.to_string()))?;
    render_json(
        json,
        template,
        &format!("keuzekaart-bijlage {}", data.title),
        // PDF/A-3: the one part of PDF/A that lets the workbook be attached; level A and
        // PDF/UA-1: tagged for a screen reader, every figure with its text (EN 301 549 11.8).
        &[PdfStandard::A_3a, PdfStandard::Ua_1],
    )
}

/// Compiles a template with its data (JSON, as `/data.json`) to PDF in `standards`; `ident`
/// names the document in the PDF's identifier.
fn render_json(
    json: Vec<u8>,
    template: &str,
    ident: &str,
    standards: &[PdfStandard],
) -> Result<Vec<u8>, AnnexError> {
    let now = chrono::Local::now();
    use chrono::{Datelike, Timelike};
    let today =
        Datetime::from_ymd(now.year(), now.month() as u8, now.day() as u8).expect("a valid date");
    let world = AnnexWorld::new(fonts(), template, json, today);
    let document: PagedDocument = typst::compile(&world).output.map_err(|e| diagnostics(&e))?;
    let stamp = Datetime::from_ymd_hms(
        now.year(),
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .expect("a valid time");
    let offset_minutes = now.offset().local_minus_utc() / 60;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some(format!("Keuzekaart {}", env!("CARGO_PKG_VERSION")))),
        timestamp: typst_pdf::Timestamp::new_local(stamp, offset_minutes),
        standards: PdfStandards::new(standards).map_err(|e| AnnexError(e.message().to_string()))?,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|e| diagnostics(&e));
    // Typst memoizes its work; keep only what recent exports used, so memory stays bounded.
    typst::comemo::evict(10);
    pdf
}

/// Typst's errors (a template that no longer compiles, a PDF/A violation) as one message.
fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> AnnexError {
    AnnexError(
        errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}
