//! The reconciliation a controller signs under art. 14.2: per gemeente, activity and calendar year
//! what was agreed and delivered, in the activity's unit and in euros, with totals per year and for
//! the term, per gemeente and for the region.
//!
//! The euros: an activity's price per unit is what one step of the card costs in euros (its
//! peppers at the gemeente's euro per pepper, as the annex reckons) divided by the volume that step
//! buys in a year. A free offer (activity 1) has no price and adds no euros. Euros agreed are the
//! agreed volume times the price, euros realised the delivered volume times the price.
//!
//! So that every total is exactly the sum of the lines printed above it, volumes are spread over
//! tenths (per activity, across its years) and the euros of the printed volumes over whole euros
//! (per gemeente, across all its cells) by the largest-remainder method: each printed amount is
//! within a euro of printed volume × price, the gemeente's term total is the sum of those products
//! rounded, and every subtotal is a plain sum of printed lines.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::capacity::CapacityAssumptions;
use super::card::Unit;
use super::choice::Choice;
use super::money::spread_whole;
use super::progress_figures::{ActivityProgress, FigureState, region_progress};
use super::workbook::Workbook;

/// One activity of one gemeente in one calendar year, as printed (spread, see the module).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearLine {
    /// The calendar year.
    pub year: i32,
    /// Agreed for the days of the year elapsed, to a tenth; `None` when nothing was agreed.
    pub agreed: Option<Decimal>,
    /// Delivered in the year's periods, to a tenth; `None` when no figure was entered.
    pub delivered: Option<Decimal>,
    /// Agreed in whole euros; `None` without a price or an agreement.
    pub euros_agreed: Option<Decimal>,
    /// Realised in whole euros; `None` without a price or a delivered figure.
    pub euros_realised: Option<Decimal>,
    /// Where the year's figures stand: the least settled state of its periods (niet aangeleverd
    /// before voorlopig before gecorrigeerd before vastgesteld); `None` before the year began.
    pub state: Option<FigureState>,
}

/// One activity of a gemeente over the term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityAccount {
    /// The activity's number.
    pub activity: u32,
    /// Its title with the gemeente's name filled in.
    pub title: String,
    /// The unit its volumes are in.
    pub unit: Unit,
    /// Euros per unit (exact), or `None` for a free offer.
    pub price: Option<Decimal>,
    /// Per calendar year of the term, in order.
    pub years: Vec<YearLine>,
}

impl ActivityAccount {
    /// The term's line: each column the sum of the year lines (`None` where every year has none).
    pub fn term(&self) -> YearLine {
        YearLine {
            year: 0,
            agreed: sum(self.years.iter().map(|y| y.agreed)),
            delivered: sum(self.years.iter().map(|y| y.delivered)),
            euros_agreed: sum(self.years.iter().map(|y| y.euros_agreed)),
            euros_realised: sum(self.years.iter().map(|y| y.euros_realised)),
            state: least_settled(self.years.iter().filter_map(|y| y.state)),
        }
    }
}

/// Euros agreed and realised: a total line of the reconciliation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EuroTotal {
    /// Whole euros agreed.
    pub agreed: Decimal,
    /// Whole euros realised.
    pub realised: Decimal,
}

impl std::ops::Add for EuroTotal {
    type Output = EuroTotal;
    fn add(self, other: EuroTotal) -> EuroTotal {
        EuroTotal {
            agreed: self.agreed + other.agreed,
            realised: self.realised + other.realised,
        }
    }
}

/// One gemeente's reconciliation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GemeenteAccount {
    /// The gemeente.
    pub gemeente: String,
    /// The calendar years of the term.
    pub years: Vec<i32>,
    /// Its activities agreed or delivered, in card order.
    pub activities: Vec<ActivityAccount>,
}

impl GemeenteAccount {
    /// The euros of one calendar year: the sum of its activities' lines.
    pub fn year_total(&self, year: i32) -> EuroTotal {
        self.activities
            .iter()
            .flat_map(|a| a.years.iter().filter(|y| y.year == year))
            .map(euro_total)
            .fold(EuroTotal::default(), |a, b| a + b)
    }

