//! Design tokens: every colour, size and spacing of the app in one place, so widgets never pick
//! their own and the projector theme can change them together.

use egui::{Color32, Stroke};

use crate::core::PepperColour;

/// The body of a red pepper token.
pub const PEPPER_RED: Color32 = Color32::from_rgb(0xD3, 0x2F, 0x2F);
/// The shade of a red pepper token.
pub const PEPPER_RED_DARK: Color32 = Color32::from_rgb(0x9A, 0x1B, 0x1B);
/// The body of a green pepper token.
pub const PEPPER_GREEN: Color32 = Color32::from_rgb(0x2E, 0x9D, 0x3A);
/// The shade of a green pepper token.
pub const PEPPER_GREEN_DARK: Color32 = Color32::from_rgb(0x1B, 0x6B, 0x24);
/// The stem of every pepper.
pub const PEPPER_STEM: Color32 = Color32::from_rgb(0x3F, 0x6B, 0x1E);
/// The stem of a green pepper, darker so it stands out from the body.
pub const PEPPER_STEM_ON_GREEN: Color32 = Color32::from_rgb(0x5A, 0x3A, 0x1A);
/// The shine on a pepper's body.
pub const PEPPER_SHINE: Color32 = Color32::from_rgba_premultiplied(90, 90, 90, 90);

/// A budget bar that still has room.
pub const BAR_OK: Color32 = Color32::from_rgb(0x2B, 0x6C, 0xB0);
/// A budget bar at exactly 100%.
pub const BAR_FULL: Color32 = Color32::from_rgb(0xE0, 0x8E, 0x0B);
/// A budget bar over 100%.
pub const BAR_OVER: Color32 = Color32::from_rgb(0xC5, 0x22, 0x22);
/// The empty part of a bar, and unspent peppers in charts.
pub const BAR_TRACK: Color32 = Color32::from_rgb(0xDD, 0xDD, 0xDD);

/// Errors in findings and messages.
pub const ERROR: Color32 = Color32::from_rgb(0xB0, 0x1E, 0x1E);
/// Warnings in findings and messages.
pub const WARNING: Color32 = Color32::from_rgb(0x9A, 0x5B, 0x00);
/// The background of the refusal message shown at the drop point.
pub const TOAST_FILL: Color32 = Color32::from_rgb(0xFF, 0xF4, 0xE5);

/// A badge for choices still in concept.
pub const STATUS_CONCEPT: Color32 = Color32::from_rgb(0x6B, 0x6B, 0x6B);
/// A badge for choices waiting for a decision.
pub const STATUS_PENDING: Color32 = Color32::from_rgb(0x9A, 0x5B, 0x00);
/// A badge for agreed choices.
pub const STATUS_AGREED: Color32 = Color32::from_rgb(0x1E, 0x7B, 0x34);
/// The banner over locked choices.
pub const LOCKED_FILL: Color32 = Color32::from_rgb(0xE8, 0xF3, 0xEA);

/// The background of an activity card.
pub const CARD_FILL: Color32 = Color32::from_rgb(0xFA, 0xFA, 0xF7);
/// The background of an activity card that has no offer in the gemeente's colour.
pub const CARD_FILL_DISABLED: Color32 = Color32::from_rgb(0xEE, 0xEE, 0xEE);
/// The border of a card.
pub const CARD_STROKE: Color32 = Color32::from_rgb(0xC8, 0xC8, 0xC0);
/// The border of a card while a pepper hovers over it.
pub const CARD_STROKE_HOVER: Color32 = Color32::from_rgb(0x2B, 0x6C, 0xB0);

/// The previous term's figures beside the new ones: muted blue, so they read as reference.
pub const BASELINE: Color32 = Color32::from_rgb(0x35, 0x5C, 0x8A);
/// The width of the label column of Beheer's forms, so the fields line up across sections.
pub const FORM_LABEL_WIDTH: f32 = 190.0;
/// Behind cells that differ between the columns of the compare view: a soft yellow that still
/// reads on a projector.
pub const DIFF_FILL: Color32 = Color32::from_rgb(0xFF, 0xF0, 0x9E);
/// Which look the app is in: at a desk, or on a projector in a meeting room.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// An official at a laptop: every control, description and note.
    #[default]
    Normal,
    /// Presenteren (F11): larger, high contrast, tokens and figures only.
    Presentation,
}

/// The tokens that differ between the normal look and presentation, as one value, so a screen
/// asks `Tokens::of(ctx)` for what to draw rather than branching on the mode itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Tokens {
    /// The mode these tokens are for (also salts ids of what must keep apart per mode, such as
    /// the cards' scroll position).
    pub mode: Mode,
    /// The border of an activity card.
    pub card_stroke: Stroke,
    /// How much larger than the user's own zoom everything is drawn.
    pub zoom: f32,
    /// Whether cards show their descriptions, buttons and notes, the tray its "Vul aan", and the
    /// side panel the sign-off: at a desk they do; on the projector only tokens and figures show.
    pub details: bool,
}

impl Tokens {
    /// The look at a desk.
    pub const NORMAL: Tokens = Tokens {
        mode: Mode::Normal,
        card_stroke: Stroke {
            width: 1.0,
            color: CARD_STROKE,
        },
        zoom: 1.0,
        details: true,
    };

