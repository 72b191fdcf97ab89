//! Spreadsheets in and out: realisation figures imported from a registration system's export or
//! pasted from Excel, and the workbook exported as an Excel file with real tables and formulas.
//! Depends on the core; the core knows nothing of spreadsheets.

pub mod export;
pub mod import;
pub mod import_report;
pub mod paste;
pub mod sheet;
pub mod sheet_file;

pub use export::{ExportError, export_xlsx};
pub use import::{ImportPreview, Mapping, RememberedMapping, RowProblem, RowsAre, Sheet, preview};
pub use paste::{PastedBlock, is_block, paste_block};
