//! The Typst "world" the annex is compiled in: the template from assets/, the data as a virtual
//! JSON file, fonts shipped inside the binary, and nothing from the network or the disk.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// The annex template, a Typst file a non-programmer can adjust (layout only; no data in it).
pub const TEMPLATE: &str = include_str!("../../assets/bijlage.typ");

/// The fonts the PDFs are set in: Libertinus Serif for the text, DejaVu Sans Mono for the
/// characters it lacks. Only these are built in; Typst's other fonts (New Computer Modern, its
/// math font) were 7 MB of the binary that no template uses. They are stored zlib-compressed by
/// build.rs (1,13 MB instead of 1,56 MB of the binary's 30 MB budget) and inflated once per
/// process, when the first document is made.
const SHIPPED_FONTS: [&[u8]; 5] = [
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/LibertinusSerif-Regular.otf.zlib"
    )),
    include_bytes!(concat!(env!("OUT_DIR"), "/LibertinusSerif-Bold.otf.zlib")),
    include_bytes!(concat!(env!("OUT_DIR"), "/LibertinusSerif-Italic.otf.zlib")),
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/LibertinusSerif-BoldItalic.otf.zlib"
    )),
    include_bytes!(concat!(env!("OUT_DIR"), "/DejaVuSansMono.ttf.zlib")),
];

/// The largest a shipped font may inflate to; each is well under 1 MB.
const MAX_FONT_BYTES: usize = 4 * 1024 * 1024;

/// Inflates a font build.rs compressed for the binary: the PDFs' here, the window's in
/// `ui::fonts`. They were compressed by this very build, so failing to inflate one is a broken
/// build, not bad input (the tests `annex::the_shipped_fonts_are_the_fonts_of_assets` and
/// `ui_access::fonts_are_eguis_defaults` hold them to their sources).
pub fn inflate_shipped(packed: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, MAX_FONT_BYTES)
        .expect("build.rs compressed the shipped fonts")
}

/// The shipped fonts' bytes, inflated, in the order of `assets/fonts/README.md`.
pub fn shipped_font_bytes() -> Vec<Vec<u8>> {
    SHIPPED_FONTS
        .iter()
        .map(|packed| inflate_shipped(packed))
        .collect()
}

/// Fonts and the parsed template, loaded once and shared by every render.
pub struct Fonts {
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
    /// Per font, the characters it has a real glyph for.
    drawn: Vec<std::collections::HashSet<u32>>,
    /// The CONCEPT watermark as an SVG of letter outlines (no text, so not in the text layer).
    watermark: Bytes,
}

impl Fonts {
    /// Loads the fonts shipped inside the binary (see `assets/fonts/README.md`).
    pub fn shipped() -> Fonts {
        let fonts: Vec<Font> = shipped_font_bytes()
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        let drawn = fonts.iter().map(drawn_by).collect();
        let watermark = Bytes::from_string(watermark_svg(&fonts, "CONCEPT"));
        Fonts {
            fonts,
            book,
            drawn,
            watermark,
        }
    }
}

/// The family the annex template sets its text in.
const BODY_FAMILY: &str = "Libertinus Serif";

