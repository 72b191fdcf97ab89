//! What the annex template receives: every text and figure already worded and formatted (Dutch
//! numbers, "Heumen Werkt!", "8.2 Keuzes"), so the template only lays it out and user text is
//! never Typst markup.

use serde::Serialize;

use crate::core::money::{format_eur, format_number};
use crate::core::rules::{Finding, Severity, coloured_peppers_label, peppers_label};
use crate::core::signoff::{Decision, Side, SignOff, SignOffCheck, Statement, Status, verify};
use crate::core::words::long_date;
use crate::core::workbook::BudgetFigures;
use crate::core::{Gemeente, Workbook};

/// The whole annex.
#[derive(Clone, Debug, Serialize)]
pub struct AnnexData {
    /// The DVO's citation title.
    pub title: String,
    /// "2021–2022".
    pub term: String,
    /// The term: "1 januari 2021 tot en met 31 december 2022".
    pub term_full: String,
    /// The first day in force, as article 17.1 writes it: "1 januari 2021".
    pub term_start: String,
    /// The last day in force: "31 december 2022".
    pub term_end: String,
    /// What this document fills in: "de artikelen 5.2 tot en met 11.2", or "artikel 8.2".
    pub fills: String,
    /// The same, short, for the page header: "art. 5.2–11.2".
    pub fills_short: String,
    /// Whether this is one gemeente's article only (then the region is context, not a page).
    pub single: bool,
    /// "56 rode pepers en 12 groene pepers" for the whole region, per year: the colours apart,
    /// as they differ ten times in value.
    pub region_peppers: String,
    /// What a pepper of each colour in use is worth: "een rode peper circa € 10.000".
    pub pepper_values: Vec<String>,
    /// The card's note that its prices are a reading (empty once confirmed).
    pub reading_note: String,
    /// The region's name.
    pub region: String,
    /// The date the annex was made ("22-11-2026").
    pub produced: String,
    /// Whether any included article is not agreed: every page says CONCEPT.
    pub concept: bool,
    /// The review copy adds an empty "Wijziging" column for handwritten changes.
    pub review: bool,
    /// The regional overview page.
    pub overview: Overview,
    /// The articles, in article order.
    pub articles: Vec<Article>,
    /// Which workbook this is, for every page's footer.
    pub identity: super::register::Identity,
    /// The workbook as the app writes it (its SHA-256 is the identity's fingerprint), attached to
    /// the PDF/A-3 as its source file, so an archive holding only the PDF holds the workbook and
    /// `keuzekaart verify bijlage.pdf` can check one against the other.
    pub source: String,
    /// Every recorded version of the included gemeenten, for the register at the end.
    pub register: Vec<super::register::RegisterRow>,
    /// Texts that were changed so the annex could print them; for the app and the command line
    /// to say, not printed.
    #[serde(skip)]
    pub replacements: Vec<super::printable::Replacement>,
}

/// The regional figures, for the overview page and its charts.
#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    /// One row per gemeente.
    pub gemeenten: Vec<OverviewRow>,
    /// "€ 1.731.616".
    pub total_budget: String,
    /// The peppers used per colour, never added up: ("Totaal rode pepers", "44 van 56").
    pub total_peppers: Vec<ColourTotalRow>,
}

/// The region's peppers of one colour on the overview page.
#[derive(Clone, Debug, Serialize)]
pub struct ColourTotalRow {
    /// "Totaal rode pepers".
    pub label: String,
    /// "44 van 56".
    pub used: String,
}

/// One gemeente on the overview page.
#[derive(Clone, Debug, Serialize)]
pub struct OverviewRow {
    /// Its name.
    pub name: String,
    /// "€ 212.439".
    pub budget: String,
    /// The budget as a number, for the size of its pie slice (drawing only).
    pub budget_weight: f64,
    /// "21 rode pepers".
    pub peppers: String,
    /// Used peppers as a fraction of its own (0–1, for the bar; drawing only).
    pub used_fraction: f64,
    /// "18 van 21".
    pub used: String,
    /// Its status ("Vastgesteld").
    pub status: String,
}

