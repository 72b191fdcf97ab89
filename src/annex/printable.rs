//! Text the annex can draw: every text of a workbook made printable before it goes to Typst.
//!
//! The annex is PDF/A, which forbids a character without a glyph, so one emoji in a note used to
//! stop the whole annex. Here each text is cleaned the same way, and what changed is reported in
//! Dutch so the app and the command line can say it:
//! - a tab becomes a space, a carriage return a line break;
//! - other control characters and invisible formatting characters (bidi overrides, zero-width
//!   joiners, variation selectors) are left out, so a note prints in the order it was typed;
//! - a character none of the shipped fonts can draw (an emoji, a script we carry no font for)
//!   becomes a visible box `□`.

use std::fmt;

use crate::core::Workbook;

/// The visible stand-in for a character the fonts cannot draw (drawn by DejaVu Sans Mono).
pub const REPLACEMENT: char = '□';

/// What was changed in one text so the annex could print it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    /// Where the text is, in Dutch ("Heumen, notitie bij activiteit 4").
    pub place: String,
    /// The gemeente the text belongs to, if it belongs to one.
    pub gemeente: Option<String>,
    /// The characters replaced by [`REPLACEMENT`], each once, in order of appearance.
    pub replaced: Vec<char>,
    /// How many invisible or control characters were left out.
    pub removed: usize,
}

impl fmt::Display for Replacement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.place)?;
        if !self.replaced.is_empty() {
            let shown: String = self
                .replaced
                .iter()
                .take(8)
                .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                .collect::<Vec<_>>()
                .join(", ");
            let more = if self.replaced.len() > 8 { ", …" } else { "" };
            write!(
                f,
                "tekens die de bijlage niet kan drukken staan er als {REPLACEMENT}: {shown}{more}"
            )?;
            if self.removed > 0 {
                write!(f, "; ")?;
            }
        }
        match self.removed {
            0 => Ok(()),
            1 => write!(
                f,
                "1 teken is weggelaten (onzichtbaar, een stuurteken of een accent dat het lettertype mist)"
            ),
            n => write!(
                f,
                "{n} tekens zijn weggelaten (onzichtbaar, stuurtekens of accenten die het lettertype mist)"
            ),
        }
    }
}

/// Which characters the annex's fonts draw.
pub trait Coverage {
    /// Whether some shipped font draws this character (Typst falls back to it).
    fn any(&self, c: char) -> bool;
    /// Whether the body font draws it: a character with accents or other combining marks is
    /// shaped by one font, so such a cluster prints only if the body font has all of it.
    fn body(&self, c: char) -> bool;
}

/// Cleans one text; returns the printable text, the characters replaced by [`REPLACEMENT`] and
/// how many characters were left out.
pub fn printable(text: &str, fonts: &dyn Coverage) -> (String, Vec<char>, usize) {
    use unicode_segmentation::UnicodeSegmentation;
    // First the characters that never print: controls and invisible formatting.
    let mut visible = String::with_capacity(text.len());
    let mut removed = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | ' ' => visible.push(c),
            '\t' => visible.push(' '),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    visible.push('\n');
                }
            }
            c if c.is_control() || typst::text::is_default_ignorable(c) => removed += 1,
            c if c.is_whitespace() => visible.push(' '),
            c => visible.push(c),
        }
    }
    // Then what the fonts cannot draw, a user-perceived character (grapheme) at a time.
    let mut out = String::with_capacity(visible.len());
    let mut replaced = Vec::new();
    for grapheme in visible.graphemes(true) {
        let mut cs = grapheme.chars();
        let base = cs.next().expect("a grapheme has a character");
        let marks = cs.as_str();
        if marks.is_empty() {
            if base == '\n' || base == ' ' || fonts.any(base) {
                out.push(base);
                continue;
            }
        } else if grapheme.chars().all(|c| fonts.body(c)) {
            out.push_str(grapheme);
            continue;
        } else if fonts.any(base) && base != '\r' {
            // The letter prints; the marks the body font lacks are left out.
            out.push(base);
            removed += marks.chars().count();
            continue;
        }
        if !replaced.contains(&base) {
            replaced.push(base);
        }
        out.push(REPLACEMENT);
    }
    (out, replaced, removed)
}

