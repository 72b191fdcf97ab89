//! The command line: `keuzekaart [FILE]` opens the app; `new`, `check` and `summary` work on
//! workbook files without a window, for scripts and for a quick look in a terminal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod council;
mod session;

use crate::annex::AnnexOptions;
use crate::core::money::{format_eur, format_number};
use crate::core::rules::{self, Severity, peppers_label};
use crate::core::workbook::Workbook;
use crate::storage;

/// Exit code when a command succeeded and found no errors.
pub const EXIT_OK: u8 = 0;
/// Exit code when the workbook breaks a rule of the card.
pub const EXIT_RULE_ERRORS: u8 = 1;
/// Exit code when a file could not be read, parsed or written.
pub const EXIT_UNREADABLE: u8 = 2;
/// Exit code when the input was read but nothing was written: the output exists and
/// `--overwrite` was not given, the annex could not be made (an unknown gemeente), or the disk
/// refused; 2 stays reserved for a workbook that cannot be read.
pub const EXIT_NOT_WRITTEN: u8 = 3;
/// `verify`: no sign-off is invalid, but one holds only with an old fingerprint recipe, which does
/// not cover all that the annex prints (its article prints as a concept until re-recorded).
pub const EXIT_OLD_FINGERPRINT: u8 = 4;

/// Keuzekaart: lokale keuzes van de DVO WerkBedrijf Rijk van Nijmegen opstellen, controleren en vastleggen.
#[derive(Debug, Parser)]
#[command(name = "keuzekaart", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Wat te doen; zonder opdracht opent de app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Werkmap (.ron) om in de app te openen.
    pub file: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Maak een nieuwe, lege werkmap op de meegeleverde keuzekaart 2021-2022.
    New {
        /// Het bestand om te maken.
        #[arg(long)]
        out: PathBuf,
        /// Overschrijf een bestaand bestand.
        #[arg(long)]
        overwrite: bool,
    },
    /// Controleer een werkmap op de regels van de keuzekaart (exit 0: geen fouten, 1: fouten, 2: onleesbaar).
    Check {
        /// De werkmap (.ron).
        file: PathBuf,
    },
    /// Toon per gemeente de keuzes: activiteit, volume, pepers en euro's, met totalen.
    Summary {
        /// De werkmap (.ron).
        file: PathBuf,
    },
    /// Maak de bijlage (artikelen 5-11) als PDF/A (exit 0: gemaakt, 1: regels overtreden, 2: onleesbaar, 3: niet gemaakt).
    Annex {
        /// De werkmap (.ron).
        file: PathBuf,
        /// Het PDF-bestand om te maken.
        #[arg(long)]
        out: PathBuf,
        /// Alleen het artikel van deze gemeente.
        #[arg(long)]
        gemeente: Option<String>,
        /// Leesexemplaar met een lege kolom 'Wijziging'.
        #[arg(long)]
        review: bool,
        /// Maak de bijlage ook als de keuzes fouten bevatten (de fouten staan dan in de bijlage).
        #[arg(long)]
        force: bool,
        /// Overschrijf een bestaand PDF-bestand.
        #[arg(long)]
        overwrite: bool,
        /// Onderteken de bijlage digitaal (PAdES) met het certificaat in dit PKCS#12-bestand (.p12/.pfx), of met de smartcard of token achter deze PKCS#11-bibliotheek (.so/.dll, bijvoorbeeld opensc-pkcs11.so); het wachtwoord of de pincode komt uit KEUZEKAART_WACHTWOORD of de eerste regel van standaardinvoer.
        #[arg(long, value_name = "CERTIFICAAT")]
        sign: Option<PathBuf>,
        /// Bij een smartcard of token: de naam (label) van de kaart, als er meer zijn.
        #[arg(long, value_name = "NAAM", requires = "sign")]
        token_label: Option<String>,
    },
    /// Toon per gemeente wat er verschilt tussen twee werkmappen (activiteit, pepers en volume, was en wordt).
    Diff {
        /// De oude werkmap.
        old: PathBuf,
        /// De nieuwe werkmap.
        new: PathBuf,
    },
    /// Controleer de vaststellingen van een werkmap, of een bijlage (.pdf): de digitale handtekeningen, de bijgevoegde werkmap en haar controlegetal (exit 0: alles klopt, 1: een vaststelling of handtekening is ongeldig of de bijlage hoort niet bij de werkmap, 2: onleesbaar, 4: een vaststelling heeft een oude vingerafdruk die niet alles dekt).
    Verify {
        /// De werkmap (.ron) of de bijlage (.pdf).
        file: PathBuf,
        /// Bij een bijlage: de werkmap (.ron) waar ze bij hoort te horen.
        #[arg(long, value_name = "WERKMAP")]
        werkmap: Option<PathBuf>,
    },
    /// Schrijf de keuzes, de budgetten, het regio-overzicht en de voortgang als Excel-bestand (.xlsx), met formules voor de totalen.
    Export {
        /// De werkmap (.ron).
        file: PathBuf,
        /// Het Excel-bestand om te maken.
        #[arg(long)]
        out: PathBuf,
        /// Overschrijf een bestaand bestand.
        #[arg(long)]
        overwrite: bool,
    },
    /// Maak het voortgangsrapport (artikel 14.2) als PDF/A: tot en met een periode (2021-H1) of over de hele looptijd.
    Voortgang {
        /// De werkmap (.ron).
        file: PathBuf,
        /// Tot en met deze periode, bijvoorbeeld 2021-H1 (tussenrapportage) of 2021-H2 (jaarverslag); zonder: de hele looptijd.
        #[arg(long)]
        periode: Option<String>,
        /// Het PDF-bestand om te maken.
        #[arg(long)]
        out: PathBuf,
        /// Overschrijf een bestaand bestand.
        #[arg(long)]
        overwrite: bool,
    },
    /// Maak de raadsinformatie als PDF: per gemeente één A4 met haar keuzes, wat ze kosten, de vergelijking met de regio en de vorige looptijd, en de realisatie tot nu.
    Raadsinfo {
        /// De werkmap (.ron).
        file: PathBuf,
        /// Alleen de pagina van deze gemeente.
        #[arg(long)]
        gemeente: Option<String>,
        /// Het PDF-bestand om te maken.
        #[arg(long)]
        out: PathBuf,
        /// Overschrijf een bestaand bestand.
        #[arg(long)]
        overwrite: bool,
    },
    /// Samen aan tafel: een live sessie tussen de laptops in de zaal, zonder server.
    Sessie {
        /// Gastheer zijn of deelnemen.
        #[command(subcommand)]
        what: session::SessionCommand,
    },
    /// Maak een werkmap voor de volgende looptijd: de vastgestelde (of laatste) keuzes als concept en als 'vorige looptijd'.
    NextTerm {
        /// De werkmap van deze looptijd.
        file: PathBuf,
        /// De nieuwe werkmap.
        #[arg(long)]
        out: PathBuf,
        /// Overschrijf een bestaand bestand.
        #[arg(long)]
        overwrite: bool,
    },
    /// Reads a spreadsheet and writes it as JSON: what the app runs to read an import in a
    /// process of its own (src/spreadsheet/sheet_file.rs). Not for users, so not listed.
    #[command(name = "lees-blad", hide = true)]
    LeesBlad {
        /// The spreadsheet.
        file: PathBuf,
    },
}