/// One article (5–11).
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    /// "Artikel 8 Heumen".
    pub heading: String,
    /// "8.1 Doel bij inzet van lokale dienstverlening".
    pub goal_heading: String,
    /// The goal text.
    pub goal: String,
    /// "8.2 Keuzes".
    pub choices_heading: String,
    /// "Gemeente Heumen kiest ervoor haar lokale aandeel als volgt in te vullen:".
    pub sentence: String,
    /// The chosen activities.
    pub lines: Vec<Line>,
    /// "5 van 5 rode pepers gebruikt, 0 over".
    pub totals: String,
    /// "€ 53.974 van € 53.974".
    pub euros: String,
    /// The status line ("Concept", "Vastgesteld 14-03-2021", "Tussentijdse wijziging 1, vastgesteld …").
    pub status: String,
    /// Whether this article is agreed and its fingerprint holds.
    pub agreed: bool,
    /// The short fingerprint of the agreed version, if agreed.
    pub fingerprint: Option<String>,
    /// The footer line of the article's pages: article, version, and its fingerprint or state.
    pub footer: String,
    /// A warning to print, e.g. an invalid sign-off.
    pub warning: Option<String>,
    /// The gemeente's signature, blank when unsigned.
    pub gemeente_signature: Signature,
    /// WerkBedrijf's signature, blank when unsigned.
    pub werkbedrijf_signature: Signature,
    /// The gemeente's name (for the signature block).
    pub gemeente: String,
    /// How the gemeente is a party (article 171 Gemeentewet, on a decision of the college).
    pub gemeente_party: String,
    /// How WerkBedrijf is a party (the MGR, by its chair, on a decision of the Dagelijks Bestuur).
    pub werkbedrijf_party: String,
    /// Rules of the card these choices break (printed only with --force).
    pub problems: Vec<String>,
    /// Allowed exceptions and other remarks ("onder de minimale afname, toegestaan voor ...").
    pub notes: Vec<String>,
}

/// One chosen activity.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// The activity number.
    pub number: String,
    /// The title, with the gemeente's name filled in.
    pub title: String,
    /// "30 kandidaten".
    pub volume: String,
    /// "3" or "1,5" ("—" for a free activity).
    pub peppers: String,
    /// "€ 29.398,13".
    pub euros: String,
    /// The note, if any.
    pub note: String,
}

/// A signature block side: the decision it rests on, apart from the signing itself. Empty
/// strings print as blank lines to fill in by hand; the date of signing is always written there.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Signature {
    /// Place of signing.
    pub place: String,
    /// Name of the signatory.
    pub name: String,
    /// The signatory's function.
    pub role: String,
    /// "Akkoord, besluit d.d. 2 maart 2021, nr. 2021/17".
    pub decision: String,
}

/// What to put in the annex.
#[derive(Clone, Debug, Default)]
pub struct AnnexOptions {
    /// Only this gemeente's article (all when `None`).
    pub gemeente: Option<String>,
    /// The review copy, with an empty "Wijziging" column.
    pub review: bool,
    /// The production date to print (today when `None`).
    pub produced: Option<chrono::NaiveDate>,
    /// The workbook's file name as the user knows it, printed in every footer.
    pub source: Option<String>,
    /// Whether the workbook has changes not yet saved to `source` (then the footer says so, as
    /// its fingerprint is not that of the file).
    pub unsaved: bool,
}

/// Builds the annex data from a workbook.
pub fn annex_data(workbook: &Workbook, options: &AnnexOptions) -> AnnexData {
    annex_data_with(workbook, options, super::fonts())
}

