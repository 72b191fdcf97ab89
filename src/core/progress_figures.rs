//! The figures of the Voortgang screen and report: per gemeente, activity and period what was
//! agreed (pro rata for the days elapsed, from the agreed version in force on each day), what was
//! delivered, the percentage, a calm flag, the cumulative line for the chart, and the staff time
//! on location it used beside what was planned.
//!
//! The arithmetic, so it can be checked by hand: a card volume is per year (or per term, as the
//! settings say); a volume per week is first multiplied by the weeks of a year. A period is an equal
//! share of its year (a half-year ½, a quarter ¼), spread evenly over its days. The original choices
//! hold from the start of the term; a tussentijdse wijziging (art. 16.3) from the day it was agreed.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::capacity::CapacityAssumptions;
use super::card::{Activity, Unit};
use super::period::Period;
use super::progress::{ProgressSettings, VolumePer};
use super::region::Gemeente;
use super::signoff::Seal;
use super::workbook::{Choice, Workbook};

/// How an activity stands to date against what was agreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Flag {
    /// At least the "on track" percentage.
    OnTrack,
    /// Below it, at least the "behind" percentage.
    Behind,
    /// Below that.
    FarBehind,
    /// Something was agreed for the days elapsed but no figure was delivered: not a zero, and
    /// not "ver achter" — WerkBedrijf has not reported yet. The most urgent to follow up.
    NotDelivered,
}

impl Flag {
    /// The flag in Dutch, as the dashboard shows it.
    pub fn label(self) -> &'static str {
        match self {
            Flag::OnTrack => "op schema",
            Flag::Behind => "achter",
            Flag::FarBehind => "ver achter",
            Flag::NotDelivered => "niet aangeleverd",
        }
    }
}

/// Where one period's delivered figure stands: what a controller asks before trusting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureState {
    /// The period has begun and something was agreed for it, but no figure was entered.
    NotDelivered,
    /// Entered for a period that is not closed: it may still change.
    Provisional,
    /// Entered for a closed period.
    Final,
    /// Changed after its period was closed (the reasons are kept with the figure).
    Corrected,
}

impl FigureState {
    /// The state in Dutch, as the screen, the report and the Excel export write it.
    pub fn label(self) -> &'static str {
        match self {
            FigureState::NotDelivered => "niet aangeleverd",
            FigureState::Provisional => "voorlopig",
            FigureState::Final => "vastgesteld",
            FigureState::Corrected => "gecorrigeerd",
        }
    }
}

/// Agreed and delivered over some days: one period, or the term to date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figure {
    /// What was agreed for the days elapsed; `None` when nothing was agreed yet.
    pub agreed: Option<Decimal>,
    /// What was delivered; `None` when no figure was entered.
    pub delivered: Option<Decimal>,
}

impl Figure {
    /// Delivered as a percentage of agreed (unrounded); `None` without both (a figure never
    /// delivered is not 0 %), or when nothing was agreed for these days.
    pub fn percent(&self) -> Option<Decimal> {
        let agreed = self.agreed.filter(|a| !a.is_zero())?;
        Some(self.delivered? / agreed * Decimal::ONE_HUNDRED)
    }
}

/// One period's figures of an activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodFigure {
    /// The period.
    pub period: Period,
    /// Its figures, agreed pro rata for the part elapsed.
    pub figure: Figure,
    /// The part of the period elapsed (0 before it starts, 1 once it ended).
    pub elapsed: Decimal,
    /// Where its delivered figure stands; `None` for a period not begun, or one with neither
    /// an agreement nor a figure.
    pub state: Option<FigureState>,
}

/// One activity's progress for a gemeente.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityProgress {
    /// The activity's number.
    pub activity: u32,
    /// Its title with the gemeente's name filled in.
    pub title: String,
    /// The unit delivery is registered in ("dagdelen", "kandidaten").
    pub unit: Unit,
    /// Per period of the term.
    pub periods: Vec<PeriodFigure>,
    /// The term to date.
    pub to_date: Figure,
    /// What was agreed for the whole term (with the versions known now).
    pub term_agreed: Option<Decimal>,
    /// How it stands to date; `None` when nothing was agreed for the days elapsed.
    pub flag: Option<Flag>,
}

