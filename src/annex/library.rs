//! The Typst standard library the annex and the report compile against: Typst's own, wired to
//! the compiler routines of paged output only.
//!
//! `typst::Library::builder()` wires the library to a table of every compiler routine, HTML
//! export's among them. That table is reachable from any compile, so link-time optimisation
//! keeps HTML export and all it draws in, PDF pages rendered inside SVG for instance: about
//! 0,5 MB of the shipped binary (BENCHMARKS.md, "Release binary, trimmed") for an output the app
//! never makes. This
//! table is Typst's with the HTML routines left out. The documents compile exactly as before:
//! Typst calls the HTML routines only for HTML output, or when a template enables its
//! in-development `html` feature, which ours do not.
//!
//! `Routines` is Typst's internal interface between its crates (hidden from its docs); the
//! `typst` version is pinned in Cargo.toml, and an upgrade that changes the table fails to
//! compile here rather than behave differently.

use std::sync::LazyLock;

use typst::foundations::{Content, Module, NativeRuleMap, Scope, StyleChain};
use typst::routines::Routines;
use typst::visualize::Color;
use typst::{Library, LibraryBuilder};

/// A new standard library, as `typst::Library::builder().build()` makes it for paged output.
pub fn paged_library() -> Library {
    LibraryBuilder::from_routines(&PAGED_ROUTINES).build()
}

/// Typst's routine table (`typst::ROUTINES`) without HTML export.
static PAGED_ROUTINES: LazyLock<Routines> = LazyLock::new(|| Routines {
    rules: || {
        let mut rules = NativeRuleMap::new();
        typst_layout::register(&mut rules);
        rules
    },
    eval_string: typst_eval::eval_string,
    eval_closure: typst_eval::eval_closure,
    realize: typst_realize::realize,
    layout_frame: typst_layout::layout_frame,
    html_module: no_html_module,
    html_mathml_body: no_mathml_body,
    html_span_filled: span_as_is,
});

/// The `html` module exists only with Typst's `html` feature, which the templates never enable.
fn no_html_module() -> Module {
    Module::new("html", Scope::new())
}

/// Math that is MathML inside an HTML element: there are no HTML elements without the `html`
/// module, so no content is.
fn no_mathml_body<'a>(_: &'a Content, _: StyleChain<'a>) -> Option<Option<&'a Content>> {
    None
}

/// Raw text coloured for HTML output; asked for HTML output only.
fn span_as_is(content: Content, _: Color) -> Content {
    content
}