/// [`annex_data`] with the question "can the fonts draw this character?" given, for tests.
pub fn annex_data_with(
    original: &Workbook,
    options: &AnnexOptions,
    covers: &dyn super::printable::Coverage,
) -> AnnexData {
    // Sign-offs are verified on the texts as stored; the annex prints them made printable.
    let checks = verify(original);
    let findings = crate::core::rules::check(original);
    let (printable, replacements) = super::printable::printable_workbook(original, covers);
    let workbook = &printable;
    let mut gemeenten: Vec<(&Gemeente, &SignOffCheck, &str)> = workbook
        .region
        .gemeenten
        .iter()
        .zip(&checks)
        .zip(&original.region.gemeenten)
        .map(|((g, c), o)| (g, c, o.name.as_str()))
        .collect();
    gemeenten.sort_by_key(|(g, _, _)| g.article);
    // The gemeenten this annex prints: all, or the one asked for.
    let included: Vec<&(&Gemeente, &SignOffCheck, &str)> = gemeenten
        .iter()
        .filter(|(_, _, name)| {
            options
                .gemeente
                .as_deref()
                .is_none_or(|wanted| wanted == *name)
        })
        .collect();
    let articles = articles(workbook, &included, &findings, covers);
    let replacements = replacements
        .into_iter()
        // Only what this annex prints: with one gemeente, its own texts and the shared ones.
        .filter(|r: &super::printable::Replacement| {
            options.gemeente.is_none() || r.gemeente.is_none() || r.gemeente == options.gemeente
        })
        .collect();
    let produced = options
        .produced
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let term = &workbook.region.term;
    let numbers: Vec<u32> = included.iter().map(|(g, _, _)| g.article).collect();
    let (fills, fills_short) = fills(&numbers);
    AnnexData {
        title: workbook.region.citation_title.clone(),
        term: workbook.region.term.label(),
        term_full: term_full(term),
        term_start: long_date(term.start),
        term_end: long_date(term.end),
        fills,
        fills_short,
        single: options.gemeente.is_some(),
        region_peppers: region_peppers(workbook),
        pepper_values: pepper_values(workbook),
        reading_note: workbook.card.reading_note.clone(),
        region: workbook.region.name.clone(),
        produced: produced.format("%d-%m-%Y").to_string(),
        concept: articles.iter().any(|a| !a.agreed),
        review: options.review,
        overview: overview(workbook, &gemeenten),
        articles,
        source: crate::storage::to_ron(original),
        identity: super::register::Identity::of(
            original,
            options.source.as_deref(),
            options.unsaved,
        ),
        register: super::register::register(
            workbook,
            &included
                .iter()
                .map(|(g, c, _)| (*g, *c))
                .collect::<Vec<_>>(),
        ),
        replacements,
    }
}

/// The term in words: "1 januari 2021 tot en met 31 december 2022".
fn term_full(term: &crate::core::region::Term) -> String {
    format!(
        "{} tot en met {}",
        long_date(term.start),
        long_date(term.end)
    )
}

/// The articles of the included gemeenten, each with the findings about it.
fn articles(
    workbook: &Workbook,
    included: &[&(&Gemeente, &SignOffCheck, &str)],
    findings: &[Finding],
    covers: &dyn super::printable::Coverage,
) -> Vec<Article> {
    included
        .iter()
        .map(|(g, check, name)| {
            let about: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.gemeente.as_deref() == Some(*name))
                .collect();
            article(workbook, g, check, &about, covers)
        })
        .collect()
}

/// Which articles the annex fills: "de artikelen 5.2 tot en met 11.2" and "art. 5.2–11.2", or
/// one article; empty when none.
fn fills(numbers: &[u32]) -> (String, String) {
    match (numbers.iter().min(), numbers.iter().max()) {
        (Some(first), Some(last)) if first != last => (
            format!("de artikelen {first}.2 tot en met {last}.2"),
            format!("art. {first}.2–{last}.2"),
        ),
        (Some(only), _) => (format!("artikel {only}.2"), format!("art. {only}.2")),
        _ => (String::new(), String::new()),
    }
}

/// "een rode peper circa € 97.701", once for each colour the region's gemeenten hold.
fn pepper_values(workbook: &Workbook) -> Vec<String> {
    let colours: std::collections::BTreeSet<_> =
        workbook.region.gemeenten.iter().map(|g| g.colour).collect();
    colours
        .into_iter()
        .map(|c| {
            format!(
                "een {} peper circa {}",
                c.adjective(),
                format_eur(workbook.region.pepper_value(c))
            )
        })
        .collect()
}

