//! What the laptops of a session say to each other: typed, versioned messages, one per frame.
//!
//! A frame is a 4-byte big-endian length and that many bytes of JSON. A frame longer than
//! [`MAX_FRAME`] is refused from its length alone, before any of it is buffered, and a message
//! that does not decode (unknown fields included) is garbage: the host drops the peer and applies
//! nothing it sent. The edits a seat may send are only the drafting edits of its own gemeente;
//! sign-off, Beheer and realisation stay outside a session (they belong to the college and to
//! WerkBedrijf's administration).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::Edit;

/// The protocol's version: a peer that speaks another is told so and closed, never guessed at.
pub const PROTOCOL_VERSION: u32 = 1;

/// The largest frame either side accepts: room for a workbook with a full card, notes and a long
/// realisation history (the workbook travels once, in [`ToSeat::Welcome`]).
pub const MAX_FRAME: usize = 16 * 1024 * 1024;

/// The longest seat identifier: a seat names itself with a random token so it can rejoin.
pub const MAX_SEAT_ID_CHARS: usize = 64;

/// A drafting edit as a seat sends it. Every field is checked again by the host's own rules
/// (`Model::apply`), and the gemeente must be the seat's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum SeatEdit {
    /// Peppers on (positive) or off (negative) an activity.
    AddPeppers {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity's number.
        activity: u32,
        /// How many peppers.
        peppers: Decimal,
    },
    /// Peppers moved from one activity to another.
    MovePeppers {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity the peppers leave.
        from: u32,
        /// The activity the peppers go to.
        to: u32,
        /// How many peppers.
        peppers: Decimal,
    },
    /// An offer without peppers taken or dropped.
    SetTaken {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity's number.
        activity: u32,
        /// Whether it is taken.
        taken: bool,
    },
    /// The note of a choice.
    SetNote {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity's number.
        activity: u32,
        /// The note.
        note: String,
    },
    /// "Vul aan" in this order of priority.
    Fill {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activities in order of priority.
        priority: Vec<u32>,
    },
}

impl SeatEdit {
    /// The gemeente the edit claims to change (the host compares it with the seat's own).
    pub fn gemeente(&self) -> &str {
        match self {
            SeatEdit::AddPeppers { gemeente, .. }
            | SeatEdit::MovePeppers { gemeente, .. }
            | SeatEdit::SetTaken { gemeente, .. }
            | SeatEdit::SetNote { gemeente, .. }
            | SeatEdit::Fill { gemeente, .. } => gemeente,
        }
    }

    /// The drafting edit an app's edit is, if it is one a seat may send.
    pub fn from_edit(edit: &Edit) -> Option<SeatEdit> {
        Some(match edit.clone() {
            Edit::AddPeppers {
                gemeente,
                activity,
                peppers,
            } => SeatEdit::AddPeppers {
                gemeente,
                activity,
                peppers,
            },
            Edit::MovePeppers {
                gemeente,
                from,
                to,
                peppers,
            } => SeatEdit::MovePeppers {
                gemeente,
                from,
                to,
                peppers,
            },
            Edit::SetTaken {
                gemeente,
                activity,
                taken,
            } => SeatEdit::SetTaken {
                gemeente,
                activity,
                taken,
            },
            Edit::SetNote {
                gemeente,
                activity,
                note,
            } => SeatEdit::SetNote {
                gemeente,
                activity,
                note,
            },
            Edit::Fill { gemeente, priority } => SeatEdit::Fill { gemeente, priority },
            _ => return None,
        })
    }

    /// The edit as the model applies it.
    pub fn to_edit(&self) -> Edit {
        match self.clone() {
            SeatEdit::AddPeppers {
                gemeente,
                activity,
                peppers,
            } => Edit::AddPeppers {
                gemeente,
                activity,
                peppers,
            },
            SeatEdit::MovePeppers {
                gemeente,
                from,
                to,
                peppers,
            } => Edit::MovePeppers {
                gemeente,
                from,
                to,
                peppers,
            },
            SeatEdit::SetTaken {
                gemeente,
                activity,
                taken,
            } => Edit::SetTaken {
                gemeente,
                activity,
                taken,
            },
            SeatEdit::SetNote {
                gemeente,
                activity,
                note,
            } => Edit::SetNote {
                gemeente,
                activity,
                note,
            },
            SeatEdit::Fill { gemeente, priority } => Edit::Fill { gemeente, priority },
        }
    }

