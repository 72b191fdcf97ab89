//! The annex signed with a personal certificate (`annex --sign`), checked by two readers the
//! project did not write, poppler's `pdfsig` and pyHanko, against a certificate authority the
//! test makes itself with OpenSSL; one changed byte fails both, and a certificate file that
//! cannot be opened makes no annex at all.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::missing_tool;

/// A test authority and a signer it certified, exported as PKCS#12 the way OpenSSL 3 does by
/// default (AES, HMAC-SHA-256) and, with `legacy`, the old way (3DES, SHA-1).
struct Pki {
    ca: PathBuf,
    p12: PathBuf,
    legacy_p12: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn have(tool: &str, package: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        missing_tool(tool, package);
    }
    found
}

/// pyHanko comes from PyPI (scripts/test.sh installs the pinned version), run as a module so
/// that it is found whatever the pip's scripts folder.
fn have_pyhanko() -> bool {
    let found = Command::new("python3")
        .args(["-m", "pyhanko", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        missing_tool("pyhanko", "python3-pip, then pip install pyhanko-cli");
    }
    found
}

fn make_pki(dir: &Path) -> Pki {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "30",
            "-subj",
            "/CN=Test CA Keuzekaart/O=Tests",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "signer.key",
            "-out",
            "signer.csr",
            "-subj",
            "/CN=Jan de Wethouder/O=Gemeente Wijchen",
        ],
    );
    std::fs::write(
        dir.join("ext.cnf"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "signer.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "signer.pem",
            "-days",
            "30",
            "-extfile",
            "ext.cnf",
        ],
    );
    let export = [
        "pkcs12",
        "-export",
        "-inkey",
        "signer.key",
        "-in",
        "signer.pem",
    ];
    let mut current = export.to_vec();
    current.extend([
        "-certfile",
        "ca.pem",
        "-out",
        "signer.p12",
        "-passout",
        "pass:geheim",
    ]);
    openssl(dir, &current);
    let mut legacy = export.to_vec();
    legacy.extend([
        "-out",
        "legacy.p12",
        "-passout",
        "pass:geheim",
        "-certpbe",
        "PBE-SHA1-3DES",
        "-keypbe",
        "PBE-SHA1-3DES",
        "-macalg",
        "sha1",
    ]);
    openssl(dir, &legacy);
    Pki {
        ca: dir.join("ca.pem"),
        p12: dir.join("signer.p12"),
        legacy_p12: dir.join("legacy.p12"),
    }
}

fn workbook(dir: &Path) -> PathBuf {
    let path = dir.join("werkmap.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/voorbeeld-2021-2022.ron"),
        &path,
    )
    .unwrap();
    path
}