/// A word as an SVG of the outlines of its letters in the body font's bold face, for the
/// watermark: drawn as shapes, it is seen on every page but never read as text (pdftotext, copy,
/// a screen reader), where stray letters "C", "O", "N" used to appear between the lines.
fn watermark_svg(fonts: &[Font], word: &str) -> String {
    struct Outline {
        d: String,
        x: f32,
    }
    impl ttf_parser::OutlineBuilder for Outline {
        fn move_to(&mut self, x: f32, y: f32) {
            self.d.push_str(&format!("M{} {} ", x + self.x, -y));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.d.push_str(&format!("L{} {} ", x + self.x, -y));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.d
                .push_str(&format!("Q{} {} {} {} ", x1 + self.x, -y1, x + self.x, -y));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.d.push_str(&format!(
                "C{} {} {} {} {} {} ",
                x1 + self.x,
                -y1,
                x2 + self.x,
                -y2,
                x + self.x,
                -y
            ));
        }
        fn close(&mut self) {
            self.d.push_str("Z ");
        }
    }
    let body = || fonts.iter().filter(|f| f.info().family == BODY_FAMILY);
    let font = body()
        .find(|f| f.info().variant.weight.to_number() >= 700)
        .or_else(|| body().next())
        .or_else(|| fonts.first());
    let face = font.and_then(|f| ttf_parser::Face::parse(f.data().as_slice(), f.index()).ok());
    let mut outline = Outline {
        d: String::new(),
        x: 0.0,
    };
    let (mut top, mut bottom) = (700.0, -200.0);
    if let Some(face) = face {
        top = f32::from(face.ascender());
        bottom = f32::from(face.descender());
        for c in word.chars() {
            let Some(glyph) = face.glyph_index(c) else {
                continue;
            };
            face.outline_glyph(glyph, &mut outline);
            outline.x += f32::from(face.glyph_hor_advance(glyph).unwrap_or(0));
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 {} {} {}\">\
         <path fill=\"rgb(200,30,30)\" fill-opacity=\"0.18\" d=\"{}\"/></svg>",
        -top,
        outline.x.max(1.0),
        (top - bottom).max(1.0),
        outline.d.trim_end()
    )
}

/// The characters a font has a real glyph for: its coverage table may claim characters it maps
/// to the empty glyph 0, which PDF/A refuses.
fn drawn_by(font: &Font) -> std::collections::HashSet<u32> {
    let mut drawn = std::collections::HashSet::new();
    let Ok(face) = ttf_parser::Face::parse(font.data().as_slice(), font.index()) else {
        return drawn;
    };
    if let Some(cmap) = face.tables().cmap {
        for subtable in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
            subtable.codepoints(|cp| {
                if subtable.glyph_index(cp).is_some_and(|glyph| glyph.0 != 0) {
                    drawn.insert(cp);
                }
            });
        }
    }
    drawn
}

impl Fonts {
    fn draws(&self, index: usize, c: char) -> bool {
        self.drawn[index].contains(&u32::from(c))
    }
}

impl super::printable::Coverage for Fonts {
    /// Typst sets text in the body font and otherwise falls back to a font whose coverage
    /// claims the character; so a character prints when the body font draws it, or when every
    /// font that claims it really draws it (whichever of them Typst picks).
    fn any(&self, c: char) -> bool {
        if self.body(c) {
            return true;
        }
        let mut claimed = (0..self.fonts.len())
            .filter(|&i| self.fonts[i].info().coverage.contains(u32::from(c)))
            .peekable();
        claimed.peek().is_some() && claimed.all(|i| self.draws(i, c))
    }

    fn body(&self, c: char) -> bool {
        let mut body = (0..self.fonts.len())
            .filter(|&i| self.fonts[i].info().family == BODY_FAMILY)
            .peekable();
        body.peek().is_some() && body.all(|i| self.draws(i, c))
    }
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("a valid virtual path"),
    )
    .intern()
}

/// One compilation: the template, the data file and today's date.
pub struct AnnexWorld<'a> {
    fonts: &'a Fonts,
    library: LazyHash<Library>,
    main: Source,
    data_id: FileId,
    data: Bytes,
    watermark_id: FileId,
    today: Datetime,
}

impl<'a> AnnexWorld<'a> {
    /// A world that compiles `template` with `data` (JSON) as `/data.json`.
    pub fn new(fonts: &'a Fonts, template: &str, data: Vec<u8>, today: Datetime) -> Self {
        AnnexWorld {
            fonts,
            library: LazyHash::new(super::library::paged_library()),
            main: Source::new(file_id("/bijlage.typ"), template.to_owned()),
            data_id: file_id("/data.json"),
            data: Bytes::new(data),
            watermark_id: file_id("/concept.svg"),
            today,
        }
    }
}

impl World for AnnexWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.watermark_id {
            Ok(self.fonts.watermark.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
