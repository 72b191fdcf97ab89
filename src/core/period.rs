//! The reporting periods of a term (quarters or half-years), in which WerkBedrijf registers what it
//! delivered. A period is written in files and spreadsheets as `2021-H1` or `2021-K3`, and shown to
//! officials as "1e halfjaar 2021" or "3e kwartaal 2021".

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::region::Term;

/// How a term is cut into reporting periods; set per term.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum PeriodKind {
    /// Four periods a year ("K1" … "K4").
    Quarter,
    /// Two periods a year ("H1", "H2"): the tussenrapportage and the jaarverslag.
    #[default]
    HalfYear,
}

impl PeriodKind {
    /// Both kinds, for a choice list.
    pub const ALL: [PeriodKind; 2] = [PeriodKind::HalfYear, PeriodKind::Quarter];

    /// How many periods make a year.
    pub fn per_year(self) -> u8 {
        match self {
            PeriodKind::Quarter => 4,
            PeriodKind::HalfYear => 2,
        }
    }

    /// The letter in the period's code: "K" (kwartaal) or "H" (halfjaar).
    pub fn letter(self) -> char {
        match self {
            PeriodKind::Quarter => 'K',
            PeriodKind::HalfYear => 'H',
        }
    }

    /// "kwartaal" / "halfjaar", as in "de voortgang gaat per halfjaar".
    pub fn noun(self) -> &'static str {
        match self {
            PeriodKind::Quarter => "kwartaal",
            PeriodKind::HalfYear => "halfjaar",
        }
    }

    /// "kwartalen" / "halfjaren", for a choice list and messages.
    pub fn plural(self) -> &'static str {
        match self {
            PeriodKind::Quarter => "kwartalen",
            PeriodKind::HalfYear => "halfjaren",
        }
    }

    fn months(self) -> u32 {
        12 / u32::from(self.per_year())
    }
}

/// One reporting period: a quarter or half-year of a calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The calendar year.
    pub year: i32,
    /// Quarter or half-year.
    pub kind: PeriodKind,
    /// 1-based: 1–4 for quarters, 1–2 for half-years.
    pub index: u8,
}

impl Period {
    /// The period of this kind that holds a date.
    pub fn containing(date: NaiveDate, kind: PeriodKind) -> Period {
        let index = ((date.month0() / kind.months()) + 1) as u8;
        Period {
            year: date.year(),
            kind,
            index,
        }
    }

    /// The first day of the period.
    pub fn start(&self) -> NaiveDate {
        let month = (u32::from(self.index) - 1) * self.kind.months() + 1;
        NaiveDate::from_ymd_opt(self.year, month, 1).expect("a period starts on a real day")
    }

    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        self.next()
            .start()
            .pred_opt()
            .expect("a period ends on a real day")
    }

    /// The period after this one.
    pub fn next(&self) -> Period {
        if self.index == self.kind.per_year() {
            Period {
                year: self.year + 1,
                index: 1,
                ..*self
            }
        } else {
            Period {
                index: self.index + 1,
                ..*self
            }
        }
    }

    /// Days in the period.
    pub fn days(&self) -> i64 {
        (self.end() - self.start()).num_days() + 1
    }

    /// The code written in files and spreadsheets: "2021-H1", "2022-K3".
    pub fn code(&self) -> String {
        format!("{}-{}{}", self.year, self.kind.letter(), self.index)
    }

    /// The period as officials say it: "1e halfjaar 2021", "3e kwartaal 2022".
    pub fn label(&self) -> String {
        let noun = match self.kind {
            PeriodKind::Quarter => "kwartaal",
            PeriodKind::HalfYear => "halfjaar",
        };
        format!("{}e {noun} {}", self.index, self.year)
    }

    /// A short column heading: "H1 2021", "K3 2022".
    pub fn short_label(&self) -> String {
        format!("{}{} {}", self.kind.letter(), self.index, self.year)
    }

    /// Reads a period as people and registration systems write it: "2021-H1", "2021 H1",
    /// "H1 2021", "h1-2021", "2021-K3", "2021-Q3", "Q3 2021". A date or anything else is `None`
    /// (dates are placed in a period by the importer, which knows the term's kind).
    pub fn parse(text: &str) -> Option<Period> {
        let cleaned: String = text
            .trim()
            .chars()
            .map(|c| {
                if matches!(c, '-' | '_' | '/' | '.') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let parts: Vec<&str> = cleaned.split_whitespace().collect();
        let (year, tag) = match parts.as_slice() {
            [a, b] if a.len() == 4 => (*a, *b),
            [a, b] if b.len() == 4 => (*b, *a),
            // Split by bytes only where that is a character boundary: "20\u{FFFD}H1" is six bytes
            // too (found by the import fuzz target; slicing inside a character panics).
            [one] if one.len() == 6 && one.is_char_boundary(4) => (&one[..4], &one[4..]),
            _ => return None,
        };
        let year: i32 = year.parse().ok()?;
        let mut chars = tag.chars();
        let kind = match chars.next()?.to_ascii_uppercase() {
            'H' => PeriodKind::HalfYear,
            'K' | 'Q' => PeriodKind::Quarter,
            _ => return None,
        };
        let index: u8 = chars.as_str().parse().ok()?;
        if !(1..=kind.per_year()).contains(&index) || !super::limits::YEARS.contains(&year) {
            return None;
        }
        Some(Period { year, kind, index })
    }

    /// The periods of this kind that the term touches, in order.
    pub fn of_term(term: &Term, kind: PeriodKind) -> Vec<Period> {
        let mut periods = Vec::new();
        if term.end < term.start {
            return periods;
        }
        let mut period = Period::containing(term.start, kind);
        while period.start() <= term.end {
            periods.push(period);
            period = period.next();
        }
        periods
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let text = String::deserialize(d)?;
        Period::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "‘{}’ is geen periode; schrijf bijvoorbeeld \"2021-H1\" of \"2021-K3\"",
                text.chars().take(40).collect::<String>()
            ))
        })
    }
}
