//! What the annex template receives: every text and figure already worded and formatted (Dutch
//! numbers, "Heumen Werkt!", "8.2 Keuzes"), so the template only lays it out and user text is
//! never Typst markup.

use serde::Serialize;

use crate::core::money::{format_eur, format_number};
use crate::core::rules::peppers_label;
use crate::core::signoff::{Decision, Side, SignOffCheck, Status, verify};
use crate::core::{Gemeente, Workbook};

/// The whole annex.
#[derive(Clone, Debug, Serialize)]
pub struct AnnexData {
    /// The DVO's citation title.
    pub title: String,
    /// "2021–2022".
    pub term: String,
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
    /// "68 van 68".
    pub total_peppers: String,
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
    /// A warning to print, e.g. an invalid sign-off.
    pub warning: Option<String>,
    /// The gemeente's signature, blank when unsigned.
    pub gemeente_signature: Signature,
    /// WerkBedrijf's signature, blank when unsigned.
    pub werkbedrijf_signature: Signature,
    /// The gemeente's name (for the signature block).
    pub gemeente: String,
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

/// A signature block side; empty strings print as blank lines.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Signature {
    /// Place.
    pub place: String,
    /// Date.
    pub date: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// "Besluit B&W d.d. 02-02-2021, nr. 2021/17".
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
    let articles: Vec<Article> = gemeenten
        .iter()
        .filter(|(_, _, name)| {
            options
                .gemeente
                .as_deref()
                .is_none_or(|wanted| wanted == *name)
        })
        .map(|(g, check, _)| article(workbook, g, check))
        .collect();
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
    let used_total: rust_decimal::Decimal = workbook
        .region
        .gemeenten
        .iter()
        .map(|g| workbook.budget(g).used)
        .sum();
    AnnexData {
        title: workbook.region.citation_title.clone(),
        term: workbook.region.term.label(),
        region: workbook.region.name.clone(),
        produced: produced.format("%d-%m-%Y").to_string(),
        concept: articles.iter().any(|a| !a.agreed),
        review: options.review,
        overview: Overview {
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
            total_peppers: format!(
                "{} van {}",
                format_number(used_total),
                format_number(workbook.region.total_peppers())
            ),
        },
        articles,
        replacements,
    }
}

fn article(workbook: &Workbook, gemeente: &Gemeente, check: &SignOffCheck) -> Article {
    let holds = check.holds.clone();
    let n = gemeente.article;
    let plan = workbook.plan(&gemeente.name).cloned().unwrap_or_default();
    let sign_off = &plan.sign_off;
    let budget = workbook.budget(gemeente);
    let agreed = sign_off.status == Status::Vastgesteld && matches!(holds, Some(Ok(_)));
    let in_force = sign_off.in_force();
    let status = match (sign_off.status, in_force) {
        (Status::Vastgesteld, Some(v)) if agreed && check.holds_with_previous_recipe() => format!(
            "{} (met de vorige vingerafdruk; {})",
            v.describe(),
            crate::core::signoff::PREVIOUS_RECIPE_NOTE
        ),
        (Status::Vastgesteld, Some(v)) if agreed => v.describe(),
        (Status::Concept, _) if sign_off.version > 0 && !matches!(holds, Some(Err(_))) => {
            format!("Concept van tussentijdse wijziging {}", sign_off.version)
        }
        _ => check.status_label(),
    };
    let warning = match &holds {
        Some(Err(reason)) => Some(format!("Let op: de vaststelling is ongeldig: {reason}.")),
        _ => None,
    };
    let signature = |side: Side| -> Signature {
        if !agreed {
            return Signature::default();
        }
        sign_off
            .current_decision(side)
            .map(signed)
            .unwrap_or_default()
    };
    let lines = workbook
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
        .collect();
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
        totals: format!(
            "{} van {} {} gebruikt, {} over",
            format_number(budget.used),
            format_number(budget.available),
            if budget.available == rust_decimal::Decimal::ONE {
                format!("{} peper", gemeente.colour.adjective())
            } else {
                format!("{} pepers", gemeente.colour.adjective())
            },
            peppers_label(budget.left)
        ),
        euros: format!(
            "{} van {}",
            format_eur(budget.used_eur),
            format_eur(budget.budget_eur)
        ),
        status,
        agreed,
        fingerprint: if agreed {
            in_force.map(|v| v.short_fingerprint().to_owned())
        } else {
            None
        },
        warning,
        gemeente_signature: signature(Side::College),
        werkbedrijf_signature: signature(Side::WerkBedrijf),
        gemeente: gemeente.name.clone(),
    }
}

fn signed(decision: &Decision) -> Signature {
    let body = match decision.side {
        Side::College => "Besluit college van B&W",
        Side::WerkBedrijf => "Besluit Dagelijks Bestuur MGR",
    };
    Signature {
        place: decision.place.clone(),
        date: decision.date.format("%d-%m-%Y").to_string(),
        name: decision.signatory.clone(),
        role: decision.role.clone(),
        decision: format!(
            "{body} d.d. {}, nr. {}",
            decision.date.format("%d-%m-%Y"),
            decision.number
        ),
    }
}

/// Decimal to f64 for chart sizes only.
fn to_f64(value: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f64().unwrap_or(0.0)
}
