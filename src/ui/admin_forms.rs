//! The forms of Beheer: what the user types, kept as text until "Toepassen", then read into one
//! [`SetupEdit`] with a Dutch message for anything that is not a number or a date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::core::money::{format_number, parse_dutch_decimal};
use crate::core::setup::SetupEdit;
use crate::core::{Activity, Gemeente, Offer, PepperColour, Region, Unit};

/// An activity being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityForm {
    /// The number the activity had when the form was filled.
    pub original: u32,
    /// Its number on the card.
    pub number: String,
    /// Its title, with `[Gemeentenaam]` where the gemeente's name goes.
    pub title: String,
    /// Its description.
    pub description: String,
    /// Per colour, the offer; `None` when the colour has no offer.
    pub offers: BTreeMap<PepperColour, Option<OfferForm>>,
}

/// One colour's offer being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct OfferForm {
    /// What one step buys.
    pub volume: String,
    /// The unit, singular.
    pub unit_one: String,
    /// The unit, plural.
    pub unit_many: String,
    /// What one step costs in peppers.
    pub peppers: String,
    /// The minimum take in peppers.
    pub minimum: String,
    /// The maximum take in peppers; empty for none.
    pub maximum: String,
}

impl OfferForm {
    /// A form filled from an offer.
    pub fn from_offer(offer: &Offer) -> OfferForm {
        OfferForm {
            volume: format_number(offer.volume),
            unit_one: offer.unit.one.clone(),
            unit_many: offer.unit.many.clone(),
            peppers: format_number(offer.peppers),
            minimum: format_number(offer.minimum),
            maximum: offer.maximum.map(format_number).unwrap_or_default(),
        }
    }

    /// A starting offer for a colour that had none: one pepper for one unit.
    pub fn starter() -> OfferForm {
        OfferForm {
            volume: "1".into(),
            unit_one: "kandidaat".into(),
            unit_many: "kandidaten".into(),
            peppers: "1".into(),
            minimum: "1".into(),
            maximum: String::new(),
        }
    }

    fn read(&self, colour: PepperColour) -> Result<Offer, String> {
        let field = |name: &str| format!("{name} ({})", colour.name());
        Ok(Offer {
            volume: number(&self.volume, &field("Volume per stap"))?,
            unit: Unit {
                one: self.unit_one.trim().to_owned(),
                many: self.unit_many.trim().to_owned(),
            },
            peppers: number(&self.peppers, &field("Pepers per stap"))?,
            minimum: number(&self.minimum, &field("Minimum"))?,
            maximum: if self.maximum.trim().is_empty() {
                None
            } else {
                Some(number(&self.maximum, &field("Maximum"))?)
            },
        })
    }
}

impl ActivityForm {
    /// A form filled from an activity.
    pub fn from_activity(activity: &Activity) -> ActivityForm {
        ActivityForm {
            original: activity.number,
            number: activity.number.to_string(),
            title: activity.title.clone(),
            description: activity.description.clone(),
            offers: PepperColour::ALL
                .into_iter()
                .map(|c| (c, activity.offer(c).map(OfferForm::from_offer)))
                .collect(),
        }
    }

    /// The edit the form describes, or a Dutch message about the first field that is wrong.
    pub fn to_edit(&self) -> Result<SetupEdit, String> {
        let number = self
            .number
            .trim()
            .parse::<u32>()
            .map_err(|_| "Vul bij ‘Nummer’ een heel getal in, bijvoorbeeld 14.".to_owned())?;
        let mut offers = BTreeMap::new();
        for (colour, offer) in &self.offers {
            if let Some(offer) = offer {
                offers.insert(*colour, offer.read(*colour)?);
            }
        }
        Ok(SetupEdit::SetActivity {
            number: self.original,
            activity: Activity {
                number,
                title: self.title.trim().to_owned(),
                description: self.description.trim().to_owned(),
                offers,
            },
        })
    }
}

/// A gemeente's terms being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct GemeenteForm {
    /// The gemeente's name (not editable: plans refer to it).
    pub name: String,
    /// Its article number.
    pub article: String,
    /// The goal text (article N.1).
    pub goal: String,
    /// Its pepper colour.
    pub colour: PepperColour,
    /// How many peppers it has.
    pub peppers: String,
    /// Its euro budget.
    pub budget: String,
    /// Whether it may go below an activity's minimum.
    pub may_go_below_minimum: bool,
}

impl GemeenteForm {
    /// A form filled from a gemeente.
    pub fn from_gemeente(gemeente: &Gemeente) -> GemeenteForm {
        GemeenteForm {
            name: gemeente.name.clone(),
            article: gemeente.article.to_string(),
            goal: gemeente.goal.clone(),
            colour: gemeente.colour,
            peppers: format_number(gemeente.peppers),
            budget: crate::core::money::format_eur(gemeente.budget)
                .trim_start_matches('€')
                .trim()
                .to_owned(),
            may_go_below_minimum: gemeente.may_go_below_minimum,
        }
    }

