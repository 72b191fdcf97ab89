//! The host's authority over a session, without any network: who holds which seat, and every
//! seat's edit put through the host's own [`Model::apply`] in one order.
//!
//! Pure and synchronous, so the rules of a session (a seat edits only its own gemeente, an edit
//! is applied once however often it arrives, a refusal carries the app's own reason) are tested
//! without sockets, and the network layer only carries what this decides.

use std::collections::BTreeMap;

use super::journal::Entry;
use super::protocol::{MAX_SEAT_ID_CHARS, PROTOCOL_VERSION, SeatEdit, ToSeat};
use crate::core::Model;

/// The most activities a "Vul aan" may list (a card has at most [`crate::core::limits::MAX_NUMBER`]).
const MAX_PRIORITY: usize = crate::core::limits::MAX_NUMBER as usize;
/// Refusals kept per seat for when it rejoins (a seat that missed more hears of the latest).
const KEPT_REFUSALS: usize = 1_000;

/// What the host remembers of a seat, also while it is away.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SeatRecord {
    gemeente: String,
    last_seq: u64,
    /// The latest refusals, so a seat that was away hears of them when it rejoins.
    refused: BTreeMap<u64, String>,
}

impl SeatRecord {
    fn remember_refusal(&mut self, seq: u64, reason: String) {
        self.refused.insert(seq, reason);
        while self.refused.len() > KEPT_REFUSALS {
            self.refused.pop_first();
        }
    }
}

/// The outcome of one seat's edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Applied as the session's `order`-th edit: send it to every seat.
    Applied {
        /// Its place in the session's order.
        order: u64,
        /// The edit.
        edit: SeatEdit,
    },
    /// Refused, with the reason for the seat that sent it; nothing changed.
    Refused(String),
    /// Already seen from this seat; nothing applied again.
    Duplicate,
}

/// A seat let in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admission {
    /// What to send the seat.
    pub welcome: ToSeat,
    /// Whether the seat is new to this session (the logbook records it).
    pub first: bool,
}

/// The host's model and seats.
#[derive(Debug)]
pub struct Authority {
    model: Model,
    applied: u64,
    seats: BTreeMap<String, SeatRecord>,
    /// Which seat holds each gemeente now (a seat that left gives its gemeente free).
    present: BTreeMap<String, String>,
    /// Seats the host took back: they must be admitted again, by the host's official.
    revoked: std::collections::BTreeSet<String>,
}

impl Authority {
    /// A session over the model as it stands.
    pub fn new(model: Model) -> Self {
        Authority {
            model,
            applied: 0,
            seats: BTreeMap::new(),
            present: BTreeMap::new(),
            revoked: std::collections::BTreeSet::new(),
        }
    }

    /// The session as a killed host left it: the workbook it began with and its logbook's
    /// entries, replayed through the same rules. Refuses a logbook whose edits do not apply
    /// again in its order (it is not this session's).
    pub fn resume(model: Model, entries: &[Entry]) -> Result<Authority, String> {
        let mut authority = Authority::new(model);
        for entry in entries {
            match entry {
                Entry::Start { .. } | Entry::Closed { .. } => {}
                Entry::Joined { seat, gemeente } => {
                    authority.record(seat, gemeente);
                }
                Entry::Applied {
                    order,
                    seat,
                    seq,
                    edit,
                } => {
                    if *order != authority.applied + 1 {
                        return Err(format!("wijziging {order} volgt op {}", authority.applied));
                    }
                    authority
                        .model
                        .apply(edit.to_edit())
                        .map_err(|r| format!("wijziging {order} past niet meer: {r}"))?;
                    authority.applied = *order;
                    authority.record(seat, edit.gemeente()).last_seq = *seq;
                }
                Entry::Refused { seat, seq, reason } => {
                    if let Some(record) = authority.seats.get_mut(seat) {
                        record.last_seq = (*seq).max(record.last_seq);
                        record.remember_refusal(*seq, reason.clone());
                    }
                }
            }
        }
        Ok(authority)
    }