    /// The look on a projector: black card borders that stand out on a washed-out screen, and
    /// everything 35% larger.
    pub const PRESENTATION: Tokens = Tokens {
        mode: Mode::Presentation,
        card_stroke: Stroke {
            width: 2.0,
            color: Color32::BLACK,
        },
        zoom: 1.35,
        details: false,
    };

    /// The tokens of a mode.
    pub fn for_mode(mode: Mode) -> &'static Tokens {
        match mode {
            Mode::Normal => &Self::NORMAL,
            Mode::Presentation => &Self::PRESENTATION,
        }
    }

    /// The tokens in force: the ones [`Tokens::set_mode`] last chose, normal until then.
    pub fn of(ctx: &egui::Context) -> &'static Tokens {
        Self::for_mode(
            ctx.data(|d| d.get_temp::<Mode>(Self::id()))
                .unwrap_or_default(),
        )
    }

    /// Switches every screen to a mode's tokens and egui's look with them.
    pub fn set_mode(ctx: &egui::Context, mode: Mode) {
        ctx.data_mut(|d| d.insert_temp(Self::id(), mode));
        ctx.set_visuals(Self::for_mode(mode).visuals());
    }

    fn id() -> egui::Id {
        egui::Id::unique("keuzekaart-design-mode")
    }

    /// egui's look for the mode. Presentation: white ground, black text and outlines, a strong
    /// blue for what is selected; reads on a weak projector in a lit room.
    pub fn visuals(&self) -> egui::Visuals {
        let mut visuals = egui::Visuals::light();
        if self.mode == Mode::Normal {
            return visuals;
        }
        visuals.override_text_color = Some(Color32::BLACK);
        visuals.panel_fill = Color32::WHITE;
        visuals.window_fill = Color32::WHITE;
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.faint_bg_color = Color32::from_gray(235);
        for widget in [
            &mut visuals.widgets.noninteractive,
            &mut visuals.widgets.inactive,
            &mut visuals.widgets.hovered,
            &mut visuals.widgets.active,
        ] {
            widget.fg_stroke = Stroke::new(1.5, Color32::BLACK);
            widget.bg_stroke = Stroke::new(1.5, Color32::BLACK);
        }
        visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x3C, 0xA0);
        visuals.selection.stroke = Stroke::new(2.0, Color32::WHITE);
        visuals
    }
}

/// The fill of the Beheer banner: a warm band that says "this changes things for everyone".
pub const ADMIN_BANNER: Color32 = Color32::from_rgb(0xFF, 0xE8, 0xB0);

/// Small gap between related items.
pub const SPACE_S: f32 = 4.0;
/// Gap between items in a group.
pub const SPACE_M: f32 = 8.0;
/// Gap between groups.
pub const SPACE_L: f32 = 16.0;

/// Height of a pepper token; its width follows from the drawing.
pub const TOKEN_HEIGHT: f32 = 30.0;
/// Width of a pepper token.
pub const TOKEN_WIDTH: f32 = 18.0;
/// Preferred width of an activity card; the grid fits as many columns as the window allows.
pub const CARD_WIDTH: f32 = 330.0;
/// Width of the gemeente list on the left.
pub const SIDE_PANEL_WIDTH: f32 = 230.0;
/// Width of the charts panel on the right.
pub const CHART_PANEL_WIDTH: f32 = 300.0;
/// Radius of the pie charts.
pub const PIE_RADIUS: f32 = 70.0;
/// Corner radius of cards and bars.
pub const CORNER: u8 = 6;

/// Body and shade colour of a pepper of this colour.
pub fn pepper_colours(colour: PepperColour) -> (Color32, Color32) {
    match colour {
        PepperColour::Red => (PEPPER_RED, PEPPER_RED_DARK),
        PepperColour::Green => (PEPPER_GREEN, PEPPER_GREEN_DARK),
    }
}

/// Distinct colours for slices and stacks, one per activity (by card position) or gemeente.
/// Chosen to stay apart for common colour blindness and on a weak projector.
pub const SERIES: [Color32; 15] = [
    Color32::from_rgb(0x1F, 0x77, 0xB4),
    Color32::from_rgb(0xFF, 0x7F, 0x0E),
    Color32::from_rgb(0x2C, 0xA0, 0x2C),
    Color32::from_rgb(0xD6, 0x27, 0x28),
    Color32::from_rgb(0x94, 0x67, 0xBD),
    Color32::from_rgb(0x8C, 0x56, 0x4B),
    Color32::from_rgb(0xE3, 0x77, 0xC2),
    Color32::from_rgb(0x7F, 0x7F, 0x7F),
    Color32::from_rgb(0xBC, 0xBD, 0x22),
    Color32::from_rgb(0x17, 0xBE, 0xCF),
    Color32::from_rgb(0x39, 0x3B, 0x79),
    Color32::from_rgb(0xAD, 0x49, 0x4A),
    Color32::from_rgb(0x63, 0x79, 0x39),
    Color32::from_rgb(0x8C, 0x6D, 0x31),
    Color32::from_rgb(0x7B, 0x41, 0x73),
];

/// The series colour for the n-th item (wraps around).
pub fn series(index: usize) -> Color32 {
    SERIES[index % SERIES.len()]
}