/// Runs a subcommand, writing results to `out` and problems to `err`; returns the exit code.
pub fn run_command(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::New {
            out: path,
            overwrite,
        } => new(&path, overwrite, out, err),
        Command::Check { file } => check(&file, out, err),
        Command::Summary { file } => summary(&file, out, err),
        Command::Verify { file, werkmap } => {
            if crate::verification::is_pdf(&file) {
                verify_annex(&file, werkmap.as_deref(), out, err)
            } else {
                verify(&file, out, err)
            }
        }
        Command::Diff { old, new } => diff(&old, &new, out, err),
        Command::NextTerm {
            file,
            out: path,
            overwrite,
        } => next_term(&file, &path, overwrite, out, err),
        Command::LeesBlad { file } => {
            crate::spreadsheet::sheet_file::answer_read(&file, out).map(|()| EXIT_OK)
        }
        Command::Export {
            file,
            out: path,
            overwrite,
        } => export(&file, &path, overwrite, out, err),
        Command::Voortgang {
            file,
            periode,
            out: path,
            overwrite,
        } => voortgang(&file, periode.as_deref(), &path, overwrite, out, err),
        Command::Sessie { what } => session::run(what, out, err),
        Command::Raadsinfo {
            file,
            gemeente,
            out: path,
            overwrite,
        } => council::raadsinfo(&file, gemeente.as_deref(), &path, overwrite, out, err),
        Command::Annex {
            file,
            out: pdf,
            gemeente,
            review,
            force,
            overwrite,
            sign,
            token_label,
        } => annex(
            &file,
            &pdf,
            AnnexOptions {
                gemeente,
                review,
                produced: None,
                source: file.file_name().map(|n| n.to_string_lossy().into_owned()),
                // Decided once the workbook is read: whether the file is what the app writes.
                unsaved: false,
            },
            force,
            overwrite,
            sign.as_deref().map(|path| (path, token_label.as_deref())),
            out,
            err,
        ),
    };
    result.unwrap_or(EXIT_UNREADABLE)
}

