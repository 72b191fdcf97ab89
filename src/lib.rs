//! Keuzekaart: draft, negotiate and sign off the local choices of the DVO WerkBedrijf Rijk van
//! Nijmegen.
//!
//! - [`core`]: the domain (card, region, choices, rules, money, edits), with no GUI in it;
//! - [`storage`]: workbook files;
//! - [`signing`] and [`verification`]: the annex signed, and checked outside the app;
//! - [`session`]: a live session across the laptops in the room;
//! - [`cli`]: the command line;
//! - [`ui`]: the eframe/egui app.

pub mod annex;
pub mod cli;
pub mod core;
pub mod session;
pub mod signing;
pub mod spreadsheet;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
pub mod verification;
