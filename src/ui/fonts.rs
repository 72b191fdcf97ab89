//! The fonts the window draws with: egui's own defaults (Ubuntu Light for text, Hack for
//! monospace, egui's few icons), carried zlib-compressed in the binary instead of as egui's raw
//! font files, which take 0,35 MB more of the binary's 30 MB budget (BENCHMARKS.md, "Fonts
//! stored compressed"). build.rs compresses the bytes of `epaint_default_fonts`, the crate egui
//! itself would link, pinned to egui's version; the test `fonts_are_eguis_defaults` holds
//! [`definitions`] to what egui's `default_fonts` feature gives, so the window looks exactly as
//! with egui's defaults.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

/// Hack, Ubuntu Light and egui's icons, as build.rs compressed them.
const HACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Hack-Regular.ttf.zlib"));
const UBUNTU_LIGHT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Ubuntu-Light.ttf.zlib"));
const EGUI_ICONS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/egui-icons.ttf.zlib"));

fn inflated(packed: &[u8]) -> FontData {
    FontData::from_owned(crate::annex::inflate_shipped(packed))
}

/// egui's default font definitions (egui 0.37, `default_fonts` without the emoji fonts), built
/// from the compressed copies; inflated once per process (0,32 MB to 0,67 MB, about 3 ms).
pub fn definitions() -> FontDefinitions {
    static DEFINITIONS: OnceLock<FontDefinitions> = OnceLock::new();
    DEFINITIONS
        .get_or_init(|| {
            let mut font_data = BTreeMap::new();
            font_data.insert("Hack".to_owned(), Arc::new(inflated(HACK)));
            font_data.insert("Ubuntu-Light".to_owned(), Arc::new(inflated(UBUNTU_LIGHT)));
            let icons = inflated(EGUI_ICONS).tweak(FontTweak {
                scale: 0.90,
                ..Default::default()
            });
            font_data.insert("egui-icons".to_owned(), Arc::new(icons));
            let family = |fonts: &[&str]| fonts.iter().map(|f| (*f).to_owned()).collect();
            let mut families = BTreeMap::new();
            families.insert(
                FontFamily::Monospace,
                family(&["Hack", "Ubuntu-Light", "egui-icons"]),
            );
            families.insert(
                FontFamily::Proportional,
                family(&["Ubuntu-Light", "egui-icons"]),
            );
            FontDefinitions {
                font_data,
                families,
            }
        })
        .clone()
}
