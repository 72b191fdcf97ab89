//! The recipes of earlier builds, kept only to say whether an old sign-off still matches what it
//! covered. Neither covers all that a printed annex shows (recipe 1: not the budget and the texts;
//! recipe 2: not the date agreed, the region or the other decisions), so a sign-off made with one
//! is never shown as plainly "Vastgesteld" (see `verify`).

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use super::{AgreedVersion, Decision, Side, SignOff, Terms, agreed_choices, agreeing_decisions};
use crate::core::card::Card;
use crate::core::region::Gemeente;
use crate::core::workbook::Choice;

/// The first recipe's canonical text: what was agreed (gemeente, version, peppers per activity)
/// and the card prices it rests on. Kept to verify sign-offs made with it.
fn canonical_form_v1(
    gemeente: &Gemeente,
    card: &Card,
    citation_title: &str,
    version: u32,
    choices: &[Choice],
) -> String {
    let n = |d: Decimal| d.normalize().to_string();
    let mut text = String::from("keuzekaart-vaststelling 1\n");
    text.push_str(&format!(
        "dvo={citation_title}\ngemeente={}\nartikel={}\n",
        gemeente.name, gemeente.article
    ));
    text.push_str(&format!(
        "kleur={}\npepers={}\nversie={version}\n",
        gemeente.colour.name(),
        n(gemeente.peppers)
    ));
    for choice in agreed_choices(choices) {
        text.push_str(&format!(
            "keuze activiteit={} pepers={} gekozen={}",
            choice.activity,
            n(choice.peppers),
            choice.taken
        ));
        match card
            .activity(choice.activity)
            .and_then(|a| a.offer(gemeente.colour))
        {
            Some(o) => text.push_str(&format!(
                " aanbod volume={} eenheid={}/{} pepers={} minimum={} maximum={}\n",
                n(o.volume),
                o.unit.one,
                o.unit.many,
                n(o.peppers),
                n(o.minimum),
                o.maximum.map(n).unwrap_or_else(|| "-".into())
            )),
            None => text.push_str(" aanbod=geen\n"),
        }
    }
    text
}

/// The second recipe's canonical text: everything contractual the annex prints for the gemeente,
/// one fact per line, texts as JSON strings (so a newline or quote in a text cannot shift a
/// field), numbers normalized ("10.0" and "10" are the same price):
/// the DVO (citation title, term dates, pepper values), the gemeente (name, article, goal,
/// colour, peppers, euro budget, whether it may go below a minimum), the version, per agreed
/// choice the peppers, note and the offer it rests on (title and description with the name
/// filled in, unit, volume, price, minimum, maximum), and the two decisions that agreed it.
/// Options, the file's layout and metadata are not part of it.
pub fn canonical_form_v2(
    terms: Terms<'_>,
    gemeente: &Gemeente,
    version: u32,
    choices: &[Choice],
    decisions: &[&Decision],
) -> String {
    use std::fmt::Write;
    let n = |d: Decimal| d.normalize().to_string();
    let q = |s: &str| serde_json::to_string(s).expect("a string always serializes");
    let region = terms.region;
    let mut text = String::from("keuzekaart-vaststelling 2\n");
    let _ = writeln!(text, "dvo={}", q(&region.citation_title));
    let _ = writeln!(text, "looptijd={}/{}", region.term.start, region.term.end);
    for (colour, value) in &region.pepper_values {
        let _ = writeln!(text, "peperwaarde {}={}", colour.name(), n(*value));
    }
    let _ = writeln!(text, "gemeente={}", q(&gemeente.name));
    let _ = writeln!(text, "artikel={}", gemeente.article);
    let _ = writeln!(text, "doel={}", q(&gemeente.goal));
    let _ = writeln!(text, "kleur={}", gemeente.colour.name());
    let _ = writeln!(text, "pepers={}", n(gemeente.peppers));
    let _ = writeln!(text, "budget={}", n(gemeente.budget));
    let _ = writeln!(text, "onder-minimum={}", gemeente.may_go_below_minimum);
    let _ = writeln!(text, "versie={version}");
    for choice in agreed_choices(choices) {
        let _ = write!(
            text,
            "keuze activiteit={} pepers={} gekozen={} notitie={}",
            choice.activity,
            n(choice.peppers),
            choice.taken,
            q(&choice.note)
        );
        let activity = terms.card.activity(choice.activity);
        if let Some(a) = activity {
            let _ = write!(
                text,
                " titel={} omschrijving={}",
                q(&a.title_for(&gemeente.name)),
                q(&a.description_for(&gemeente.name))
            );
        }
        match activity.and_then(|a| a.offer(gemeente.colour)) {
            Some(o) => {
                let _ = writeln!(
                    text,
                    " aanbod volume={} eenheid={}/{} pepers={} minimum={} maximum={}",
                    n(o.volume),
                    q(&o.unit.one),
                    q(&o.unit.many),
                    n(o.peppers),
                    n(o.minimum),
                    o.maximum.map(n).unwrap_or_else(|| "-".into())
                );
            }
            None => text.push_str(" aanbod=geen\n"),
        }
    }
    let mut decisions: Vec<&&Decision> = decisions.iter().collect();
    decisions.sort_by_key(|d| d.side == Side::WerkBedrijf);
    for d in decisions {
        let _ = writeln!(
            text,
            "besluit {} uitkomst={} datum={} nummer={} ondertekenaar={} functie={} plaats={}",
            match d.side {
                Side::College => "college",
                Side::WerkBedrijf => "werkbedrijf",
            },
            q(d.outcome.label()),
            d.date,
            q(&d.number),
            q(&d.signatory),
            q(&d.role),
            q(&d.place)
        );
    }
    text
}

/// Recomputes the fingerprint of an agreed version with the old recipe it was made with; `None`
/// for a recipe that is not an old one.
pub fn recompute_old(
    terms: Terms<'_>,
    gemeente: &Gemeente,
    sign_off: &SignOff,
    agreed: &AgreedVersion,
) -> Option<String> {
    let text = match agreed.recipe {
        1 => canonical_form_v1(
            gemeente,
            terms.card,
            &terms.region.citation_title,
            agreed.version,
            &agreed.choices,
        ),
        2 => {
            let decisions = agreeing_decisions(sign_off, agreed.version);
            canonical_form_v2(terms, gemeente, agreed.version, &agreed.choices, &decisions)
        }
        _ => return None,
    };
    Some(format!("{:x}", Sha256::digest(text.as_bytes())))
}