    /// The host's model: the session's truth.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The model, when the session ends.
    pub fn into_model(self) -> Model {
        self.model
    }

    /// How many edits the session applied.
    pub fn applied(&self) -> u64 {
        self.applied
    }

    /// The gemeenten that have a seat now, with the seat holding each.
    pub fn present(&self) -> impl Iterator<Item = (&str, &str)> {
        self.present.iter().map(|(g, s)| (g.as_str(), s.as_str()))
    }

    fn record(&mut self, seat: &str, gemeente: &str) -> &mut SeatRecord {
        self.seats
            .entry(seat.to_owned())
            .or_insert_with(|| SeatRecord {
                gemeente: gemeente.to_owned(),
                last_seq: 0,
                refused: BTreeMap::new(),
            })
    }

    /// Whether `seat` was admitted before and not taken back (a rejoin needs no new yes).
    pub fn knows(&self, seat: &str) -> bool {
        self.seats.contains_key(seat) && !self.revoked.contains(seat)
    }

    /// Takes a seat back: it leaves, and may come back only when admitted again.
    pub fn revoke(&mut self, seat: &str) {
        self.leave(seat);
        self.revoked.insert(seat.to_owned());
    }

    /// Whether `seat` could be admitted for `gemeente` now, or why not.
    pub fn check_admission(&self, version: u32, seat: &str, gemeente: &str) -> Result<(), String> {
        if version != PROTOCOL_VERSION {
            return Err(format!(
                "Deze versie van Keuzekaart spreekt sessieprotocol {version}, de gastheer {PROTOCOL_VERSION}; gebruik dezelfde versie van de app."
            ));
        }
        if seat.is_empty() || seat.chars().count() > MAX_SEAT_ID_CHARS {
            return Err("Ongeldige aanmelding.".to_owned());
        }
        let region = &self.model.workbook().region;
        if region.gemeente(gemeente).is_none() {
            let names: Vec<&str> = region.gemeenten.iter().map(|g| g.name.as_str()).collect();
            return Err(format!(
                "Onbekende gemeente: {}. Kies uit: {}.",
                gemeente.chars().take(60).collect::<String>(),
                names.join(", ")
            ));
        }
        if let Some(record) = self.seats.get(seat)
            && record.gemeente != gemeente
        {
            return Err(format!(
                "Deze laptop sprak in deze sessie al voor {}.",
                record.gemeente
            ));
        }
        if let Some(holder) = self.present.get(gemeente)
            && holder != seat
        {
            return Err(format!("{gemeente} heeft al een plaats in deze sessie."));
        }
        Ok(())
    }

    /// Admits `seat` for `gemeente`, or says why not. The welcome carries the workbook as it
    /// stands, so the seat starts from the host's state, and the refusals after `answered` the
    /// seat may have missed.
    pub fn admit(
        &mut self,
        version: u32,
        seat: &str,
        gemeente: &str,
        answered: u64,
    ) -> Result<Admission, String> {
        self.check_admission(version, seat, gemeente)?;
        let first = !self.seats.contains_key(seat);
        self.revoked.remove(seat);
        let record = self.record(seat, gemeente);
        let last_seq = record.last_seq;
        let refused = record
            .refused
            .range(answered.saturating_add(1)..)
            .map(|(seq, reason)| (*seq, reason.clone()))
            .collect();
        self.present.insert(gemeente.to_owned(), seat.to_owned());
        Ok(Admission {
            welcome: ToSeat::Welcome {
                version: PROTOCOL_VERSION,
                gemeente: gemeente.to_owned(),
                workbook: crate::storage::to_ron(self.model.workbook()),
                applied: self.applied,
                last_seq,
                refused,
            },
            first,
        })
    }

    /// The seat left (or was taken back): its gemeente is free, its numbers are remembered.
    pub fn leave(&mut self, seat: &str) {
        self.present.retain(|_, holder| holder != seat);
    }

