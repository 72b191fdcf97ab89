//! Drawing pepper tokens: a curved, tapering chili with a stem, not a dot, so the screen looks
//! like the paper card with its pepper icons.

use egui::{Color32, Painter, Pos2, Rect, Stroke, pos2, vec2};

use super::design_tokens as tokens;
use crate::core::PepperColour;

/// How much of a token to draw: a whole pepper or a half one (Mook en Middelaar's half steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPart {
    /// A whole pepper.
    Whole,
    /// The upper half of a pepper.
    Half,
}

/// Paints one pepper filling `rect` (upright, stem on top).
pub fn paint_pepper(
    painter: &Painter,
    rect: Rect,
    colour: PepperColour,
    part: TokenPart,
    faded: bool,
) {
    let (mut body, mut shade) = tokens::pepper_colours(colour);
    let mut stem = match colour {
        PepperColour::Red => tokens::PEPPER_STEM,
        PepperColour::Green => tokens::PEPPER_STEM_ON_GREEN,
    };
    if faded {
        body = body.gamma_multiply(0.35);
        shade = shade.gamma_multiply(0.35);
        stem = stem.gamma_multiply(0.35);
    }
    let painter = match part {
        TokenPart::Whole => painter.clone(),
        TokenPart::Half => {
            // The lower half is drawn as an outline only, so a half pepper reads as "half".
            paint_body(
                painter,
                rect,
                Color32::TRANSPARENT,
                shade.gamma_multiply(0.8),
                Some(Stroke::new(1.0, shade)),
            );
            let top = Rect::from_min_max(
                rect.min,
                pos2(rect.max.x, rect.center().y + rect.height() * 0.05),
            );
            painter.with_clip_rect(top.intersect(painter.clip_rect()))
        }
    };
    paint_body(&painter, rect, body, shade, None);
    // Stem: a short curved stalk with a cap.
    let w = rect.width();
    let h = rect.height();
    let cap_center = pos2(rect.min.x + w * 0.5, rect.min.y + h * 0.2);
    painter.circle_filled(cap_center, w * 0.26, stem);
    painter.line_segment(
        [
            pos2(cap_center.x, cap_center.y - h * 0.02),
            pos2(rect.min.x + w * 0.72, rect.min.y + h * 0.02),
        ],
        Stroke::new((w * 0.14).max(1.5), stem),
    );
}

/// The body: circles along a gentle curve, tapering to a point, which fills a non-convex outline
/// without a tessellation problem.
fn paint_body(
    painter: &Painter,
    rect: Rect,
    fill: Color32,
    shade: Color32,
    outline: Option<Stroke>,
) {
    let w = rect.width();
    let h = rect.height();
    let start = pos2(rect.min.x + w * 0.5, rect.min.y + h * 0.32);
    let control = pos2(rect.min.x + w * 0.62, rect.min.y + h * 0.7);
    let end = pos2(rect.min.x + w * 0.3, rect.min.y + h * 0.97);
    const STEPS: usize = 14;
    for i in 0..=STEPS {
        let t = i as f32 / STEPS as f32;
        let p = quad_bezier(start, control, end, t);
        let radius = w * 0.42 * (1.0 - t * 0.85);
        match outline {
            Some(stroke) => {
                painter.circle_stroke(p, radius, Stroke::new(stroke.width * 0.5, stroke.color));
            }
            None => {
                painter.circle_filled(p + vec2(radius * 0.18, 0.0), radius, shade);
                painter.circle_filled(p, radius * 0.92, fill);
            }
        }
    }
    if outline.is_none() {
        // A shine along the left side.
        let shine = quad_bezier(start, control, end, 0.25) + vec2(-w * 0.14, 0.0);
        painter.circle_filled(shine, w * 0.08, tokens::PEPPER_SHINE);
    }
}

fn quad_bezier(a: Pos2, b: Pos2, c: Pos2, t: f32) -> Pos2 {
    let u = 1.0 - t;
    pos2(
        u * u * a.x + 2.0 * u * t * b.x + t * t * c.x,
        u * u * a.y + 2.0 * u * t * b.y + t * t * c.y,
    )
}
