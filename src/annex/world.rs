//! The Typst "world" the annex is compiled in: the template from assets/, the data as a virtual
//! JSON file, fonts shipped inside the binary, and nothing from the network or the disk.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The annex template, a Typst file a non-programmer can adjust (layout only; no data in it).
pub const TEMPLATE: &str = include_str!("../../assets/bijlage.typ");

/// Fonts and the parsed template, loaded once and shared by every render.
pub struct Fonts {
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
}

impl Fonts {
    /// Loads the fonts shipped with Typst (Libertinus Serif, New Computer Modern, DejaVu Sans Mono).
    pub fn shipped() -> Fonts {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Fonts { fonts, book }
    }

}

/// The family the annex template sets its text in.
const BODY_FAMILY: &str = "Libertinus Serif";

impl super::printable::Coverage for Fonts {
    fn any(&self, c: char) -> bool {
        (0..self.fonts.len())
            .filter_map(|index| self.book.info(index))
            .any(|info| info.coverage.contains(u32::from(c)))
    }

    fn body(&self, c: char) -> bool {
        (0..self.fonts.len())
            .filter_map(|index| self.book.info(index))
            .filter(|info| info.family == BODY_FAMILY)
            .all(|info| info.coverage.contains(u32::from(c)))
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
    today: Datetime,
}

impl<'a> AnnexWorld<'a> {
    /// A world that compiles `template` with `data` (JSON) as `/data.json`.
    pub fn new(fonts: &'a Fonts, template: &str, data: Vec<u8>, today: Datetime) -> Self {
        AnnexWorld {
            fonts,
            library: LazyHash::new(Library::builder().build()),
            main: Source::new(file_id("/bijlage.typ"), template.to_owned()),
            data_id: file_id("/data.json"),
            data: Bytes::new(data),
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