/// A gemeente's progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GemeenteProgress {
    /// The gemeente.
    pub gemeente: String,
    /// The agreed versions progress is measured against, in Dutch; empty when none.
    pub measured_against: Vec<String>,
    /// The activities agreed or delivered, in card order.
    pub activities: Vec<ActivityProgress>,
    /// Staff time on location planned now, in fte.
    pub fte_planned: Decimal,
    /// Staff time on location delivered to date, in fte (average over the weeks elapsed).
    pub fte_used: Option<Decimal>,
}

impl GemeenteProgress {
    /// The most serious flag of its activities.
    pub fn worst_flag(&self) -> Option<Flag> {
        self.activities.iter().filter_map(|a| a.flag).max()
    }
}

/// The progress of every gemeente of the region, in region order, as it stands on `as_of`.
pub fn region_progress(
    workbook: &Workbook,
    as_of: NaiveDate,
    assumptions: &CapacityAssumptions,
) -> Vec<GemeenteProgress> {
    workbook
        .region
        .gemeenten
        .iter()
        .map(|g| gemeente_progress(workbook, g, as_of, assumptions))
        .collect()
}

/// One gemeente's progress as it stands on `as_of`.
pub fn gemeente_progress(
    workbook: &Workbook,
    gemeente: &Gemeente,
    as_of: NaiveDate,
    assumptions: &CapacityAssumptions,
) -> GemeenteProgress {
    let (versions, refused) = versions_in_force(workbook, &gemeente.name);
    let settings = &workbook.progress.settings;
    let mut activities = Vec::new();
    let mut planned_rate = Decimal::ZERO;
    let mut used_dagdelen = Decimal::ZERO;
    let mut any_location_figure = false;
    for activity in &workbook.card.activities {
        let Some(offer) = activity.offer(gemeente.colour) else {
            continue;
        };
        let Some(progress) = activity_progress(workbook, gemeente, activity, &versions, as_of)
        else {
            continue;
        };
        let on_location = assumptions.location_activities.contains(&activity.number)
            && settings.rate(&offer.unit).is_some();
        if on_location {
            if let Some(version) = version_on(&versions, as_of) {
                planned_rate += offer_volume(workbook, gemeente, activity.number, &version.choices);
            }
            if let Some(delivered) = progress.to_date.delivered {
                used_dagdelen += delivered;
                any_location_figure = true;
            }
        }
        activities.push(progress);
    }
    let per_fte = assumptions.dagdelen_per_fte;
    let weeks = weeks_elapsed(workbook, as_of);
    let fte = |rate: Decimal| {
        if per_fte.is_zero() {
            Decimal::ZERO
        } else {
            super::money::round_shown(rate / per_fte, 2)
        }
    };
    GemeenteProgress {
        gemeente: gemeente.name.clone(),
        measured_against: versions
            .iter()
            .map(|v| v.label.clone())
            .chain(refused)
            .collect(),
        activities,
        fte_planned: fte(planned_rate),
        fte_used: (any_location_figure && !weeks.is_zero()).then(|| fte(used_dagdelen / weeks)),
    }
}

/// One activity of a gemeente: its figures per period, to date and for the term, and its flag;
/// none for an activity the gemeente neither agreed nor delivered.
fn activity_progress(
    workbook: &Workbook,
    gemeente: &Gemeente,
    activity: &Activity,
    versions: &[InForce],
    as_of: NaiveDate,
) -> Option<ActivityProgress> {
    let settings = &workbook.progress.settings;
    let offer = activity.offer(gemeente.colour)?;
    let annual = |choices: &[Choice]| annual_volume(workbook, gemeente, activity.number, choices);
    let agreed_any = versions.iter().any(|v| !annual(&v.choices).is_zero());
    let delivered_any = workbook
        .progress
        .delivered
        .iter()
        .any(|d| d.gemeente == gemeente.name && d.activity == activity.number);
    if !agreed_any && !delivered_any {
        return None;
    }
    let periods = Period::of_term(&workbook.region.term, settings.periods);
    let figures = PeriodsOf {
        workbook,
        gemeente: &gemeente.name,
        activity: activity.number,
        versions,
        annual: &annual,
    }
    .figures(&periods, as_of);
    let to_date = figures.iter().fold(Figure::default(), |sum, f| Figure {
        agreed: add(sum.agreed, f.figure.agreed),
        delivered: add(sum.delivered, f.figure.delivered),
    });
    let term_end = workbook.region.term.end;
    let term_agreed = periods
        .iter()
        .map(|p| agreed_between(workbook, versions, &annual, *p, term_end))
        .fold(None, add);
    Some(ActivityProgress {
        activity: activity.number,
        title: activity.title_for(&gemeente.name),
        unit: settings.delivered_unit(&offer.unit),
        periods: figures,
        flag: match to_date.delivered {
            None if to_date.agreed.is_some_and(|a| !a.is_zero()) => Some(Flag::NotDelivered),
            _ => to_date.percent().map(|percent| flag_for(settings, percent)),
        },
        to_date,
        term_agreed,
    })
}

