//! Reading a spreadsheet file into a [`Sheet`], bounded before anything large is allocated: the
//! file's size, what its zip container unpacks to (a 2 MB "zip bomb" can unpack to gigabytes), and
//! for .xlsx/.xlsb the rows and columns of its cells, read one cell at a time (a sheet that names
//! a cell at XFD1048576 would otherwise be allocated as 17 billion cells). The app reads a sheet
//! in a process of its own ([`read_isolated`]): the spreadsheet library is not hardened (the
//! import fuzz target found it asserting on a damaged file), and the shipped app aborts on a
//! panic, so whatever a file does to the reader must not reach the app.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::sheet::{MAX_ROWS, Sheet, SheetError, cell_text, too_many_rows};
use crate::core::money::format_number;

/// The largest spreadsheet file read, in bytes.
pub const MAX_SHEET_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The most a spreadsheet's zip container may unpack to, in bytes, all its parts together.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The columns read: a registration export has a handful.
pub const MAX_COLUMNS: u32 = 1_000;
/// The most cells the rows of a sheet may span, empty ones between filled ones included.
pub const MAX_CELLS: usize = 5_000_000;

fn mb(bytes: u64) -> String {
    format_number(rust_decimal::Decimal::from(bytes / (1024 * 1024)))
}

/// Reads the first sheet with data of an .xlsx, .xlsm, .xls, .xlsb or .ods file, or a .csv
/// (separated by semicolons, commas or tabs, as it is found), within the bounds above.
pub fn read(path: &Path) -> Result<Sheet, SheetError> {
    let mut sheet = read_contents(path)?;
    // Read again for the hash, within the size just checked: the history names the import by
    // the SHA-256 of the file as it lies on disk, which `sha256sum` gives for the same file.
    let bytes = std::fs::read(path).map_err(|e| {
        SheetError(format!(
            "{} kon niet worden gelezen: {}.",
            path.display(),
            crate::storage::io_reason(&e)
        ))
    })?;
    use sha2::Digest;
    sheet.sha256 = format!("{:x}", sha2::Sha256::digest(&bytes));
    Ok(sheet)
}

/// The sheet in a file, without its hash.
fn read_contents(path: &Path) -> Result<Sheet, SheetError> {
    let name = path.display();
    let unreadable = |e: std::io::Error| {
        SheetError(format!(
            "{name} kon niet worden gelezen: {}.",
            crate::storage::io_reason(&e)
        ))
    };
    crate::storage::check_input(path).map_err(|refusal| SheetError(refusal.to_string()))?;
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_SHEET_FILE_BYTES {
        return Err(SheetError(format!(
            "{name} is te groot ({} MB); Keuzekaart leest spreadsheets tot {} MB.",
            mb(size),
            mb(MAX_SHEET_FILE_BYTES)
        )));
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(extension.as_str(), "csv" | "txt" | "tsv") {
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_SHEET_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(unreadable)?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            // Excel on Windows writes CSV in Windows-1252; its Dutch letters are Latin-1.
            Err(e) => e.into_bytes().iter().map(|b| char::from(*b)).collect(),
        };
        return Sheet::from_delimited(&text);
    }
    check_unpacked(path)?;
    check_compound_file(path, size)?;
    let not_a_sheet = |e: &dyn std::fmt::Display| {
        SheetError(format!(
            "{name} is geen spreadsheet die Keuzekaart kan lezen (.xlsx, .ods, .xls of .csv): {e}."
        ))
    };
    let sheet = match extension.as_str() {
        "xlsx" | "xlsm" | "xlam" => sparse_book!(calamine::Xlsx<_>, path, name, not_a_sheet),
        "xlsb" => sparse_book!(calamine::Xlsb<_>, path, name, not_a_sheet),
        // .ods and .xls: calamine's own bounds on rows, columns and cells apply (an .xls sheet
        // holds at most 65.536 × 256 cells; .ods repeats are capped), after the size checks.
        _ => {
            use calamine::Reader;
            let mut book = calamine::open_workbook_auto(path).map_err(|e| not_a_sheet(&e))?;
            first_with_data(book.sheet_names(), |sheet| {
                let range = book
                    .worksheet_range(sheet)
                    .map_err(|e| SheetError(format!("Blad ‘{sheet}’ van {name}: {e}.")))?;
                let (first_row, _) = range.start().unwrap_or((0, 0));
                Sheet::from_rows(range.rows().enumerate().map(|(i, row)| {
                    (
                        first_row as usize + i + 1,
                        row.iter().map(cell_text).collect::<Vec<_>>(),
                    )
                }))
            })?
        }
    };
    sheet.ok_or_else(|| SheetError(format!("{name} bevat geen gegevens.")))
}