/// The region's peppers a year, each colour apart: "56 rode pepers en 12 groene pepers".
fn region_peppers(workbook: &Workbook) -> String {
    let colours: Vec<String> = workbook
        .peppers_per_colour()
        .iter()
        .map(|t| coloured_peppers_label(t.available, t.colour))
        .collect();
    crate::core::words::list(&colours)
}

/// The region's overview table: per gemeente its budget, peppers, use and status, and the totals.
fn overview(workbook: &Workbook, gemeenten: &[(&Gemeente, &SignOffCheck, &str)]) -> Overview {
    Overview {
        gemeenten: gemeenten
            .iter()
            .map(|(g, check, _)| {
                let budget = workbook.budget(g);
                OverviewRow {
                    name: g.name.clone(),
                    budget: format_eur(g.budget),
                    budget_weight: to_f64(g.budget),
                    peppers: format!(
                        "{} {} pepers",
                        format_number(g.peppers),
                        g.colour.adjective()
                    ),
                    used_fraction: f64::from(budget.fraction_used()),
                    used: format!(
                        "{} van {}",
                        format_number(budget.used),
                        format_number(budget.available)
                    ),
                    status: check.status_label(),
                }
            })
            .collect(),
        total_budget: format_eur(workbook.region.total_budget()),
        total_peppers: workbook
            .peppers_per_colour()
            .iter()
            .map(|t| ColourTotalRow {
                label: format!("Totaal {} pepers", t.colour.adjective()),
                used: format!(
                    "{} van {}",
                    format_number(t.used),
                    format_number(t.available)
                ),
            })
            .collect(),
    }
}

fn article(
    workbook: &Workbook,
    gemeente: &Gemeente,
    check: &SignOffCheck,
    findings: &[&Finding],
    covers: &dyn super::printable::Coverage,
) -> Article {
    let n = gemeente.article;
    let plan = workbook.plan(&gemeente.name).cloned().unwrap_or_default();
    let sign_off = &plan.sign_off;
    let budget = workbook.budget(gemeente);
    // What the annex prints as agreed comes from the one check and the statement it verified:
    // its version, date and decisions, never the file's fields beside it.
    let signed = check.statement().filter(|_| check.is_agreed());
    let agreed = signed.is_some();
    let status = article_status(n, check, sign_off);
    // An old recipe is said among the article's notes (a warning of the rules).
    let warning = check
        .problem()
        .map(|reason| format!("Let op: de vaststelling is ongeldig: {reason}."));
    let signature = |side: Side| -> Signature {
        signed
            .and_then(|s| s.decision(side))
            .map(signed_by)
            .unwrap_or_default()
    };
    let lines = article_lines(workbook, gemeente);
    let printable = |text: &str| super::printable::printable(text, covers).0;
    let totals = totals_line(gemeente, &budget);
    let (gemeente_party, werkbedrijf_party) = parties(workbook, gemeente, signed);
    Article {
        heading: format!("Artikel {n} {}", gemeente.name),
        goal_heading: format!("{n}.1 Doel bij inzet van lokale dienstverlening"),
        goal: gemeente.goal.clone(),
        choices_heading: format!("{n}.2 Keuzes"),
        sentence: format!(
            "Gemeente {} kiest ervoor haar lokale aandeel als volgt in te vullen:",
            gemeente.name
        ),
        lines,
        totals,
        euros: format!(
            "{} van {} per jaar (indicatief)",
            format_eur(budget.used_eur),
            format_eur(budget.budget_eur)
        ),
        status,
        agreed,
        fingerprint: check
            .short_fingerprint()
            .filter(|_| agreed)
            .map(str::to_owned),
        footer: super::register::article_footer(gemeente, check),
        warning,
        gemeente_signature: signature(Side::College),
        werkbedrijf_signature: signature(Side::WerkBedrijf),
        gemeente: gemeente.name.clone(),
        gemeente_party,
        werkbedrijf_party,
        problems: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| printable(&f.message()))
            .collect(),
        notes: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| printable(&f.message()))
            .collect(),
    }
}

