//! The council's page ("Raadsinformatie"): one A4 per gemeente, in plain Dutch, for a council
//! member preparing a meeting: what the gemeente chose, what it costs in peppers and euros, the
//! pie, how it compares with the region and with the previous term, and what WerkBedrijf has
//! delivered so far. It reads the annex's own figures (the same lines, totals and status), so the
//! page and the annex can never disagree, and goes to `assets/raadsinfo.typ` as JSON.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::data::{AnnexOptions, Article, Line, annex_data_with};
use super::printable::{Coverage, printable};
use crate::core::capacity::CapacityAssumptions;
use crate::core::money::{format_eur, format_number, round_shown};
use crate::core::progress_figures::{Flag, GemeenteProgress, gemeente_progress};
use crate::core::words::list;
use crate::core::{Gemeente, Workbook};

/// The Typst layout of the council pages.
pub const COUNCIL_TEMPLATE: &str = include_str!("../../assets/raadsinfo.typ");

/// The council pages, as the layout reads them.
#[derive(Clone, Debug, Serialize)]
pub struct CouncilData {
    /// "Raadsinformatie lokale keuzes DVO WerkBedrijf 2021–2022", the document's title.
    pub title: String,
    /// The DVO's citation title.
    pub citation: String,
    /// "2021–2022".
    pub term: String,
    /// The day the realisation is reckoned on: "31-12-2022".
    pub as_of: String,
    /// The date the pages were made.
    pub produced: String,
    /// Which workbook the pages come from, for every footer.
    pub identity: super::register::Identity,
    /// One page per gemeente, in article order.
    pub pages: Vec<CouncilPage>,
}

/// One gemeente's page.
#[derive(Clone, Debug, Serialize)]
pub struct CouncilPage {
    /// The gemeente's name.
    pub gemeente: String,
    /// "Vastgesteld 15 februari 2021", or what else the sign-off says.
    pub status: String,
    /// Whether the choices are agreed and their seal holds.
    pub agreed: bool,
    /// What the page warns of when they are not: still a draft, or a file that differs from what
    /// was agreed (empty when agreed).
    pub caution: String,
    /// The opening sentences: what the gemeente buys, with what, for how much.
    pub summary: Vec<String>,
    /// The gemeente's goal, as article N.1 of the DVO states it.
    pub goal: String,
    /// The chosen activities, as the annex prints them, each with how many others chose it.
    pub lines: Vec<CouncilLine>,
    /// "21 van 21 rode pepers gebruikt, 0 over".
    pub totals: String,
    /// "€ 212.439 van € 212.439".
    pub euros: String,
    /// The pie's slices: the peppers of each line (drawing only; zero for a free activity).
    pub pie: Vec<f64>,
    /// What the pie shows, in words, for a screen reader.
    pub pie_alt: String,
    /// How the gemeente compares with the region, in sentences.
    pub region: Vec<String>,
    /// How the choices compare with the previous term, in sentences.
    pub previous: Vec<String>,
    /// What was delivered so far, per activity with an agreed volume.
    pub realised: Vec<RealisedLine>,
    /// What the realisation table rests on: "Stand per 31-12-2022; voorlopig: …" or why
    /// there is nothing to show.
    pub realised_note: String,
}

/// One chosen activity on the council page.
#[derive(Clone, Debug, Serialize)]
pub struct CouncilLine {
    /// The annex's line: number, title, volume per year, peppers, euros.
    #[serde(flatten)]
    pub line: Line,
    /// "4 van 6": how many of the other gemeenten chose this activity too.
    pub shared: String,
}

/// One activity's realisation on the council page.
#[derive(Clone, Debug, Serialize)]
pub struct RealisedLine {
    /// "4. Screenen kandidaten".
    pub title: String,
    /// Agreed up to the reckoning day, with its unit: "60 kandidaten".
    pub agreed: String,
    /// Delivered, or "niet aangeleverd".
    pub delivered: String,
    /// "93%" or "—".
    pub percent: String,
    /// "op schema", "achter", "ver achter", "niet aangeleverd" or "".
    pub flag: String,
}

