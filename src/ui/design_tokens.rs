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
/// A budget bar at exactly 100%: the goal reached, so a deeper blue rather than a warning colour.
pub const BAR_FULL: Color32 = Color32::from_rgb(0x1D, 0x4E, 0x89);
/// A budget bar over 100%.
pub const BAR_OVER: Color32 = Color32::from_rgb(0xC5, 0x22, 0x22);
/// The empty part of a bar, and unspent peppers in charts.
pub const BAR_TRACK: Color32 = Color32::from_rgb(0xDD, 0xDD, 0xDD);
/// The outline around a bar, so its whole length is seen (3:1 against the panel).
pub const BAR_OUTLINE: Color32 = Color32::from_rgb(0x76, 0x76, 0x76);

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
/// asks `Tokens::of(ctx)` for what to draw rather than branching on the mode itself. The colours
/// meet WCAG 2.1 AA by construction: [`Tokens::contrast_pairs`] lists every pair of text and
/// ground and every boundary, and a test holds each to its minimum.
#[derive(Clone, Debug, PartialEq)]
pub struct Tokens {
    /// The mode these tokens are for (also salts ids of what must keep apart per mode, such as
    /// the cards' scroll position).
    pub mode: Mode,
    /// Text.
    pub text: Color32,
    /// Secondary text (card numbers, descriptions, subtitles): lighter, still 4.5:1 on every
    /// ground it sits on.
    pub weak_text: Color32,
    /// Text that acts as a link or a text button.
    pub link: Color32,
    /// The ground of panels and windows.
    pub panel: Color32,
    /// The outline of buttons, fields and checkboxes: 3:1 against the card and the panel, so a
    /// control is seen without its fill.
    pub control_border: Color32,
    /// The ring around the control with keyboard focus (at least 2 points wide).
    pub focus: Stroke,
    /// The border of an activity card.
    pub card_stroke: Stroke,
    /// Small text (legends, notes, limits), in points at zoom 1.
    pub small_size: f32,
    /// Body text, in points at zoom 1.
    pub body_size: f32,
    /// How much larger than the user's own zoom everything is drawn.
    pub zoom: f32,
    /// The narrowest a card may be, in points: the grid fits as many columns as the width allows.
    pub card_width: f32,
    /// Radius of the pie beside the cards, in points.
    pub pie_radius: f32,
    /// Whether cards show their descriptions, buttons and notes, the tray its "Vul aan", and the
    /// side panel the sign-off: at a desk they do; on the projector only tokens and figures show.
    pub details: bool,
}

/// Text of this colour on that ground must reach `minimum` (WCAG 2.1: 4.5 for text, 3 for large
/// text and for the boundaries of controls and charts).
#[derive(Clone, Copy, Debug)]
pub struct ContrastPair {
    /// What the pair is, for the test's message.
    pub what: &'static str,
    /// The text or boundary colour.
    pub front: Color32,
    /// The ground it sits on.
    pub back: Color32,
    /// The least contrast ratio it must have.
    pub minimum: f32,
}

const FOCUS_BLUE: Color32 = Color32::from_rgb(0x0A, 0x58, 0xA8);

impl Tokens {
    /// The look at a desk.
    pub const NORMAL: Tokens = Tokens {
        mode: Mode::Normal,
        text: Color32::from_rgb(0x30, 0x30, 0x30),
        weak_text: Color32::from_rgb(0x5E, 0x5E, 0x5E),
        link: Color32::from_rgb(0x0A, 0x58, 0xA8),
        panel: Color32::from_rgb(0xF8, 0xF8, 0xF8),
        control_border: Color32::from_rgb(0x76, 0x76, 0x76),
        focus: Stroke {
            width: 2.0,
            color: FOCUS_BLUE,
        },
        card_stroke: Stroke {
            width: 1.0,
            color: Color32::from_rgb(0x8A, 0x8A, 0x84),
        },
        small_size: 14.0,
        body_size: 14.0,
        zoom: 1.0,
        card_width: CARD_WIDTH,
        pie_radius: PIE_RADIUS,
        details: true,
    };