    /// The euros of the term: the sum of the year totals.
    pub fn term_total(&self) -> EuroTotal {
        self.years
            .iter()
            .map(|y| self.year_total(*y))
            .fold(EuroTotal::default(), |a, b| a + b)
    }
}

/// The region's totals: per year and for the term, each the sum of the gemeenten's.
pub fn region_totals(accounts: &[GemeenteAccount]) -> (Vec<(i32, EuroTotal)>, EuroTotal) {
    let years: BTreeSet<i32> = accounts.iter().flat_map(|a| a.years.clone()).collect();
    let per_year: Vec<(i32, EuroTotal)> = years
        .into_iter()
        .map(|year| {
            let total = accounts
                .iter()
                .map(|a| a.year_total(year))
                .fold(EuroTotal::default(), |a, b| a + b);
            (year, total)
        })
        .collect();
    let term = per_year
        .iter()
        .map(|(_, t)| *t)
        .fold(EuroTotal::default(), |a, b| a + b);
    (per_year, term)
}

/// The reconciliation of every gemeente as it stands on `as_of`, in region order.
pub fn reconcile(
    workbook: &Workbook,
    as_of: NaiveDate,
    assumptions: &CapacityAssumptions,
) -> Vec<GemeenteAccount> {
    let term = &workbook.region.term;
    let years: Vec<i32> =
        (chrono::Datelike::year(&term.start)..=chrono::Datelike::year(&term.end)).collect();
    region_progress(workbook, as_of, assumptions)
        .into_iter()
        .map(|progress| {
            let exact: Vec<Exact> = progress
                .activities
                .iter()
                .map(|a| Exact::of(workbook, &progress.gemeente, a, &years))
                .collect();
            GemeenteAccount {
                gemeente: progress.gemeente.clone(),
                activities: spread(&progress.activities, exact),
                years: years.clone(),
            }
        })
        .collect()
}

/// An activity's unrounded figures per year, before spreading.
struct Exact {
    price: Option<Decimal>,
    years: Vec<YearExact>,
}

impl Exact {
    fn of(
        workbook: &Workbook,
        gemeente: &str,
        activity: &ActivityProgress,
        years: &[i32],
    ) -> Exact {
        let price = workbook
            .region
            .gemeente(gemeente)
            .and_then(|g| unit_price(workbook, g, activity.activity));
        let years = years
            .iter()
            .map(|&year| {
                let periods = activity.periods.iter().filter(|p| p.period.year == year);
                let agreed = sum(periods.clone().map(|p| p.figure.agreed));
                let delivered = sum(periods.clone().map(|p| p.figure.delivered));
                let state = least_settled(periods.filter_map(|p| p.state));
                (year, agreed, delivered, state)
            })
            .collect();
        Exact { price, years }
    }
}

/// Euros per unit of an activity for a gemeente: one step's euros over the volume it buys in a
/// year; `None` for a free offer, an activity the gemeente's colour cannot buy, or a step that buys
/// nothing.
pub fn unit_price(
    workbook: &Workbook,
    gemeente: &super::region::Gemeente,
    activity: u32,
) -> Option<Decimal> {
    let offer = workbook.card.activity(activity)?.offer(gemeente.colour)?;
    if offer.is_free() {
        return None;
    }
    let step = Choice {
        peppers: offer.peppers,
        ..Choice::empty(activity)
    };
    let volume = super::progress_figures::annual_volume(workbook, gemeente, activity, &[step]);
    if volume.is_zero() {
        return None;
    }
    Some(workbook.exact_euros(gemeente, offer.peppers) / volume)
}

