//! Samen aan tafel in the app: the dialogs to start and join a session, the host's question
//! when a seat asks to join, and the strip that shows the room what is going on (the join code
//! large enough to read from the back of the room, who is connected, the last change).
//!
//! The network is in `crate::session`; this draws and reports [`Action`]s only.

use egui::RichText;

use super::action::Action;
use super::design_tokens as tokens;

/// The port a session listens on unless the official chooses another.
pub const DEFAULT_PORT: u16 = 47110;

/// *Sessie starten…*: on which port, and whether to resume a session that was not closed.
#[derive(Clone, Debug)]
pub struct StartForm {
    /// The port as typed.
    pub port: String,
    /// Edits of a session that ended without being closed, when its logbook is there.
    pub unfinished: Option<u64>,
    /// What is wrong with the last try.
    pub error: Option<String>,
}

/// *Deelnemen…*: the host's address, the code and the gemeente this laptop speaks for.
#[derive(Clone, Debug)]
pub struct JoinForm {
    /// The address as typed ("192.168.1.20" or "192.168.1.20:47110").
    pub address: String,
    /// The code as typed.
    pub code: String,
    /// The gemeente chosen.
    pub gemeente: String,
    /// The region's gemeenten to choose from.
    pub gemeenten: Vec<String>,
    /// What is wrong with the last try.
    pub error: Option<String>,
    /// Sessions heard of on the network.
    pub found: Vec<crate::session::discovery::Found>,
    /// Why the network is not searched, when it is not.
    pub search: Option<String>,
}

/// What the strip shows.
#[derive(Clone, Debug, Default)]
pub struct Strip {
    /// The big line: the code and address (host), or the session and gemeente (seat).
    pub headline: String,
    /// Who is connected, or the seat's line state.
    pub status: String,
    /// The last change in the session ("Wijchen: 1 peper naar activiteit 4").
    pub last: Option<String>,
    /// Whether something is wrong (the line is down).
    pub warning: bool,
    /// The gemeenten the host can take back, with a button each.
    pub seats: Vec<String>,
}