/// Runs the command line; returns `None` when the GUI should open (with an optional file).
pub fn main_from_args(cli: Cli) -> Result<ExitCode, Option<PathBuf>> {
    match cli.command {
        Some(command) => {
            let code = run_command(
                command,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            Ok(ExitCode::from(code))
        }
        None => Err(cli.file),
    }
}

fn load(file: &Path, err: &mut dyn Write) -> Option<Workbook> {
    match storage::read_workbook(file) {
        Ok(workbook) => Some(workbook),
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", file.display());
            None
        }
    }
}

fn new(
    path: &Path,
    overwrite: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let workbook = Workbook::bundled();
    write_new(path, None, workbook, overwrite, out, err)
}

fn next_term(
    file: &Path,
    path: &Path,
    overwrite: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    let next = crate::core::next_term::next_term(&workbook);
    if let Err(problem) = crate::core::range_check::check_workbook(&next) {
        writeln!(
            err,
            "De volgende looptijd kan niet worden gemaakt: {problem}"
        )?;
        return Ok(EXIT_UNREADABLE);
    }
    let agreed = next
        .previous
        .as_ref()
        .map(|p| p.plans.iter().filter(|b| b.agreed).count())
        .unwrap_or_default();
    let summary = format!(
        "Looptijd {} → {}; {agreed} van {} gemeenten beginnen bij hun vastgestelde keuzes, de andere bij hun laatste.",
        workbook.region.term.label(),
        next.region.term.label(),
        next.plans.len()
    );
    let code = write_new(path, Some(file), next, overwrite, out, err)?;
    // Only once the file is there: a refusal to overwrite must not read like a success.
    if code == EXIT_OK {
        writeln!(out, "{summary}")?;
    }
    Ok(code)
}

/// Writes what a command made to its output file (unless the file exists and `overwrite` was not
/// given), then says `done`; a document that could not be made, or written, is reported instead.
/// "De gemeente 'X' staat niet in de werkmap; kies uit: …".
fn unknown_gemeente(workbook: &Workbook, name: &str) -> String {
    let names: Vec<&str> = workbook
        .region
        .gemeenten
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    format!(
        "De gemeente '{name}' staat niet in de werkmap; kies uit: {}.",
        names.join(", ")
    )
}

fn deliver(
    path: &Path,
    input: &Path,
    made: Result<Vec<u8>, impl std::fmt::Display>,
    overwrite: bool,
    done: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let bytes = match made {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(EXIT_NOT_WRITTEN);
        }
    };
    // Even with --overwrite: never the workbook itself, never through a link or into a device.
    if let Err(refusal) = storage::check_output(path, &[input]) {
        writeln!(err, "{refusal}")?;
        return Ok(EXIT_NOT_WRITTEN);
    }
    if path.exists() && !overwrite {
        writeln!(err, "{}", already_there(path))?;
        return Ok(EXIT_NOT_WRITTEN);
    }
    match storage::write_atomic(path, &bytes) {
        Ok(()) => {
            writeln!(out, "{done}")?;
            Ok(EXIT_OK)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(EXIT_NOT_WRITTEN)
        }
    }
}

fn export(
    file: &Path,
    path: &Path,
    overwrite: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    let as_of =
        crate::core::progress_figures::reckoning_day(&workbook, chrono::Local::now().date_naive());
    let assumptions = crate::core::capacity::CapacityAssumptions::bundled();
    let made = crate::spreadsheet::export_xlsx(&workbook, as_of, &assumptions);
    let done = format!(
        "Excel-bestand gemaakt: {} (bladen Keuzes, Budget, Regio-overzicht en Voortgang, stand per {}).",
        path.display(),
        as_of.format("%d-%m-%Y")
    );
    deliver(path, file, made, overwrite, &done, out, err)
}

