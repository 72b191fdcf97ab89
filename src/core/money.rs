//! Dutch number and money formatting, in one place.
//!
//! Officials read "€ 1.172.413" and "2,5 pepers"; every screen, the command line and the annex
//! format through these functions so the whole app writes numbers the same way.

use rust_decimal::Decimal;

/// Formats an amount in euros the Dutch way: `€ 212.439` for whole euros, `€ 1.172.413,50` with cents.
pub fn format_eur(amount: Decimal) -> String {
    let rounded = round_cents(amount);
    let digits = if rounded.fract().is_zero() { 0 } else { 2 };
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}€ {}", group(rounded.abs(), digits))
}

/// Rounds to whole cents, halves away from zero (as invoices do, not banker's rounding).
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Formats a plain number the Dutch way, with thousands dots and a decimal comma, dropping
/// trailing zeros: `1.100`, `2,5`, `0,25`.
pub fn format_number(value: Decimal) -> String {
    let normal = value.normalize();
    let digits = normal.scale();
    let sign = if normal.is_sign_negative() && !normal.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{}", group(normal.abs(), digits))
}

/// Writes a non-negative value with `digits` decimals, thousands separated by dots.
fn group(value: Decimal, digits: u32) -> String {
    let text = format!("{:.*}", digits as usize, value);
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_owned(), Some(f.to_owned())),
        None => (text, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 4);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    if let Some(fraction) = fraction {
        grouped.push(',');
        grouped.push_str(&fraction);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn euros_are_written_the_dutch_way() {
        assert_eq!(format_eur(d("212439")), "€ 212.439");
        assert_eq!(format_eur(d("1172413.5")), "€ 1.172.413,50");
        assert_eq!(format_eur(d("1172413.00")), "€ 1.172.413");
        assert_eq!(format_eur(d("999")), "€ 999");
        assert_eq!(format_eur(d("1000")), "€ 1.000");
        assert_eq!(format_eur(d("0")), "€ 0");
        assert_eq!(format_eur(d("-5000")), "-€ 5.000");
        assert_eq!(format_eur(d("0.005")), "€ 0,01");
    }

    #[test]
    fn numbers_use_a_decimal_comma_and_drop_trailing_zeros() {
        assert_eq!(format_number(d("2.50")), "2,5");
        assert_eq!(format_number(d("1100")), "1.100");
        assert_eq!(format_number(d("0.25")), "0,25");
        assert_eq!(format_number(d("12")), "12");
        assert_eq!(format_number(d("-1.5")), "-1,5");
    }
}