    /// The edit the form describes, or a Dutch message about the first field that is wrong.
    pub fn to_edit(&self) -> Result<SetupEdit, String> {
        let article = self
            .article
            .trim()
            .parse::<u32>()
            .map_err(|_| "Vul bij ‘Artikel’ een heel getal in, bijvoorbeeld 6.".to_owned())?;
        Ok(SetupEdit::SetGemeente {
            gemeente: Gemeente {
                name: self.name.clone(),
                article,
                goal: self.goal.trim().to_owned(),
                colour: self.colour,
                peppers: number(&self.peppers, "Pepers")?,
                budget: number(&self.budget, "Budget in euro")?,
                may_go_below_minimum: self.may_go_below_minimum,
            },
        })
    }
}

/// The term, citation title and card name being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct TermForm {
    /// First day, dd-mm-jjjj.
    pub start: String,
    /// Last day, dd-mm-jjjj.
    pub end: String,
    /// The DVO's citation title.
    pub citation_title: String,
    /// The card's name.
    pub card_name: String,
    /// The sentence that the prices are a reading; empty once WerkBedrijf confirmed the card.
    pub reading_note: String,
}

impl TermForm {
    /// A form filled from the region and card name.
    pub fn from_region(region: &Region, card: &crate::core::Card) -> TermForm {
        let card_name = card.name.as_str();
        TermForm {
            reading_note: card.reading_note.clone(),
            start: region.term.start.format("%d-%m-%Y").to_string(),
            end: region.term.end.format("%d-%m-%Y").to_string(),
            citation_title: region.citation_title.clone(),
            card_name: card_name.to_owned(),
        }
    }

    /// The edit the form describes, or a Dutch message about the first field that is wrong.
    pub fn to_edit(&self) -> Result<SetupEdit, String> {
        Ok(SetupEdit::SetTerm {
            start: date(&self.start, "Ingangsdatum")?,
            end: date(&self.end, "Einddatum")?,
            citation_title: self.citation_title.clone(),
            card_name: self.card_name.clone(),
            reading_note: self.reading_note.clone(),
        })
    }
}

/// The pepper values being edited, per colour.
pub type ValuesForm = BTreeMap<PepperColour, String>;

/// A form of the region's pepper values.
pub fn values_form(region: &Region) -> ValuesForm {
    PepperColour::ALL
        .into_iter()
        .map(|c| (c, format_number(region.pepper_value(c))))
        .collect()
}

/// The edits the values form describes (only the values that changed).
pub fn values_edits(form: &ValuesForm, region: &Region) -> Result<Vec<SetupEdit>, String> {
    let mut edits = Vec::new();
    for (colour, text) in form {
        let value = number(
            text,
            &format!("Waarde van een {} peper", colour.adjective()),
        )?;
        if value != region.pepper_value(*colour) {
            edits.push(SetupEdit::SetPepperValue {
                colour: *colour,
                value,
            });
        }
    }
    Ok(edits)
}

fn number(text: &str, field: &str) -> Result<Decimal, String> {
    parse_dutch_decimal(text)
        .map(|d| d.normalize())
        .ok_or_else(|| {
            format!("Vul bij ‘{field}’ een getal in, bijvoorbeeld 10 of 0,5 (nu: ‘{text}’).")
        })
}

fn date(text: &str, field: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%d-%m-%Y").map_err(|_| {
        format!("Vul bij ‘{field}’ een datum in als dd-mm-jjjj, bijvoorbeeld 01-01-2023.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Workbook;

    #[test]
    fn an_unchanged_form_gives_back_the_same_activity_and_gemeente() {
        let wb = Workbook::bundled();
        for activity in &wb.card.activities {
            let SetupEdit::SetActivity { activity: read, .. } =
                ActivityForm::from_activity(activity).to_edit().unwrap()
            else {
                panic!()
            };
            assert_eq!(&read, activity);
        }
        for gemeente in &wb.region.gemeenten {
            let SetupEdit::SetGemeente { gemeente: read } =
                GemeenteForm::from_gemeente(gemeente).to_edit().unwrap()
            else {
                panic!()
            };
            assert_eq!(&read, gemeente);
        }
    }

    #[test]
    fn a_word_where_a_number_belongs_names_the_field() {
        let wb = Workbook::bundled();
        let mut form = ActivityForm::from_activity(wb.card.activity(4).unwrap());
        form.offers
            .get_mut(&PepperColour::Red)
            .unwrap()
            .as_mut()
            .unwrap()
            .volume = "tien".into();
        let message = form.to_edit().unwrap_err();
        assert!(message.contains("Volume per stap (rood)"), "{message}");
    }
}