    /// What the room's strip says about it ("Wijchen: 1 peper naar activiteit 4").
    pub fn describe(&self) -> String {
        let peppers = |n: &Decimal| {
            let n = crate::core::money::format_number(*n);
            if n == "1" || n == "-1" {
                format!("{} peper", n.trim_start_matches('-'))
            } else {
                format!("{} pepers", n.trim_start_matches('-'))
            }
        };
        let what = match self {
            SeatEdit::AddPeppers {
                activity,
                peppers: n,
                ..
            } if n.is_sign_negative() => format!("{} van activiteit {activity} af", peppers(n)),
            SeatEdit::AddPeppers {
                activity,
                peppers: n,
                ..
            } => format!("{} naar activiteit {activity}", peppers(n)),
            SeatEdit::MovePeppers {
                from,
                to,
                peppers: n,
                ..
            } => format!("{} van activiteit {from} naar {to}", peppers(n)),
            SeatEdit::SetTaken {
                activity,
                taken: true,
                ..
            } => format!("activiteit {activity} gekozen"),
            SeatEdit::SetTaken { activity, .. } => {
                format!("activiteit {activity} niet meer gekozen")
            }
            SeatEdit::SetNote { activity, .. } => format!("notitie bij activiteit {activity}"),
            SeatEdit::Fill { .. } => "vul aan".to_owned(),
        };
        format!("{}: {what}", self.gemeente())
    }
}

/// What a seat sends to the host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ToHost {
    /// The first message after the code was proven: who the seat is and what it speaks for.
    Hello {
        /// The protocol version the seat speaks.
        version: u32,
        /// A random token the seat keeps for the session, so a rejoin is recognised as the same
        /// seat (and its already applied edits are not applied twice).
        seat: String,
        /// The gemeente the seat speaks for.
        gemeente: String,
        /// The highest of its numbers the seat has an answer for (0: none), so a rejoining seat
        /// hears of refusals it missed while away.
        answered: u64,
    },
    /// A drafting edit, numbered by the seat: numbers only go up, and a number the host has
    /// already seen from this seat is answered as a duplicate, never applied twice.
    Edit {
        /// The seat's own number for the edit.
        seq: u64,
        /// The edit.
        edit: SeatEdit,
    },
    /// The seat leaves.
    Bye,
}

/// What the host sends to a seat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ToSeat {
    /// The seat is admitted: the workbook as it stands, in its file form, and where the order of
    /// applied edits stands, so the seat applies every later edit on the same state.
    Welcome {
        /// The protocol version of the host.
        version: u32,
        /// The gemeente the seat speaks for.
        gemeente: String,
        /// The workbook as RON text, exactly as a saved file.
        workbook: String,
        /// How many edits the session applied before this workbook.
        applied: u64,
        /// The highest number of this seat's edits the host has already seen (0: none), so a
        /// rejoining seat sends only what came after.
        last_seq: u64,
        /// Its edits after the seat's `answered` that the host refused, with the reasons; every
        /// other number up to `last_seq` was applied and is in the workbook.
        refused: Vec<(u64, String)>,
    },
    /// The host's official decides whether to admit the seat; a welcome or a refusal follows.
    Waiting {
        /// What the seat's screen says meanwhile.
        reason: String,
    },
    /// The host will not admit the seat, and why (in Dutch, for the seat's screen).
    NotAdmitted {
        /// Why.
        reason: String,
    },
    /// An edit the host applied, in the session's one order, for every seat to apply likewise.
    Applied {
        /// Its place in the session's order (1, 2, …).
        order: u64,
        /// The seat's number for it, when it came from the seat this is sent to.
        own_seq: Option<u64>,
        /// The edit.
        edit: SeatEdit,
    },
    /// The host refused one of this seat's edits, with the reason the app gives alone.
    Refused {
        /// The seat's number for the edit.
        seq: u64,
        /// The Dutch reason.
        reason: String,
    },
    /// The host had already seen this number from this seat; nothing applied.
    Duplicate {
        /// The seat's number.
        seq: u64,
    },
    /// The host ends the session (or this seat's place in it) after `applied` edits.
    Closed {
        /// How many edits the session applied in all.
        applied: u64,
        /// Why, in Dutch.
        reason: String,
    },
}

/// Why a frame or message was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    /// The length prefix says more than [`MAX_FRAME`].
    #[error("Bericht te groot: {0} bytes (hoogstens {MAX_FRAME}).")]
    TooLarge(usize),
    /// The bytes are not a message of this protocol.
    #[error("Onleesbaar bericht: {0}")]
    Garbage(String),
}

/// The frame of one message: its length, then its JSON.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    let body = serde_json::to_vec(message).expect("session messages always serialise");
    let mut frame = Vec::with_capacity(body.len() + 4);
    frame.extend_from_slice(&(body.len() as u32).to_be_bytes());
    frame.extend_from_slice(&body);
    frame
}

/// Takes one whole frame off the front of `buffer`, if one has arrived. A length over the limit
/// is an error at once, whatever follows it.
pub fn take_frame(buffer: &mut Vec<u8>) -> Result<Option<Vec<u8>>, FrameError> {
    let Some(prefix) = buffer.first_chunk::<4>() else {
        return Ok(None);
    };
    let length = u32::from_be_bytes(*prefix) as usize;
    if length > MAX_FRAME {
        return Err(FrameError::TooLarge(length));
    }
    if buffer.len() < 4 + length {
        return Ok(None);
    }
    let body = buffer[4..4 + length].to_vec();
    buffer.drain(..4 + length);
    Ok(Some(body))
}

/// Decodes one message body.
pub fn decode<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, FrameError> {
    serde_json::from_slice(body).map_err(|e| FrameError::Garbage(e.to_string()))
}
