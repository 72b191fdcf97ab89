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

/// Rounds to whole euros, halves away from zero.
pub fn round_whole(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds a number a reader sees to `digits` decimals, halves away from zero: 62,5 % shows as
/// 63 % and 2,25 as 2,3, as a reader checking by hand expects, where `Decimal::round_dp` rounds
/// halves to even. Every shown percentage, amount and fte goes through here (a gate in
/// `scripts/check.sh` refuses `round_dp(` elsewhere in `src/`); sums are taken
/// over the exact values, never over the rounded ones.
pub fn round_shown(value: Decimal, digits: u32) -> Decimal {
    value.round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Spreads exact amounts over whole euros so that they add up to their rounded total: each is
/// rounded down, and the euros still missing go one each to the amounts with the largest
/// remainders (earlier ones first on a tie), the largest-remainder method. Three lines of
/// € 29.398,125 + € 29.398,125 + € 19.598,75 become € 29.398 + € 29.398 + € 19.599 = € 78.395,
/// where rounding each on its own would print € 78.395,01 under a budget of € 78.395.
pub fn spread_whole(exact: &[Decimal]) -> Vec<Decimal> {
    let total = round_whole(exact.iter().copied().sum());
    let mut whole: Vec<Decimal> = exact.iter().map(|e| e.floor()).collect();
    let missing = total - whole.iter().copied().sum::<Decimal>();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    // Stable sort: on equal remainders the earlier line gets the euro.
    order.sort_by(|&a, &b| (exact[b] - whole[b]).cmp(&(exact[a] - whole[a])));
    let mut left = missing;
    for index in order {
        if left < Decimal::ONE {
            break;
        }
        whole[index] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    whole
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

/// Reads a number as a Dutch user types it: "12", "0,5", "1.172.413,00", "€ 10.000"; a lone dot
/// is read as a decimal point ("0.5"). `None` when it is not a number.
pub fn parse_dutch_decimal(text: &str) -> Option<Decimal> {
    use std::str::FromStr;
    let cleaned: String = text
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let dots = cleaned.matches('.').count();
    let normal = if cleaned.contains(',') || dots > 1 || is_thousands(&cleaned) {
        cleaned.replace('.', "").replace(',', ".")
    } else {
        cleaned
    };
    Decimal::from_str(&normal).ok()
}

/// "10.000" is ten thousand in Dutch: a single dot followed by exactly three digits.
fn is_thousands(text: &str) -> bool {
    match text.split_once('.') {
        Some((head, tail)) => {
            !head.is_empty()
                && head != "0"
                && tail.len() == 3
                && tail.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
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
    fn whole_euros_add_up_to_the_rounded_total() {
        let beuningen = [d("29398.125"), d("29398.125"), d("19598.75")];
        assert_eq!(
            spread_whole(&beuningen),
            vec![d("29398"), d("29398"), d("19599")]
        );
        let thirds = [d("10.3333"), d("10.3333"), d("10.3334")];
        assert_eq!(spread_whole(&thirds), vec![d("10"), d("10"), d("11")]);
        assert_eq!(spread_whole(&[]), Vec::<Decimal>::new());
        assert_eq!(round_whole(d("2.5")), d("3"));
    }

    #[test]
    fn shown_halves_round_away_from_zero_as_a_reader_expects() {
        // Banker's rounding would show 62 %, 2,2 and 0 here.
        assert_eq!(round_shown(d("62.5"), 0), d("63"));
        assert_eq!(round_shown(d("2.25"), 1), d("2.3"));
        assert_eq!(round_shown(d("0.5"), 0), d("1"));
        assert_eq!(round_shown(d("-0.5"), 0), d("-1"));
        assert_eq!(round_shown(d("61.49"), 0), d("61"));
        assert_eq!(round_shown(d("0.125"), 2), d("0.13"));
    }

    #[test]
    fn numbers_use_a_decimal_comma_and_drop_trailing_zeros() {
        assert_eq!(format_number(d("2.50")), "2,5");
        assert_eq!(format_number(d("1100")), "1.100");
        assert_eq!(format_number(d("0.25")), "0,25");
        assert_eq!(format_number(d("12")), "12");
        assert_eq!(format_number(d("-1.5")), "-1,5");
    }

    #[test]
    fn dutch_numbers_as_typed() {
        use super::parse_dutch_decimal as p;
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(p("12"), Some(d("12")));
        assert_eq!(p(" 0,5 "), Some(d("0.5")));
        assert_eq!(p("0.5"), Some(d("0.5")));
        assert_eq!(p("€ 10.000"), Some(d("10000")));
        assert_eq!(p("1.172.413,00"), Some(d("1172413.00")));
        assert_eq!(p("2.5"), Some(d("2.5")));
        assert_eq!(p("tien"), None);
        assert_eq!(p(""), None);
    }
}