fn voortgang(
    file: &Path,
    periode: Option<&str>,
    path: &Path,
    overwrite: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    use crate::annex::Scope;
    use crate::core::period::Period;
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    let scope = match periode {
        None => Scope::Term,
        Some(text) => {
            let periods =
                Period::of_term(&workbook.region.term, workbook.progress.settings.periods);
            match Period::parse(text).filter(|p| periods.contains(p)) {
                Some(period) => Scope::UpTo(period),
                None => {
                    let codes: Vec<String> = periods.iter().map(Period::code).collect();
                    writeln!(
                        err,
                        "‘{text}’ is geen periode van deze looptijd; kies uit {}.",
                        codes.join(", ")
                    )?;
                    return Ok(EXIT_NOT_WRITTEN);
                }
            }
        }
    };
    let assumptions = crate::core::capacity::CapacityAssumptions::bundled();
    let made = crate::annex::progress_pdf(&workbook, scope, &assumptions);
    let done = format!(
        "Voortgangsrapport gemaakt: {} ({}).",
        path.display(),
        scope.subtitle(&workbook)
    );
    deliver(path, file, made, overwrite, &done, out, err)
}

fn write_new(
    path: &Path,
    input: Option<&Path>,
    mut workbook: Workbook,
    overwrite: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    workbook.metadata.created = Some(chrono::Local::now().naive_local());
    if let Err(refusal) = storage::check_output(path, input.as_slice()) {
        writeln!(err, "{refusal}")?;
        return Ok(EXIT_NOT_WRITTEN);
    }
    match storage::write_new_workbook(path, &workbook, overwrite) {
        Ok(()) => {
            writeln!(out, "Nieuwe werkmap gemaakt: {}", path.display())?;
            Ok(EXIT_OK)
        }
        Err(e) if e.source.kind() == std::io::ErrorKind::AlreadyExists => {
            writeln!(err, "{}", already_there(path))?;
            Ok(EXIT_NOT_WRITTEN)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(EXIT_NOT_WRITTEN)
        }
    }
}