/// The two parties that sign the article, each acting on its decision (its date, or "[datum]"
/// until it is agreed).
fn parties(
    workbook: &Workbook,
    gemeente: &Gemeente,
    signed: Option<&Statement>,
) -> (String, String) {
    let decision_date = |side: Side| {
        signed
            .and_then(|s| s.decision(side))
            .map(|d| long_date(d.date))
            .unwrap_or_else(|| "[datum]".to_owned())
    };
    let college_date = decision_date(Side::College);
    let db_date = decision_date(Side::WerkBedrijf);
    (
        format!(
            "De gemeente {name}, krachtens artikel 171, tweede lid, van de Gemeentewet \
             vertegenwoordigd door de hieronder genoemde, handelende ter uitvoering van het besluit \
             van het college van burgemeester en wethouders van {name} d.d. {college_date}",
            name = gemeente.name
        ),
        format!(
            "Het openbaar lichaam de modulaire gemeenschappelijke regeling {region}, vertegenwoordigd \
             door de voorzitter, handelende ter uitvoering van het besluit van het Dagelijks Bestuur \
             d.d. {db_date} (WerkBedrijf)",
            region = workbook.region.name
        ),
    )
}

/// The article's status line: agreed (with its date, and as an amendment of article 16.3 from
/// version 1), an amendment in draft, or what the check says.
fn article_status(n: u32, check: &SignOffCheck, sign_off: &SignOff) -> String {
    let signed = check.statement().filter(|_| check.is_agreed());
    // Article 16.3: an amendment is agreed by the gemeente and the Dagelijks Bestuur in writing.
    let amendment = |version: u32| format!("Tussentijdse wijziging {version} van artikel {n}.2");
    match signed {
        Some(v) if v.version == 0 => format!("Vastgesteld {}", long_date(v.agreed_on)),
        Some(v) => format!(
            "{}, vastgesteld {} (artikel 16.3)",
            amendment(v.version),
            long_date(v.agreed_on)
        ),
        None if sign_off.status == Status::Concept
            && sign_off.version > 0
            && check.problem().is_none() =>
        {
            format!(
                "Concept van {} (artikel 16.3)",
                amendment(sign_off.version).to_lowercase()
            )
        }
        None => check.status_label(),
    }
}

/// The article's table: one line per chosen activity, "—" where no peppers are spent.
fn article_lines(workbook: &Workbook, gemeente: &Gemeente) -> Vec<Line> {
    workbook
        .choice_lines(gemeente)
        .into_iter()
        .map(|l| Line {
            number: l.activity.to_string(),
            title: l.title,
            volume: l.volume_label,
            peppers: if l.peppers.is_zero() {
                "—".into()
            } else {
                format_number(l.peppers)
            },
            euros: if l.peppers.is_zero() {
                "—".into()
            } else {
                format_eur(l.euros)
            },
            note: l.note,
        })
        .collect()
}

/// "10 van 12 groene pepers gebruikt, 2 pepers over", or how many too many.
fn totals_line(gemeente: &Gemeente, budget: &BudgetFigures) -> String {
    let noun = if budget.available == rust_decimal::Decimal::ONE {
        "peper"
    } else {
        "pepers"
    };
    let colour_peppers = format!("{} {noun}", gemeente.colour.adjective());
    if budget.left.is_sign_negative() && !budget.left.is_zero() {
        format!(
            "{} van {} {colour_peppers} gebruikt: {} te veel",
            format_number(budget.used),
            format_number(budget.available),
            format_number(-budget.left)
        )
    } else {
        format!(
            "{} van {} {colour_peppers} gebruikt, {} over",
            format_number(budget.used),
            format_number(budget.available),
            peppers_label(budget.left)
        )
    }
}

fn signed_by(decision: &Decision) -> Signature {
    Signature {
        place: decision.place.clone(),
        name: decision.signatory.clone(),
        role: decision.role.clone(),
        decision: format!(
            "{}, besluit d.d. {}, nr. {}",
            decision.outcome.label(),
            long_date(decision.date),
            decision.number
        ),
    }
}

/// Decimal to f64 for chart sizes only.
fn to_f64(value: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f64().unwrap_or(0.0)
}
