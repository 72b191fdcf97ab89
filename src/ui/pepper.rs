//! Drawing pepper tokens: a curved, tapering chili with a stem, not a dot, so the screen looks
//! like the paper card with its pepper icons.
//!
//! A token is made of a few dozen circles. Tessellating those for every token in every frame was
//! the largest single cost of the drafting screen, so each look (colour, size, faded, scale) is
//! tessellated once into a mesh and then only moved into place.

use std::sync::Arc;

use egui::epaint::{ClippedPrimitive, ClippedShape, Mesh, Primitive};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

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

/// Which layer of a token a cached mesh holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Layer {
    /// Body and stem, filled.
    Filled,
    /// The outline a half pepper shows for its missing half.
    Outline,
}

/// Paints one pepper filling `rect` (upright, stem on top).
pub fn paint_pepper(
    painter: &Painter,
    rect: Rect,
    colour: PepperColour,
    part: TokenPart,
    faded: bool,
) {
    let filled = cached_mesh(painter, rect.size(), colour, faded, Layer::Filled);
    match part {
        TokenPart::Whole => painter.add(placed(&filled, rect.min)),
        TokenPart::Half => {
            painter.add(placed(
                &cached_mesh(painter, rect.size(), colour, faded, Layer::Outline),
                rect.min,
            ));
            // Only the top half is filled, so a half pepper reads as "half".
            let top = Rect::from_min_max(
                rect.min,
                pos2(rect.max.x, rect.center().y + rect.height() * 0.05),
            );
            painter
                .with_clip_rect(top.intersect(painter.clip_rect()))
                .add(placed(&filled, rect.min))
        }
    };
}

fn placed(mesh: &Mesh, at: Pos2) -> Shape {
    let mut mesh = mesh.clone();
    mesh.translate(at.to_vec2());
    Shape::mesh(mesh)
}

/// The tessellated mesh of one layer of a token of this size and look, at the origin; made on
/// first use and kept in egui's memory.
fn cached_mesh(
    painter: &Painter,
    size: egui::Vec2,
    colour: PepperColour,
    faded: bool,
    layer: Layer,
) -> Arc<Mesh> {
    let ctx = painter.ctx();
    let ppp = ctx.pixels_per_point();
    let key = egui::Id::unique((
        "pepper-mesh",
        colour,
        faded,
        layer,
        size.x.to_bits(),
        size.y.to_bits(),
        ppp.to_bits(),
    ));
    if let Some(mesh) = ctx.data(|d| d.get_temp::<Arc<Mesh>>(key)) {
        return mesh;
    }
    let rect = Rect::from_min_size(Pos2::ZERO, size);
    let shapes = match layer {
        Layer::Filled => filled_shapes(rect, colour, faded),
        Layer::Outline => outline_shapes(rect, colour, faded),
    };
    let clipped = shapes
        .into_iter()
        .map(|shape| ClippedShape::new(Rect::EVERYTHING, shape))
        .collect();
    let mut mesh = Mesh::default();
    for ClippedPrimitive { primitive, .. } in ctx.tessellate(clipped, ppp) {
        if let Primitive::Mesh(part) = primitive {
            mesh.append(part);
        }
    }
    let mesh = Arc::new(mesh);
    ctx.data_mut(|d| d.insert_temp(key, mesh.clone()));
    mesh
}

fn colours(colour: PepperColour, faded: bool) -> (Color32, Color32, Color32) {
    let (body, shade) = tokens::pepper_colours(colour);
    let stem = match colour {
        PepperColour::Red => tokens::PEPPER_STEM,
        PepperColour::Green => tokens::PEPPER_STEM_ON_GREEN,
    };
    let fade = |c: Color32| if faded { c.gamma_multiply(0.35) } else { c };
    (fade(body), fade(shade), fade(stem))
}

/// Body, shine and stem. The body is circles along a gentle curve, tapering to a point, which
/// fills a non-convex outline without a tessellation problem.
fn filled_shapes(rect: Rect, colour: PepperColour, faded: bool) -> Vec<Shape> {
    let (body, shade, stem) = colours(colour, faded);
    let w = rect.width();
    let h = rect.height();
    let mut shapes = Vec::with_capacity(2 * (STEPS + 1) + 3);
    for (p, radius) in body_circles(rect) {
        shapes.push(Shape::circle_filled(
            p + vec2(radius * 0.18, 0.0),
            radius,
            shade,
        ));
        shapes.push(Shape::circle_filled(p, radius * 0.92, body));
    }
    let (start, control, end) = curve(rect);
    let shine = quad_bezier(start, control, end, 0.25) + vec2(-w * 0.14, 0.0);
    shapes.push(Shape::circle_filled(shine, w * 0.08, tokens::PEPPER_SHINE));
    let cap_center = pos2(rect.min.x + w * 0.5, rect.min.y + h * 0.2);
    shapes.push(Shape::circle_filled(cap_center, w * 0.26, stem));
    shapes.push(Shape::line_segment(
        [
            pos2(cap_center.x, cap_center.y - h * 0.02),
            pos2(rect.min.x + w * 0.72, rect.min.y + h * 0.02),
        ],
        Stroke::new((w * 0.14).max(1.5), stem),
    ));
    shapes
}

fn outline_shapes(rect: Rect, colour: PepperColour, faded: bool) -> Vec<Shape> {
    let (_, shade, _) = colours(colour, faded);
    body_circles(rect)
        .map(|(p, radius)| Shape::circle_stroke(p, radius, Stroke::new(0.5, shade)))
        .collect()
}

const STEPS: usize = 14;

fn curve(rect: Rect) -> (Pos2, Pos2, Pos2) {
    let (w, h) = (rect.width(), rect.height());
    (
        pos2(rect.min.x + w * 0.5, rect.min.y + h * 0.32),
        pos2(rect.min.x + w * 0.62, rect.min.y + h * 0.7),
        pos2(rect.min.x + w * 0.3, rect.min.y + h * 0.97),
    )
}

fn body_circles(rect: Rect) -> impl Iterator<Item = (Pos2, f32)> {
    let (start, control, end) = curve(rect);
    let w = rect.width();
    (0..=STEPS).map(move |i| {
        let t = i as f32 / STEPS as f32;
        (
            quad_bezier(start, control, end, t),
            w * 0.42 * (1.0 - t * 0.85),
        )
    })
}

fn quad_bezier(a: Pos2, b: Pos2, c: Pos2, t: f32) -> Pos2 {
    let u = 1.0 - t;
    pos2(
        u * u * a.x + 2.0 * u * t * b.x + t * t * c.x,
        u * u * a.y + 2.0 * u * t * b.y + t * t * c.y,
    )
}
