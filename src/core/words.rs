//! Dutch wording shared by messages: enumerations read "Beuningen, Druten en Heumen", dates
//! "1 januari 2021".

/// Joins items the Dutch way: "A", "A en B", "A, B en C".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

/// A date as a Dutch text writes it: "1 januari 2021".
pub fn long_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// Whether a character turns the direction of text (the marks and embeddings, overrides and
/// isolates of Unicode's bidirectional algorithm): text from outside (a PDF, the network, a
/// spreadsheet) loses them before it is shown or pasted, since they can make a line read as
/// something else than it says.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_as_the_dvo_writes_them() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(super::long_date(d(2021, 1, 1)), "1 januari 2021");
        assert_eq!(super::long_date(d(2022, 12, 31)), "31 december 2022");
    }

    #[test]
    fn enumerations_end_with_en() {
        let s = |v: &[&str]| super::list(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["Heumen"]), "Heumen");
        assert_eq!(
            s(&["Beuningen", "Druten", "Heumen"]),
            "Beuningen, Druten en Heumen"
        );
    }
}