    /// The gemeente a present seat speaks for.
    pub fn gemeente_of(&self, seat: &str) -> Option<&str> {
        let record = self.seats.get(seat)?;
        (self.present.get(&record.gemeente).map(String::as_str) == Some(seat))
            .then_some(record.gemeente.as_str())
    }

    /// Puts a seat's edit through the host's rules. Only a present seat's edits of its own
    /// gemeente are applied; a number at or below the last one seen is a duplicate.
    pub fn submit(&mut self, seat: &str, seq: u64, edit: SeatEdit) -> Outcome {
        let Some(gemeente) = self.gemeente_of(seat).map(str::to_owned) else {
            return Outcome::Refused("Je hebt geen plaats in deze sessie.".to_owned());
        };
        let record = self
            .seats
            .get_mut(seat)
            .expect("a present seat has a record");
        if seq <= record.last_seq {
            return Outcome::Duplicate;
        }
        // The number is used whatever the outcome: a refused edit sent again is a duplicate,
        // so a seat replaying its queue never gets one refusal twice.
        record.last_seq = seq;
        let outcome = self.judge(&gemeente, edit);
        if let Outcome::Refused(reason) = &outcome {
            let record = self
                .seats
                .get_mut(seat)
                .expect("a present seat has a record");
            record.remember_refusal(seq, reason.clone());
        }
        outcome
    }

