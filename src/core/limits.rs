//! Sane ranges for every number and text a workbook holds, checked where data enters the app.
//! This module is a leaf of the core: the ranges and their checks of single values; the walk over
//! a whole workbook, card or plan is in `range_check`.
//!
//! A workbook comes from a file someone may have edited by hand, from an exchange or card file,
//! or from a Beheer form. Everything the app computes afterwards — budgets, euros, volumes, the
//! annex — relies on the numbers being in a range that fits the domain, so `check` exit 0 means
//! every command and screen works on the file. The ranges are generous for the DVO (Berg en Dal
//! has 21 peppers, Nijmegen € 1.172.413) and small enough that no sum, product or quotient the
//! app makes can overflow a `Decimal` (about 7,9 · 10^28):
//!
//! - peppers at most [`MAX_PEPPERS`] with at most [`PEPPER_DECIMALS`] decimals, so the smallest
//!   non-zero count is 0,001 and a budget divided by peppers stays below 10^16;
//! - euros at most [`MAX_EUROS`] with cents at most;
//! - volumes at most [`MAX_VOLUME`], so `peppers / price × volume` stays below 10^15;
//! - texts at most a few thousand characters, so the annex stays a few pages per gemeente;
//! - counts (gemeenten, activities, options, decisions) small enough that the annex of the
//!   largest allowed file is made in seconds.
//!
//! The serde helpers in [`de`] apply the same checks while a file is read, so a number out of
//! range is reported with its line and column like any other mistake in the file.

use rust_decimal::Decimal;

use super::money::format_number;

/// The most peppers any count may hold (a gemeente's budget, a choice, a price, a minimum).
pub const MAX_PEPPERS: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
/// Decimals a pepper count of a choice may have (a half step of a 0,25-pepper price is 0,125).
pub const PEPPER_DECIMALS: u32 = 3;
/// Decimals a price, minimum, maximum or budget in peppers may have.
pub const PRICE_DECIMALS: u32 = 2;
/// The largest euro amount (a budget, a pepper value): a trillion euros.
pub const MAX_EUROS: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// Euros have cents at most.
pub const EURO_DECIMALS: u32 = 2;
/// The largest volume one step buys ("333 kandidaten"; a million is far beyond any offer).
pub const MAX_VOLUME: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
/// Decimals a volume may have ("0,5 dagdeel/week").
pub const VOLUME_DECIMALS: u32 = 2;
/// The largest article, activity or version number.
pub const MAX_NUMBER: u32 = 999;
/// The earliest and latest year a term may start or end in.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2200;
/// The longest term in years (the DVO runs two).
pub const MAX_TERM_YEARS: i32 = 10;
/// The most characters of a note on a choice.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// The most characters of a long text: a goal (article N.1) or an activity's description.
pub const MAX_LONG_TEXT_CHARS: usize = 5_000;
/// The most characters of a name, title, unit, decision field or option name.
pub const MAX_NAME_CHARS: usize = 300;
/// The longest signed statement, in characters: room for a full card's texts, notes and a
/// hundred decisions, with its JSON quoting.
pub const MAX_STATEMENT_CHARS: usize = 400_000;
/// The most characters of all notes of one set of choices together, so one gemeente's article
/// stays a few pages however many activities carry a note.
pub const MAX_NOTES_PER_PLAN_CHARS: usize = 10_000;
/// The most gemeenten a region may hold (seven in the Rijk van Nijmegen; MGR regions have up to
/// about twenty).
pub const MAX_GEMEENTEN: usize = 50;
/// The most activities a card file may hold; the card's own rule (15) is checked by the rules.
pub const MAX_ACTIVITIES: usize = 20;
/// The most choices, options, decisions or agreed versions in one plan.
pub const MAX_ENTRIES: usize = 100;

/// Which kind of number a value is, for its range and the words of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// Peppers placed on an activity.
    Peppers,
    /// A price, minimum, maximum or budget in peppers.
    PriceInPeppers,
    /// An amount in euros.
    Euros,
    /// A volume of an offer.
    Volume,
}

impl NumberKind {
    fn range(self) -> (Decimal, u32) {
        match self {
            NumberKind::Peppers => (MAX_PEPPERS, PEPPER_DECIMALS),
            NumberKind::PriceInPeppers => (MAX_PEPPERS, PRICE_DECIMALS),
            NumberKind::Euros => (MAX_EUROS, EURO_DECIMALS),
            NumberKind::Volume => (MAX_VOLUME, VOLUME_DECIMALS),
        }
    }

    fn noun(self) -> &'static str {
        match self {
            NumberKind::Peppers | NumberKind::PriceInPeppers => "een aantal pepers",
            NumberKind::Euros => "een bedrag",
            NumberKind::Volume => "een volume",
        }
    }
}