fn check(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    let findings = rules::check(&workbook);
    if findings.is_empty() {
        writeln!(out, "{}: geen fouten of waarschuwingen.", file.display())?;
        return Ok(EXIT_OK);
    }
    for finding in &findings {
        writeln!(out, "{}: {}", finding.severity.label(), finding.message())?;
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    writeln!(out, "{errors} fout(en), {warnings} waarschuwing(en).")?;
    Ok(if errors > 0 {
        EXIT_RULE_ERRORS
    } else {
        EXIT_OK
    })
}

fn summary(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    let region = &workbook.region;
    writeln!(
        out,
        "{}, looptijd {} tot en met {}",
        region.citation_title,
        crate::core::words::long_date(region.term.start),
        crate::core::words::long_date(region.term.end)
    )?;
    let mut eur_total = rust_decimal::Decimal::ZERO;
    for gemeente in &region.gemeenten {
        let budget = workbook.budget(gemeente);
        writeln!(out)?;
        writeln!(
            out,
            "Artikel {} {} ({} pepers)",
            gemeente.article,
            gemeente.name,
            gemeente.colour.adjective()
        )?;
        let lines = workbook.choice_lines(gemeente);
        if lines.is_empty() {
            writeln!(out, "  (nog geen keuzes)")?;
        } else {
            writeln!(
                out,
                "  {:>3}  {:<48} {:>18} {:>7} {:>15}",
                "Nr", "Activiteit", "Volume per jaar", "Pepers", "Euro"
            )?;
            for line in &lines {
                writeln!(
                    out,
                    "  {:>3}  {:<48} {:>18} {:>7} {:>15}",
                    line.activity,
                    truncate(&line.title, 48),
                    line.volume_label,
                    format_number(line.peppers),
                    format_eur(line.euros)
                )?;
            }
        }
        writeln!(
            out,
            "  Totaal: {} van {} gebruikt, {} over ({} van {})",
            format_number(budget.used),
            peppers_label(budget.available),
            format_number(budget.left),
            format_eur(budget.used_eur),
            format_eur(budget.budget_eur)
        )?;
        eur_total += budget.used_eur;
    }
    writeln!(out)?;
    // Red and green peppers differ ten times in value: each colour apart, the euros together.
    let peppers: Vec<String> = workbook
        .peppers_per_colour()
        .iter()
        .map(|t| {
            format!(
                "{} van {}",
                format_number(t.used),
                rules::coloured_peppers_label(t.available, t.colour)
            )
        })
        .collect();
    writeln!(
        out,
        "Regio {}: {} gebruikt ({} van {})",
        region.name,
        crate::core::words::list(&peppers),
        format_eur(eur_total),
        format_eur(region.total_budget())
    )?;
    Ok(EXIT_OK)
}

fn verify(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    // The number every page of this workbook's annex prints in its footer.
    writeln!(
        out,
        "Werkmap {}: controlegetal {}",
        file.display(),
        crate::storage::content_fingerprint(&workbook)
    )?;
    if !crate::storage::file_matches(&workbook, file) {
        writeln!(
            out,
            "    het bestand is met de hand bewerkt of door een oudere versie geschreven: \
             sha256sum geeft een ander getal; sla het op in de app om ze gelijk te maken"
        )?;
    }
    let (broken, old) = crate::verification::report_seals(&workbook, out)?;
    Ok(if broken {
        EXIT_RULE_ERRORS
    } else if old {
        EXIT_OLD_FINGERPRINT
    } else {
        EXIT_OK
    })
}

fn verify_annex(
    file: &Path,
    werkmap: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    use crate::verification::{Outcome, verify_pdf};
    Ok(match verify_pdf(file, werkmap, out, err)? {
        Outcome::Holds => EXIT_OK,
        Outcome::Fails => EXIT_RULE_ERRORS,
        Outcome::Unreadable => EXIT_UNREADABLE,
        Outcome::OldFingerprint => EXIT_OLD_FINGERPRINT,
    })
}

fn diff(old: &Path, new: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let (Some(before), Some(after)) = (load(old, err), load(new, err)) else {
        return Ok(EXIT_UNREADABLE);
    };
    let mut any = false;
    for gemeente in &after.region.gemeenten {
        let theirs = before
            .plan(&gemeente.name)
            .map(|p| p.choices.as_slice())
            .unwrap_or_default();
        let ours = after
            .plan(&gemeente.name)
            .map(|p| p.choices.as_slice())
            .unwrap_or_default();
        let changes = crate::core::diff::plan_changes(&after, &gemeente.name, theirs, ours);
        if changes.is_empty() {
            continue;
        }
        any = true;
        writeln!(out, "{}:", gemeente.name)?;
        for change in changes {
            let side = |peppers: rust_decimal::Decimal, volume: &str| {
                if peppers.is_zero() && volume.is_empty() {
                    "—".to_owned()
                } else if peppers.is_zero() {
                    format!("gekozen ({volume})")
                } else {
                    format!("{} ({volume})", peppers_label(peppers))
                }
            };
            writeln!(
                out,
                "  {:>3} {:<40} {} -> {}{}",
                change.activity,
                truncate(&change.title, 40),
                side(change.before, &change.volume_before),
                side(change.after, &change.volume_after),
                if change.note_only { " (notitie)" } else { "" }
            )?;
        }
    }
    if !any {
        writeln!(out, "Geen verschillen in de keuzes.")?;
    }
    Ok(EXIT_OK)
}

/// The refusal to overwrite, the same for every writing command.
fn already_there(path: &Path) -> String {
    format!(
        "{} bestaat al; er is niets geschreven. Gebruik --overwrite om het te vervangen.",
        path.display()
    )
}

#[allow(clippy::too_many_arguments)]
fn annex(
    file: &Path,
    pdf: &Path,
    mut options: AnnexOptions,
    force: bool,
    overwrite: bool,
    sign: Option<(&Path, Option<&str>)>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    // The certificate is opened first: a wrong password costs no rendering.
    let signer = match sign
        .map(|(path, label)| open_certificate(path, label, err))
        .transpose()?
    {
        Some(None) => return Ok(EXIT_NOT_WRITTEN),
        Some(Some(identity)) => Some(identity),
        None => None,
    };
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    // The footer's controlegetal is the workbook's as read; when the file's bytes differ (edited
    // by hand, an older version's file), the footer says it was not saved so.
    options.unsaved = !storage::file_matches(&workbook, file);
    if let Err(refusal) = storage::check_output(pdf, &[file]) {
        writeln!(err, "{refusal}")?;
        return Ok(EXIT_NOT_WRITTEN);
    }
    if pdf.exists() && !overwrite {
        writeln!(err, "{}", already_there(pdf))?;
        return Ok(EXIT_NOT_WRITTEN);
    }
    if let Some(name) = &options.gemeente
        && workbook.region.gemeente(name).is_none()
    {
        writeln!(err, "{}", unknown_gemeente(&workbook, name))?;
        return Ok(EXIT_NOT_WRITTEN);
    }
    if report_errors(&workbook, options.gemeente.as_deref(), err)? && !force {
        writeln!(
            err,
            "De bijlage is niet gemaakt; los de fouten op of gebruik --force."
        )?;
        return Ok(EXIT_RULE_ERRORS);
    }
    let Some(bytes) = annex_bytes(&workbook, &options, signer.as_ref(), file, err)? else {
        return Ok(EXIT_NOT_WRITTEN);
    };
    match storage::write_atomic(pdf, &bytes) {
        Ok(()) => {
            let signed = signer
                .as_ref()
                .map(|s| format!(", ondertekend door {}", s.holder()))
                .unwrap_or_default();
            writeln!(
                out,
                "Bijlage gemaakt: {} ({} kB{signed})",
                pdf.display(),
                bytes.len() / 1024
            )?;
            Ok(EXIT_OK)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(EXIT_NOT_WRITTEN)
        }
    }
}

/// The annex as PDF, signed when a signer is given; `None` (the reason written to `err`) when it
/// could not be made.
fn annex_bytes(
    workbook: &Workbook,
    options: &AnnexOptions,
    signer: Option<&crate::signing::SigningIdentity>,
    file: &Path,
    err: &mut dyn Write,
) -> std::io::Result<Option<Vec<u8>>> {
    let data = crate::annex::annex_data(workbook, options);
    for replacement in &data.replacements {
        writeln!(err, "let op: {replacement}.")?;
    }
    let bytes = match crate::annex::render(&data, crate::annex::TEMPLATE) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(None);
        }
    };
    let Some(identity) = signer else {
        return Ok(Some(bytes));
    };
    let details = crate::signing::SignatureDetails {
        reason: signature_reason(workbook, file),
        location: None,
        when: chrono::Local::now().fixed_offset(),
    };
    match crate::signing::sign_pdf(&bytes, identity, &details) {
        Ok(signed) => Ok(Some(signed)),
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(None)
        }
    }
}