    /// The look on a projector: black on white, black card borders that stand out on a
    /// washed-out screen, everything 35% larger, body text 18 points (24 pixels at that zoom, to
    /// be read from the back of the room), four narrower columns of cards so all 13 fit a
    /// 1920×1080 projector, and a larger pie.
    pub const PRESENTATION: Tokens = Tokens {
        mode: Mode::Presentation,
        text: Color32::BLACK,
        weak_text: Color32::from_rgb(0x40, 0x40, 0x40),
        link: Color32::from_rgb(0x00, 0x3C, 0xA0),
        panel: Color32::WHITE,
        control_border: Color32::BLACK,
        focus: Stroke {
            width: 3.0,
            color: Color32::from_rgb(0x00, 0x3C, 0xA0),
        },
        card_stroke: Stroke {
            width: 2.0,
            color: Color32::BLACK,
        },
        small_size: 15.0,
        body_size: 18.0,
        zoom: 1.35,
        card_width: 250.0,
        pie_radius: 110.0,
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

    /// Switches every screen to a mode's tokens: egui's colours and text sizes with them.
    pub fn set_mode(ctx: &egui::Context, mode: Mode) {
        ctx.data_mut(|d| d.insert_temp(Self::id(), mode));
        let tokens = Self::for_mode(mode);
        // Both of egui's themes get the tokens' look: whatever switches to dark (a test harness,
        // a later setting) never mixes egui's dark panels with the tokens' light cards and text.
        ctx.set_visuals_of(egui::Theme::Light, tokens.visuals());
        ctx.set_visuals_of(egui::Theme::Dark, tokens.visuals());
        ctx.all_styles_mut(|style| tokens.text_styles(style));
    }

    fn id() -> egui::Id {
        egui::Id::unique("keuzekaart-design-mode")
    }

    /// Sets the text sizes: small text no smaller than 14 points, so legends and notes read on
    /// a laptop (egui's default is 9).
    fn text_styles(&self, style: &mut egui::Style) {
        use egui::{FontFamily, FontId, TextStyle};
        let sizes = [
            (TextStyle::Small, self.small_size, FontFamily::Proportional),
            (TextStyle::Body, self.body_size, FontFamily::Proportional),
            (TextStyle::Button, self.body_size, FontFamily::Proportional),
            (TextStyle::Monospace, self.small_size, FontFamily::Monospace),
            (
                TextStyle::Heading,
                self.body_size * 1.45,
                FontFamily::Proportional,
            ),
        ];
        for (text_style, size, family) in sizes {
            style
                .text_styles
                .insert(text_style, FontId::new(size, family));
        }
    }

    /// egui's look for the mode, from the tokens: text and ground colours, outlined controls, a
    /// focus ring. Presentation adds black outlines and a strong blue for what is selected.
    pub fn visuals(&self) -> egui::Visuals {
        let mut visuals = egui::Visuals::light();
        visuals.override_text_color = Some(self.text);
        visuals.weak_text_color = Some(self.weak_text);
        visuals.hyperlink_color = self.link;
        visuals.panel_fill = self.panel;
        visuals.window_fill = self.panel;
        // Table stripes: an opaque grey (egui's default is added light, which no contrast check
        // can see), light enough for weak text on it.
        visuals.faint_bg_color = Color32::from_gray(238);
        // Fields and buttons carry an outline of 3:1; hover darkens it, keyboard focus (egui
        // draws it with the "active" look) and pressing draw the focus ring.
        let widgets = &mut visuals.widgets;
        widgets.inactive.bg_stroke = Stroke::new(1.0, self.control_border);
        widgets.hovered.bg_stroke = Stroke::new(1.5, self.text);
        widgets.active.bg_stroke = self.focus;
        widgets.active.weak_bg_fill = Color32::from_gray(225);
        widgets.active.bg_fill = Color32::from_gray(225);
        for widget in [
            &mut widgets.noninteractive,
            &mut widgets.inactive,
            &mut widgets.hovered,
            &mut widgets.active,
            &mut widgets.open,
        ] {
            widget.fg_stroke.color = self.text;
        }
        visuals.selection.stroke = Stroke::new(2.0, self.focus.color);
        if self.mode == Mode::Presentation {
            visuals.extreme_bg_color = Color32::WHITE;
            visuals.faint_bg_color = Color32::from_gray(235);
            for widget in [
                &mut visuals.widgets.noninteractive,
                &mut visuals.widgets.inactive,
                &mut visuals.widgets.hovered,
            ] {
                widget.fg_stroke = Stroke::new(1.5, Color32::BLACK);
                widget.bg_stroke = Stroke::new(1.5, Color32::BLACK);
            }
            visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x3C, 0xA0);
            visuals.selection.stroke = Stroke::new(2.0, Color32::WHITE);
        }
        visuals
    }