/// The council pages of a workbook (all gemeenten, or `options.gemeente`'s), with the
/// realisation reckoned on `as_of`; `options` also give the production date and the workbook's
/// file name for the footers, as for the annex.
pub fn council_data(
    workbook: &Workbook,
    options: &AnnexOptions,
    as_of: NaiveDate,
    covers: &dyn Coverage,
) -> CouncilData {
    let gemeente = options.gemeente.as_deref();
    let options = AnnexOptions {
        gemeente: None,
        review: false,
        ..options.clone()
    };
    // The annex of all gemeenten: its articles are in article order, as the sorted region is.
    let annex = annex_data_with(workbook, &options, covers);
    let mut gemeenten: Vec<&Gemeente> = workbook.region.gemeenten.iter().collect();
    gemeenten.sort_by_key(|g| g.article);
    let text = |s: &str| printable(s, covers).0;
    let assumptions = CapacityAssumptions::bundled();
    let chosen = Chosen::of(workbook);
    let pages = gemeenten
        .iter()
        .zip(&annex.articles)
        .filter(|(g, _)| gemeente.is_none_or(|wanted| wanted == g.name))
        .map(|(g, article)| {
            let progress = gemeente_progress(workbook, g, as_of, &assumptions);
            page(workbook, g, article, &progress, &chosen, as_of, &text)
        })
        .collect();
    let term = workbook.region.term.label();
    CouncilData {
        title: format!("Raadsinformatie lokale keuzes DVO WerkBedrijf {term}"),
        citation: annex.title,
        term,
        as_of: as_of.format("%d-%m-%Y").to_string(),
        produced: annex.produced,
        identity: annex.identity,
        pages,
    }
}

fn page(
    workbook: &Workbook,
    gemeente: &Gemeente,
    article: &Article,
    progress: &GemeenteProgress,
    chosen: &Chosen,
    as_of: NaiveDate,
    text: &dyn Fn(&str) -> String,
) -> CouncilPage {
    let lines = workbook.choice_lines(gemeente);
    let pie: Vec<f64> = lines
        .iter()
        .map(|l| {
            use rust_decimal::prelude::ToPrimitive;
            l.peppers.to_f64().unwrap_or_default()
        })
        .collect();
    let slices: Vec<String> = article
        .lines
        .iter()
        .filter(|l| l.peppers != "—")
        .map(|l| format!("{} {} pepers", l.title, l.peppers))
        .collect();
    CouncilPage {
        gemeente: article.gemeente.clone(),
        status: article.status.clone(),
        agreed: article.agreed,
        caution: caution(workbook, gemeente, article.agreed),
        summary: summary(workbook, gemeente, &article.gemeente, lines.len()),
        goal: article.goal.clone(),
        lines: article
            .lines
            .iter()
            .zip(&lines)
            .map(|(line, choice)| CouncilLine {
                line: line.clone(),
                shared: chosen.shared(&gemeente.name, choice.activity),
            })
            .collect(),
        totals: article.totals.clone(),
        euros: article.euros.clone(),
        pie,
        pie_alt: if slices.is_empty() {
            "Taartdiagram: nog geen pepers geplaatst.".to_owned()
        } else {
            format!(
                "Taartdiagram van de pepers per activiteit: {}.",
                slices.join(", ")
            )
        },
        region: region(workbook, gemeente, &article.gemeente, chosen, text),
        previous: previous(workbook, gemeente, text),
        realised: realised(progress, text),
        realised_note: realised_note(workbook, progress, as_of),
    }
}

/// The warning above a page whose choices are not agreed: a draft may still change; a file that
/// says "Vastgesteld" but no longer matches its seal (or holds it only with an old fingerprint)
/// is not the decision, and the page must not be read as if it were.
fn caution(workbook: &Workbook, gemeente: &Gemeente, agreed: bool) -> String {
    let claimed = workbook
        .plan(&gemeente.name)
        .is_some_and(|p| p.sign_off.status == crate::core::signoff::Status::Vastgesteld);
    match (agreed, claimed) {
        (true, _) => String::new(),
        (false, true) => {
            "Wat in dit bestand staat, is niet precies wat is vastgesteld (zie de status \
                          hierboven); lees deze pagina niet als het besluit."
                .to_owned()
        }
        (false, false) => {
            "Deze keuzes zijn nog niet vastgesteld en kunnen nog veranderen.".to_owned()
        }
    }
}