/// Reads the first sheet with data of a workbook whose reader gives its cells one at a time
/// (`worksheet_cells_reader`: .xlsx and .xlsb, two types with the same methods), sparsely.
macro_rules! sparse_book {
    ($book:ty, $path:expr, $name:expr, $not_a_sheet:expr) => {{
        let mut book: $book = calamine::open_workbook($path).map_err(|e| $not_a_sheet(&e))?;
        let in_sheet = |sheet: &str, e: &dyn std::fmt::Display| {
            SheetError(format!("Blad ‘{sheet}’ van {}: {e}.", $name))
        };
        first_with_data(calamine::Reader::sheet_names(&book), |sheet| {
            let mut cells = book
                .worksheet_cells_reader(sheet)
                .map_err(|e| in_sheet(sheet, &e))?;
            sparse_sheet(|| cells.next_cell().map_err(|e| in_sheet(sheet, &e)))
        })?
    }};
}
use sparse_book;

/// The first sheet that has a header row, read by `read_sheet` in the file's order.
fn first_with_data(
    names: Vec<String>,
    mut read_sheet: impl FnMut(&str) -> Result<Sheet, SheetError>,
) -> Result<Option<Sheet>, SheetError> {
    for name in names {
        let sheet = read_sheet(&name)?;
        if !sheet.headers.is_empty() {
            return Ok(Some(sheet));
        }
    }
    Ok(None)
}

/// A sheet from its cells, one at a time: refused as soon as a cell lies past the rows or
/// columns read, or the rows would span too many cells, so nothing is allocated for the gap.
fn sparse_sheet<'a>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<calamine::DataRef<'a>>>, SheetError>,
) -> Result<Sheet, SheetError> {
    // Per row: its width so far (last filled column + 1) and its filled cells.
    let mut rows: BTreeMap<u32, (u32, Vec<(u32, String)>)> = BTreeMap::new();
    let mut span = 0usize;
    while let Some(cell) = next()? {
        let (row, column) = cell.get_position();
        // Row 1 is the header: MAX_ROWS rows of figures may follow it.
        if row as usize > MAX_ROWS {
            return Err(too_many_rows());
        }
        if column >= MAX_COLUMNS {
            return Err(SheetError(format!(
                "Het blad heeft een cel in kolom {} (regel {}); Keuzekaart leest de eerste {} kolommen. \
                 Haal wat daar staat weg, of exporteer alleen de kolommen die u nodig hebt.",
                column + 1,
                row + 1,
                format_number(MAX_COLUMNS.into())
            )));
        }
        let text = cell_text(&calamine::Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        let (width, cells) = rows.entry(row).or_default();
        span += (column + 1).saturating_sub(*width) as usize;
        *width = (*width).max(column + 1);
        if span > MAX_CELLS {
            return Err(SheetError(format!(
                "Het blad beslaat meer dan {} cellen; Keuzekaart leest een export met de regels \
                 van één looptijd.",
                format_number(MAX_CELLS.into())
            )));
        }
        cells.push((column, text));
    }
    Sheet::from_rows(rows.into_iter().map(|(row, (width, cells))| {
        let mut texts = vec![String::new(); width as usize];
        for (column, text) in cells {
            texts[column as usize] = text;
        }
        (row as usize + 1, texts)
    }))
}

/// Refuses a zip container (.xlsx, .xlsb, .ods) that unpacks to more than [`MAX_UNPACKED_BYTES`]:
/// first by the sizes its directory declares, then by unpacking each part into nothing, counting,
/// in case a declared size lies. A file that is not a zip is left to the reader to judge.
fn check_unpacked(path: &Path) -> Result<(), SheetError> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    let refuse = || {
        SheetError(format!(
            "{} pakt uit tot meer dan {} MB; zo groot is geen export van realisatiecijfers. \
             Het bestand is niet gelezen.",
            path.display(),
            mb(MAX_UNPACKED_BYTES)
        ))
    };
    let declared = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|e| e.size()))
        .fold(0u64, u64::saturating_add);
    if declared > MAX_UNPACKED_BYTES {
        return Err(refuse());
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue; // the reader reports a broken part in its own words
        };
        let room = MAX_UNPACKED_BYTES - total;
        let read = std::io::copy(&mut entry.take(room + 1), &mut std::io::sink()).unwrap_or(0);
        total += read;
        if total > MAX_UNPACKED_BYTES {
            return Err(refuse());
        }
    }
    Ok(())
}

