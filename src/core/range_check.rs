//! The walk over a workbook, a card or a plan that checks every value against its range (see
//! `limits` for the ranges): what a Beheer edit, an option or a migrated old file brings in is
//! checked here, since only a file read from disk passes the serde checks of `limits::de`.

use rust_decimal::Decimal;

use super::card::Card;
use super::limits::*;
use super::money::format_number;
use super::workbook::{Choice, Plan, Workbook};

/// Checks a term: within [`YEARS`], ending after it starts, at most [`MAX_TERM_YEARS`] long.
pub fn check_term(term: &super::region::Term) -> Result<(), String> {
    use chrono::Datelike;
    let (start, end) = (term.start.year(), term.end.year());
    if !YEARS.contains(&start) || !YEARS.contains(&end) {
        return Err(format!(
            "Begin en einde liggen tussen {} en {} (hier {start} en {end})",
            YEARS.start(),
            YEARS.end()
        ));
    }
    if term.end < term.start {
        return Err("Het einde ligt voor het begin".to_owned());
    }
    if end - start >= MAX_TERM_YEARS {
        return Err(format!(
            "Een looptijd duurt hoogstens {MAX_TERM_YEARS} jaar"
        ));
    }
    Ok(())
}

/// An error when a list holds more entries than it may.
fn check_entries(count: usize, max: usize, what: &str) -> Result<(), String> {
    if count > max {
        return Err(format!(
            "Er staan {count} {what} in; hoogstens {max} zijn mogelijk"
        ));
    }
    Ok(())
}

struct Walker {
    first: Option<OutOfRange>,
}

impl Walker {
    fn at(&mut self, place: impl FnOnce() -> String, result: Result<(), String>) {
        if self.first.is_none()
            && let Err(message) = result
        {
            self.first = Some(OutOfRange {
                place: place(),
                message,
            });
        }
    }
}