/// The page's opening: what the gemeente spends, on how many activities, what that is in euros.
fn summary(workbook: &Workbook, gemeente: &Gemeente, name: &str, chosen: usize) -> Vec<String> {
    let budget = workbook.budget(gemeente);
    let colour = gemeente.colour.adjective();
    let activities = match chosen {
        0 => "nog geen activiteiten".to_owned(),
        1 => "1 activiteit".to_owned(),
        n => format!("{n} activiteiten"),
    };
    vec![
        format!(
            "{name} koopt bij WerkBedrijf lokale dienstverlening in met {} {colour} pepers per jaar. \
             Daarvan zijn er {} ingezet, op {activities} van de keuzekaart.",
            format_number(budget.available),
            format_number(budget.used),
        ),
        format!(
            "In euro's: {} van het budget van {} per jaar. Een {colour} peper is circa {} waard.",
            format_eur(budget.used_eur),
            format_eur(gemeente.budget),
            format_eur(workbook.region.pepper_value(gemeente.colour)),
        ),
    ]
}

/// Which activities each gemeente's proposal chose, worked out once for all pages.
struct Chosen(Vec<(String, std::collections::BTreeSet<u32>)>);

impl Chosen {
    fn of(workbook: &Workbook) -> Chosen {
        Chosen(
            workbook
                .region
                .gemeenten
                .iter()
                .map(|g| {
                    let lines = workbook.choice_lines(g);
                    (g.name.clone(), lines.iter().map(|l| l.activity).collect())
                })
                .collect(),
        )
    }

    /// How many gemeenten chose `activity`, leaving out `except`.
    fn count(&self, activity: u32, except: Option<&str>) -> usize {
        self.0
            .iter()
            .filter(|(name, chose)| Some(name.as_str()) != except && chose.contains(&activity))
            .count()
    }

    /// "4 van 6": how many of the other gemeenten chose this activity too.
    fn shared(&self, gemeente: &str, activity: u32) -> String {
        let others = self.0.iter().filter(|(name, _)| name != gemeente).count();
        format!("{} van {others}", self.count(activity, Some(gemeente)))
    }
}

/// The gemeente beside the region: its share of the budget, and what the others chose most.
fn region(
    workbook: &Workbook,
    gemeente: &Gemeente,
    name: &str,
    chosen: &Chosen,
    text: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let total = workbook.region.total_budget();
    let share = if total.is_zero() {
        Decimal::ZERO
    } else {
        gemeente.budget / total * Decimal::ONE_HUNDRED
    };
    let mut sentences = vec![format!(
        "Het budget van {name} is {}% van het budget van de regio {} ({} per jaar).",
        format_number(round_shown(share, 1)),
        text(&workbook.region.name),
        format_eur(total)
    )];
    let count = chosen.0.len();
    let mut popular: Vec<(usize, String)> = workbook
        .card
        .activities
        .iter()
        .map(|a| {
            let chose = chosen.count(a.number, None);
            (chose, format!("{}. {}", a.number, text(&a.title)))
        })
        .filter(|(chose, _)| *chose > 1)
        .collect();
    // Most chosen first; on a tie, card order.
    popular.sort_by_key(|(chose, _)| std::cmp::Reverse(*chose));
    let top: Vec<String> = popular
        .iter()
        .take(3)
        .map(|(chose, title)| format!("{title} ({chose} van de {count} gemeenten)"))
        .collect();
    if !top.is_empty() {
        sentences.push(format!("Het meest gekozen in de regio: {}.", list(&top)));
    }
    sentences
}