/// Refuses a compound file (.xls, and the container of a password-protected .xlsx) whose length
/// is not a whole number of its sectors: calamine 0.38 asserts on the short last sector and, in
/// the shipped app (which aborts on a panic), that would close the app. Found by the import fuzz
/// target (fuzz/corpus/import keeps the file).
fn check_compound_file(path: &Path, size: u64) -> Result<(), SheetError> {
    const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let mut header = [0u8; 32];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    if read.is_err() || header[..8] != SIGNATURE {
        return Ok(());
    }
    let shift = u16::from_le_bytes([header[30], header[31]]);
    let whole = matches!(shift, 9 | 12) && size.is_multiple_of(1u64 << shift);
    if whole {
        return Ok(());
    }
    Err(SheetError(format!(
        "{} is beschadigd: het is een Office-bestand dat niet uit hele blokken bestaat. Sla het \
         opnieuw op vanuit Excel of LibreOffice.",
        path.display()
    )))
}

/// How long a sheet may take to read in its own process.
pub const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);
/// The address space the reading process may use (Linux), bytes: a file that makes the library
/// allocate more ends that process with an error, not the machine's memory.
pub const READ_MEMORY_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// The hidden command the app runs to read a sheet in a process of its own.
pub const READ_COMMAND: &str = "lees-blad";

/// Reads a sheet by running `program lees-blad PATH` and taking its answer (JSON on stdout).
/// A reader that dies, is killed, takes longer than [`READ_TIMEOUT`] or answers nonsense gives a
/// Dutch refusal; nothing of the app is touched.
pub fn read_isolated(path: &Path, program: &Path) -> Result<Sheet, SheetError> {
    use std::process::{Command, Stdio};
    let name = path.display();
    let mut command = Command::new(program);
    command
        .arg(READ_COMMAND)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: READ_MEMORY_BYTES,
                    rlim_max: READ_MEMORY_BYTES,
                };
                libc::setrlimit(libc::RLIMIT_AS, &limit);
                Ok(())
            });
        }
    }
    let mut child = command.spawn().map_err(|e| {
        SheetError(format!(
            "{name} kon niet worden gelezen: de lezer start niet ({}).",
            crate::storage::io_reason(&e)
        ))
    })?;
    // The answer is read on a thread of its own, so a large one cannot block the child while
    // this thread waits for it to end.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let answer = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Some(status);
        }
        if started.elapsed() > READ_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let bytes = answer.join().unwrap_or_default();
    let broken = || {
        SheetError(format!(
            "{name} kon niet worden gelezen: het lezen stopte voortijdig; het bestand is \
             waarschijnlijk beschadigd. Er is niets veranderd."
        ))
    };
    match status {
        None => Err(SheetError(format!(
            "{name} kon niet worden gelezen: het lezen duurde langer dan {} seconden. Er is niets \
             veranderd.",
            READ_TIMEOUT.as_secs()
        ))),
        Some(status) if !status.success() => Err(broken()),
        Some(_) => serde_json::from_slice::<Result<Sheet, String>>(&bytes)
            .map_err(|_| broken())?
            .map_err(SheetError),
    }
}

/// The reading process's side of [`read_isolated`]: reads the sheet and writes the answer.
pub fn answer_read(path: &Path, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let answer: Result<Sheet, String> = read(path).map_err(|e| e.0);
    serde_json::to_writer(&mut *out, &answer).map_err(std::io::Error::other)?;
    out.flush()
}

impl Sheet {
    /// Reads the first sheet with data of an .xlsx, .xlsm, .xls, .xlsb or .ods file, or a .csv
    /// (separated by semicolons, commas or tabs, as it is found); bounded before it allocates
    /// (see this module).
    pub fn read(path: &Path) -> Result<Sheet, SheetError> {
        super::sheet_file::read(path)
    }

    /// [`Sheet::read`] in a process of its own (`program lees-blad PATH`, the app's own binary),
    /// so that a file that makes the spreadsheet library panic, run out of memory or hang costs
    /// that process, never the app with its unsaved work (see this module).
    pub fn read_isolated(path: &Path, program: &Path) -> Result<Sheet, SheetError> {
        super::sheet_file::read_isolated(path, program)
    }
}