/// What the figures of one activity of one gemeente are reckoned from.
struct PeriodsOf<'a> {
    workbook: &'a Workbook,
    gemeente: &'a str,
    activity: u32,
    versions: &'a [InForce],
    annual: &'a dyn Fn(&[Choice]) -> Decimal,
}

impl PeriodsOf<'_> {
    /// Agreed and delivered in each period, as far as it has gone by `as_of`.
    fn figures(&self, periods: &[Period], as_of: NaiveDate) -> Vec<PeriodFigure> {
        periods
            .iter()
            .map(|period| {
                let agreed =
                    agreed_between(self.workbook, self.versions, self.annual, *period, as_of);
                let progress = &self.workbook.progress;
                let entry = progress
                    .delivered(self.gemeente, self.activity, *period)
                    .filter(|_| period.start() <= as_of);
                let agreed_some = agreed.is_some_and(|a| !a.is_zero());
                let state = match entry {
                    _ if period.start() > as_of => None,
                    None if agreed_some => Some(FigureState::NotDelivered),
                    None => None,
                    Some(d) if !d.corrections.is_empty() => Some(FigureState::Corrected),
                    Some(_) if progress.is_closed(*period) => Some(FigureState::Final),
                    Some(_) => Some(FigureState::Provisional),
                };
                PeriodFigure {
                    period: *period,
                    figure: Figure {
                        agreed,
                        delivered: entry.map(|d| d.volume),
                    },
                    elapsed: elapsed_part(self.workbook, *period, as_of),
                    state,
                }
            })
            .collect()
    }
}

/// The day progress is reckoned on: `today`, or the term's last day once the term has ended.
pub fn reckoning_day(workbook: &Workbook, today: NaiveDate) -> NaiveDate {
    today.min(workbook.region.term.end)
}

/// Cumulative delivered and agreed at the end of each period elapsed (and at `as_of` within a
/// period), with the term start as the first point: the chart's two lines. `x` is in months
/// since the term started.
pub fn cumulative(progress: &ActivityProgress) -> Vec<(Decimal, Decimal, Decimal)> {
    let mut points = vec![(Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)];
    let months_per = Decimal::from(
        12 / u32::from(
            progress
                .periods
                .first()
                .map_or(2, |p| p.period.kind.per_year()),
        ),
    );
    let (mut agreed, mut delivered) = (Decimal::ZERO, Decimal::ZERO);
    for (i, p) in progress.periods.iter().enumerate() {
        if p.elapsed.is_zero() {
            break;
        }
        agreed += p.figure.agreed.unwrap_or_default();
        delivered += p.figure.delivered.unwrap_or_default();
        let x = months_per * (Decimal::from(i as u32) + p.elapsed);
        points.push((x, agreed, delivered));
    }
    points
}

/// An agreed version with the day from which it holds.
struct InForce {
    from: NaiveDate,
    choices: Vec<Choice>,
    label: String,
}

