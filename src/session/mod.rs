//! Samen aan tafel: one live session across the laptops in the room, without a server.
//!
//! One laptop hosts: its model is the truth, and every seat's edit goes through the host's own
//! rules in one order ([`authority`]) before it reaches every laptop. The laptops talk TLS 1.3
//! with the join code proven through a PAKE ([`secure`]), in typed, length-limited messages
//! ([`protocol`]). This module depends on the core and storage and never the other way round; the
//! GUI and the command line drive it from their own threads.

pub mod authority;
pub mod channel;
pub mod discovery;
pub mod host;
pub mod journal;
pub mod protocol;
pub mod seat;
pub mod seat_worker;
pub mod secure;
pub mod undo;