/// `keuzekaart annex … --sign CERT`, the password in the environment or, when `password_env` is
/// `None`, typed on standard input.
fn sign(dir: &Path, cert: &Path, password_env: Option<&str>, stdin: &str, out: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_keuzekaart"));
    command
        .args(["annex", "werkmap.ron", "--force", "--out", out, "--sign"])
        .arg(cert)
        .current_dir(dir)
        .env_remove("KEUZEKAART_WACHTWOORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(password) = password_env {
        command.env("KEUZEKAART_WACHTWOORD", password);
    }
    let mut child = command.spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn pdfsig(pdf: &Path) -> String {
    let out = Command::new("pdfsig").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pyhanko(pdf: &Path, ca: &Path) -> (bool, String) {
    let out = Command::new("pyhanko")
        .args([
            "sign",
            "validate",
            "--pretty-print",
            "--trust-replace",
            "--trust",
        ])
        .arg(ca)
        .arg(pdf)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_signed_annex_validates_in_pdfsig_and_pyhanko_and_one_changed_byte_fails_both() {
    if !(have("openssl", "openssl")
        && have("pdfsig", "poppler-utils")
        && have("qpdf", "qpdf")
        && have_pyhanko())
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pki = make_pki(dir.path());
    workbook(dir.path());
    let out = sign(dir.path(), &pki.p12, Some("geheim"), "", "bijlage.pdf");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("ondertekend door Jan de Wethouder"),
        "{stdout}"
    );
    let pdf = dir.path().join("bijlage.pdf");

    let poppler = pdfsig(&pdf);
    assert!(
        poppler.contains("Signer Certificate Common Name: Jan de Wethouder"),
        "{poppler}"
    );
    assert!(
        poppler.contains("Signature Type: ETSI.CAdES.detached"),
        "{poppler}"
    );
    assert!(poppler.contains("Total document signed"), "{poppler}");
    assert!(
        poppler.contains("Signature Validation: Signature is Valid."),
        "{poppler}"
    );
    let (valid, report) = pyhanko(&pdf, &pki.ca);
    assert!(valid, "{report}");
    assert!(
        report.contains("The signature is judged VALID."),
        "{report}"
    );
    assert!(
        report.contains("The signer's certificate is trusted."),
        "{report}"
    );
    assert!(
        report.contains("The signature covers the entire file."),
        "{report}"
    );

    // The signature is an update after the annex: the printed pages and their PDF/A stand.
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let meta = String::from_utf8_lossy(&bytes);
    assert!(meta.contains("pdfaid:part"), "the PDF still declares PDF/A");

    // One letter of the region's name in the document's metadata, changed.
    let mut forged = bytes.clone();
    let at = forged
        .windows(b"Nijmegen".len())
        .position(|w| w == b"Nijmegen")
        .unwrap();
    forged[at] = b'M';
    let forged_pdf = dir.path().join("vervalst.pdf");
    std::fs::write(&forged_pdf, &forged).unwrap();
    let poppler = pdfsig(&forged_pdf);
    assert!(poppler.contains("Digest Mismatch"), "{poppler}");
    let (valid, report) = pyhanko(&forged_pdf, &pki.ca);
    assert!(!valid, "{report}");
}

#[test]
fn a_certificate_that_cannot_be_opened_makes_no_annex_and_says_why() {
    if !have("openssl", "openssl") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pki = make_pki(dir.path());
    let ron = workbook(dir.path());
    let refused = |out: &Output, says: &str, name: &str| {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!dir.path().join(name).exists(), "nothing is written");
    };
    let out = sign(dir.path(), &pki.p12, Some("fout"), "", "a.pdf");
    refused(
        &out,
        "Het wachtwoord van het certificaatbestand klopt niet",
        "a.pdf",
    );
    let out = sign(dir.path(), &ron, Some("geheim"), "", "b.pdf");
    refused(&out, "is geen leesbaar certificaatbestand", "b.pdf");
    let half = dir.path().join("half.p12");
    let bytes = std::fs::read(&pki.p12).unwrap();
    std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();
    let out = sign(dir.path(), &half, Some("geheim"), "", "c.pdf");
    refused(&out, "is geen leesbaar certificaatbestand", "c.pdf");
    let out = sign(dir.path(), &pki.legacy_p12, Some("geheim"), "", "d.pdf");
    refused(&out, "op de oude manier beveiligd", "d.pdf");
    let out = sign(
        dir.path(),
        &dir.path().join("weg.p12"),
        Some("geheim"),
        "",
        "e.pdf",
    );
    refused(&out, "weg.p12", "e.pdf");

    // Without the environment variable, the password is the first line typed on stdin.
    let out = sign(dir.path(), &pki.p12, None, "geheim\n", "f.pdf");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("f.pdf").exists());
}