/// The gemeente's agreed versions that hold, each from the day it holds: the original from the
/// start of the term, an amendment from the day it was agreed. A version whose sign-off does not
/// hold is not measured against; it is named with the reason instead (the second list).
fn versions_in_force(workbook: &Workbook, gemeente: &str) -> (Vec<InForce>, Vec<String>) {
    let (Some(plan), Some(check)) = (
        workbook.plan(gemeente),
        super::signoff::verify_gemeente(workbook, gemeente),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let start = workbook.region.term.start;
    let mut refused = Vec::new();
    let mut versions: Vec<InForce> = Vec::new();
    for (i, (v, seal)) in plan.sign_off.agreed.iter().zip(&check.versions).enumerate() {
        let from = if i == 0 {
            start
        } else {
            v.agreed_on.max(start)
        };
        let label = format!("{} (vanaf {})", v.describe(), from.format("%d-%m-%Y"));
        match seal {
            Seal::Holds(_) => versions.push(InForce {
                from,
                choices: v.choices.clone(),
                label,
            }),
            Seal::OldRecipe(recipe) => versions.push(InForce {
                from,
                choices: v.choices.clone(),
                label: format!("{label}, {}", super::signoff::old_recipe_note(*recipe)),
            }),
            Seal::Broken(reason) => {
                refused.push(format!("niet tegen {label}: ONGELDIG, {reason}"));
            }
        }
    }
    versions.sort_by_key(|v| v.from);
    (versions, refused)
}

fn version_on(versions: &[InForce], day: NaiveDate) -> Option<&InForce> {
    versions
        .iter()
        .rev()
        .find(|v| v.from <= day)
        .or(versions.first())
}

/// The volume the choices buy of an activity, in the card's unit (a rate stays a rate).
fn offer_volume(
    workbook: &Workbook,
    gemeente: &Gemeente,
    activity: u32,
    choices: &[Choice],
) -> Decimal {
    let Some(choice) = choices.iter().find(|c| c.activity == activity) else {
        return Decimal::ZERO;
    };
    workbook
        .card
        .activity(activity)
        .and_then(|a| a.offer(gemeente.colour))
        .map(|o| o.volume_for(choice.peppers, choice.taken))
        .unwrap_or_default()
}

/// The volume the choices buy of an activity in a year, in the delivered unit.
pub(super) fn annual_volume(
    workbook: &Workbook,
    gemeente: &Gemeente,
    activity: u32,
    choices: &[Choice],
) -> Decimal {
    let settings = &workbook.progress.settings;
    let mut volume = offer_volume(workbook, gemeente, activity, choices);
    let is_rate = workbook
        .card
        .activity(activity)
        .and_then(|a| a.offer(gemeente.colour))
        .is_some_and(|o| settings.rate(&o.unit).is_some());
    if is_rate {
        volume *= settings.weeks_per_year;
    }
    if settings.volume_per == VolumePer::Term {
        volume /= Decimal::from(term_years(workbook).max(1));
    }
    volume
}

fn term_years(workbook: &Workbook) -> i32 {
    let term = &workbook.region.term;
    term.end.year() - term.start.year() + 1
}

/// The days of a period that fall in the term and on or before `until`.
fn days_counted(workbook: &Workbook, period: Period, from: NaiveDate, until: NaiveDate) -> i64 {
    let term = &workbook.region.term;
    let first = period.start().max(term.start).max(from);
    let last = period.end().min(term.end).min(until);
    ((last - first).num_days() + 1).max(0)
}

/// The part of a period elapsed on `as_of` (0 to 1).
fn elapsed_part(workbook: &Workbook, period: Period, as_of: NaiveDate) -> Decimal {
    let counted = days_counted(workbook, period, period.start(), as_of);
    Decimal::from(counted) / Decimal::from(period.days())
}

/// Weeks elapsed in the term on `as_of`, by the settings' weeks per year.
fn weeks_elapsed(workbook: &Workbook, as_of: NaiveDate) -> Decimal {
    let settings = &workbook.progress.settings;
    let share = Decimal::ONE / Decimal::from(settings.periods.per_year());
    Period::of_term(&workbook.region.term, settings.periods)
        .iter()
        .map(|p| share * elapsed_part(workbook, *p, as_of))
        .sum::<Decimal>()
        * settings.weeks_per_year
}

/// What the versions agreed for a period, for its days up to `until`; `None` without any version.
fn agreed_between(
    workbook: &Workbook,
    versions: &[InForce],
    annual: &dyn Fn(&[Choice]) -> Decimal,
    period: Period,
    until: NaiveDate,
) -> Option<Decimal> {
    if versions.is_empty() {
        return None;
    }
    let share = Decimal::ONE / Decimal::from(period.kind.per_year());
    let period_days = Decimal::from(period.days());
    let mut total = Decimal::ZERO;
    for (i, version) in versions.iter().enumerate() {
        let from = if i == 0 { period.start() } else { version.from };
        let to = versions
            .get(i + 1)
            .and_then(|next| next.from.pred_opt())
            .unwrap_or(period.end())
            .min(until);
        let days = days_counted(workbook, period, from, to);
        if days > 0 {
            total += annual(&version.choices) * share * Decimal::from(days) / period_days;
        }
    }
    Some(total)
}

/// The flag a share to date earns under the workbook's thresholds.
fn flag_for(settings: &ProgressSettings, percent: Decimal) -> Flag {
    if percent >= settings.on_track {
        Flag::OnTrack
    } else if percent >= settings.behind {
        Flag::Behind
    } else {
        Flag::FarBehind
    }
}

fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
    }
}