/// Checks a number against the range of its kind; the error is a Dutch sentence without the place.
pub fn check_number(value: Decimal, kind: NumberKind) -> Result<(), String> {
    let (max, decimals) = kind.range();
    if value.is_sign_negative() && !value.is_zero() {
        return Err(format!(
            "{} kan niet negatief zijn (hier staat {})",
            capitalised(kind.noun()),
            shown(value)
        ));
    }
    if value > max {
        return Err(format!(
            "{} ligt tussen 0 en {} (hier staat {})",
            capitalised(kind.noun()),
            format_number(max),
            shown(value)
        ));
    }
    if value.normalize().scale() > decimals {
        return Err(format!(
            "{} heeft hoogstens {decimals} cijfers achter de komma (hier staat {})",
            capitalised(kind.noun()),
            shown(value)
        ));
    }
    Ok(())
}

/// Checks an article, activity or version number.
pub fn check_count(value: u32, what: &str) -> Result<(), String> {
    if value > MAX_NUMBER {
        return Err(format!(
            "{} ligt tussen 0 en {MAX_NUMBER} (hier staat {value})",
            capitalised(what)
        ));
    }
    Ok(())
}

/// Checks a text's length in characters.
pub fn check_text(text: &str, max: usize, what: &str) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        return Err(format!(
            "{} is te lang: {} tekens, hoogstens {}",
            capitalised(what),
            format_number(Decimal::from(count)),
            format_number(Decimal::from(max))
        ));
    }
    Ok(())
}

/// A number as typed, shortened when it is absurdly long.
fn shown(value: Decimal) -> String {
    let text = format_number(value);
    if text.chars().count() > 24 {
        format!("{}…", text.chars().take(24).collect::<String>())
    } else {
        text
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A value out of range, with the place it was found in words ("Heumen, activiteit 4, notitie").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    /// Where in the workbook.
    pub place: String,
    /// What is wrong, in Dutch.
    pub message: String,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}.", self.place, self.message)
    }
}

impl std::error::Error for OutOfRange {}

/// Serde helpers that read a field and check its range, so a value out of range in a file is
/// reported with line and column like a syntax error: `#[serde(deserialize_with = "…")]`.
pub mod de {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, de::Error};

    use super::*;

    fn number<'de, D: Deserializer<'de>>(d: D, kind: NumberKind) -> Result<Decimal, D::Error> {
        let value = <Decimal as Deserialize>::deserialize(d)?;
        check_number(value, kind).map_err(D::Error::custom)?;
        Ok(value)
    }

    fn text<'de, D: Deserializer<'de>>(d: D, max: usize, what: &str) -> Result<String, D::Error> {
        let value = String::deserialize(d)?;
        check_text(&value, max, what).map_err(D::Error::custom)?;
        Ok(value)
    }

    /// Peppers placed on an activity.
    pub fn peppers<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        number(d, NumberKind::Peppers)
    }

    /// A price, minimum or budget in peppers.
    pub fn price<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        number(d, NumberKind::PriceInPeppers)
    }

    /// An optional maximum in peppers.
    pub fn optional_price<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let value = Option::<Decimal>::deserialize(d)?;
        if let Some(value) = value {
            check_number(value, NumberKind::PriceInPeppers).map_err(D::Error::custom)?;
        }
        Ok(value)
    }

    /// An amount in euros.
    pub fn euros<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        number(d, NumberKind::Euros)
    }

    /// A volume of an offer.
    pub fn volume<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        number(d, NumberKind::Volume)
    }

    /// An article, activity or version number.
    pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let value = u32::deserialize(d)?;
        check_count(value, "dit nummer").map_err(D::Error::custom)?;
        Ok(value)
    }

    /// A note on a choice.
    pub fn note<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        text(d, MAX_NOTE_CHARS, "de notitie")
    }

    /// A goal or a description.
    pub fn long_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        text(d, MAX_LONG_TEXT_CHARS, "deze tekst")
    }

    /// A signed statement stored with an agreed version.
    pub fn statement<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        text(d, MAX_STATEMENT_CHARS, "de vastgelegde verklaring")
    }

    /// A name, title, unit or decision field.
    pub fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        text(d, MAX_NAME_CHARS, "deze tekst")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn the_constants_say_what_their_names_say() {
        assert_eq!(MAX_EUROS, Decimal::from_str("1000000000000").unwrap());
        assert_eq!(MAX_PEPPERS, Decimal::from(1000));
    }

    #[test]
    fn ranges_refuse_values_that_would_overflow_or_mean_nothing() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert!(check_number(d("79228162514264337593543950335"), NumberKind::Peppers).is_err());
        assert!(check_number(d("0.0000000000000000000000000001"), NumberKind::Peppers).is_err());
        assert!(check_number(d("-3"), NumberKind::Peppers).is_err());
        assert!(check_number(d("1000.001"), NumberKind::Peppers).is_err());
        assert!(check_number(d("0.125"), NumberKind::Peppers).is_ok());
        assert!(check_number(d("0.125"), NumberKind::PriceInPeppers).is_err());
        assert!(check_number(d("1172413"), NumberKind::Euros).is_ok());
        assert!(check_number(d("1172413.001"), NumberKind::Euros).is_err());
        assert!(check_number(d("-0"), NumberKind::Euros).is_ok());
    }
}
