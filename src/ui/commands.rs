//! Every command of the app's menus and shortcuts, as one enum whose [`UiCommand::spec`] carries
//! its Dutch label, tooltip, shortcut and place in the menus, so the menu bar, the keyboard, the
//! tooltips and the tests are made from one list and cannot drift apart. File commands and
//! screens have tables of their own (`file_commands`, `screens`) that this one takes in whole.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::file_commands::FileCommand;
use super::screens::View;

/// A command the user can give from a menu or with a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    /// A command of the menu Bestand.
    File(FileCommand),
    /// Show a screen.
    Show(View),
    /// Take back the last change.
    Undo,
    /// Re-apply the last change taken back.
    Redo,
    /// Enter or leave presentation mode.
    Present,
    /// Select the previous gemeente.
    PreviousGemeente,
    /// Select the next gemeente.
    NextGemeente,
    /// Larger text and tokens.
    ZoomIn,
    /// Smaller text and tokens.
    ZoomOut,
    /// Back to normal size.
    ZoomReset,
    /// Host a live session on this laptop.
    StartSession,
    /// Join a session another laptop hosts.
    JoinSession,
    /// Give the hosted session a new join code.
    NewSessionCode,
    /// Stop hosting, or leave the session.
    LeaveSession,
}

/// The menus of the menu bar, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Menu {
    /// Files, documents and the app.
    Bestand,
    /// Undo and redo.
    Bewerken,
    /// Screens, presentation and size.
    Beeld,
    /// The live session across the laptops in the room.
    Sessie,
}

impl Menu {
    /// The menu's title in the bar.
    pub fn label(self) -> &'static str {
        match self {
            Menu::Bestand => "Bestand",
            Menu::Bewerken => "Bewerken",
            Menu::Beeld => "Beeld",
            Menu::Sessie => "Sessie",
        }
    }

    /// Every menu, in the order of the bar.
    pub fn all() -> impl Iterator<Item = Menu> {
        <Menu as strum::IntoEnumIterator>::iter()
    }

    /// The menu's commands in groups, in order; separators fall between groups.
    pub fn groups(self) -> Vec<Vec<UiCommand>> {
        let mut groups: Vec<Vec<UiCommand>> = Vec::new();
        let mut last = None;
        for command in UiCommand::all().filter(|c| c.spec().menu == self) {
            let group = command.spec().group;
            if last != Some(group) {
                groups.push(Vec::new());
                last = Some(group);
            }
            groups.last_mut().expect("pushed above").push(command);
        }
        groups
    }
}

/// What the shell knows of a command.
#[derive(Clone, Copy, Debug)]
pub struct CommandSpec {
    /// The Dutch menu label; it ends in "…" when a dialog follows.
    pub label: &'static str,
    /// The Dutch tooltip.
    pub tooltip: &'static str,
    /// The main keyboard shortcut, if any.
    pub shortcut: Option<KeyboardShortcut>,
    /// Further shortcuts for the same command (Ctrl+Y for redo, Ctrl+= for zoom in).
    pub also: &'static [KeyboardShortcut],
    /// The menu it is in.
    pub menu: Menu,
    /// Its group in that menu.
    pub group: u8,
}

impl UiCommand {
    /// Every command: the file commands, the screens, then the rest, in menu order.
    pub fn all() -> impl Iterator<Item = UiCommand> {
        <UiCommand as strum::IntoEnumIterator>::iter().flat_map(|command| -> Vec<UiCommand> {
            match command {
                UiCommand::File(_) => FileCommand::all().map(UiCommand::File).collect(),
                UiCommand::Show(_) => View::all().map(UiCommand::Show).collect(),
                other => vec![other],
            }
        })
    }