    fn judge(&mut self, gemeente: &str, edit: SeatEdit) -> Outcome {
        if edit.gemeente() != gemeente {
            return Outcome::Refused(format!(
                "Je spreekt in deze sessie voor {gemeente}; de keuzes van een andere gemeente verander je niet."
            ));
        }
        if let SeatEdit::Fill { priority, .. } = &edit
            && priority.len() > MAX_PRIORITY
        {
            return Outcome::Refused("Te veel activiteiten voor Vul aan.".to_owned());
        }
        match self.model.apply(edit.to_edit()) {
            Ok(()) => {
                self.applied += 1;
                Outcome::Applied {
                    order: self.applied,
                    edit,
                }
            }
            Err(refusal) => Outcome::Refused(refusal.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::core::Workbook;

    fn add(gemeente: &str, activity: u32, peppers: i64) -> SeatEdit {
        SeatEdit::AddPeppers {
            gemeente: gemeente.to_owned(),
            activity,
            peppers: Decimal::from(peppers),
        }
    }

    fn session() -> Authority {
        let mut authority = Authority::new(Model::new(Workbook::bundled()));
        authority
            .admit(PROTOCOL_VERSION, "a", "Wijchen", 0)
            .unwrap();
        authority.admit(PROTOCOL_VERSION, "b", "Heumen", 0).unwrap();
        authority
    }

    fn welcome(admitted: Result<Admission, String>) -> (u64, Vec<(u64, String)>) {
        match admitted {
            Ok(Admission {
                welcome:
                    ToSeat::Welcome {
                        last_seq, refused, ..
                    },
                ..
            }) => (last_seq, refused),
            other => panic!("not welcomed: {other:?}"),
        }
    }

    #[test]
    fn a_seat_changes_only_its_own_gemeente() {
        let mut authority = session();
        let before = authority.model().workbook().clone();
        let outcome = authority.submit("a", 1, add("Heumen", 4, 1));
        assert!(matches!(outcome, Outcome::Refused(ref r) if r.contains("voor Wijchen")));
        assert_eq!(authority.model().workbook(), &before);
        assert_eq!(authority.applied(), 0);
    }

    #[test]
    fn an_edit_is_applied_once_however_often_it_arrives() {
        let mut authority = session();
        let first = authority.submit("a", 1, add("Wijchen", 4, 1));
        assert!(matches!(first, Outcome::Applied { order: 1, .. }));
        assert_eq!(
            authority.submit("a", 1, add("Wijchen", 4, 1)),
            Outcome::Duplicate
        );
        let plan = authority.model().workbook().plan("Wijchen").unwrap();
        assert_eq!(plan.peppers_on(4), Decimal::ONE);
    }

    #[test]
    fn a_refusal_carries_the_apps_own_reason() {
        let mut authority = session();
        let alone = Model::new(Workbook::bundled())
            .apply(add("Wijchen", 4, 999).to_edit())
            .unwrap_err()
            .to_string();
        assert_eq!(
            authority.submit("a", 1, add("Wijchen", 4, 999)),
            Outcome::Refused(alone)
        );
    }

    #[test]
    fn a_gemeente_has_one_seat_and_a_seat_one_gemeente() {
        let mut authority = session();
        let taken = authority.admit(PROTOCOL_VERSION, "c", "Wijchen", 0);
        assert!(taken.unwrap_err().contains("al een plaats"));
        let other = authority.admit(PROTOCOL_VERSION, "a", "Beuningen", 0);
        assert!(other.unwrap_err().contains("al voor Wijchen"));
        assert!(
            authority
                .admit(PROTOCOL_VERSION, "c", "Nergens", 0)
                .is_err()
        );
        assert!(authority.admit(2, "c", "Druten", 0).is_err());
    }

    #[test]
    fn a_seat_that_comes_back_keeps_its_numbers_and_hears_what_it_missed() {
        let mut authority = session();
        authority.submit("a", 7, add("Wijchen", 4, 1));
        authority.leave("a");
        let away = authority.submit("a", 8, add("Wijchen", 4, 1));
        assert!(matches!(away, Outcome::Refused(_)), "{away:?}");
        authority.submit("b", 1, add("Heumen", 4, 999));
        authority.leave("b");
        let (last_seq, _) = welcome(authority.admit(PROTOCOL_VERSION, "a", "Wijchen", 7));
        assert_eq!(last_seq, 7, "the edit sent while away was not taken");
        let (last_seq, refused) = welcome(authority.admit(PROTOCOL_VERSION, "b", "Heumen", 0));
        assert_eq!(last_seq, 1);
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!(refused[0].0, 1);
    }

    #[test]
    fn a_resumed_session_knows_every_seats_numbers_and_state() {
        let mut authority = session();
        let mut entries = vec![
            Entry::Joined {
                seat: "a".into(),
                gemeente: "Wijchen".into(),
            },
            Entry::Joined {
                seat: "b".into(),
                gemeente: "Heumen".into(),
            },
        ];
        for (seat, seq, edit) in [
            ("a", 1, add("Wijchen", 4, 1)),
            ("b", 1, add("Heumen", 4, 999)),
            ("b", 2, add("Heumen", 5, 1)),
        ] {
            match authority.submit(seat, seq, edit.clone()) {
                Outcome::Applied { order, edit } => entries.push(Entry::Applied {
                    order,
                    seat: seat.into(),
                    seq,
                    edit,
                }),
                Outcome::Refused(reason) => entries.push(Entry::Refused {
                    seat: seat.into(),
                    seq,
                    reason,
                }),
                Outcome::Duplicate => unreachable!(),
            }
        }
        let mut resumed = Authority::resume(Model::new(Workbook::bundled()), &entries).unwrap();
        assert_eq!(resumed.model().workbook(), authority.model().workbook());
        assert_eq!(resumed.applied(), 2);
        let (last_seq, refused) = welcome(resumed.admit(PROTOCOL_VERSION, "b", "Heumen", 0));
        assert_eq!((last_seq, refused.len()), (2, 1));
        assert_eq!(
            resumed.submit("a", 1, add("Wijchen", 4, 1)),
            Outcome::Refused("Je hebt geen plaats in deze sessie.".into()),
            "not present until it rejoins"
        );
        welcome(resumed.admit(PROTOCOL_VERSION, "a", "Wijchen", 0));
        assert_eq!(
            resumed.submit("a", 1, add("Wijchen", 4, 1)),
            Outcome::Duplicate
        );
        // A logbook that is not this session's is refused, not guessed at.
        let wrong = [Entry::Applied {
            order: 5,
            seat: "a".into(),
            seq: 1,
            edit: add("Wijchen", 4, 1),
        }];
        assert!(Authority::resume(Model::new(Workbook::bundled()), &wrong).is_err());
    }
}
