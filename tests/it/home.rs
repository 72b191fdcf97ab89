//! Where the app keeps its own files: with KEUZEKAART_HOME set, everything (window state, recent
//! files, recovery copy) goes below it and nothing under the user's HOME, so two instances with
//! two homes never see each other's state. Runs the real binary's window under Xvfb.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

/// One X server at a time: the tests here run in parallel and would pick the same free display.
static ONE_SERVER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// An Xvfb server for one test, stopped when dropped (also when the test fails). It is stopped
/// with SIGTERM, so that it removes its socket and lock file: a server killed with SIGKILL leaves
/// both behind, and after some fifty runs every display this file tries looked taken.
struct Server {
    child: std::process::Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        // Xvfb exits at once on SIGTERM; a bounded wait, then SIGKILL if it did not.
        for _ in 0..100 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts Xvfb on a free display; `None` (and the test says why) where it is not installed.
/// The caller holds [`ONE_SERVER`] while the server runs.
fn xvfb() -> Option<(Server, String)> {
    for n in 40..90 {
        let display = format!(":{n}");
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
            continue;
        }
        let server = Server {
            child: Command::new("Xvfb")
                .args([&display, "-screen", "0", "1366x768x24"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .ok()?,
        };
        // Xvfb makes its socket when it is ready; wait for it (a start, not a timing).
        for _ in 0..100 {
            if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                return Some((server, display));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("Xvfb started on {display} but made no socket in 5 s");
    }
    panic!(
        "no free X display between :40 and :89 (sockets left in /tmp/.X11-unix by killed servers?)"
    )
}

/// Runs the app with a bare environment (PATH, HOME = `home`, and `extra`) on its own Xvfb until
/// it has drawn one frame and closed as a user closes it (so its state is saved), and checks it
/// succeeded. `false` (and the test says why) where Xvfb is not installed.
fn first_frame(home: &Path, extra: &[(&str, &Path)]) -> bool {
    let _one = ONE_SERVER.lock().unwrap_or_else(|e| e.into_inner());
    let Some((server, display)) = xvfb() else {
        crate::common::missing_tool("Xvfb", "xvfb libgl1-mesa-dri");
        return false;
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_keuzekaart"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("DISPLAY", &display)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env("KEUZEKAART_EXIT_AFTER_FIRST_FRAME", "1");
    for (name, value) in extra {
        command.env(name, value);
    }
    let output = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output();
    drop(server);
    let output = output.expect("the app starts");
    assert!(
        output.status.success(),
        "the app failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    true
}

#[test]
fn with_keuzekaart_home_set_nothing_is_written_under_home() {
    let home = tempfile::tempdir().unwrap();
    let app_home = tempfile::tempdir().unwrap();
    if !first_frame(home.path(), &[("KEUZEKAART_HOME", app_home.path())]) {
        return;
    }
    assert_eq!(files_below(home.path()), Vec::<PathBuf>::new());
    let kept = files_below(app_home.path());
    assert!(
        kept.iter()
            .any(|p| p.starts_with(app_home.path().join("data").join("venster"))),
        "the window state is kept below KEUZEKAART_HOME: {kept:?}"
    );
}

/// Runs `program` with `args` on `display`, giving its output (empty when it is not installed).
fn x_tool(program: &str, display: &str, args: &[&str]) -> String {
    Command::new(program)
        .arg("-display")
        .arg(display)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

#[test]
fn the_window_carries_the_pepper_icon_and_the_desktop_entrys_class() {
    if Command::new("xprop").arg("-version").output().is_err() {
        crate::common::missing_tool("xprop", "x11-utils");
        return;
    }
    let _one = ONE_SERVER.lock().unwrap_or_else(|e| e.into_inner());
    let Some((server, display)) = xvfb() else {
        crate::common::missing_tool("Xvfb", "xvfb libgl1-mesa-dri");
        return;
    };
    let app_home = tempfile::tempdir().unwrap();
    let mut app = Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .env("KEUZEKAART_HOME", app_home.path())
        .env("DISPLAY", &display)
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    // Wait for the window and its properties (a start, not a timing: up to a minute on a busy
    // machine). xprop is told the icon's format, so it prints its width and height.
    let mut window = None;
    let mut properties = String::new();
    for _ in 0..600 {
        let tree = x_tool("xwininfo", &display, &["-root", "-tree"]);
        window = tree
            .lines()
            .find(|l| l.contains("Keuzekaart\""))
            .and_then(|l| l.split_whitespace().next().map(str::to_owned));
        if let Some(id) = &window {
            let icon_format = ["-f", "_NET_WM_ICON", "32c", "=$0,$1\n"];
            properties = x_tool(
                "xprop",
                &display,
                &[
                    &["-id", id.as_str()],
                    &icon_format[..],
                    &["WM_CLASS", "_NET_WM_ICON"],
                ]
                .concat(),
            );
            if properties.contains("_NET_WM_ICON(CARDINAL)=") {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = app.kill();
    let _ = app.wait();
    drop(server);
    assert!(window.is_some(), "no window named Keuzekaart appeared");
    assert!(
        properties.contains("\"nl.werkbedrijf.Keuzekaart\""),
        "the window's class matches the desktop entry: {properties:.300}"
    );
    assert!(
        properties.contains("_NET_WM_ICON(CARDINAL)=256,256"),
        "the window has the 256 px pepper icon: {:.300}",
        properties
    );
}

#[test]
fn without_keuzekaart_home_the_window_state_lives_in_the_apps_own_data_folder() {
    let home = tempfile::tempdir().unwrap();
    if !first_frame(home.path(), &[]) {
        return;
    }
    // The freedesktop data folder of the app, as `directories` names it, and nothing elsewhere
    // (eframe's own default would be named after the window's app id).
    let ours = home.path().join(".local/share/keuzekaart");
    let written = files_below(home.path());
    assert!(
        written.contains(&ours.join("venster/app.ron")),
        "the window state is in the app's data folder: {written:?}"
    );
    assert!(
        written
            .iter()
            .all(|p| p.starts_with(&ours) || p.starts_with(home.path().join(".config/keuzekaart"))),
        "nothing outside the app's own folders: {written:?}"
    );
}