#[test]
fn the_file_menu_signs_an_annex_after_a_wrong_password_left_it_untouched() {
    use egui_kittest::kittest::Queryable;
    use keuzekaart::ui::file_picker::ScriptedPicker;
    use keuzekaart::ui::sign_dialog::{CERTIFICATE_FIELD, PASSWORD_FIELD};
    if !(have("openssl", "openssl") && have("pdfsig", "poppler-utils")) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pki = make_pki(dir.path());
    workbook(dir.path());
    annex(dir.path(), "bijlage.pdf");
    let pdf = dir.path().join("bijlage.pdf");
    let unsigned = std::fs::read(&pdf).unwrap();

    let picker = ScriptedPicker::new();
    let mut h = crate::common::app::app_at_home(
        dir.path(),
        "Wijchen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
    );
    picker.answer_path(&pdf);
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Bijlage ondertekenen…").click();
    for _ in 0..3 {
        h.run();
    }
    let type_into = |h: &mut egui_kittest::Harness<'static, _>, label: &str, text: &str| {
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    };
    type_into(&mut h, CERTIFICATE_FIELD, &pki.p12.display().to_string());
    type_into(&mut h, PASSWORD_FIELD, "fout");
    h.get_by_label("Ondertekenen").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label_contains("Het wachtwoord van het certificaatbestand klopt niet")
            .is_some(),
        "the dialog says why"
    );
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        unsigned,
        "the PDF is untouched"
    );

    type_into(&mut h, PASSWORD_FIELD, "geheim");
    h.get_by_label("Ondertekenen").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label(PASSWORD_FIELD).is_none(),
        "the dialog closed"
    );
    let signed = std::fs::read(&pdf).unwrap();
    assert!(
        signed.starts_with(&unsigned),
        "the annex's own bytes stay first"
    );
    let poppler = pdfsig(&pdf);
    assert!(
        poppler.contains("Signer Certificate Common Name: Jan de Wethouder"),
        "{poppler}"
    );
    assert!(
        poppler.contains("Signature Validation: Signature is Valid."),
        "{poppler}"
    );

    // The same menu checks it: who signed, and that nothing changed since.
    let check_through_menu = |h: &mut egui_kittest::Harness<'static, _>| {
        picker.answer_path(&pdf);
        h.get_by_label("Bestand").click();
        h.run();
        h.get_by_label("Bijlage controleren…").click();
        for _ in 0..3 {
            h.run();
        }
    };
    check_through_menu(&mut h);
    assert!(
        h.query_by_label("De bijlage klopt").is_some(),
        "the verdict"
    );
    assert!(
        h.query_by_label_contains("Handtekening 1 van Jan de Wethouder")
            .is_some(),
        "the signer"
    );
    h.get_by_label("Sluiten").click();
    h.run();

    // And says so when it does not hold: the PDF changed after signing.
    let mut forged = signed.clone();
    forged.extend_from_slice(b"\n% later\n");
    std::fs::write(&pdf, &forged).unwrap();
    check_through_menu(&mut h);
    assert!(
        h.query_by_label("De bijlage klopt NIET").is_some(),
        "the verdict"
    );
}