    /// Every pair of colours the app puts one on the other where someone must read or see the
    /// difference, with the least contrast WCAG 2.1 AA asks of it.
    pub fn contrast_pairs(&self) -> Vec<ContrastPair> {
        let pair = |what, front, back, minimum| ContrastPair {
            what,
            front,
            back,
            minimum,
        };
        let visuals = self.visuals();
        let grounds = [
            ("paneel", self.panel),
            ("kaart", CARD_FILL),
            ("kaart zonder aanbod", CARD_FILL_DISABLED),
            ("streep in een tabel", visuals.faint_bg_color),
            ("melding", TOAST_FILL),
            ("vergrendeld", LOCKED_FILL),
            ("beheer-balk", ADMIN_BANNER),
            ("verschil", DIFF_FILL),
        ];
        let mut pairs = Vec::new();
        for (_, back) in grounds {
            pairs.push(pair("tekst", self.text, back, 4.5));
            pairs.push(pair("zwakke tekst", self.weak_text, back, 4.5));
        }
        for (_, back) in &grounds[..3] {
            pairs.push(pair("link", self.link, *back, 4.5));
            pairs.push(pair("fout", ERROR, *back, 4.5));
            pairs.push(pair("waarschuwing", WARNING, *back, 4.5));
            pairs.push(pair("voortgang op schema", FLAG_ON_TRACK, *back, 4.5));
            pairs.push(pair("voortgang achter", FLAG_BEHIND, *back, 4.5));
            pairs.push(pair("voortgang ver achter", FLAG_FAR_BEHIND, *back, 4.5));
            pairs.push(pair("status concept", STATUS_CONCEPT, *back, 4.5));
            pairs.push(pair(
                "status ter besluitvorming",
                STATUS_PENDING,
                *back,
                4.5,
            ));
            pairs.push(pair("status vastgesteld", STATUS_AGREED, *back, 4.5));
            pairs.push(pair("vorige looptijd", BASELINE, *back, 4.5));
            pairs.push(pair("rand van een knop", self.control_border, *back, 3.0));
            pairs.push(pair("focusring", self.focus.color, *back, 3.0));
            pairs.push(pair(
                "rand van een kaart",
                self.card_stroke.color,
                self.panel,
                3.0,
            ));
            pairs.push(pair("begrotingsbalk", BAR_OK, *back, 3.0));
            pairs.push(pair("begrotingsbalk vol", BAR_FULL, *back, 3.0));
            pairs.push(pair("begrotingsbalk over", BAR_OVER, *back, 3.0));
            pairs.push(pair("rand van een balk", BAR_OUTLINE, *back, 3.0));
        }
        pairs.push(pair(
            "tekst op een knop met focus",
            self.text,
            visuals.widgets.active.weak_bg_fill,
            4.5,
        ));
        pairs.push(pair(
            "tekst op een knop",
            self.text,
            visuals.widgets.inactive.weak_bg_fill,
            4.5,
        ));
        pairs.push(pair(
            "tekst in een veld",
            self.text,
            visuals.extreme_bg_color,
            4.5,
        ));
        pairs
    }
}

