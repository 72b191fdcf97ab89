//! Build script: on Windows targets, compiles the icon and version information
//! (`assets/windows/keuzekaart.rc`) into keuzekaart.exe. Other targets need nothing.

fn main() {
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