/// A copy of the workbook with every text the annex prints made printable, and what changed.
pub fn printable_workbook(
    workbook: &Workbook,
    covers: &dyn Coverage,
) -> (Workbook, Vec<Replacement>) {
    let mut clean = workbook.clone();
    let mut report = Vec::new();
    let mut fix_for = |gemeente: Option<&str>, text: &mut String, place: &dyn Fn() -> String| {
        let (cleaned, replaced, removed) = printable(text, covers);
        if replaced.is_empty() && removed == 0 {
            return;
        }
        report.push(Replacement {
            place: place(),
            gemeente: gemeente.map(str::to_owned),
            replaced,
            removed,
        });
        *text = cleaned;
    };
    let region = &mut clean.region;
    fix_for(None, &mut region.name, &|| "Naam van de regio".into());
    fix_for(None, &mut region.citation_title, &|| "Citeertitel".into());
    for g in &mut region.gemeenten {
        let original = g.name.clone();
        let article = g.article;
        fix_for(Some(&original), &mut g.name, &|| {
            format!("Naam van gemeente {original}")
        });
        fix_for(Some(&original), &mut g.goal, &|| {
            format!("{original}, doel (artikel {article}.1)")
        });
    }
    fix_for(None, &mut clean.card.name, &|| {
        "Naam van de keuzekaart".into()
    });
    for a in &mut clean.card.activities {
        let n = a.number;
        fix_for(None, &mut a.title, &|| format!("Titel van activiteit {n}"));
        fix_for(None, &mut a.description, &|| {
            format!("Omschrijving van activiteit {n}")
        });
        for offer in a.offers.values_mut() {
            fix_for(None, &mut offer.unit.one, &|| {
                format!("Eenheid van activiteit {n}")
            });
            fix_for(None, &mut offer.unit.many, &|| {
                format!("Eenheid van activiteit {n}")
            });
        }
    }
    for plan in &mut clean.plans {
        let original = plan.gemeente.clone();
        // The same cleaning as the gemeente's own name, so the plan still finds its gemeente;
        // reported once, with the region.
        plan.gemeente = printable(&plan.gemeente, covers).0;
        for c in &mut plan.choices {
            let n = c.activity;
            fix_for(Some(&original), &mut c.note, &|| {
                format!("{original}, notitie bij activiteit {n}")
            });
        }
        for d in &mut plan.sign_off.decisions {
            let side = d.side.label();
            fix_for(Some(&original), &mut d.number, &|| {
                format!("{original}, besluitnummer ({side})")
            });
            fix_for(Some(&original), &mut d.signatory, &|| {
                format!("{original}, ondertekenaar ({side})")
            });
            fix_for(Some(&original), &mut d.role, &|| {
                format!("{original}, functie ({side})")
            });
            fix_for(Some(&original), &mut d.place, &|| {
                format!("{original}, plaats ({side})")
            });
        }
    }
    (clean, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Latin;

    impl Coverage for Latin {
        fn any(&self, c: char) -> bool {
            c.is_ascii() || "éëï□\u{20D0}".contains(c)
        }
        fn body(&self, c: char) -> bool {
            c.is_ascii() || "éëï\u{0301}".contains(c)
        }
    }

    const LATIN: &Latin = &Latin;

    #[test]
    fn accents_print_when_the_body_font_has_them_and_are_left_out_when_it_does_not() {
        let (text, replaced, removed) = printable("e\u{0301}n 0\u{20D0}", LATIN);
        assert_eq!(text, "e\u{0301}n 0");
        assert!(replaced.is_empty());
        assert_eq!(removed, 1);
    }

    #[test]
    fn emoji_become_a_box_and_invisible_characters_go() {
        let (text, replaced, removed) = printable("Akkoord ✅\u{FE0F} 🌶\u{200D}🔥", LATIN);
        assert_eq!(text, "Akkoord □ □□");
        assert_eq!(replaced, vec!['✅', '🌶', '🔥']);
        assert_eq!(removed, 2);
    }

    #[test]
    fn a_right_to_left_override_no_longer_reverses_the_note() {
        let (text, _, removed) = printable("start \u{202E}na de zomer\u{202C}", LATIN);
        assert_eq!(text, "start na de zomer");
        assert_eq!(removed, 2);
    }

    #[test]
    fn tabs_bells_and_carriage_returns() {
        let (text, replaced, removed) = printable("a\tb\x07c\r\nd\re", LATIN);
        assert_eq!(text, "a bc\nd\ne");
        assert!(replaced.is_empty());
        assert_eq!(removed, 1);
    }
}