/// The WCAG 2.1 contrast ratio of two colours (1 to 21), from their relative luminance.
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    let luminance =
        |c: Color32| 0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b());
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Voortgang flag "op schema": a calm blue-green, far from the pepper green.
pub const FLAG_ON_TRACK: Color32 = Color32::from_rgb(0x1D, 0x5F, 0x6B);
/// Voortgang flag "achter": amber-brown.
pub const FLAG_BEHIND: Color32 = Color32::from_rgb(0x8A, 0x55, 0x00);
/// Voortgang flag "ver achter": plum, far from the pepper red.
pub const FLAG_FAR_BEHIND: Color32 = Color32::from_rgb(0x8E, 0x2C, 0x6B);

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
/// Below this window width (in points, so after zoom) the drafting screen reflows: the gemeente
/// list becomes a choice above the cards and the side panel narrows.
pub const NARROW_WIDTH: f32 = 1000.0;
/// Width of the charts panel on the right.
pub const CHART_PANEL_WIDTH: f32 = 300.0;
/// Radius of the pie charts.
pub const PIE_RADIUS: f32 = 70.0;
/// The join code and address of a session: read from the back of the room on a projector.
pub const TEXT_SESSION_CODE: f32 = 34.0;
/// The host's question when a seat asks to join.
pub const TEXT_HEADING: f32 = 22.0;
/// Corner radius of cards and bars.
pub const CORNER: u8 = 6;

/// Body and shade colour of a pepper of this colour.
pub fn pepper_colours(colour: PepperColour) -> (Color32, Color32) {
    match colour {
        PepperColour::Red => (PEPPER_RED, PEPPER_RED_DARK),
        PepperColour::Green => (PEPPER_GREEN, PEPPER_GREEN_DARK),
    }
}

/// Distinct colours for slices and stacks, one per activity (by card position) or gemeente: five
/// of Okabe and Ito's colour-blind-safe set (not its bluish green and vermillion, which look like
/// peppers), then Paul Tol's muted scheme without its green and its wine (a plum instead: wine is
/// too near a red pepper), then two of Tol's blues. Neighbours differ for common colour blindness,
/// and pepper red and green stay the peppers' own (a test holds both). Slices and stacks also carry their number, so no chart leans on colour alone.
pub const SERIES: [Color32; 15] = [
    Color32::from_rgb(0x00, 0x72, 0xB2),
    Color32::from_rgb(0xE6, 0x9F, 0x00),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0xF0, 0xE4, 0x42),
    Color32::from_rgb(0x33, 0x22, 0x88),
    Color32::from_rgb(0x44, 0xAA, 0x99),
    Color32::from_rgb(0x7B, 0x41, 0x73),
    Color32::from_rgb(0x99, 0x99, 0x33),
    Color32::from_rgb(0xDD, 0xCC, 0x77),
    Color32::from_rgb(0xAA, 0x44, 0x99),
    Color32::from_rgb(0x88, 0xCC, 0xEE),
    Color32::from_rgb(0xCC, 0x66, 0x77),
    Color32::from_rgb(0x00, 0x44, 0x88),
    Color32::from_rgb(0xBB, 0xCC, 0xEE),
];

/// The series colour for the n-th item (wraps around).
pub fn series(index: usize) -> Color32 {
    SERIES[index % SERIES.len()]
}

/// The one colour of an activity, in every chart and legend (pies beside the cards and in
/// Vergelijken, the stacks of the Regio-overzicht): by its place on the card, so a renumbering
/// does not repaint the charts, and so no view can give it a colour of its own.
pub fn activity_colour(card: &crate::core::Card, number: u32) -> Color32 {
    series(
        card.activities
            .iter()
            .position(|a| a.number == number)
            .unwrap_or(0),
    )
}
