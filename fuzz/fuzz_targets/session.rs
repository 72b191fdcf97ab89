//! Fuzz target: any bytes as what a peer sends over a session's line. The bytes are cut into
//! frames as the channel does (a length over the limit ends the line), each frame is decoded as
//! a seat's message and as a host's, and every seat message that decodes goes through the host's
//! authority for an admitted seat, so a hostile peer's edits meet the same rules as the app's.
//! A panic anywhere is a bug: a peer may be refused or dropped, never crash the host.

#![no_main]

use keuzekaart::core::{Model, Workbook};
use keuzekaart::session::authority::Authority;
use keuzekaart::session::protocol::{PROTOCOL_VERSION, ToHost, ToSeat, decode, take_frame};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut authority = Authority::new(Model::new(Workbook::bundled()));
    authority
        .admit(PROTOCOL_VERSION, "fuzz", "Wijchen", 0)
        .expect("a seat for Wijchen is admitted");
    let mut buffer = data.to_vec();
    while let Ok(Some(frame)) = take_frame(&mut buffer) {
        if let Ok(message) = decode::<ToHost>(&frame) {
            match message {
                ToHost::Edit { seq, edit } => {
                    let _ = authority.submit("fuzz", seq, edit);
                }
                ToHost::Hello {
                    version,
                    seat,
                    gemeente,
                    answered,
                } => {
                    let _ = authority.admit(version, &seat, &gemeente, answered);
                }
                ToHost::Bye => authority.leave("fuzz"),
            }
        }
        // What a seat would take from a host that lies: a welcome's workbook must load or be
        // refused with a message.
        if let Ok(ToSeat::Welcome { workbook, .. }) = decode::<ToSeat>(&frame) {
            let _ = keuzekaart::storage::parse_workbook(&workbook);
        }
    }
    // Whatever was applied, the host's workbook still saves and loads again.
    let text = keuzekaart::storage::to_ron(authority.model().workbook());
    assert!(keuzekaart::storage::parse_workbook(&text).is_ok());
});