/// `keuzekaart verify ARGS…` in `dir`: its exit code and what it printed.
fn verify(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .arg("verify")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn annex(dir: &Path, out: &str) {
    let made = Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .args(["annex", "werkmap.ron", "--force", "--out", out])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
}

#[test]
fn an_annex_carries_its_workbook_and_verify_checks_one_against_the_other() {
    if !have("pdfdetach", "poppler-utils") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let source = workbook(dir.path());
    // Saved by the app, so that the file's own SHA-256 is the controlegetal.
    let saved = keuzekaart::storage::read_workbook(&source).unwrap();
    keuzekaart::storage::save_workbook(&source, &saved).unwrap();
    annex(dir.path(), "bijlage.pdf");

    // A reader the project did not write finds the workbook in the PDF, byte for byte.
    let detach = Command::new("pdfdetach")
        .args(["-save", "1", "-o", "uit.ron", "bijlage.pdf"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(detach.status.success(), "{detach:?}");
    assert_eq!(
        std::fs::read(dir.path().join("uit.ron")).unwrap(),
        std::fs::read(&source).unwrap()
    );
    let listed = Command::new("pdfdetach")
        .args(["-list", "bijlage.pdf"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("werkmap.ron"));

    let fingerprint = keuzekaart::storage::content_fingerprint(&saved);
    let (code, said) = verify(dir.path(), &["bijlage.pdf", "--werkmap", "werkmap.ron"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains(&format!("controlegetal {fingerprint}")),
        "{said}"
    );
    assert!(
        said.contains("gelijk aan het controlegetal in de gegevens van de PDF"),
        "{said}"
    );
    assert!(said.contains("Niet digitaal ondertekend"), "{said}");
    assert!(said.contains("De bijlage hoort bij werkmap.ron"), "{said}");

    // Against another workbook (one pepper moved): not its annex.
    let mut other = saved.clone();
    other.region.citation_title.push_str(" (gewijzigd)");
    keuzekaart::storage::save_workbook(&dir.path().join("ander.ron"), &other).unwrap();
    let (code, said) = verify(dir.path(), &["bijlage.pdf", "--werkmap", "ander.ron"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("De bijlage hoort NIET bij ander.ron"),
        "{said}"
    );

    // The attached workbook swapped for another one, the pages and metadata left as they were.
    let mut data = keuzekaart::annex::annex_data(&saved, &Default::default());
    data.source = keuzekaart::storage::to_ron(&other);
    let swapped = keuzekaart::annex::render(&data, keuzekaart::annex::TEMPLATE).unwrap();
    std::fs::write(dir.path().join("verwisseld.pdf"), swapped).unwrap();
    let (code, said) = verify(dir.path(), &["verwisseld.pdf"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("ANDERS dan het controlegetal"), "{said}");

    // A PDF that is no annex, and a file that is no PDF.
    std::fs::write(dir.path().join("kapot.pdf"), b"%PDF-1.7\nniets\n").unwrap();
    let (code, said) = verify(dir.path(), &["kapot.pdf"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("geen leesbare PDF"), "{said}");
}

#[test]
fn verify_checks_the_signature_of_a_signed_annex_and_names_the_signer() {
    if !(have("openssl", "openssl") && have_pyhanko()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pki = make_pki(dir.path());
    workbook(dir.path());
    let out = sign(dir.path(), &pki.p12, Some("geheim"), "", "bijlage.pdf");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (code, said) = verify(dir.path(), &["bijlage.pdf"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("Handtekening 1 van Jan de Wethouder"),
        "{said}"
    );
    assert!(said.contains(": geldig"), "{said}");
    assert!(said.contains("CN=Jan de Wethouder"), "{said}");
    assert!(
        said.contains("uitgegeven door: O=Tests,CN=Test CA Keuzekaart"),
        "{said}"
    );

    // One byte of the pages' metadata changed after signing.
    let mut forged = std::fs::read(dir.path().join("bijlage.pdf")).unwrap();
    let at = forged
        .windows(b"Nijmegen".len())
        .position(|w| w == b"Nijmegen")
        .unwrap();
    forged[at] = b'M';
    std::fs::write(dir.path().join("vervalst.pdf"), &forged).unwrap();
    let (code, said) = verify(dir.path(), &["vervalst.pdf"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("ONGELDIG: het bestand is na het ondertekenen gewijzigd"),
        "{said}"
    );

    // A second signature made by pyHanko, a signer the project did not write, reads and holds;
    // something appended after it is reported.
    let added = Command::new("pyhanko")
        .args([
            "sign",
            "addsig",
            "--field",
            "Tweede",
            "pemder",
            "--key",
            "signer.key",
            "--cert",
            "signer.pem",
            "--no-pass",
            "bijlage.pdf",
            "twee.pdf",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");
    let (code, said) = verify(dir.path(), &["twee.pdf"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("Handtekening 2 van"), "{said}");
    assert!(!said.contains("ONGELDIG"), "{said}");
    let mut appended = std::fs::read(dir.path().join("twee.pdf")).unwrap();
    appended.extend_from_slice(b"\n% later toegevoegd\n");
    std::fs::write(dir.path().join("later.pdf"), &appended).unwrap();
    let (code, said) = verify(dir.path(), &["later.pdf"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("NA DEZE HANDTEKENING GEWIJZIGD"), "{said}");
}

/// The SoftHSM2 PKCS#11 library, where Debian puts it.
fn softhsm_module() -> Option<PathBuf> {
    [
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn run_in(dir: &Path, program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("SOFTHSM2_CONF", dir.join("softhsm2.conf"))
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_key_on_a_token_signs_over_pkcs11_and_a_wrong_pin_makes_nothing() {
    if !(have("openssl", "openssl")
        && have("softhsm2-util", "softhsm2")
        && have("pkcs11-tool", "opensc")
        && have("pdfsig", "poppler-utils")
        && have_pyhanko())
    {
        return;
    }
    let Some(module) = softhsm_module() else {
        return missing_tool("libsofthsm2.so", "softhsm2");
    };
    let dir = tempfile::tempdir().unwrap();
    let pki = make_pki(dir.path());
    workbook(dir.path());
    // A token of our own, with the signer's key and certificate on it, as a card would hold them.
    std::fs::create_dir(dir.path().join("tokens")).unwrap();
    std::fs::write(
        dir.path().join("softhsm2.conf"),
        format!(
            "directories.tokendir = {}\n",
            dir.path().join("tokens").display()
        ),
    )
    .unwrap();
    let module_arg = module.display().to_string();
    for (program, args) in [
        (
            "softhsm2-util",
            vec![
                "--init-token",
                "--free",
                "--label",
                "kaart",
                "--pin",
                "1234",
                "--so-pin",
                "0000",
            ],
        ),
        (
            "openssl",
            vec![
                "pkcs8",
                "-topk8",
                "-nocrypt",
                "-in",
                "signer.key",
                "-out",
                "signer.p8",
            ],
        ),
        (
            "softhsm2-util",
            vec![
                "--import",
                "signer.p8",
                "--token",
                "kaart",
                "--label",
                "sleutel",
                "--id",
                "01",
                "--pin",
                "1234",
            ],
        ),
        (
            "openssl",
            vec![
                "x509",
                "-in",
                "signer.pem",
                "-outform",
                "der",
                "-out",
                "signer.der",
            ],
        ),
        (
            "pkcs11-tool",
            vec![
                "--module",
                &module_arg,
                "--token-label",
                "kaart",
                "--login",
                "--pin",
                "1234",
                "--write-object",
                "signer.der",
                "--type",
                "cert",
                "--id",
                "01",
            ],
        ),
    ] {
        run_in(dir.path(), program, &args);
    }
    let sign_with = |pin: &str, out: &str| {
        Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
            .args([
                "annex",
                "werkmap.ron",
                "--force",
                "--out",
                out,
                "--sign",
                &module_arg,
            ])
            .current_dir(dir.path())
            .env("SOFTHSM2_CONF", dir.path().join("softhsm2.conf"))
            .env("KEUZEKAART_WACHTWOORD", pin)
            .output()
            .unwrap()
    };

    let wrong = sign_with("0000", "fout.pdf");
    assert_eq!(wrong.status.code(), Some(3), "{wrong:?}");
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("De pincode van de kaart klopt niet"),
        "{wrong:?}"
    );
    assert!(!dir.path().join("fout.pdf").exists(), "nothing written");

    let signed = sign_with("1234", "bijlage.pdf");
    assert_eq!(signed.status.code(), Some(0), "{signed:?}");
    assert!(
        String::from_utf8_lossy(&signed.stdout).contains("ondertekend door Jan de Wethouder"),
        "{signed:?}"
    );
    let pdf = dir.path().join("bijlage.pdf");
    let poppler = pdfsig(&pdf);
    assert!(
        poppler.contains("Signature Validation: Signature is Valid."),
        "{poppler}"
    );
    let (valid, report) = pyhanko(&pdf, &pki.ca);
    assert!(
        valid && report.contains("The signature is judged VALID."),
        "{report}"
    );
    let (code, said) = verify(dir.path(), &["bijlage.pdf"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("Handtekening 1 van Jan de Wethouder"),
        "{said}"
    );

    // One changed byte fails both readers.
    let mut forged = std::fs::read(&pdf).unwrap();
    let at = forged.windows(8).position(|w| w == b"Nijmegen").unwrap();
    forged[at] = b'M';
    let forged_pdf = dir.path().join("vervalst.pdf");
    std::fs::write(&forged_pdf, &forged).unwrap();
    assert!(pdfsig(&forged_pdf).contains("Digest Mismatch"));
    assert!(!pyhanko(&forged_pdf, &pki.ca).0);
}