/// Spreads one gemeente's figures: volumes over tenths across each activity's years, then the
/// euros of those printed volumes over whole euros across all its cells, so that a reader who
/// multiplies a printed volume by the printed price lands within a euro of the printed amount.
fn spread(activities: &[ActivityProgress], exact: Vec<Exact>) -> Vec<ActivityAccount> {
    let shown: Vec<Exact> = exact
        .into_iter()
        .map(|e| {
            let agreed = spread_tenths(e.years.iter().map(|y| y.1).collect());
            let delivered = spread_tenths(e.years.iter().map(|y| y.2).collect());
            let years = e
                .years
                .iter()
                .zip(agreed.into_iter().zip(delivered))
                .map(|(y, (a, d))| (y.0, a, d, y.3))
                .collect();
            Exact {
                price: e.price,
                years,
            }
        })
        .collect();
    let money = |volume: Option<Decimal>, price: Option<Decimal>| -> Option<Decimal> {
        Some(super::money::round_shown(volume? * price?, 6))
    };
    let agreed_eur = spread_cells(&shown, |e, y| money(y.1, e.price));
    let realised_eur = spread_cells(&shown, |e, y| money(y.2, e.price));
    activities
        .iter()
        .zip(shown)
        .enumerate()
        .map(|(i, (a, e))| ActivityAccount {
            activity: a.activity,
            title: a.title.clone(),
            unit: a.unit.clone(),
            price: e.price,
            years: e
                .years
                .iter()
                .enumerate()
                .map(|(j, y)| YearLine {
                    year: y.0,
                    agreed: y.1,
                    delivered: y.2,
                    euros_agreed: agreed_eur[i][j],
                    euros_realised: realised_eur[i][j],
                    state: y.3,
                })
                .collect(),
        })
        .collect()
}

/// A year of an activity: the year, agreed, delivered and its state.
type YearExact = (i32, Option<Decimal>, Option<Decimal>, Option<FigureState>);

/// Spreads the amounts `pick` gives for every (activity, year) cell over whole euros together.
fn spread_cells(
    exact: &[Exact],
    pick: impl Fn(&Exact, &YearExact) -> Option<Decimal>,
) -> Vec<Vec<Option<Decimal>>> {
    let cells: Vec<Vec<Option<Decimal>>> = exact
        .iter()
        .map(|e| e.years.iter().map(|y| pick(e, y)).collect())
        .collect();
    let flat: Vec<Decimal> = cells.iter().flatten().flatten().copied().collect();
    let mut whole = spread_whole(&flat).into_iter();
    cells
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|cell| cell.and_then(|_| whole.next()))
                .collect()
        })
        .collect()
}

/// Spreads volumes over tenths so that they add up to their total rounded to a tenth.
fn spread_tenths(values: Vec<Option<Decimal>>) -> Vec<Option<Decimal>> {
    let ten = Decimal::TEN;
    let present: Vec<Decimal> = values.iter().flatten().map(|v| *v * ten).collect();
    let mut spread = spread_whole(&present).into_iter();
    values
        .into_iter()
        .map(|v| v.and_then(|_| spread.next().map(|s| (s / ten).normalize())))
        .collect()
}

fn euro_total(line: &YearLine) -> EuroTotal {
    EuroTotal {
        agreed: line.euros_agreed.unwrap_or_default(),
        realised: line.euros_realised.unwrap_or_default(),
    }
}

fn sum(values: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values.fold(None, |total, v| match (total, v) {
        (None, None) => None,
        (t, v) => Some(t.unwrap_or_default() + v.unwrap_or_default()),
    })
}

/// The least settled of some states: niet aangeleverd, then voorlopig, gecorrigeerd, vastgesteld.
fn least_settled(states: impl Iterator<Item = FigureState>) -> Option<FigureState> {
    let rank = |s: &FigureState| match s {
        FigureState::NotDelivered => 0,
        FigureState::Provisional => 1,
        FigureState::Corrected => 2,
        FigureState::Final => 3,
    };
    states.min_by_key(rank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_add_up_to_the_rounded_total() {
        let third = Decimal::ONE / Decimal::from(3);
        let spread = spread_tenths(vec![Some(third), None, Some(third), Some(third)]);
        let total: Decimal = spread.iter().flatten().sum();
        assert_eq!(total, Decimal::ONE);
        assert_eq!(spread[1], None);
        assert!(
            spread
                .iter()
                .flatten()
                .all(|v| (*v - third).abs() < Decimal::new(1, 1))
        );
    }

    #[test]
    fn the_least_settled_state_wins() {
        use FigureState::*;
        assert_eq!(
            least_settled([Final, Provisional, Corrected].into_iter()),
            Some(Provisional)
        );
        assert_eq!(
            least_settled([Final, NotDelivered].into_iter()),
            Some(NotDelivered)
        );
        assert_eq!(least_settled(std::iter::empty()), None);
    }
}
