//! The integration tests, as one test binary: the library (with eframe and Typst) is linked once
//! instead of once per file, which made the suite several times slower to build.
//!
//! Each module is one area, named as before: `core_*` the domain, `storage` files, `cli` the
//! command line, `annex` the printed annex, `signoff` signing off, `trust` what is signed is
//! printed and no input breaks it, `ui_*` the real app driven headless through egui_kittest.

mod common;

mod annex;
mod annex_text;
mod cli;
mod closed_record;
mod core_bundled;
mod core_capacity;
mod core_options;
mod core_progress;
mod core_properties;
mod core_rules;
mod core_setup;
mod council;
mod history;
mod home;
mod pades;
mod page_identity;
mod pdf_ua;
mod reconciliation;
mod session;
mod session_discovery;
mod session_netns;
mod session_undo;
mod signoff;
mod spreadsheet;
mod storage;
mod trust;
mod ui_access;
mod ui_admin;
mod ui_charts;
mod ui_drafting;
mod ui_files;
mod ui_menus;
mod ui_options;
mod ui_presentation;
mod ui_progress;
mod ui_session;
mod ui_signoff;
mod ui_snapshots;
mod what_if;