/// What the signature says it is for: the region's annex and the workbook it was made from, by
/// name and controlegetal, so a reader of the signature alone can find the source.
fn signature_reason(workbook: &Workbook, file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let check = storage::content_fingerprint(workbook);
    format!(
        "Bijlage DVO {}, werkmap {name}, controlegetal {check}",
        workbook.region.name
    )
}

/// Opens the PKCS#12 file, or the card behind a PKCS#11 library (the one named `label` when
/// there are more), with the password or PIN from `KEUZEKAART_WACHTWOORD`, or else the first
/// line of standard input (so a script can pipe it in and it never shows in the process list).
/// `Ok(None)` when it cannot be opened; the reason is written to `err`.
fn open_certificate(
    path: &Path,
    label: Option<&str>,
    err: &mut dyn Write,
) -> std::io::Result<Option<crate::signing::SigningIdentity>> {
    let bytes = if crate::signing::is_pkcs11_library(path) {
        None
    } else {
        match std::fs::read(path) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                writeln!(err, "{}: {}", path.display(), storage::io_reason(&e))?;
                return Ok(None);
            }
        }
    };
    let password = match std::env::var("KEUZEKAART_WACHTWOORD") {
        Ok(password) => password,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let name = path.display().to_string();
    let opened = match bytes {
        Some(bytes) => crate::signing::load_pkcs12(&bytes, &password, &name),
        None => crate::signing::SigningIdentity::from_token(path, label, &password),
    };
    match opened {
        Ok(identity) => Ok(Some(identity)),
        Err(e) => {
            writeln!(err, "{e}; de bijlage is niet gemaakt.")?;
            Ok(None)
        }
    }
}

/// Writes the rule errors of what the annex prints (one gemeente's and the shared ones, or all);
/// says whether there were any.
fn report_errors(
    workbook: &Workbook,
    gemeente: Option<&str>,
    err: &mut dyn Write,
) -> std::io::Result<bool> {
    let errors: Vec<_> = rules::check(workbook)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| gemeente.is_none() || f.gemeente.is_none() || f.gemeente.as_deref() == gemeente)
        .collect();
    for finding in &errors {
        writeln!(err, "fout: {}", finding.message())?;
    }
    Ok(!errors.is_empty())
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}
