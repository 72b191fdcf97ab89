//! Build script: compresses the fonts the binary carries (the PDFs' from `assets/fonts/`, the
//! window's from egui's own font crate), and on Windows targets compiles the icon and version
//! information (`assets/windows/keuzekaart.rc`) into keuzekaart.exe.

/// The fonts the annex world inflates once per process (`src/annex/world.rs`). Stored deflated
/// they take 1,13 MB of the binary instead of 1,56 MB; the binary has a budget of 30 MB
/// (BENCHMARKS.md, "Fonts stored compressed").
const FONTS: [&str; 5] = [
    "LibertinusSerif-Regular.otf",
    "LibertinusSerif-Bold.otf",
    "LibertinusSerif-Italic.otf",
    "LibertinusSerif-BoldItalic.otf",
    "DejaVuSansMono.ttf",
];

/// Writes `bytes` zlib-compressed (level 10, the best miniz has) to `OUT_DIR` as `NAME.zlib`.
/// The output depends only on the bytes, so builds stay reproducible.
fn write_packed(name: &str, bytes: &[u8]) {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(bytes, 10);
    std::fs::write(out.join(format!("{name}.zlib")), packed).expect("OUT_DIR is writable");
}

/// The PDFs' fonts ([`FONTS`]), for src/annex/world.rs.
fn compress_fonts() {
    for name in FONTS {
        let source = format!("assets/fonts/{name}");
        println!("cargo:rerun-if-changed={source}");
        let bytes = std::fs::read(&source).expect("the fonts are part of the source tree");
        write_packed(name, &bytes);
    }
}

/// egui's default fonts (without the emoji fonts, which the app does not enable), from the crate
/// egui would link them from, for src/ui/fonts.rs.
fn compress_window_fonts() {
    for (name, bytes) in [
        ("Hack-Regular.ttf", epaint_default_fonts::HACK_REGULAR),
        ("Ubuntu-Light.ttf", epaint_default_fonts::UBUNTU_LIGHT),
        ("egui-icons.ttf", epaint_default_fonts::EGUI_ICONS),
    ] {
        write_packed(name, bytes);
    }
}

fn main() {
    compress_fonts();
    compress_window_fonts();
    println!("cargo:rerun-if-changed=assets/windows/keuzekaart.rc");
    println!("cargo:rerun-if-changed=assets/icon/keuzekaart.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version =
        |part: &str| std::env::var(format!("CARGO_PKG_VERSION_{part}")).unwrap_or_default();
    let macros = [
        format!("KK_MAJOR={}", version("MAJOR")),
        format!("KK_MINOR={}", version("MINOR")),
        format!("KK_PATCH={}", version("PATCH")),
        format!(
            "KK_VERSION=\\\"{}\\\"",
            std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
        ),
    ];
    embed_resource::compile("assets/windows/keuzekaart.rc", &macros)
        .manifest_required()
        .expect("the Windows resources (icon, version) compile");
}