/// Checks every number, text and count of a workbook against its range; returns the first value
/// out of range. Files are checked while they are read (with line and column, see [`de`]); this
/// check covers what enters otherwise: Beheer edits, options, migrated old files.
pub fn check_workbook(workbook: &Workbook) -> Result<(), OutOfRange> {
    let mut w = Walker { first: None };
    let region = &workbook.region;
    w.at(
        || "Regio".into(),
        check_text(&region.name, MAX_NAME_CHARS, "de naam"),
    );
    w.at(
        || "Regio".into(),
        check_text(&region.citation_title, MAX_NAME_CHARS, "de citeertitel"),
    );
    w.at(|| "Looptijd".into(), check_term(&region.term));
    for (colour, value) in &region.pepper_values {
        w.at(
            || format!("Waarde van een {} peper", colour.adjective()),
            check_number(*value, NumberKind::Euros),
        );
    }
    w.at(
        || "Regio".into(),
        check_entries(region.gemeenten.len(), MAX_GEMEENTEN, "gemeenten"),
    );
    for g in &region.gemeenten {
        let place = || format!("Gemeente {}", g.name);
        w.at(place, check_text(&g.name, MAX_NAME_CHARS, "de naam"));
        w.at(place, check_count(g.article, "het artikelnummer"));
        w.at(place, check_text(&g.goal, MAX_LONG_TEXT_CHARS, "het doel"));
        w.at(place, check_number(g.peppers, NumberKind::PriceInPeppers));
        w.at(place, check_number(g.budget, NumberKind::Euros));
    }
    check_card_into(&mut w, &workbook.card);
    for plan in &workbook.plans {
        check_plan_into(&mut w, plan);
    }
    if let Some(previous) = &workbook.previous {
        for plan in &previous.plans {
            for line in &plan.lines {
                let place = || format!("Vorige looptijd, {}", plan.gemeente);
                w.at(place, check_number(line.peppers, NumberKind::Peppers));
                w.at(place, check_number(line.euros, NumberKind::Euros));
                w.at(
                    place,
                    check_text(&line.volume, MAX_NAME_CHARS, "het volume"),
                );
            }
        }
    }
    check_progress_into(&mut w, &workbook.progress);
    w.at(
        || "Bestand".into(),
        check_text(&workbook.metadata.author, MAX_NAME_CHARS, "de auteur"),
    );
    match w.first {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The realisation: its settings, counts and the texts and numbers serde could not place.
fn check_progress_into(w: &mut Walker, progress: &super::progress::Progress) {
    let settings = &progress.settings;
    let place = || "Voortgang, instellingen".to_owned();
    w.at(
        place,
        check_number(settings.weeks_per_year, NumberKind::PriceInPeppers),
    );
    w.at(
        place,
        check_number(settings.on_track, NumberKind::PriceInPeppers),
    );
    w.at(
        place,
        check_number(settings.behind, NumberKind::PriceInPeppers),
    );
    w.at(
        place,
        check_entries(settings.rates.len(), MAX_ENTRIES, "eenheden per week"),
    );
    w.at(
        place,
        check_entries(settings.notes.len(), MAX_ENTRIES, "toelichtingen"),
    );
    for note in &settings.notes {
        w.at(
            place,
            check_text(note, MAX_LONG_TEXT_CHARS, "de toelichting"),
        );
    }
    w.at(
        || "Voortgang".into(),
        check_entries(
            progress.delivered.len(),
            super::progress::MAX_DELIVERED,
            "realisatiecijfers",
        ),
    );
    w.at(
        || "Voortgang".into(),
        check_entries(progress.closed.len(), MAX_ENTRIES, "afgesloten perioden"),
    );
    w.at(
        || "Voortgang, geschiedenis".into(),
        check_entries(
            progress.history.len(),
            super::history::MAX_HISTORY,
            "regels geschiedenis",
        ),
    );
    for d in &progress.delivered {
        let place = || d.place();
        w.at(place, check_number(d.volume, NumberKind::Volume));
        w.at(place, check_text(&d.note, MAX_NOTE_CHARS, "de notitie"));
        w.at(
            place,
            check_entries(d.corrections.len(), MAX_ENTRIES, "correcties"),
        );
    }
}

/// Checks a card on its own (a card file being imported) against the ranges.
pub fn check_card(card: &Card) -> Result<(), OutOfRange> {
    let mut w = Walker { first: None };
    check_card_into(&mut w, card);
    match w.first {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

fn check_card_into(w: &mut Walker, card: &Card) {
    w.at(
        || "Keuzekaart".into(),
        check_text(&card.name, MAX_NAME_CHARS, "de naam"),
    );
    w.at(
        || "Keuzekaart".into(),
        check_entries(card.activities.len(), MAX_ACTIVITIES, "activiteiten"),
    );
    w.at(
        || "Keuzekaart".into(),
        check_count(
            u32::try_from(card.max_activities).unwrap_or(u32::MAX),
            "het grootste aantal activiteiten",
        ),
    );
    for a in &card.activities {
        let place = || format!("Activiteit {}", a.number);
        w.at(place, check_count(a.number, "het activiteitnummer"));
        w.at(place, check_text(&a.title, MAX_NAME_CHARS, "de titel"));
        w.at(
            place,
            check_text(&a.description, MAX_LONG_TEXT_CHARS, "de omschrijving"),
        );
        for (colour, o) in &a.offers {
            let place = || {
                format!(
                    "Activiteit {}, aanbod {} pepers",
                    a.number,
                    colour.adjective()
                )
            };
            w.at(place, check_number(o.volume, NumberKind::Volume));
            w.at(place, check_text(&o.unit.one, MAX_NAME_CHARS, "de eenheid"));
            w.at(
                place,
                check_text(&o.unit.many, MAX_NAME_CHARS, "de eenheid"),
            );
            w.at(place, check_number(o.peppers, NumberKind::PriceInPeppers));
            w.at(place, check_number(o.minimum, NumberKind::PriceInPeppers));
            if let Some(max) = o.maximum {
                w.at(place, check_number(max, NumberKind::PriceInPeppers));
            }
        }
    }
}

/// Checks one plan (its choices, options and sign-off record) against the ranges.
pub fn check_plan(plan: &Plan) -> Result<(), OutOfRange> {
    let mut w = Walker { first: None };
    check_plan_into(&mut w, plan);
    match w.first {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

fn check_choices(w: &mut Walker, gemeente: &str, option: Option<&str>, choices: &[Choice]) {
    let within = |activity: u32| match option {
        Some(name) => format!("{gemeente}, {name}, activiteit {activity}"),
        None => format!("{gemeente}, activiteit {activity}"),
    };
    w.at(
        || gemeente.to_owned(),
        check_entries(choices.len(), MAX_ENTRIES, "keuzes"),
    );
    let notes: usize = choices.iter().map(|c| c.note.chars().count()).sum();
    if notes > MAX_NOTES_PER_PLAN_CHARS {
        w.at(
            || gemeente.to_owned(),
            Err(format!(
                "De notities samen zijn te lang: {} tekens, hoogstens {}",
                format_number(Decimal::from(notes)),
                format_number(Decimal::from(MAX_NOTES_PER_PLAN_CHARS))
            )),
        );
    }
    for c in choices {
        w.at(
            || within(c.activity),
            check_count(c.activity, "het activiteitnummer"),
        );
        w.at(
            || within(c.activity),
            check_number(c.peppers, NumberKind::Peppers),
        );
        w.at(
            || within(c.activity),
            check_text(&c.note, MAX_NOTE_CHARS, "de notitie"),
        );
    }
}

fn check_plan_into(w: &mut Walker, plan: &Plan) {
    let name = plan.gemeente.as_str();
    w.at(
        || "Keuzes".into(),
        check_text(name, MAX_NAME_CHARS, "de naam van de gemeente"),
    );
    w.at(
        || name.to_owned(),
        check_text(&plan.proposal, MAX_NAME_CHARS, "de naam van het voorstel"),
    );
    check_choices(w, name, None, &plan.choices);
    w.at(
        || name.to_owned(),
        check_entries(plan.alternatives.len(), MAX_ENTRIES, "opties"),
    );
    for option in &plan.alternatives {
        w.at(
            || name.to_owned(),
            check_text(&option.name, MAX_NAME_CHARS, "de naam van een optie"),
        );
        check_choices(w, name, Some(&option.name), &option.choices);
    }
    let sign_off = &plan.sign_off;
    w.at(
        || name.to_owned(),
        check_count(sign_off.version, "het versienummer"),
    );
    w.at(
        || name.to_owned(),
        check_entries(sign_off.decisions.len(), MAX_ENTRIES, "besluiten"),
    );
    w.at(
        || name.to_owned(),
        check_entries(sign_off.agreed.len(), MAX_ENTRIES, "vastgestelde versies"),
    );
    for d in &sign_off.decisions {
        let place = || format!("{name}, besluit {}", d.side.label());
        w.at(place, check_count(d.version, "het versienummer"));
        for (text, what) in [
            (&d.number, "het besluitnummer"),
            (&d.signatory, "de naam van de ondertekenaar"),
            (&d.role, "de functie"),
            (&d.place, "de plaats"),
        ] {
            w.at(place, check_text(text, MAX_NAME_CHARS, what));
        }
    }
    for agreed in &sign_off.agreed {
        w.at(
            || name.to_owned(),
            check_count(agreed.version, "het versienummer"),
        );
        w.at(
            || name.to_owned(),
            check_text(&agreed.fingerprint, MAX_NAME_CHARS, "de vingerafdruk"),
        );
        w.at(
            || name.to_owned(),
            check_text(
                &agreed.statement,
                MAX_STATEMENT_CHARS,
                "de vastgelegde verklaring",
            ),
        );
        check_choices(w, name, Some("vastgestelde versie"), &agreed.choices);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn the_bundled_workbook_is_within_every_range() {
        assert_eq!(check_workbook(&Workbook::bundled()), Ok(()));
    }

    #[test]
    fn a_message_names_the_place_and_the_range() {
        let mut workbook = Workbook::bundled();
        workbook.region.gemeenten[3].budget =
            Decimal::from_str("5e20").unwrap_or(MAX_EUROS * Decimal::TEN);
        let error = check_workbook(&workbook).unwrap_err();
        assert_eq!(error.place, "Gemeente Heumen");
        assert!(
            error.message.contains("tussen 0 en 1.000.000.000.000"),
            "{error}"
        );
    }
}