/// The start dialog.
pub fn start_form(ui: &mut egui::Ui, form: &mut StartForm, actions: &mut Vec<Action>) {
    ui.label(
        "Deze laptop wordt de gastheer: de andere laptops in de zaal nemen deel met de code die \
         hier verschijnt, en elke wijziging gaat via deze laptop volgens de regels van de kaart.",
    );
    ui.add_space(tokens::SPACE_S);
    ui.horizontal(|ui| {
        let label = ui.label("Poort:");
        ui.add(egui::TextEdit::singleline(&mut form.port).desired_width(80.0))
            .labelled_by(label.id);
    });
    if let Some(error) = &form.error {
        ui.colored_label(tokens::ERROR, error);
    }
    ui.add_space(tokens::SPACE_M);
    let port = form.port.trim().parse::<u16>();
    ui.horizontal(|ui| {
        if let Some(applied) = form.unfinished
            && ui
                .button(format!("Vorige sessie hervatten ({applied} wijzigingen)"))
                .clicked()
        {
            push_start(port.clone(), true, form, actions);
        }
        if ui.button("Starten").clicked() {
            push_start(port.clone(), false, form, actions);
        }
        if ui.button("Annuleren").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}

fn push_start(
    port: Result<u16, std::num::ParseIntError>,
    resume: bool,
    form: &mut StartForm,
    actions: &mut Vec<Action>,
) {
    match port {
        Ok(port) => actions.push(Action::StartSession { port, resume }),
        Err(_) => form.error = Some("De poort is een getal van 1 tot 65535.".to_owned()),
    }
}

/// The join dialog.
pub fn join_form(ui: &mut egui::Ui, form: &mut JoinForm, actions: &mut Vec<Action>) {
    ui.label("Vraag de gastheer om het adres en de code op het grote scherm.");
    ui.add_space(tokens::SPACE_S);
    found_sessions(ui, form);
    ui.add_space(tokens::SPACE_S);
    egui::Grid::new("deelnemen").num_columns(2).show(ui, |ui| {
        let label = ui.label("Adres:");
        ui.add(egui::TextEdit::singleline(&mut form.address).hint_text("192.168.1.20"))
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label("Code:");
        ui.add(egui::TextEdit::singleline(&mut form.code).hint_text("1234 5678"))
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label("Gemeente:");
        egui::ComboBox::from_id_salt("sessie-gemeente")
            .selected_text(form.gemeente.as_str())
            .show_ui(ui, |ui| {
                for name in &form.gemeenten {
                    ui.selectable_value(&mut form.gemeente, name.clone(), name);
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
    });
    if let Some(error) = &form.error {
        ui.colored_label(tokens::ERROR, error);
    }
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        if ui.button("Deelnemen").clicked() {
            match parse_address(&form.address) {
                Ok(address) if !form.code.trim().is_empty() => actions.push(Action::JoinSession {
                    address,
                    code: form.code.clone(),
                    gemeente: form.gemeente.clone(),
                }),
                Ok(_) => form.error = Some("Typ de code van de gastheer.".to_owned()),
                Err(error) => form.error = Some(error),
            }
        }
        if ui.button("Annuleren").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}

/// The sessions found on the network, each a button that fills in its address.
fn found_sessions(ui: &mut egui::Ui, form: &mut JoinForm) {
    if let Some(search) = &form.search {
        ui.weak(search);
        return;
    }
    if form.found.is_empty() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(
                "Zoeken naar sessies op het netwerk… Blokkeert de wifi dat, typ dan het adres.",
            );
        });
        return;
    }
    ui.label("Gevonden op het netwerk:");
    for found in &form.found {
        let address = found.addresses[0];
        let text = format!("{} — {address}", found.name);
        if ui
            .selectable_label(form.address == address.to_string(), text)
            .clicked()
        {
            form.address = address.to_string();
        }
    }
}

/// An address as typed: an IP address with or without its port.
pub fn parse_address(text: &str) -> Result<std::net::SocketAddr, String> {
    let text = text.trim();
    if let Ok(address) = text.parse() {
        return Ok(address);
    }
    match text.parse::<std::net::IpAddr>() {
        Ok(ip) => Ok(std::net::SocketAddr::new(ip, DEFAULT_PORT)),
        Err(_) => Err(format!(
            "Geen adres: '{}'. Typ het zoals de gastheer het toont, bijvoorbeeld 192.168.1.20 of 192.168.1.20:{DEFAULT_PORT}.",
            text.chars().take(60).collect::<String>()
        )),
    }
}

/// The host's question when a seat asks to join.
pub fn admit_question(
    ui: &mut egui::Ui,
    ticket: u64,
    gemeente: &str,
    peer: &str,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(format!("{gemeente} wil meedoen")).size(tokens::TEXT_HEADING));
    ui.label(format!("Vanaf {peer}, met de juiste code."));
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        if ui.button("Toelaten").clicked() {
            actions.push(Action::AnswerSeat {
                ticket,
                admit: true,
            });
        }
        if ui.button("Weigeren").clicked() {
            actions.push(Action::AnswerSeat {
                ticket,
                admit: false,
            });
        }
    });
}

/// The strip under the menu while a session runs.
pub fn strip(ui: &mut egui::Ui, strip: &Strip, actions: &mut Vec<Action>) {
    ui.add_space(tokens::SPACE_S);
    ui.label(
        RichText::new(&strip.headline)
            .size(tokens::TEXT_SESSION_CODE)
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        let status = RichText::new(&strip.status);
        if strip.warning {
            ui.colored_label(tokens::ERROR, status);
        } else {
            ui.label(status);
        }
        if let Some(last) = &strip.last {
            ui.separator();
            ui.label(format!("Laatste wijziging: {last}"));
        }
        for gemeente in &strip.seats {
            if ui
                .small_button(format!("{gemeente} terugnemen"))
                .on_hover_text(format!(
                    "Neem de plaats van {gemeente} terug; die laptop kan alleen opnieuw meedoen als u hem toelaat"
                ))
                .clicked()
            {
                actions.push(Action::TakeBackSeat(gemeente.clone()));
            }
        }
    });
    ui.add_space(tokens::SPACE_S);
}