    // A table: one entry per command that is neither a file command nor a screen.
    /// The command's label, tooltip, shortcuts and place in the menus.
    pub fn spec(self) -> CommandSpec {
        const REDO: &[KeyboardShortcut] = &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const ZOOM_IN: &[KeyboardShortcut] =
            &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)];
        let cmd = |modifiers: Modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        let (label, tooltip, shortcut, also, menu, group) = match self {
            UiCommand::File(file) => {
                let spec = file.spec();
                let shortcut = spec.shortcut;
                (
                    spec.label,
                    spec.tooltip,
                    shortcut,
                    &[][..],
                    Menu::Bestand,
                    spec.group,
                )
            }
            UiCommand::Show(view) => {
                let spec = view.spec();
                (
                    spec.label,
                    spec.tooltip,
                    Some(spec.shortcut),
                    &[][..],
                    Menu::Beeld,
                    0,
                )
            }
            UiCommand::Undo => (
                "Ongedaan maken",
                "Maak de laatste wijziging ongedaan",
                cmd(Modifiers::COMMAND, Key::Z),
                &[][..],
                Menu::Bewerken,
                0,
            ),
            UiCommand::Redo => (
                "Opnieuw",
                "Voer de ongedaan gemaakte wijziging opnieuw uit",
                cmd(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
                REDO,
                Menu::Bewerken,
                0,
            ),
            UiCommand::Present => (
                "Presenteren",
                "Volledig scherm, grote letters en hoog contrast voor de beamer; pijltjes links en rechts wisselen de gemeente, omhoog en omlaag de optie; Esc sluit af",
                cmd(Modifiers::NONE, Key::F11),
                &[][..],
                Menu::Beeld,
                1,
            ),
            UiCommand::PreviousGemeente => (
                "Vorige gemeente",
                "Ga naar de gemeente erboven in de lijst",
                cmd(Modifiers::ALT, Key::ArrowUp),
                &[][..],
                Menu::Beeld,
                1,
            ),
            UiCommand::NextGemeente => (
                "Volgende gemeente",
                "Ga naar de gemeente eronder in de lijst",
                cmd(Modifiers::ALT, Key::ArrowDown),
                &[][..],
                Menu::Beeld,
                1,
            ),
            UiCommand::ZoomIn => (
                "Groter",
                "Maak tekst en pepers groter (voor de beamer)",
                cmd(Modifiers::COMMAND, Key::Plus),
                ZOOM_IN,
                Menu::Beeld,
                2,
            ),
            UiCommand::ZoomOut => (
                "Kleiner",
                "Maak tekst en pepers kleiner",
                cmd(Modifiers::COMMAND, Key::Minus),
                &[][..],
                Menu::Beeld,
                2,
            ),
            UiCommand::ZoomReset => (
                "Normale grootte",
                "Zet de grootte terug",
                cmd(Modifiers::COMMAND, Key::Num0),
                &[][..],
                Menu::Beeld,
                2,
            ),
            UiCommand::StartSession => (
                "Sessie starten…",
                "Maak deze laptop gastheer van een sessie: de andere laptops in de zaal nemen deel met een code, en iedereen ziet elke wijziging meteen",
                None,
                &[][..],
                Menu::Sessie,
                0,
            ),
            UiCommand::JoinSession => (
                "Deelnemen…",
                "Neem met deze laptop deel aan de sessie van de gastheer, voor één gemeente",
                None,
                &[][..],
                Menu::Sessie,
                0,
            ),
            UiCommand::NewSessionCode => (
                "Nieuwe code",
                "Geef de sessie een nieuwe code; wie al meedoet, blijft erin",
                None,
                &[][..],
                Menu::Sessie,
                1,
            ),
            UiCommand::LeaveSession => (
                "Sessie verlaten",
                "Stop de sessie (gastheer) of verlaat haar (deelnemer); de werkmap blijft open",
                None,
                &[][..],
                Menu::Sessie,
                1,
            ),
        };
        CommandSpec {
            label,
            tooltip,
            shortcut,
            also,
            menu,
            group,
        }
    }

    /// The Dutch menu label.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// The Dutch tooltip.
    pub fn tooltip(self) -> &'static str {
        self.spec().tooltip
    }

    /// The main keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.spec().shortcut
    }

    /// Every shortcut of the command, the main one first.
    pub fn shortcuts(self) -> impl Iterator<Item = KeyboardShortcut> {
        let spec = self.spec();
        spec.shortcut.into_iter().chain(spec.also.iter().copied())
    }

    /// Whether the command takes the user elsewhere (another screen or gemeente), which retires
    /// the message that belonged to what they were doing.
    pub fn moves_elsewhere(self) -> bool {
        match self {
            UiCommand::Show(_) | UiCommand::PreviousGemeente | UiCommand::NextGemeente => true,
            UiCommand::File(_)
            | UiCommand::Undo
            | UiCommand::Redo
            | UiCommand::Present
            | UiCommand::ZoomIn
            | UiCommand::ZoomOut
            | UiCommand::ZoomReset
            | UiCommand::StartSession
            | UiCommand::JoinSession
            | UiCommand::NewSessionCode
            | UiCommand::LeaveSession => false,
        }
    }

    /// Finds the command whose shortcut was pressed this frame, consuming the key press.
    /// Shortcuts with more modifiers are tried first, so Ctrl+Shift+Z is not read as Ctrl+Z.
    pub fn from_shortcuts(ctx: &egui::Context) -> Option<UiCommand> {
        let mut candidates: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::all()
            .flat_map(|command| command.shortcuts().map(move |s| (command, s)))
            .collect();
        candidates.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        ctx.input_mut(|input| {
            candidates
                .into_iter()
                .find(|(_, shortcut)| input.consume_shortcut(shortcut))
                .map(|(c, _)| c)
        })
    }

    /// The shortcut as text for menus ("Ctrl+Z").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command) + u8::from(m.shift) + u8::from(m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_one_menu_group_and_groups_follow_each_other() {
        let mut placed = Vec::new();
        for menu in Menu::all() {
            let groups = menu.groups();
            assert!(!groups.is_empty(), "{menu:?} is empty");
            let numbers: Vec<u8> = groups.iter().map(|g| g[0].spec().group).collect();
            let mut sorted = numbers.clone();
            sorted.sort();
            sorted.dedup();
            // A group number seen twice means its commands are not next to each other.
            assert_eq!(numbers, sorted, "{menu:?}: groups out of order");
            placed.extend(groups.into_iter().flatten());
        }
        let all: Vec<UiCommand> = UiCommand::all().collect();
        assert_eq!(placed.len(), all.len());
        for command in all {
            assert_eq!(placed.iter().filter(|c| **c == command).count(), 1);
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
        for command in UiCommand::all() {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((shortcut, command));
            }
        }
    }

    #[test]
    fn labels_are_unique_and_say_when_a_dialog_follows() {
        let labels: Vec<&str> = UiCommand::all().map(UiCommand::label).collect();
        let mut unique = labels.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), labels.len(), "{labels:?}");
        for command in FileCommand::all() {
            let spec = command.spec();
            assert!(!spec.label.is_empty() && !spec.tooltip.is_empty());
            // A picker is a dialog; so is the question before a new term.
            if spec.picker.is_some() {
                assert!(spec.label.ends_with('…'), "{}", spec.label);
            }
        }
    }

    #[test]
    fn a_picker_that_reads_suggests_no_name_and_one_that_writes_does() {
        let workbook = crate::core::Workbook::bundled();
        let naming = crate::ui::path_requests::Naming {
            workbook: &workbook,
            gemeente: "Wijchen",
            current: None,
        };
        for command in FileCommand::all() {
            let Some(picker) = command.spec().picker else {
                continue;
            };
            let request = picker.request(&naming, None);
            assert!(
                !request.title.contains('{'),
                "{command:?}: {}",
                request.title
            );
            if picker.save {
                assert!(
                    request
                        .file_name
                        .ends_with(&format!(".{}", picker.extension)),
                    "{command:?}: {}",
                    request.file_name
                );
            } else {
                assert!(request.file_name.is_empty(), "{command:?}");
            }
        }
    }
}