/// The choices beside the previous term's: what is new, what stopped, what got more or fewer
/// peppers, and the totals then and now.
fn previous(
    workbook: &Workbook,
    gemeente: &Gemeente,
    text: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let Some(previous) = &workbook.previous else {
        return vec![
            "Deze werkmap bevat geen keuzes van een vorige looptijd om mee te vergelijken.".into(),
        ];
    };
    let then_term = previous.term.label();
    let Some(then) = previous.plans.iter().find(|p| p.gemeente == gemeente.name) else {
        return vec![format!(
            "Over de looptijd {then_term} staan in deze werkmap geen keuzes van deze gemeente."
        )];
    };
    let now = workbook.choice_lines(gemeente);
    let title = |activity: u32| {
        workbook
            .card
            .activity(activity)
            .map_or(format!("activiteit {activity}"), |a| {
                format!("{activity}. {}", text(&a.title_for(&gemeente.name)))
            })
    };
    let changes = changes(then, &now, &title);
    let then_peppers: Decimal = then.lines.iter().map(|l| l.peppers).sum();
    let then_euros: Decimal = then.lines.iter().map(|l| l.euros).sum();
    let budget = workbook.budget(gemeente);
    let mut sentences = vec![format!(
        "In {then_term} waren {} pepers ingezet ({} per jaar){}; nu {} ({}).",
        format_number(then_peppers),
        format_eur(then_euros),
        if then.agreed {
            ""
        } else {
            ", volgens het laatste concept"
        },
        format_number(budget.used),
        format_eur(budget.used_eur)
    )];
    for (label, items) in changes {
        if !items.is_empty() {
            sentences.push(format!("{label}: {}.", list(&items)));
        }
    }
    sentences
}

/// Each activity of either term under what happened to it: new, stopped, more or fewer peppers,
/// or the same, in that order of the page.
fn changes(
    then: &crate::core::term::BaselinePlan,
    now: &[crate::core::workbook::ChoiceLine],
    title: &dyn Fn(u32) -> String,
) -> [(&'static str, Vec<String>); 5] {
    let mut new = Vec::new();
    let mut more = Vec::new();
    let mut fewer = Vec::new();
    let mut same = Vec::new();
    for line in now {
        match then.lines.iter().find(|l| l.activity == line.activity) {
            None => new.push(title(line.activity)),
            Some(old) if old.peppers < line.peppers => more.push(format!(
                "{} (van {} naar {})",
                title(line.activity),
                format_number(old.peppers),
                format_number(line.peppers)
            )),
            Some(old) if old.peppers > line.peppers => fewer.push(format!(
                "{} (van {} naar {})",
                title(line.activity),
                format_number(old.peppers),
                format_number(line.peppers)
            )),
            Some(_) => same.push(title(line.activity)),
        }
    }
    let stopped: Vec<String> = then
        .lines
        .iter()
        .filter(|old| now.iter().all(|l| l.activity != old.activity))
        .map(|old| title(old.activity))
        .collect();
    [
        ("Nieuw gekozen", new),
        ("Niet meer gekozen", stopped),
        ("Meer pepers", more),
        ("Minder pepers", fewer),
        ("Gelijk gebleven", same),
    ]
}

/// The realisation table: each activity with an agreed volume up to the reckoning day.
fn realised(progress: &GemeenteProgress, text: &dyn Fn(&str) -> String) -> Vec<RealisedLine> {
    let amount = |value: Option<Decimal>| {
        value.map_or("—".to_owned(), |v| format_number(round_shown(v, 1)))
    };
    progress
        .activities
        .iter()
        .filter(|a| a.to_date.agreed.is_some_and(|v| !v.is_zero()))
        .map(|a| RealisedLine {
            title: text(&format!("{}. {}", a.activity, a.title)),
            agreed: format!("{} {}", amount(a.to_date.agreed), text(&a.unit.many)),
            delivered: if a.flag == Some(Flag::NotDelivered) {
                Flag::NotDelivered.label().to_owned()
            } else {
                amount(a.to_date.delivered)
            },
            percent: a.to_date.percent().map_or("—".to_owned(), |p| {
                format!("{}%", format_number(round_shown(p, 0)))
            }),
            flag: a.flag.map(Flag::label).unwrap_or_default().to_owned(),
        })
        .collect()
}

/// What the realisation rests on, or why there is none to show.
fn realised_note(workbook: &Workbook, progress: &GemeenteProgress, as_of: NaiveDate) -> String {
    let day = as_of.format("%d-%m-%Y");
    if progress.measured_against.is_empty() {
        return "De keuzes zijn nog niet vastgesteld; over de uitvoering is nog niets te zeggen."
            .to_owned();
    }
    let provisional = super::progress_report::provisional(workbook, as_of);
    let mut note = format!(
        "Stand per {day}: wat WerkBedrijf heeft gerealiseerd tegenover wat tot die dag was afgesproken"
    );
    if !provisional.is_empty() {
        note.push_str(&format!(" ({provisional})"));
    }
    note.push('.');
    note
}
